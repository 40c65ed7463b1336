"""Page layout: headlines and wire datelines hold no actor, speaker or cue."""

from __future__ import annotations

import pytest

from graph.extract.layout import dateline_end, heading_bounds


@pytest.mark.parametrize(
    "line",
    [
        "TEHRAN, Iran (AP) — Iran warned the United States.",
        "UNITED NATIONS (AP) — Britain criticised Russia's veto.",
        "BEIRUT, Lebanon (Reuters) -- Lebanon urged Israel to withdraw.",
        "GAZA, Oct 10 (Reuters) - Hamas said it had agreed.",
        "Beirut (AFP) – Lebanon said on Sunday it would talk.",
        "WASHINGTON — The White House said on Monday ...",
        "KYIV, Ukraine, March 5 (AP) — Ukraine's president said ...",
    ],
)
def test_wire_datelines_are_found_up_to_their_dash(line):
    end = dateline_end(line)
    assert end and line[:end].rstrip()[-1] in "—–-" and line[end] != " "


@pytest.mark.parametrize(
    "line",
    [
        "Iran - which denies it - said the talks would go on.",
        "Israel said on Monday — as talks resumed — that it would not stop.",
        "The Foreign Office (FCO) - long a critic - said nothing.",
    ],
)
def test_prose_with_dashes_is_not_a_dateline(line):
    assert dateline_end(line) == 0


def test_heading_bounds_hold_the_headline_and_the_dateline_but_not_the_sentence():
    text = "Sanctions warning\n\nTEHRAN, Iran (AP) — Iran warned the United States."
    bounds = heading_bounds(text)
    assert [text[s:e] for s, e in bounds] == ["Sanctions warning", "TEHRAN, Iran (AP) — "]
