"""A selection of the graph as one self-contained, offline, safe HTML page.

pyvis assembles the nodes, edges and options (and ships the vis-network library
we in-line); the page itself is our own template, because pyvis's template loads
Bootstrap from a CDN and puts titles, headings and menu ids into the page as raw
HTML. Here article text only travels as JSON (``<``, ``>`` and ``&`` escaped) and
reaches the page through ``textContent``; a Content-Security-Policy with script
hashes lets nothing else run or load.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from pathlib import Path

import pyvis
from pyvis.network import Network

from graph.views.html.data import ActorNode, Said, StanceEdge
from graph.views.html.select import Selection, ViewOptions

ASSETS = Path(__file__).parent / "assets"
VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
TOOLTIP_ITEMS = 8
RANKED = 30  # rows of the strongest-stances table
PANEL_GROUPS, PANEL_ITEMS = 6, 5  # an actor's panel: stances by target, statements each
TYPE_STYLE = {  # actor type -> (colour, vis shape, legend symbol)
    "State": ("#1f77b4", "dot", "●"),
    "Official": ("#ff7f0e", "diamond", "◆"),
    "Person": ("#e6a157", "dot", "●"),
    "GovernmentBody": ("#2ca02c", "square", "■"),
    "IGO": ("#9467bd", "triangle", "▲"),
    "NGO": ("#17becf", "star", "★"),
    "MilitantGroup": ("#d62728", "triangleDown", "▼"),
    "MediaOrganization": ("#8c564b", "square", "■"),
    "PoliticalParty": ("#e377c2", "diamond", "◆"),
    "Group": ("#7f7f7f", "dot", "●"),
    "AnonymousSource": ("#bcbd22", "hexagon", "⬢"),
    "Topic": ("#444444", "box", "▭"),
}
VALENCE_COLOUR = {-1: "#c0392b", 0: "#7f8c8d", 1: "#27ae60"}


def said_item(said: Said, speaker: bool = True) -> dict:
    meta = [said.speaker if speaker else "", said.kind, said.date, said.outlet, said.article]
    return {"words": said.words or "(no words recorded)", "meta": " · ".join(m for m in meta if m)}


def actor_info(node: ActorNode) -> dict:
    lines = [node.actor_type]
    if node.role or node.affiliation:
        lines.append(", ".join(x for x in (node.role, node.affiliation and f"of {node.affiliation}") if x))
    lines.append(f"{len(node.made)} statements made, {node.received} received")
    link = (
        {"href": f"https://www.wikidata.org/wiki/{node.wikidata}", "text": f"Wikidata {node.wikidata}"}
        if re.fullmatch(r"Q\d+", node.wikidata or "")
        else None
    )
    return {
        "heading": node.label,
        "lines": lines,
        "link": link,
        "items": [said_item(s, speaker=False) for s in node.made[:TOOLTIP_ITEMS]],
        "more": max(0, len(node.made) - TOOLTIP_ITEMS),
    }


def panel_info(node: ActorNode, edges: list[StanceEdge], labels: dict[str, str]) -> list[dict]:
    """What the side panel lists for an actor: its stances (``edges``, the ones it holds)
    grouped by target, most statements first, each statement with its words, kind, date
    and headline."""
    groups = [
        {
            "heading": f"{edge.kind} → {labels.get(edge.target, '')}",
            "items": [said_item(s, speaker=False) for s in edge.statements[:PANEL_ITEMS]],
            "more": max(0, len(edge.statements) - PANEL_ITEMS),
        }
        for edge in sorted(edges, key=lambda e: (-len(e.statements), e.kind))[:PANEL_GROUPS]
    ]
    if node.made and not groups:
        groups.append(
            {
                "heading": "statements",
                "items": [said_item(s, speaker=False) for s in node.made[:PANEL_ITEMS]],
                "more": max(0, len(node.made) - PANEL_ITEMS),
            }
        )
    return groups


def edge_info(edge: StanceEdge, source: str, target: str) -> dict:
    return {
        "heading": f"{source} → {edge.kind} → {target}",
        "lines": [evidence_line(edge)],
        "link": None,
        "items": [said_item(s) for s in edge.statements[:TOOLTIP_ITEMS]],
        "more": max(0, len(edge.statements) - TOOLTIP_ITEMS),
    }


def evidence_line(edge: StanceEdge) -> str:
    """'5 statements in 4 articles from 3 outlets' (how much evidence an edge has)."""
    line = f"{plural(len(edge.statements), 'statement')} in {plural(edge.articles, 'article')}"
    return f"{line} from {plural(edge.outlets, 'outlet')}" if edge.outlets else line


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def edge_width(edge: StanceEdge) -> float:
    """Line width in pixels: grows with the distinct outlets that report the stance (up
    to four) and, more slowly, with its statements, so a claim carried by many outlets
    stands out from one outlet repeating itself."""
    return round(1 + 1.5 * min(4, edge.outlets) + min(3.0, math.log2(max(1, len(edge.statements)))), 2)


def build_network(selection: Selection) -> tuple[Network, dict[str, str]]:
    """pyvis nodes and edges with opaque ids; returns the network and IRI -> id."""
    net = Network(directed=True, cdn_resources="in_line")
    ids: dict[str, str] = {}
    labels = {**{i: n.label for i, n in selection.actors.items()}, **selection.topics}
    shown_topics = selection.topics if selection.topic_edges else {}
    for number, iri in enumerate([*sorted(selection.actors), *sorted(shown_topics)]):
        ids[iri] = f"n{number}"
        node = selection.actors.get(iri)
        kind = node.actor_type if node else "Topic"
        colour, shape, _ = TYPE_STYLE.get(kind, TYPE_STYLE["Group"])
        size = (len(node.made) + node.received) if node else 1
        extra: dict[str, object] = {}
        if selection.positions and iri in selection.positions:
            extra = {"x": selection.positions[iri][0], "y": selection.positions[iri][1], "physics": False}
        if iri in selection.labels:
            placed = selection.labels[iri]
            extra["font"] = {"size": round(placed.size, 2)}
            extra["sgLabelled"] = placed.always
            extra["sgRank"] = placed.rank
        net.add_node(ids[iri], label=labels[iri], shape=shape, color=colour, value=max(1, size), sgType=kind, **extra)
    for number, edge in enumerate([*selection.edges, *selection.topic_edges]):
        net.add_edge(
            ids[edge.source],
            ids[edge.target],
            id=f"e{number}",
            label=edge.kind,
            kind=edge.kind,
            color=VALENCE_COLOUR[edge.valence],
            width=edge_width(edge),
        )
    return net, ids


def ranking(selection: Selection, limit: int = RANKED) -> list[dict]:
    """The strongest stances in the view: holder, kind, target, statements, articles,
    distinct outlets and the first and last date, most statements first (the table beside
    the graph)."""
    labels = {i: n.label for i, n in selection.actors.items()}
    rows: list[dict] = []
    for edge in (e for e in selection.edges if e.kind != "Assert"):  # stances, even where assertions are drawn
        dates = sorted(s.date for s in edge.statements if s.date)
        rows.append(
            {
                "holder": labels.get(edge.source, ""),
                "kind": edge.kind,
                "target": labels.get(edge.target, ""),
                "statements": len(edge.statements),
                "articles": edge.articles,
                "outlets": edge.outlets,
                "first": dates[0][:10] if dates else "",
                "last": dates[-1][:10] if dates else "",
                "edge": edge,
            }
        )
    rows.sort(key=lambda r: (-r["statements"], -r["outlets"], -r["articles"], r["holder"], r["kind"], r["target"]))
    return rows[:limit]


def page_data(selection: Selection, options: ViewOptions) -> dict:
    net, ids = build_network(selection)
    labels = {**{i: n.label for i, n in selection.actors.items()}, **selection.topics}
    by_id = {v: k for k, v in ids.items()}
    held: dict[str, list[StanceEdge]] = {}
    for stance in selection.edges:
        held.setdefault(stance.source, []).append(stance)
    nodes = [
        {
            "vis": n,
            "info": actor_info(selection.actors[by_id[n["id"]]])
            if by_id[n["id"]] in selection.actors
            else {"heading": n["label"], "lines": ["Topic"], "link": None, "items": [], "more": 0},
            "panel": panel_info(selection.actors[by_id[n["id"]]], held.get(by_id[n["id"]], []), labels)
            if by_id[n["id"]] in selection.actors
            else [],
        }
        for n in net.nodes
    ]
    all_edges = [*selection.edges, *selection.topic_edges]
    edges = [
        {
            "vis": {**e, "from": e["from"], "to": e["to"]},
            "info": edge_info(all_edges[i], labels[all_edges[i].source], labels[all_edges[i].target]),
            "dates": sorted({s.date[:10] for s in all_edges[i].statements}),
        }
        for i, e in enumerate(net.edges)
    ]
    types = sorted({n["vis"]["sgType"] for n in nodes})
    kinds = sorted({e.kind for e in all_edges})
    valence = {e.kind: e.valence for e in all_edges}
    edge_ids = {id(all_edges[i]): e["id"] for i, e in enumerate(net.edges)}
    ranked = [
        {**{k: v for k, v in r.items() if k != "edge"}, "id": edge_ids.get(id(r["edge"]))} for r in ranking(selection)
    ]
    return {
        "title": options.title,
        "notes": selection.notes,
        "labelled": options.labelled,
        "ranking": ranked,
        "nodes": nodes,
        "edges": edges,
        "options": vis_options(net, selection),
        "legend": {
            "types": [
                {
                    "name": t,
                    "color": TYPE_STYLE.get(t, TYPE_STYLE["Group"])[0],
                    "symbol": TYPE_STYLE.get(t, TYPE_STYLE["Group"])[2],
                }
                for t in types
            ],
            "kinds": [{"name": k, "color": VALENCE_COLOUR[valence[k]]} for k in kinds],
        },
    }


def vis_options(net: Network, selection: Selection) -> dict:
    options = json.loads(net.options.to_json())
    static = selection.positions is not None
    options["physics"] = {
        "enabled": not static,
        "solver": "barnesHut",
        "stabilization": {"enabled": True, "iterations": 200, "fit": True},
    }
    options["edges"] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "smooth": not static,
        "font": {"size": 10, "align": "middle"},
    }
    options["nodes"] = {
        "scaling": {"min": 8, "max": 40, "label": {"enabled": False, "drawThreshold": 5}},
        "font": {"size": 14},
    }
    options["interaction"] = {
        "hover": True,
        "tooltipDelay": 150,
        "hideEdgesOnDrag": static,
        "navigationButtons": False,
        "keyboard": False,
    }
    options["layout"] = {"improvedLayout": not static and len(net.nodes) < 150, "randomSeed": 7}
    return options


def script_json(value: object) -> str:
    """JSON that cannot end its <script> element or open an HTML comment."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def table_page(title: str, style: str, body: str, script: str = "") -> str:
    """A page of our own HTML (``body``, already escaped) with a strict policy: no network,
    and at most one in-lined script, allowed by its hash (the matrix and timeline views)."""
    scripts = f"script-src {digest(script)}; " if script else ""
    csp = f"default-src 'none'; {scripts}style-src 'unsafe-inline'; base-uri 'none'"
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp, quote=True)}">'
        f'<meta name="referrer" content="no-referrer"><title>{html.escape(title)}</title><style>{style}</style>'
        f"</head><body>{body}{f'<script>{script}</script>' if script else ''}</body></html>"
    )


def digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render_html(selection: Selection, options: ViewOptions) -> str:
    """The page: one file, every script and style in-lined, nothing fetched."""
    parts = {
        "vis_js": (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        "vis_css": (VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        "view_js": (ASSETS / "view.js").read_text(encoding="utf-8"),
        "view_css": (ASSETS / "view.css").read_text(encoding="utf-8"),
        "data_json": script_json(page_data(selection, options)),
    }
    csp = (
        f"default-src 'none'; script-src {digest(parts['vis_js'])} {digest(parts['view_js'])}; "
        f"style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
        f"base-uri 'none'; form-action 'none'"
    )
    values = {**parts, "csp": html.escape(csp, quote=True), "title": html.escape(options.title)}
    template = (ASSETS / "view.html").read_text(encoding="utf-8")
    return re.sub(r"\{\{ (\w+) \}\}", lambda m: values[m.group(1)], template)
