"""Label placement (graph.views.html.labels): the top labels never overlap, whatever the
layout; the other nodes keep their places."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.views.html.labels import READABLE, box, fit_unit, overlap, place_labels

POINTS = st.lists(
    st.tuples(st.floats(-500, 500), st.floats(-500, 500), st.text("abcdefgh XYZ", min_size=1, max_size=30)),
    min_size=1,
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(POINTS, st.integers(1, 40))
def test_top_labels_never_overlap_and_the_others_stay_put(rows, top):
    points = {f"n{i}": (x, y) for i, (x, y, _) in enumerate(rows)}
    labels = {f"n{i}": text for i, (_, _, text) in enumerate(rows)}
    ranked = list(points)
    moved, placed = place_labels(points, labels, ranked, top)
    chosen = ranked[:top]
    size = READABLE * fit_unit(points)
    assert set(placed) == set(points) and all(placed[n].size == size and placed[n].always for n in chosen)
    boxes = [box(*moved[n], labels[n], placed[n].size, 20.0) for n in chosen]
    assert not any(overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert all(moved[n] == points[n] for n in ranked[top:])


def test_a_pile_of_nodes_is_spread_so_every_top_label_reads():
    points = {f"n{i}": (0.0, 0.0) for i in range(10)} | {"far": (2000.0, 1500.0)}
    labels = {n: f"Actor number {n}" for n in points}
    moved, _ = place_labels(points, labels, list(points), 10)
    assert len({moved[f"n{i}"] for i in range(10)}) == 10  # no two left on one spot
