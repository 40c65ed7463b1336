import json

import pytest

from graph.errors import GazetteerError
from graph.knowledge.gazetteer import GazetteerEntry, build_gazetteer, load_gazetteer, read_entries
from graph.records import ActorType


def test_bundled_gazetteer_has_states_igos_and_groups():
    gazetteer = load_gazetteer()
    assert gazetteer.lookup(None, "the Kremlin").key == "wd:Q159"
    assert gazetteer.lookup(None, "U.N.").key == "wd:Q1065"
    assert gazetteer.lookup(None, "Hezbollah").actor_type.value == "MilitantGroup"
    assert gazetteer.lookup(None, "Israeli").key == "wd:Q801"


def test_user_gazetteer_entries_win(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text(
        json.dumps(
            {
                "key": "x:ruritania",
                "label": "Ruritania",
                "type": "State",
                "aliases": ["Strelsau"],
                "demonyms": ["Ruritanian"],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer((path,))
    assert gazetteer.lookup(None, "Strelsau").label == "Ruritania"
    assert gazetteer.lookup(None, "RURITANIAN").key == "x:ruritania"
    assert gazetteer.lookup(None, "ruritanian") is None  # a lower-case word is not the name


def test_acronyms_match_only_as_written():
    gazetteer = build_gazetteer([GazetteerEntry("g:mps", "MPS", ActorType.MILITANT_GROUP)])
    assert gazetteer.lookup(None, "M.P.S.").key == "g:mps" and gazetteer.lookup(None, "MPs") is None


def test_bad_gazetteer_line_says_where_and_what(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"key": "k", "label": "L", "type": "Planet"}\n', encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad.jsonl:1: unknown type 'Planet'"):
        list(read_entries(path))


def test_first_name_wins_on_collision():
    from graph.knowledge.gazetteer import GazetteerEntry
    from graph.records import ActorType

    gazetteer = build_gazetteer(
        [
            GazetteerEntry("a", "Alpha", ActorType.NGO, aliases=("AX",)),
            GazetteerEntry("b", "Beta", ActorType.NGO, aliases=("AX",)),
        ]
    )
    assert gazetteer.lookup(None, "AX").key == "a"
    assert gazetteer.lookup(None, "AX", context={"b": object()}).key == "b"  # the article named Beta
    assert gazetteer.lookup("a", "AX", context={"c"}).key == "a"


def write_lines(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_bad_wikidata_id_is_refused_with_file_and_line(tmp_path):
    path = write_lines(
        tmp_path / "ids.jsonl",
        {"key": "wd:Q1065", "label": "United Nations", "type": "IGO", "wikidata": "Q1065"},
        {"key": "x:iin", "label": "Inter-American Children's Institute", "type": "IGO", "wikidata": "[No code found.]"},
    )
    with pytest.raises(GazetteerError, match=r"ids\.jsonl:2: Wikidata id '\[No code found\.\]' is not Q"):
        list(read_entries(path))


def test_bad_term_date_is_refused_with_file_and_line(tmp_path):
    term = {"role": "President", "of": "wd:Q30", "start": "2005-3-1"}
    path = write_lines(tmp_path / "dates.jsonl", {"key": "x:p", "label": "P Q", "type": "Official", "terms": [term]})
    with pytest.raises(GazetteerError, match=r"dates\.jsonl:1: term start '2005-3-1' is not a date YYYY-MM-DD"):
        list(read_entries(path))


def test_duplicate_key_is_refused(tmp_path):
    path = write_lines(
        tmp_path / "dup.jsonl",
        {"key": "x:a", "label": "Alpha", "type": "NGO"},
        {"key": "x:a", "label": "Another Alpha", "type": "NGO"},
    )
    with pytest.raises(GazetteerError, match=r"dup\.jsonl:2: duplicate key 'x:a' \(first at .*dup\.jsonl:1\)"):
        load_gazetteer((path,))


def test_users_entry_may_replace_a_bundled_key(tmp_path):
    path = write_lines(tmp_path / "us.jsonl", {"key": "wd:Q30", "label": "Ruritanian America", "type": "State"})
    assert load_gazetteer((path,)).lookup(None, "U.S.").label == "Ruritanian America"


def test_term_of_must_be_a_key(tmp_path):
    term = {"role": "President", "of": "wd:Q999999999", "start": "2005-01-01"}
    path = write_lines(tmp_path / "of.jsonl", {"key": "x:p", "label": "P Q", "type": "Official", "terms": [term]})
    with pytest.raises(GazetteerError, match=r"of\.jsonl:1: term 'of' 'wd:Q999999999' is not a key"):
        load_gazetteer((path,))


def people_file():
    from graph.paths import GAZETTEER_DIR

    with (GAZETTEER_DIR / "50-people.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def load_build_script():
    """scripts/build_gazetteer.py as a module (it is a script, not part of the package)."""
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_phoenix_tony_blair_becomes_an_official_of_the_united_kingdom(tmp_path):
    script = load_build_script()
    folder = tmp_path / "cameo_phoenix"
    folder.mkdir()
    (folder / "Phoenix.Countries.actors.txt").write_text(
        "TONY_BLAIR_  # CountryInfo.txt\n"
        "\t[GBRELI 710101-970502]\n"
        "\t[GBRGOV 030101-070630]\n"
        "\t[GBRGOV 970502-070627]\n"
        "\t[GBRELI]\n"
        "GORDON_BROWN_  # CountryInfo.txt\n"
        "+PRIME_MINISTER_GORDON_BROWN_\n"
        "+BROWN_\n"
        "\t[GBRGOVBUS 970502-070627]\n",
        encoding="utf-8",
    )
    for name in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        (folder / name).write_text("", encoding="utf-8")
    report = {"counts": script.Counter(), "problems": [], "bad_dates": [], "foreign_aliases": [], "demonyms": []}
    people = script.people_entries(tmp_path, {"GBR": "wd:Q145"}, [], set(), set(), report)
    blair = next(p for p in people if p["label"] == "Tony Blair")
    assert blair["key"] == "gz:person:tony blair" and blair["type"] == "Official"
    held = [
        t for t in blair["terms"] if t["of"] == "wd:Q145" and t.get("start", "") <= "2005-03-01" < t.get("end", "9")
    ]
    assert {t["role"] for t in held} >= {"government"}
    brown = next(p for p in people if p["label"] == "Gordon Brown")
    assert brown["aliases"] == [] and brown["terms"][0]["role"] == "government (economy)"


def test_people_file_has_dated_officials_of_states_and_curated_entries_win():
    from graph.knowledge.gazetteer import GazetteerEntry

    gazetteer = load_gazetteer()
    united_kingdom = gazetteer.lookup(None, "United Kingdom").key
    prescott = gazetteer.lookup(None, "John Prescott")
    assert prescott.key == "gz:person:john prescott" and prescott.actor_type.value == "Official"
    term = prescott.term_on("2005-03-01")
    assert term.of == united_kingdom and term.role == "government"
    # Tony Blair is a curated office holder: the curated entry wins, Phoenix adds no second one.
    blair: GazetteerEntry = gazetteer.lookup(None, "Tony Blair")
    assert blair.key == "wd:Q9545" and blair.term_on("2005-03-01").role == "Prime Minister"
    assert not [p for p in people_file() if p["label"] == "Tony Blair"]


def test_no_single_word_alias_in_the_people_file():
    single = [(p["key"], a) for p in people_file() for a in p.get("aliases", []) if len(a.split()) < 2]
    assert not single


def test_every_wikidata_id_of_the_bundled_gazetteer_is_a_qid():
    import re

    from graph.paths import GAZETTEER_DIR

    for path in sorted(GAZETTEER_DIR.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            record = json.loads(line)
            if "wikidata" in record:
                assert re.fullmatch(r"Q[0-9]+", record["wikidata"]), f"{path.name}:{number}"
            if record["key"].startswith("wd:"):
                assert re.fullmatch(r"wd:Q[0-9]+", record["key"]), f"{path.name}:{number}"


def test_hyphenated_and_spaced_spellings_find_one_entry():
    gazetteer = build_gazetteer([GazetteerEntry("p:kim", "Kim Jong-un", ActorType.OFFICIAL)])
    assert gazetteer.lookup(None, "Kim Jong Un").key == gazetteer.lookup(None, "Kim Jong-un").key == "p:kim"
