"""The field-case checker's reading of the spec format (../shared/field/README.md), on
hand-made facts: no model, no store."""

from __future__ import annotations

from tests.fieldspec import Facts, check_facts

SG = "https://w3id.org/stancegraph/ns#"
ID = "https://w3id.org/stancegraph/id/"


def facts() -> Facts:
    """Iran (altLabel AP) warns the United States; an AnonymousSource quotes over two paragraphs."""
    iran, us, diplomat = ID + "actor/wd/Q794", ID + "actor/wd/Q30", ID + "actor/anon/1"
    return Facts(
        statements={
            ID + "statement/a1": {
                "speaker": [iran],
                "kind": [SG + "Warn"],
                "mode": [SG + "IndirectSpeech"],
                "target": [us],
                "content": ["against new sanctions"],
                "statedOn": ["2024-03-04"],
            },
            ID + "statement/b2": {
                "speaker": [diplomat],
                "kind": [SG + "Assert"],
                "mode": [SG + "DirectQuote"],
                "quote": ["First line.\n\nSecond line,"],
                "content": ["First line.\n\nSecond line,"],
                "topic": ["https://w3id.org/stancegraph/topic/ceasefire"],
            },
        },
        labels={iran: ["Iran"], us: ["United States"], diplomat: ["Western diplomat"]},
        alt_labels={iran: ["AP"]},
        actor_types={iran: ["State"], us: ["State"], diplomat: ["AnonymousSource"]},
        affiliations={diplomat: [us]},
        article_dates={ID + "article/x": []},
        build_read=1,
        build_written=1,
        build_statements=3,
        problems=[("a.jsonl:1", "published date 'Mon, 4 Mar' not understood", "warning")],
    )


def test_regexes_fit_the_whole_value_ignoring_case_with_dot_matching_newlines():
    f = facts()
    assert (
        check_facts(f, {"statements": [{"speaker": "IRAN", "kind": "warn", "content": "against new sanctions"}]}) == []
    )
    assert check_facts(f, {"statements": [{"speaker": "Ira"}]})  # no partial match
    assert check_facts(f, {"statements": [{"quote": "first line\\..*second line,?", "topic": "ceasefire"}]}) == []
    assert check_facts(f, {"statements": [{"content_has": "NEW SANCTIONS"}]}) == []


def test_speakers_match_the_label_and_actors_the_label_or_altlabel():
    f = facts()
    failures = check_facts(f, {"statements": [{"speaker": "AP"}], "forbid_speakers": ["AP"]})
    assert len(failures) == 1 and "only its skos:altLabel 'AP' fits" in failures[0]
    assert check_facts(f, {"forbid_alias": [["Iran", "AP"]]})
    assert check_facts(f, {"forbid_names": ["ap"]})
    assert check_facts(f, {"actors": [{"name": "AP", "type": "State"}]}) == []
    assert check_facts(f, {"same_actor": [["Iran", "AP"]], "distinct_actors": [["Iran", "United States"]]}) == []


def test_entries_are_met_one_to_one():
    f = facts()
    assert check_facts(f, {"statements": [{"speaker": "Iran"}, {"speaker": "Iran"}]})
    assert check_facts(f, {"statements": [{"speaker": ".*"}, {"speaker": "Iran"}]}) == []


def test_counts_targets_and_statement_totals():
    f = facts()
    assert check_facts(f, {"count": [{"speaker": "Iran", "n": 1}, {"speaker": "Western diplomat", "n": 1}]}) == []
    assert check_facts(f, {"count": {"speaker": "Iran", "n": 2}})
    assert check_facts(f, {"statements": [{"speaker": "Western diplomat", "no_target": ".*"}]}) == []
    assert check_facts(f, {"statements": [{"speaker": "Iran", "no_target": ".*"}]})
    assert (
        check_facts(f, {"statements": [{"speaker_type": "AnonymousSource", "speaker_affiliation": "United States"}]})
        == []
    )
    assert check_facts(f, {"max_statements": 2})  # the build reported 3 (duplicates merged in the store)
    assert check_facts(f, {"max_statements": 3}) == []
    assert check_facts(f, {"distinct_speakers": [["sanctions", "second line"]]}) == []


def test_a_date_problem_is_the_accepted_alternative():
    f = facts()
    assert len(check_facts(f, {"article_date": "2024-03-04", "stated_on": "2024-03-04"})) == 2
    assert check_facts(f, {"article_date": "2024-03-04", "stated_on": "2024-03-04", "date_problem": ".*date.*"}) == []
    assert check_facts(f, {"date_problem": ".*nothing.*"})


def test_a_malformed_spec_is_a_failure_not_a_pass():
    f = facts()
    assert check_facts(f, {"statment": []}) == [
        "spec: unknown keys ['statment'] (known: "
        "['actors', 'article_date', 'count', 'date_problem', 'distinct_actors', 'distinct_speakers', "
        "'forbid_alias', 'forbid_names', 'forbid_speakers', 'max_statements', 'note', 'roundtrip', "
        "'same_actor', 'stated_on', 'statements'])"
    ]
    assert check_facts(f, {"statements": [{"speaker": "("}]})[0].startswith("spec: bad REGEX")
    assert check_facts(f, {"actors": [{"nmae": "Iran"}]})[0].startswith("spec: actors[0]: unknown keys")
