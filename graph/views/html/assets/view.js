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

  // Filters (actor types, statement kinds, a date range) decide what is drawn: an edge
  // shows if its kind and both ends' types are shown and a statement behind it falls in
  // the range; an actor shows if its type is shown and, when it had edges, one of them
  // still shows (no isolated nodes). After a change the layout is re-run on what remains.
  var hiddenKinds = {}, hiddenTypes = {}, shownEdges = {}, shownNodes = {};
  var names = {}, typeOf = {}, hadEdge = {};
  data.nodes.forEach(function (n) { names[n.vis.id] = n.vis.label; typeOf[n.vis.id] = n.vis.sgType; });
  data.edges.forEach(function (e) { hadEdge[e.vis.from] = hadEdge[e.vis.to] = true; });
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign({}, n.vis, {
      title: tooltip(n.info), sgName: n.vis.label, label: n.vis.sgLabelled ? n.vis.label : ""
    });
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return Object.assign({}, e.vis, { title: tooltip(e.info) });
  }));
  var since = document.getElementById("sg-since"), until = document.getElementById("sg-until");

  function inRange(dates) {
    if (!since.value && !until.value) return true;
    return dates.some(function (d) {
      return d && (!since.value || d >= since.value) && (!until.value || d <= until.value);
    });
  }
  function decide() {
    var degree = {};
    shownEdges = {};
    data.edges.forEach(function (e) {
      var v = e.vis;
      if (hiddenKinds[v.kind] || hiddenTypes[typeOf[v.from]] || hiddenTypes[typeOf[v.to]] || !inRange(e.dates)) return;
      shownEdges[v.id] = true;
      degree[v.from] = degree[v.to] = true;
    });
    shownNodes = {};
    data.nodes.forEach(function (n) {
      var id = n.vis.id;
      if (!hiddenTypes[n.vis.sgType] && (degree[id] || !hadEdge[id])) shownNodes[id] = true;
    });
  }
  decide();
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !!shownNodes[n.id]; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return !!shownEdges[e.id]; } });
  var container = document.getElementById("sg-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);

  document.getElementById("sg-title").textContent = data.title;
  var notes = document.getElementById("sg-notes");
  data.notes.forEach(function (note) { notes.appendChild(el("div", note)); });

  function checkbox(parent, label, swatch, hidden, key) {
    var row = el("label", null, "sg-row");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { hidden[key] = !box.checked; refilter(); });
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
    checkbox(legend, t.name, swatch, hiddenTypes, t.name);
  });
  legend.appendChild(el("div", "Statements", "sg-legend-heading"));
  data.legend.kinds.forEach(function (k) {
    var swatch = el("span", "\u2014", "sg-swatch");
    swatch.style.color = k.color;
    checkbox(legend, k.name, swatch, hiddenKinds, k.name);
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
  var ranking = document.getElementById("sg-ranking"), rankRows = [];
  if (data.ranking.length) {
    ranking.appendChild(el("div", "Strongest stances", "sg-legend-heading"));
    var table = el("table", null, "sg-ranking-table");
    var head = el("tr");
    ["holder", "kind", "target", "statements", "articles", "outlets", "first", "last"].forEach(function (name) {
      head.appendChild(el("th", name));
    });
    table.appendChild(head);
    data.ranking.forEach(function (row) {
      var tr = el("tr");
      [row.holder, row.kind, row.target, row.statements, row.articles, row.outlets, row.first, row.last].forEach(function (v) {
        tr.appendChild(el("td", v));
      });
      if (row.id) {
        tr.addEventListener("click", function () { network.selectEdges([row.id]); });
        rankRows.push({ id: row.id, tr: tr });
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

  // Labels: the most connected shown nodes are labelled at every zoom, most connected
  // first, each only where its box clears those already drawn (the first layout comes
  // placed that way from Python; after a filter the page re-picks them); the others
  // appear once the reader zooms in to twice the fitted scale.
  var fitScale = null, allLabels = false, labelled = {};
  data.nodes.forEach(function (n) { if (n.vis.sgLabelled) labelled[n.vis.id] = true; });
  function quietLabels(on) {
    return data.nodes.filter(function (n) { return !labelled[n.vis.id]; }).map(function (n) {
      return { id: n.vis.id, label: on ? names[n.vis.id] : "" };
    });
  }
  function showAllLabels(on) {
    if (on === allLabels) return;
    allLabels = on;
    nodes.update(quietLabels(on));
  }
  network.on("zoom", function () {
    if (fitScale) showAllLabels(network.getScale() >= fitScale * 2);
  });
  function pickLabels() {
    network.fit({ animation: false });
    fitScale = network.getScale();
    var size = 13 / fitScale, boxes = [], where = network.getPositions(Object.keys(shownNodes));
    var order = Object.keys(shownNodes).sort(function (a, b) {
      return nodes.get(a).sgRank - nodes.get(b).sgRank;
    });
    labelled = {};
    order.forEach(function (id) {
      if (boxes.length >= data.labelled) return;
      var p = where[id], w = 0.56 * size * Math.max(names[id].length, 1) * 1.2, h = 1.25 * size * 1.2;
      var box = [p.x - w / 2, p.y + 20, p.x + w / 2, p.y + 20 + h];
      var clear = boxes.every(function (b) { return box[0] >= b[2] || b[0] >= box[2] || box[1] >= b[3] || b[1] >= box[3]; });
      if (clear) { boxes.push(box); labelled[id] = true; }
    });
    allLabels = false;
    nodes.update(data.nodes.map(function (n) {
      var on = !!labelled[n.vis.id];
      return { id: n.vis.id, label: on ? names[n.vis.id] : "", sgLabelled: on, font: { size: on ? size : 6.5 / fitScale } };
    }));
  }
  // Re-running the layout: a ForceAtlas2 simulation from the current positions on what is
  // shown (up to physicsLimit nodes; above it the computed positions stay and are re-fitted).
  var physicsLimit = 600;
  function relayout() {
    var shown = Object.keys(shownNodes);
    if (!shown.length) return;
    if (shown.length > physicsLimit) { pickLabels(); laidOut(); return; }
    nodes.update(shown.map(function (id) { return { id: id, physics: true }; }));
    network.setOptions({ physics: { enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 80, avoidOverlap: 0.5 },
      stabilization: { enabled: true, iterations: 250, fit: true } } });
    network.stabilize(250);
  }
  network.on("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    pickLabels();
    laidOut();
  });
  function laidOut() {  // tests and screenshots wait for this count
    network.once("afterDrawing", function () {
      document.body.setAttribute("data-laid-out", String(Number(document.body.getAttribute("data-laid-out") || 0) + 1));
    });
    network.redraw();
  }
  function refilter() {
    decide();
    nodeView.refresh();
    edgeView.refresh();
    rankRows.forEach(function (r) { r.tr.style.display = shownEdges[r.id] ? "" : "none"; });
    showCounts();
    relayout();
  }
  var shownCount = document.getElementById("sg-shown");
  function showCounts() {
    shownCount.textContent = Object.keys(shownNodes).length + " actors, " + Object.keys(shownEdges).length + " edges shown";
  }
  showCounts();
  var dates = [].concat.apply([], data.edges.map(function (e) { return e.dates; })).filter(Boolean).sort();
  if (dates.length) {
    [since, until].forEach(function (input) {
      input.min = dates[0];
      input.max = dates[dates.length - 1];
      input.addEventListener("change", refilter);
    });
  } else {
    document.getElementById("sg-range").style.display = "none";
  }

  network.once("afterDrawing", function () {
    fitScale = network.getScale();
    document.body.setAttribute("data-ready", "1");
    window.sgFirstDraw = performance.now();
  });
  window.sgNetwork = network;
  window.sgData = { nodes: nodes, edges: edges, shown: function () { return Object.keys(shownNodes); } };
})();
