"""Views in a real headless Chromium, offline: the sample, an ego network, hostile
text, and a 5,000-node graph."""

from __future__ import annotations

import time

import pyoxigraph as ox
import pytest

from graph.ingest import make_article
from graph.pipeline.synthetic import synthetic_extractions
from graph.rdf.mapping import extraction_triples
from graph.records import Actor, ActorType, Extraction, SpeechMode, Statement, StatementKind, TextSpan
from graph.sparql.run import run_query
from graph.store.embedded import open_store
from graph.store.write import finish_build, write_articles
from graph.views.html import ViewOptions, write_view
from tests.browser import hover_node, open_page, poll
from tests.factories import MINTER, RUN, store_from

LABELS = "window.sgData.nodes.get().map(n => n.sgName).sort()"


def labels_of(store, sparql):
    return sorted({s["l"].value for s in run_query(store, sparql)})


@pytest.mark.model
def test_sample_view_shows_every_actor_with_a_statement(sample_store_dir, browser_context, tmp_path):
    store = open_store(sample_store_dir, read_only=True)
    write_view(store, tmp_path / "sample.html", ViewOptions(asserts=True))
    page, log = open_page(browser_context, (tmp_path / "sample.html").as_uri())
    expected = labels_of(
        store,
        "SELECT ?l WHERE { { ?s sg:speaker ?a } UNION { ?s sg:target ?a } UNION "
        "{ ?p a sg:Position ; sg:holder ?a } ?a rdfs:label ?l }",
    )
    assert page.evaluate(LABELS) == expected
    assert not log.problems and not log.external and not log.dialogs
    first = page.evaluate("window.sgData.nodes.get().find(n => n.sgLabelled).id")
    label = page.evaluate(f"window.sgData.nodes.get('{first}').sgName")
    assert hover_node(page, first).startswith(label)
    page.screenshot(path=str(tmp_path / "sample.png"))
    assert (tmp_path / "sample.png").stat().st_size > 10_000


@pytest.mark.model
def test_actor_view_shows_only_the_actor_its_neighbours_and_their_edges(sample_store_dir, browser_context, tmp_path):
    store = open_store(sample_store_dir, read_only=True)
    write_view(store, tmp_path / "us.html", ViewOptions(actor="United States"))
    page, log = open_page(browser_context, (tmp_path / "us.html").as_uri())
    us = "<https://w3id.org/stancegraph/id/actor/wd/Q30>"
    neighbours = labels_of(
        store,
        f"SELECT ?l WHERE {{ ?p a sg:Position . {{ ?p sg:holder {us} ; sg:target ?a }} "
        f"UNION {{ ?p sg:target {us} ; sg:holder ?a }} ?a rdfs:label ?l }}",
    )
    assert page.evaluate(LABELS) == sorted({"United States", *neighbours})
    ends = page.evaluate("window.sgData.edges.get().map(e => [e.from, e.to])")
    us_id = page.evaluate("window.sgData.nodes.get().find(n => n.sgName === 'United States').id")
    assert ends and all(us_id in pair for pair in ends)
    assert not log.problems and not log.external


HOSTILE = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=2">',
    "</script><script>window.__pwned=3</script>",
    "';window.__pwned=4;//",
    "`${window.__pwned=5}`",
    "<!-- {{ view_js }} \u2028\u2029",
    '<a href="javascript:window.__pwned=6">x</a>',
    '\\"});alert(7);//',
]


def hostile_store(tmp_path) -> ox.Store:
    text = " ".join(f"{h} said {h}." for h in HOSTILE)
    actors, statements, offset = [], [], 0
    for number, name in enumerate(HOSTILE):
        actors.append(Actor(f"name:group:hostile {number}", name, ActorType.GROUP, alt_labels=(name + "!",), role=name))
        sentence = f"{name} said {name}."
        content = TextSpan(offset + len(name) + 6, offset + 2 * len(name) + 6, name)
        target = f"name:group:hostile {(number + 1) % len(HOSTILE)}"
        statements.append(
            Statement(
                actors[-1].key,
                StatementKind.ACCUSE,
                SpeechMode.DIRECT,
                TextSpan(offset, offset + len(sentence), sentence),
                content=content,
                quote=(content,),
                targets=(target,),
            )
        )
        offset += len(sentence) + 1
    extraction = Extraction(
        make_article(text, title=HOSTILE[1], url="https://example.org/x?<script>", published="2024-01-01"),
        tuple(actors),
        tuple(statements),
    )
    return store_from([extraction], tmp_path / "hostile")


