"""Labels that read at fit-to-screen zoom: the most important nodes always labelled, no
two of their label boxes overlapping, the rest hidden until the reader zooms in.

vis-network fits the whole layout to the canvas, so a label's size on screen is its font
size (in layout units) times the fit zoom. The top labels get a font that reads at that
zoom; their boxes (estimated as vis draws them: centred under the node, grown by a margin
for windows of other sizes) are kept apart by moving each node, most important first, to the
nearest point (sideways or up and down) where its label clears those already placed. The other labels
are drawn by the page only from twice the fitted zoom (and the name is in every tooltip).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

CANVAS = 1000.0  # pixels a fitted layout spans on a typical screen (width of the graph pane)
READABLE = 13.0  # pixels of a top label at fit zoom
HIDDEN = 6.5  # pixels of another label at fit zoom (the page draws them from twice that zoom)
CHAR = 0.56  # width of a character in font sizes (vis draws Arial-like sans-serif)
LINE = 1.25  # height of a label line in font sizes
MARGIN = 1.5  # boxes are kept apart as if drawn this much larger (the real fit zoom varies with the window)


@dataclass(frozen=True)
class Placed:
    """How one node's label is drawn: its font size in layout units, whether it is one
    of the labels drawn at every zoom, and the node's importance rank (0 = most connected;
    the page re-picks its always-drawn labels in this order after a filter)."""

    size: float
    always: bool = False
    rank: int = 0


Box = tuple[float, float, float, float]  # left, top, right, bottom


def fit_unit(points: dict[str, tuple[float, float]]) -> float:
    """Layout units per screen pixel at fit zoom."""
    xs = [x for x, _ in points.values()] or [0.0]
    ys = [y for _, y in points.values()] or [0.0]
    span = max(max(xs) - min(xs), (max(ys) - min(ys)) * 1.6, 1.0)
    return span / CANVAS


def box(x: float, y: float, text: str, size: float, node: float, margin: float = MARGIN) -> Box:
    """The label box vis-network draws under a node of radius ``node``, grown by ``margin``
    about its centre, joined with the node's own square (a labelled node is not moved
    onto another labelled node either)."""
    width, height = CHAR * size * max(len(text), 1) * margin, LINE * size * margin
    top = y + node + LINE * size * (1 - margin) / 2
    return (min(x - width / 2, x - node), min(top, y - node), max(x + width / 2, x + node), top + height)


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    points: dict[str, tuple[float, float]],
    labels: dict[str, str],
    ranked: list[str],
    top: int = 30,
    node: float = 20.0,
) -> tuple[dict[str, tuple[float, float]], dict[str, Placed]]:
    """Positions (top nodes moved until their labels clear the labels already placed) and
    label placements.

    :param points: node -> (x, y) in layout units (vis-network pixels at zoom 1).
    :param ranked: nodes, most important first; the first ``top`` are always labelled.
    :param node: the radius a node is drawn with, in layout units.
    :returns: the new positions and node -> ``Placed`` for every node in ``points``.
    """
    size = READABLE * fit_unit(points)
    hidden = HIDDEN * fit_unit(points)
    moved = dict(points)
    order = {n: i for i, n in enumerate(n for n in ranked if n in points)}
    placed: dict[str, Placed] = {n: Placed(hidden, rank=order.get(n, len(order))) for n in points}
    boxes: list[Box] = []
    for name in [n for n in ranked if n in points][:top]:
        x, y = clear_spot(*moved[name], labels.get(name, ""), size, node, boxes)
        moved[name] = (x, y)
        boxes.append(box(x, y, labels.get(name, ""), size, node))
        placed[name] = Placed(size, always=True, rank=order[name])
    return moved, placed


def clear_spot(x: float, y: float, text: str, size: float, node: float, boxes: list[Box]) -> tuple[float, float]:
    """The point nearest (x, y) at which the label clears every box already placed: tried
    on rings of growing radius in twelve directions (so that moved nodes spread around a
    dense core rather than lining up along its axes), and beside each placed box."""
    mine = box(x, y, text, size, node)
    if not any(overlap(mine, other) for other in boxes):
        return x, y
    width, height, drop = mine[2] - mine[0], mine[3] - mine[1], mine[1] - y
    spots = [(x, b[3] - drop + 1e-6) for b in boxes] + [(x, b[1] - height - drop - 1e-6) for b in boxes]
    spots += [(b[2] + width / 2 + 1e-6, y) for b in boxes] + [(b[0] - width / 2 - 1e-6, y) for b in boxes]
    step = height / 2
    spots += [
        (x + ring * step * math.cos(turn * math.pi / 6), y + ring * step * math.sin(turn * math.pi / 6))
        for ring in range(1, 4 * len(boxes) + 2)
        for turn in range(12)
    ]
    for spot in sorted(spots, key=lambda p: math.hypot(p[0] - x, p[1] - y)):
        if not any(overlap(box(*spot, text, size, node), other) for other in boxes):
            return spot
    return x, max(b[3] for b in boxes) - drop + height  # below everything: always clear
