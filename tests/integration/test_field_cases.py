"""The field cases of ../shared/field (public failure patterns of quote-attribution tools) and
our own variants of each in tests/field, built through the real product and checked against
their ``.spec.json`` by ``tests/fieldspec.py``.

Identity cases belong to issue 14, statement cases to issue 15. A case the product does not
pass yet is an expected failure (not strict: when it starts passing, it shows as XPASS; then
add it to ``EXPECTED_TO_PASS`` so it cannot regress). For the failures in words:
``python -m tests.fieldspec``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import fieldspec
from tests.conftest import shared_path

pytestmark = [pytest.mark.model, pytest.mark.integration]

SHARED_FIELD = Path(__file__).resolve().parents[2].parent / "shared" / "field"
OWN_FIELD = fieldspec.OWN_FIELD

# Case ids (file names without extension) the product passes today: the working tree with the
# identity and statement fixes in progress (at commit 95a8293 alone only case14-variant passes).
# Every other case is an expected failure of its owning issue.
EXPECTED_TO_PASS = {
    "case01-dateline-city-speaker",
    "case02-dateline-agency-alias",
    "case05-al-surname-alone",
    "case06-name-apposition-multipara",
    "case07-possessive-title-name",
    "case10-generic-ministry-merge",
    "case10-variant",
    "case16-party-title-mp",
    "case16-variant",
    "case18-double-attribution",
    "case01-variant",
    "case02-variant",
    "case05-variant",
    "case06-variant",
    "case07-variant",
    "case14-variant",
    "case18-variant",
    "case03-unclosed-quote-glue",
    "case03-variant",
    "case08-said-on-day-no-that",
    "case08-variant",
    "case11-rss-pubdate",
    "case11-variant",
    "case12-read-more-teaser",
    "case12-variant",
    "case14-reported-then-cueless-quote",
    "case01-variant2",
    "case05-variant2",
    "case06-variant2",
    "case06-variant3",
    "case08-variant2",
    "case08-variant3",
    "case14-variant2",
    "case14-variant3",
    "case16-variant2",
    "case18-variant2",
    "case18-variant3",
}
IDENTITY = {"01", "02", "05", "06", "07", "10", "16"}  # issue 14
STATEMENTS = {"03", "08", "11", "12", "14", "18"}  # issue 15
OWNER = {**dict.fromkeys(IDENTITY, "issue 14: identity"), **dict.fromkeys(STATEMENTS, "issue 15: statements")}


def case_number(name: str) -> str:
    return name[len("case") : len("case") + 2]


def cases() -> list[Any]:
    params = []
    shared = fieldspec.case_inputs(SHARED_FIELD) if SHARED_FIELD.is_dir() else []
    for path in shared + fieldspec.case_inputs(OWN_FIELD):
        name = fieldspec.case_name(path)
        marks = []
        if name not in EXPECTED_TO_PASS:
            marks.append(pytest.mark.xfail(strict=False, reason=OWNER.get(case_number(name), "no owning issue")))
        params.append(pytest.param(path, id=name, marks=marks))
    return params


@pytest.mark.parametrize("path", cases())
def test_field_case(path: Path) -> None:
    failures, facts = fieldspec.run_case(path, fieldspec.load_spec(path))
    assert not failures, (
        f"{fieldspec.case_name(path)} ({path}):\n- "
        + "\n- ".join(failures)
        + f"\n{facts.statements_summary()}\n{facts.actors_summary()}"
    )


def test_every_case_has_an_owner_and_a_variant() -> None:
    shared_path("field")  # skips, saying why, without ../shared
    shared = {case_number(fieldspec.case_name(p)) for p in fieldspec.case_inputs(SHARED_FIELD)}
    variants = {case_number(fieldspec.case_name(p)) for p in fieldspec.case_inputs(OWN_FIELD)}
    assert shared <= set(OWNER), f"cases without an owning issue: {sorted(shared - set(OWNER))}"
    assert shared <= variants, f"cases without a variant in tests/field: {sorted(shared - variants)}"
    known = {fieldspec.case_name(p) for p in fieldspec.case_inputs(SHARED_FIELD) + fieldspec.case_inputs(OWN_FIELD)}
    assert EXPECTED_TO_PASS <= known, f"EXPECTED_TO_PASS names unknown cases: {sorted(EXPECTED_TO_PASS - known)}"
