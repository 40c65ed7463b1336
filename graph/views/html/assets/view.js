// stancegraph view: builds the vis-network graph from the JSON data block.
// Every string from articles reaches the page through textContent or a canvas
// label, never as HTML; node and edge ids are opaque ("n12", "e7").
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sg-data").textContent);

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function safeHref(href) {
    return /^https?:\/\//i.test(href) ? href : null;
  }

  function tooltip(info) {
    var box = el("div", null, "sg-tip");
    box.appendChild(el("div", info.heading, "sg-tip-heading"));
    info.lines.forEach(function (line) { box.appendChild(el("div", line, "sg-tip-line")); });
    if (info.link && safeHref(info.link.href)) {
      var a = el("a", info.link.text);
      a.href = safeHref(info.link.href);
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      box.appendChild(a);
    }
    if (info.items.length) {
      var list = el("ul", null, "sg-tip-items");
      info.items.forEach(function (item) {
        var li = el("li");
        li.appendChild(el("q", item.words));
        li.appendChild(el("div", item.meta, "sg-tip-meta"));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    if (info.more) box.appendChild(el("div", "+ " + info.more + " more", "sg-tip-more"));
    return box;
  }

  var hiddenKinds = {}, hiddenTypes = {};
  // Labels: the most connected nodes are labelled at every zoom (placed so that they do
  // not overlap); the others appear once the reader zooms in to twice the fitted scale.
  var names = {}, quiet = [];
  data.nodes.forEach(function (n) {
    names[n.vis.id] = n.vis.label;
    if (!n.vis.sgLabelled) quiet.push(n.vis.id);
  });
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign({}, n.vis, {
      title: tooltip(n.info), sgName: n.vis.label, label: n.vis.sgLabelled ? n.vis.label : ""
    });
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return Object.assign({}, e.vis, { title: tooltip(e.info) });
  }));
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hiddenTypes[n.sgType]; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return !hiddenKinds[e.kind]; } });
  var container = document.getElementById("sg-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);

  document.getElementById("sg-title").textContent = data.title;
  var notes = document.getElementById("sg-notes");
  data.notes.forEach(function (note) { notes.appendChild(el("div", note)); });

  function checkbox(parent, label, swatch, hidden, key, view) {
    var row = el("label", null, "sg-row");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { hidden[key] = !box.checked; view.refresh(); });
    row.appendChild(box);
    row.appendChild(swatch);
    row.appendChild(el("span", label));
    parent.appendChild(row);
  }

  var legend = document.getElementById("sg-legend");
  legend.appendChild(el("div", "Actors", "sg-legend-heading"));
  data.legend.types.forEach(function (t) {
    var swatch = el("span", t.symbol, "sg-swatch");
    swatch.style.color = t.color;
    checkbox(legend, t.name, swatch, hiddenTypes, t.name, nodeView);
  });
  legend.appendChild(el("div", "Statements", "sg-legend-heading"));
  data.legend.kinds.forEach(function (k) {
    var swatch = el("span", "\u2014", "sg-swatch");
    swatch.style.color = k.color;
    checkbox(legend, k.name, swatch, hiddenKinds, k.name, edgeView);
  });

  var search = document.getElementById("sg-search");
  var options = document.getElementById("sg-names");
  data.nodes.forEach(function (n) {
    var option = document.createElement("option");
    option.value = n.vis.label;
    options.appendChild(option);
  });
  search.addEventListener("change", function () {
    var wanted = search.value.toLowerCase();
    var hit = data.nodes.filter(function (n) { return n.vis.label.toLowerCase() === wanted; })[0];
    if (hit) {
      network.selectNodes([hit.vis.id]);
      network.focus(hit.vis.id, { scale: 1.2, animation: false });
    }
  });

  // The strongest stances, ranked, beside the graph: a row selects its edge.
  var ranking = document.getElementById("sg-ranking");
  if (data.ranking.length) {
    ranking.appendChild(el("div", "Strongest stances", "sg-legend-heading"));
    var table = el("table", null, "sg-ranking-table");
    var head = el("tr");
    ["holder", "kind", "target", "statements", "articles", "first", "last"].forEach(function (name) {
      head.appendChild(el("th", name));
    });
    table.appendChild(head);
    data.ranking.forEach(function (row) {
      var tr = el("tr");
      [row.holder, row.kind, row.target, row.statements, row.articles, row.first, row.last].forEach(function (v) {
        tr.appendChild(el("td", v));
      });
      if (row.id) {
        tr.addEventListener("click", function () { network.selectEdges([row.id]); });
      }
      table.appendChild(tr);
    });
    ranking.appendChild(table);
  } else {
    ranking.appendChild(el("div", "No stances in this view (plain assertions are not drawn).", "sg-legend-heading"));
  }

  // The side panel: a click on an actor lists its stances and their statements (words,
  // kind, date, headline); a click on an edge lists the statements behind it.
  var panel = document.getElementById("sg-panel");
  var byNode = {}, byEdge = {};
  data.nodes.forEach(function (n) { byNode[n.vis.id] = n; });
  data.edges.forEach(function (e) { byEdge[e.vis.id] = e; });
  function statements(list, items, more) {
    items.forEach(function (item) {
      var li = el("li");
      li.appendChild(el("q", item.words));
      li.appendChild(el("div", item.meta, "sg-tip-meta"));
      list.appendChild(li);
    });
    if (more) list.appendChild(el("li", "+ " + more + " more", "sg-tip-more"));
  }
  function showPanel(info, groups) {
    panel.textContent = "";
    panel.appendChild(tooltip(Object.assign({}, info, { items: [], more: 0 })));
    groups.forEach(function (group) {
      panel.appendChild(el("div", group.heading, "sg-legend-heading"));
      var list = el("ul", null, "sg-tip-items");
      statements(list, group.items, group.more);
      panel.appendChild(list);
    });
    panel.style.display = "block";
  }
  network.on("click", function (event) {
    if (event.nodes.length && byNode[event.nodes[0]]) {
      var n = byNode[event.nodes[0]];
      showPanel(n.info, n.panel);
    } else if (event.edges.length && byEdge[event.edges[0]]) {
      var e = byEdge[event.edges[0]];
      showPanel(e.info, [{ heading: "statements", items: e.info.items, more: e.info.more }]);
    } else {
      panel.style.display = "none";
    }
  });

  var fitScale = null, allLabels = false;
  function showAllLabels(on) {
    if (on === allLabels) return;
    allLabels = on;
    nodes.update(quiet.map(function (id) { return { id: id, label: on ? names[id] : "" }; }));
  }
  network.on("zoom", function () {
    if (fitScale) showAllLabels(network.getScale() >= fitScale * 2);
  });

  network.once("afterDrawing", function () {
    fitScale = network.getScale();
    document.body.setAttribute("data-ready", "1");
    window.sgFirstDraw = performance.now();
  });
  window.sgNetwork = network;
  window.sgData = { nodes: nodes, edges: edges };
})();