def test_hostile_names_and_quotes_stay_inert(browser_context, tmp_path):
    write_view(hostile_store(tmp_path), tmp_path / "hostile.html", ViewOptions(title=HOSTILE[0]))
    page, log = open_page(browser_context, (tmp_path / "hostile.html").as_uri())
    assert page.evaluate("window.__pwned") is None
    assert not log.dialogs and not log.external and not log.errors
    assert page.evaluate("document.querySelectorAll('img, iframe, a[href^=javascript]').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert page.evaluate(LABELS) == sorted(HOSTILE)
    assert page.title() == HOSTILE[0]
    for node_id in page.evaluate("window.sgData.nodes.getIds()")[:3]:
        label = page.evaluate(f"window.sgData.nodes.get('{node_id}').sgName")
        assert label and label in hover_node(page, node_id)  # shown as text, verbatim
    assert page.evaluate("window.__pwned") is None


def test_five_thousand_nodes_render_and_become_interactive(browser_context, tmp_path):
    store = ox.Store()
    batch = [extraction_triples(e, RUN, MINTER) for e in synthetic_extractions(1500, 5000, 6)]
    for start in range(0, len(batch), 250):
        write_articles(store, batch[start : start + 250], MINTER)
    finish_build(store, MINTER)
    report = write_view(store, tmp_path / "big.html", ViewOptions(max_nodes=6000))
    assert report.nodes > 4800 and any("computed in advance" in n for n in report.notes)
    started = time.perf_counter()
    page, log = open_page(browser_context, (tmp_path / "big.html").as_uri(), timeout_ms=120_000)
    elapsed = time.perf_counter() - started
    assert page.evaluate("window.sgData.nodes.length") == report.nodes
    assert "Actor" in hover_node(page, "n10")
    assert not log.problems and not log.external
    print(f"5,000-node view: first render after {elapsed:.2f} s")


LABEL_BOXES = """() => Object.values(window.sgNetwork.body.nodes)
    .filter(n => window.sgData.nodes.get(n.id) && window.sgData.nodes.get(n.id).sgLabelled)
    .map(n => { const s = n.labelModule.size; return [n.id, s.left, s.top, s.width, s.height]; })"""


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    """The 304-article real sample (data/corpus), built once through the real pipeline."""
    from graph.paths import DATA_DIR

    path = tmp_path_factory.mktemp("corpus") / "store"
    report = build_store(DATA_DIR / "corpus", path)
    assert report.written > 250
    return path


def build_store(folder, path):
    from graph.pipeline.build import build
    from graph.settings import Settings

    return build([folder], Settings(store=path))


@pytest.mark.model
def test_the_default_view_of_a_real_corpus_reads(corpus_store, browser_context, tmp_path):
    """304 real articles: stances only, no isolated node, the top 30 labels drawn without
    overlapping, and the ranked table of strongest stances beside the graph."""
    write_view(open_store(corpus_store, read_only=True), tmp_path / "corpus.html")
    page, log = open_page(browser_context, (tmp_path / "corpus.html").as_uri())
    assert not log.problems and not log.external
    nodes = page.evaluate("window.sgData.nodes.getIds()")
    ends = page.evaluate("window.sgData.edges.get().flatMap(e => [e.from, e.to])")
    assert nodes and set(nodes) <= set(ends), "a node without an edge"
    assert "Assert" not in page.evaluate("window.sgData.edges.get().map(e => e.kind)")
    boxes = page.evaluate(LABEL_BOXES)
    assert len(boxes) == 30 and all(width > 0 and height > 0 for _, _, _, width, height in boxes)
    for i, (a, left, top, width, height) in enumerate(boxes):
        for b, left2, top2, width2, height2 in boxes[i + 1 :]:
            apart = left + width <= left2 or left2 + width2 <= left or top + height <= top2 or top2 + height2 <= top
            assert apart, f"the labels of {a} and {b} overlap"
    scale = page.evaluate("window.sgNetwork.getScale()")
    assert min(height for *_, height in boxes) * scale >= 9  # readable at fit zoom (pixels)
    rows = page.evaluate("Array.from(document.querySelectorAll('#sg-ranking tr')).map(r => r.innerText)")
    assert len(rows) == 31 and rows[0].split("\t")[:3] == ["holder", "kind", "target"]
    holder = rows[1].split("\t")[0]
    node = page.evaluate(f"window.sgData.nodes.get().find(n => n.sgName === {holder!r}).id")
    click_node(page, node)
    panel = page.evaluate("document.getElementById('sg-panel').innerText")
    headlines = page.evaluate(HEADLINES, holder)
    assert panel.startswith(holder) and " → " in panel
    assert any(headline in panel and not headline.startswith("http") for headline in headlines), "no headline"


HEADLINES = """(name) => window.sgData.nodes.get().length && Array.from(new Set(
    JSON.parse(document.getElementById('sg-data').textContent).nodes
      .filter(n => n.vis.label === name).flatMap(n => n.panel.flatMap(g => g.items.map(i => i.meta.split(' · ').pop())))))"""


def click_node(page, node_id: str) -> None:
    x, y = page.evaluate(
        """(id) => { const n = window.sgNetwork; const p = n.canvasToDOM(n.getPositions([id])[id]);
                     const r = document.getElementById('sg-network').getBoundingClientRect();
                     return [p.x + r.left, p.y + r.top]; }""",
        node_id,
    )
    page.mouse.click(x, y)
    poll(page, "document.getElementById('sg-panel').style.display === 'block'")


SHOWN = """() => ({nodes: window.sgNetwork.body.data.nodes.getIds(),
    edges: window.sgNetwork.body.data.edges.get().map(e => [e.id, e.from, e.to, e.kind])})"""
SHOWN_LABEL_BOXES = """() => { const shown = new Set(window.sgNetwork.body.data.nodes.getIds());
    return Object.values(window.sgNetwork.body.nodes)
      .filter(n => shown.has(n.id) && window.sgData.nodes.get(n.id).sgLabelled)
      .map(n => { const s = n.labelModule.size; return [n.id, s.left, s.top, s.width, s.height]; }); }"""


def assert_apart(boxes) -> None:
    for i, (a, left, top, width, height) in enumerate(boxes):
        for b, left2, top2, width2, height2 in boxes[i + 1 :]:
            apart = left + width <= left2 or left2 + width2 <= left or top + height <= top2 or top2 + height2 <= top
            assert apart, f"the labels of {a} and {b} overlap"


def assert_no_isolated(shown) -> None:
    ends = {end for _, source, target, _ in shown["edges"] for end in (source, target)}
    assert shown["nodes"] and set(shown["nodes"]) <= ends, "a node without an edge is drawn"


@pytest.mark.model
def test_filters_rerun_the_layout_on_what_remains(corpus_store, browser_context, tmp_path):
    """Unticking a kind and narrowing the dates hide what they filter out, every actor left
    without an edge, and the ranked rows of hidden edges; the layout is re-run on the rest
    and its labels re-picked without overlaps."""
    write_view(open_store(corpus_store, read_only=True), tmp_path / "corpus.html")
    page, log = open_page(browser_context, (tmp_path / "corpus.html").as_uri())
    before = page.evaluate(SHOWN)
    page.locator("#sg-legend label", has_text="Accuse").locator("input").uncheck()
    poll(page, "document.body.getAttribute('data-laid-out') === '1'", timeout_s=60)
    after = page.evaluate(SHOWN)
    assert "Accuse" in {kind for *_, kind in before["edges"]}
    assert "Accuse" not in {kind for *_, kind in after["edges"]} and len(after["nodes"]) < len(before["nodes"])
    assert_no_isolated(after)
    assert_apart(page.evaluate(SHOWN_LABEL_BOXES))
    hidden_rows = page.evaluate(
        "Array.from(document.querySelectorAll('#sg-ranking tr')).filter(r => r.style.display === 'none')"
        ".map(r => r.cells[1].innerText)"
    )
    assert hidden_rows and set(hidden_rows) == {"Accuse"}
    dates = page.evaluate(
        "Object.fromEntries(JSON.parse(document.getElementById('sg-data').textContent)"
        ".edges.map(e => [e.vis.id, e.dates]))"
    )
    page.fill("#sg-since", "2019-06-01")
    page.dispatch_event("#sg-since", "change")
    poll(page, "document.body.getAttribute('data-laid-out') === '2'", timeout_s=60)
    ranged = page.evaluate(SHOWN)
    assert 0 < len(ranged["edges"]) < len(after["edges"])
    assert all(any(d >= "2019-06-01" for d in dates[edge]) for edge, *_ in ranged["edges"])
    assert_no_isolated(ranged)
    assert_apart(page.evaluate(SHOWN_LABEL_BOXES))
    assert page.inner_text("#sg-shown").startswith(f"{len(ranged['nodes'])} actors")
    assert not log.problems and not log.external


@pytest.mark.model
def test_matrix_and_timeline_pages_work_offline(corpus_store, browser_context, tmp_path):
    """The stance matrix sorts its rows by a clicked column; the timeline lists months in
    order; neither fetches anything nor logs an error."""
    store = open_store(corpus_store, read_only=True)
    write_view(store, tmp_path / "matrix.html", ViewOptions(kind="matrix"))
    page, log = open_page(browser_context, (tmp_path / "matrix.html").as_uri())
    column = page.evaluate("document.querySelectorAll('thead th[data-col]').length")
    assert column == 30
    page.click("thead th[data-col='2']")
    counts = page.evaluate(
        "Array.from(document.querySelectorAll('tbody tr')).map(r => Number(r.cells[2].getAttribute('data-n')))"
    )
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    assert not log.problems and not log.external
    write_view(store, tmp_path / "timeline.html", ViewOptions(kind="timeline", actor="Iran"))
    page = browser_context.new_page()
    page.goto((tmp_path / "timeline.html").as_uri())
    months = page.evaluate("Array.from(document.querySelectorAll('tbody th')).map(th => th.innerText)")
    dated = [m for m in months if m != "undated"]
    assert len(dated) > 3 and dated == sorted(dated)
    assert page.evaluate("document.querySelectorAll('script').length") == 0
