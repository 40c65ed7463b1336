"""Build data/gazetteer/*.jsonl from the third-party lists and data/curated/.

Reproducible: `python scripts/build_gazetteer.py --source ../shared/gazetteers`
rewrites every output file from its inputs; hand edits go into data/curated/.
Outputs (earlier files win when two entries share a name):
  10-curated.jsonl      organisations, militant groups, media, government bodies,
                        office holders (ours, MIT)
  20-states.jsonl       states: names, demonyms, capitals, seats (ODbL, from
                        countries_merged / mledoze + our state_aliases.tsv)
  30-igos.jsonl         intergovernmental organisations (CC BY-SA 4.0, SupraVerden)
  40-armed-groups.jsonl armed non-state groups (CC BY 4.0, UCDP actor list 22.1)
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "data"  # the script lives in scripts/, its data in data/
sys.path.insert(0, str(HERE.parent))

from graph.knowledge.text import normalise  # noqa: E402

CURATED = HERE / "curated"
OUT = HERE / "gazetteer"
KEEP_TWO_LETTER = {"US", "UK", "EU", "UN"}


def key_for(label: str, actor_type: str, wikidata: str | None) -> str:
    return f"wd:{wikidata}" if wikidata else f"gz:{actor_type.lower()}:{normalise(label)}"


def latin(name: str) -> bool:
    return bool(re.fullmatch(r"[\w .,'’()&-]+", name)) and all(ord(c) < 0x250 for c in name)


def usable_alias(name: str) -> bool:
    name = name.strip()
    return latin(name) and (len(name) > 2 or name in KEEP_TWO_LETTER)


def state_entries(source: Path) -> tuple[list[dict], dict[str, str]]:
    extra: dict[str, list[str]] = {}
    for line in (CURATED / "state_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alias, iso3 = line.split("\t")
            extra.setdefault(iso3.strip(), []).append(alias.strip())
    entries, iso_keys = [], {}
    rows = [json.loads(line) for line in
            (source / "countries_merged" / "countries_merged.jsonl").read_text(encoding="utf-8").splitlines()]
    # Sovereign states first, so "American" means the United States, not American Samoa.
    rows.sort(key=lambda r: (not r.get("un_member"), not r.get("independent"), r["name_common"]))
    for row in rows:
        label, qid = row["name_common"], row.get("wikidata")
        key = key_for(label, "State", qid)
        iso_keys[row["iso3"]] = key
        names = [row["name_official"], *row["alt_spellings"], *row.get("owid_aliases", [])]
        capitals = [c.replace(" D.C.", "") for c in row.get("capitals", [])]
        aliases = [n for n in dict.fromkeys(names + extra.get(row["iso3"], [])) if usable_alias(n) and "," not in n]
        entries.append({"key": key, "label": label, "type": "State", "wikidata": qid,
                        "aliases": [a for a in aliases if a != label],
                        "demonyms": [d for d in row.get("demonyms", []) if usable_alias(d)],
                        "seats": [c for c in capitals if usable_alias(c)]})
    return entries, iso_keys


def igo_entries(source: Path) -> list[dict]:
    entries = []
    for line in (source / "igo_supraverden" / "igo_flat.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        label = row["name_en"] or row["key"]
        abbreviations = [a for a in row.get("abbreviations_en") or [] if a]
        dotted = [".".join(a) + "." for a in abbreviations if a.isalpha() and a.isupper() and len(a) <= 3]
        aliases = [*(row.get("other_names_en") or []), *abbreviations, *dotted]
        entries.append({"key": key_for(label, "IGO", row.get("wikidata")), "label": label, "type": "IGO",
                        "wikidata": row.get("wikidata"),
                        "aliases": [a for a in dict.fromkeys(aliases) if usable_alias(a) and a != label]})
    return entries


def armed_group_entries(source: Path) -> list[dict]:
    entries = []
    path = source / "ucdp_actors" / "ucdp-actor-221.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Org"].strip() != "1":
                continue
            label = row["NameData"].strip()
            aliases = [n.strip() for n in (row["NameOrig"], row["NameOrigFullEng"], row["NewNameFullEng"])
                       if n and n.strip() not in ("", "n/a", label)]
            entries.append({"key": key_for(label, "MilitantGroup", None), "label": label,
                            "type": "MilitantGroup",
                            "aliases": [a for a in dict.fromkeys(aliases) if usable_alias(a)]})
    return entries


def resolve_ref(ref: str | None, iso_keys: dict[str, str], by_label: dict[str, str]) -> str | None:
    if not ref:
        return None
    return iso_keys.get(ref) or by_label.get(normalise(ref)) or key_for(ref, "IGO", None)


def curated_rows() -> list[dict]:
    """Hand-written organisations and office holders, with their keys."""
    rows = []
    for name in ("organisations.jsonl", "officeholders.jsonl"):
        for line in (CURATED / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            row["type"] = row.get("type", "Official")
            row["key"] = key_for(row["label"], row["type"], row.get("wikidata"))
            rows.append(row)
    return rows


def curated_entries(rows: list[dict], iso_keys: dict[str, str], by_label: dict[str, str]) -> list[dict]:
    entries = []
    for row in rows:
        entry = {"key": row["key"], "label": row["label"], "type": row["type"],
                 "wikidata": row.get("wikidata"), "aliases": row.get("aliases", [])}
        if row.get("affiliation"):
            entry["affiliation"] = resolve_ref(row["affiliation"], iso_keys, by_label)
        if row.get("terms"):
            entry["terms"] = [{**t, "of": resolve_ref(t["of"], iso_keys, by_label)} for t in row["terms"]]
        entries.append(entry)
    return entries


EXTRA_AGENTS = ("source", "official", "critic", "analyst", "expert", "observer", "diplomat", "group",
                "organisation", "organization", "nation", "country", "government", "leader", "community",
                "faction", "militant", "rebel", "spokesperson", "spokesman", "spokeswoman", "aide",
                "insider", "activist", "campaigner", "minister", "authority", "agency", "ministry",
                "party", "power", "state", "union", "council", "committee", "delegation", "negotiator",
                "mediator", "people", "resident", "witness", "doctor", "worker", "charity", "watchdog")


def agent_corrections() -> tuple[set[str], set[str]]:
    """Nouns to add and to remove, from data/curated/agent_nouns.tsv."""
    add, remove = set(), set()
    for line in (CURATED / "agent_nouns.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            noun, sign = line.split("\t")
            (add if sign.strip() == "+" else remove).add(noun.strip().lower())
    return add, remove


def agent_nouns(source: Path) -> list[str]:
    """Head nouns of CAMEO/Phoenix agents (minister, rebel, activist, ...), singular, lower
    case, with the curated corrections."""
    add, remove = agent_corrections()
    nouns = set(EXTRA_AGENTS) | add
    for line in (source / "cameo_phoenix" / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#")[0]
        if "[" not in line:
            continue
        phrase = line.split("[")[0].strip().replace("!PERSON!", "PERSON").strip("_ ")
        head = phrase.split("_")[-1].lower()
        if head.isalpha() and len(head) > 2:
            nouns.add(head)
            if head.endswith("person"):
                nouns.update({head[:-6] + "man", head[:-6] + "woman"})
    return sorted(nouns - remove)


def write(path: Path, entries: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for entry in entries:
            clean = {k: v for k, v in entry.items() if v not in (None, [], "")}
            handle.write(json.dumps(clean, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {path.relative_to(HERE.parent)}: {len(entries)} entries")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=HERE.parent.parent / "shared" / "gazetteers")
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    states, iso_keys = state_entries(args.source)
    igos = igo_entries(args.source)
    groups = armed_group_entries(args.source)
    rows = curated_rows()
    # Curated entries may refer to each other ("of": "Hamas"), so their keys are known first.
    by_label = {normalise(e["label"]): e["key"] for e in (*states, *igos, *rows)}
    curated = curated_entries(rows, iso_keys, by_label)
    write(OUT / "10-curated.jsonl", curated)
    write(OUT / "20-states.jsonl", states)
    write(OUT / "30-igos.jsonl", igos)
    write(OUT / "40-armed-groups.jsonl", groups)
    agents = HERE / "lexicon" / "agents.txt"
    header = "# Agent nouns (head nouns of people and organisations), from CAMEO/Phoenix Phoenix.agents.txt (MIT)\n"
    agents.write_text(header + "\n".join(agent_nouns(args.source)) + "\n", encoding="utf-8")
    print(f"wrote {agents.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
