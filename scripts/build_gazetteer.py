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
  50-people.jsonl       people with dated CAMEO roles (MIT, CAMEO/Phoenix actor
                        dictionaries; mostly up to ~2015)

People (50-people.jsonl): the named persons of Phoenix.Countries.actors.txt (the
"# CountryInfo.txt" leader lists, plus other entries whose first name is a first name of
those lists), and the dated persons of Phoenix.International/MilNonState.actors.txt.
A record is read as PETRARCH reads it (phrases without codes share the codes after them).
Titles are stripped ("PRESIDENT_XI_JINPING" -> "Xi Jinping"); a name needs two words besides
particles (al, bin, de...), so no single-word alias is written. An alias must share a word
with the label (Phoenix files some spokesmen under their leader) and must not be the name of
a state, IGO, party or organisation. Each code becomes a term {role, of, start, end}: GOV ->
"government", GOVBUS -> "government (economy)", IGO... -> "IGO official" of the IGO; yymmdd
years 00-29 are 20xx. Codes with malformed dates are skipped (as PETRARCH does), and so are
codes of states the gazetteer lacks (East Germany, the fictional Kinakuta...); a person
with no term left is skipped. Type Official when a term is a public office (GOV, LEG, MIL,
JUD, SPY, COP, IGO). Records that share a spelling of a full name and a state are merged
(an IGO official without a state is merged with a namesake); others are kept apart even
when they are one person (JACK_STRAW_, JOHN_WHITAKER_STRAW_).
Office holders of curated/officeholders.jsonl win: a Phoenix person with one of their names
is left out.

The script refuses to write a broken gazetteer (exit status 1, with the list of problems):
it runs the loader's checks on every line (Wikidata ids Q<digits>, ISO dates, fields) and
checks that keys are unique and that every term's "of" and every affiliation is a key.
It prints how many names two entries share (the loader gives them to the earlier entry).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
from functools import lru_cache
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1] / "data"  # the script lives in scripts/, its data in data/
sys.path.insert(0, str(HERE.parent))

from graph.errors import GazetteerError  # noqa: E402
from graph.knowledge.gazetteer import parse_entry  # noqa: E402
from graph.knowledge.text import normalise  # noqa: E402

CURATED = HERE / "curated"
OUT = HERE / "gazetteer"
KEEP_TWO_LETTER = {"US", "UK", "EU", "UN"}
QID = re.compile(r"Q[0-9]+")


def key_for(label: str, actor_type: str, wikidata: str | None) -> str:
    return f"wd:{wikidata}" if wikidata else f"gz:{actor_type.lower()}:{normalise(label)}"


def latin(name: str) -> bool:
    return bool(re.fullmatch(r"[\w .,'’()&-]+", name)) and all(ord(c) < 0x250 for c in name)


def usable_alias(name: str) -> bool:
    name = name.strip()
    return latin(name) and (len(name) > 2 or name in KEEP_TWO_LETTER) and name not in not_aliases()


@lru_cache(maxsize=1)
def not_aliases() -> frozenset[str]:
    """Names never used as aliases (``data/curated/not_aliases.txt``): words and places."""
    lines = (CURATED / "not_aliases.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def curated_pairs(name: str) -> dict[str, list[str]]:
    """Id (ISO 3166-1 alpha-3, or a Wikidata id) -> the names of a curated ``name<TAB>id``
    file of ``data/curated/``."""
    found: dict[str, list[str]] = {}
    for line in (CURATED / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alias, iso3 = line.split("\t")
            found.setdefault(iso3.strip(), []).append(alias.strip())
    return found


def state_entries(source: Path) -> tuple[list[dict], dict[str, str]]:
    extra, adjectives = curated_pairs("state_aliases.tsv"), curated_pairs("state_demonyms.tsv")
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
                        "demonyms": [d for d in dict.fromkeys([*row.get("demonyms", []), *adjectives.get(row["iso3"], [])])
                                     if usable_alias(d)],
                        "seats": [c for c in capitals if usable_alias(c)]})
    return entries, iso_keys


IGO_ALIASES = curated_pairs("igo_aliases.tsv")  # Wikidata id -> what wire copy calls the IGO


def igo_entries(source: Path) -> list[dict]:
    entries, seen, dropped = [], set(), []
    for line in (source / "igo_supraverden" / "igo_flat.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        label = row["name_en"] or row["key"]
        qid = row.get("wikidata")
        if qid and (not QID.fullmatch(qid) or qid in seen):
            dropped.append(f"{label}: {qid}")  # "[No code found.]", or a QID given to two organisations
            qid = None
        seen.add(qid)
        abbreviations = [a for a in row.get("abbreviations_en") or [] if a]
        dotted = [".".join(a) + "." for a in abbreviations if a.isalpha() and a.isupper() and len(a) <= 3]
        aliases = [*(row.get("other_names_en") or []), *abbreviations, *dotted]
        aliases += IGO_ALIASES.get(qid or "", [])  # "the UN refugee agency"
        entries.append({"key": key_for(label, "IGO", qid), "label": label, "type": "IGO", "wikidata": qid,
                        "aliases": [a for a in dict.fromkeys(aliases) if usable_alias(a) and a != label]})
    if dropped:
        print(f"igo_supraverden: {len(dropped)} Wikidata ids dropped (not Q<digits>, or already used): "
              + "; ".join(d for d in dropped if "[No code found.]" not in d)
              + f"; {sum('[No code found.]' in d for d in dropped)} x [No code found.]")
    return entries


def armed_group_entries(source: Path) -> list[dict]:
    entries, keys = [], set()
    path = source / "ucdp_actors" / "ucdp-actor-221.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Org"].strip() != "1":
                continue
            label = row["NameData"].strip()
            if label in not_aliases():
                continue  # "Tibet" (its 1950 government), "Maidan": a place or a word in news text
            aliases = [n.strip() for n in (row["NameOrig"], row["NameOrigFullEng"], row["NewNameFullEng"])
                       if n and n.strip() not in ("", "n/a", label)]
            key = key_for(label, "MilitantGroup", None)
            if key in keys:  # UCDP has several groups called "BRA", "ELN", "UPC"...: one key each
                key = f"{key} (ucdp {row['ActorId'].strip()})"
            keys.add(key)
            entries.append({"key": key, "label": label, "type": "MilitantGroup",
                            "aliases": [a for a in dict.fromkeys(aliases) if usable_alias(a)]})
    return entries


def resolve_ref(ref: str | None, iso_keys: dict[str, str], by_label: dict[str, str]) -> str | None:
    if not ref:
        return None
    return iso_keys.get(ref) or by_label.get(normalise(ref)) or key_for(ref, "IGO", None)


def curated_rows() -> list[dict]:
    """Hand-written organisations and office holders, with their keys."""
    rows = []
    for name in ("organisations.jsonl", "parties.jsonl", "officeholders.jsonl"):
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
                "mediator", "people", "resident", "witness", "doctor", "worker", "charity", "watchdog",
                "percent", "respondent", "majority")  # "63 percent said": poll respondents, unnamed


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


# ---------------------------------------------------------------------------------------------
# People from the CAMEO/Phoenix actor dictionaries (MIT, openeventdata/petrarch2)

PHOENIX_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt")
# CAMEO sector codes: the first one after the country is the role, later ones qualify it.
ROLES = {"GOV": "government", "LEG": "legislator", "MIL": "military", "JUD": "judiciary",
         "OPP": "opposition", "ELI": "elite", "SPY": "intelligence", "COP": "police", "PTY": "party",
         "BUS": "business", "MED": "media", "REB": "rebel", "INS": "insurgent", "SEP": "separatist",
         "UAF": "armed group", "CVL": "civilian", "LAB": "labour", "EDU": "education", "HLH": "health",
         "AGR": "agriculture", "DEV": "development", "ENV": "environment", "HRI": "human rights",
         "REF": "refugees", "REL": "religion", "CRM": "crime"}
QUALIFIERS = {"GOV": "government", "LEG": "legislature", "MIL": "defence", "JUD": "justice", "OPP": "opposition",
              "ELI": "elite", "SPY": "intelligence", "COP": "police", "PTY": "party", "BUS": "economy",
              "MED": "media", "REB": "rebel", "LAB": "labour", "EDU": "education", "HLH": "health",
              "AGR": "agriculture", "DEV": "development", "ENV": "environment", "HRI": "human rights",
              "REF": "refugees", "REL": "religion", "MOD": "moderate", "RAD": "radical"}
PUBLIC_OFFICE = {"GOV", "LEG", "MIL", "JUD", "SPY", "COP"}  # plus IGO officials
CAMEO_ISO3 = {"TMP": "TLS", "KSV": "UNK"}  # CAMEO codes that are not ISO 3166 (East Timor, Kosovo)
# The organisation an IGO code names (longest prefix wins). For other codes (IGOUNOBUS is ICAO
# or UN Tourism...) and for IGOEUREEC (the EU, the Council of the EU, the Council of Europe...),
# the comment of the code's line comes first when it names an organisation of the gazetteer.
IGO_CODES = {"IGOUNO": "United Nations", "IGOUNOHLHWHO": "World Health Organization", "IGOUNODEVWBK": "World Bank",
             "IGOUNOIAE": "International Atomic Energy Agency", "IGOUNOKID": "UNICEF",
             "IGOUNOLABILO": "International Labour Organization", "IGOWSTNAT": "NATO", "IGOEUREEC": "European Union",
             "IGOBUSIMF": "International Monetary Fund", "IGOBUSOPC": "OPEC", "IGOBUSWTO": "World Trade Organization",
             "IGOMEAARL": "Arab League", "IGOAFRAFU": "African Union", "IGOJUDICC": "International Criminal Court",
             "IGOSEAASN": "ASEAN", "IGOOAS": "Organization of American States", "IGOPGSGCC": "Gulf Cooperation Council",
             "IGOWAFWAS": "ECOWAS", "IGOEURDEVEBR": "EBRD", "IGOASADEVADB": "Asian Development Bank",
             "IGOEURBUSEFT": "EFTA", "IGOSAFDEVSAD": "SADC", "IGOEAFEAC": "East African Community",
             "IGOSASSAA": "SAARC", "IGOCASCIS": "Commonwealth of Independent States", "IGOSCN": "Nordic Council",
             "IGOMOS": "Organisation of Islamic Cooperation", "IGOCOPITP": "INTERPOL", "IGOWSTBUS": "OECD",
             "IGONAMDEV": "Inter-American Development Bank", "IGOAFRDEVAFB": "African Development Bank",
             "IGOMEAAMU": "Arab Maghreb Union", "IGOCWN": "Commonwealth Secretariat", "IGOSAM": "Andean Community"}
IGO_COMMENTS = {"the eu": "European Union", "un": "United Nations",
                "president of the coeu": "Council of the European Union", "afican union": "African Union",
                "association of southeast asia nations": "ASEAN", "the commonwealth": "Commonwealth Secretariat",
                "world tourism organization": "United Nations Tourism"}
# Words before a name that are titles, honorifics or descriptions ("SECRETARY-GENERAL_BAN_KI-MOON",
# "U.S._DEFENSE_SECRETARY_CHUCK_HAGEL"); national adjectives are added from the states' demonyms.
TITLES = set("""PRESIDENT VICE VICE-PRESIDENT PRIME MINISTER PREMIER CHANCELLOR SECRETARY SECRETARY-GENERAL
    SECY GEN GEN. GENERAL LT LT. LIEUTENANT COLONEL COL COL. MAJOR MAJ. CAPTAIN CAPT. ADMIRAL ADM. MARSHAL FIELD
    BRIGADIER COMMANDER SENATOR SEN. REP. REPRESENTATIVE CONGRESSMAN CONGRESSWOMAN GOVERNOR MAYOR SPEAKER
    AMBASSADOR JUDGE JUSTICE MR MR. MRS MRS. MS MS. DR DR. PROF. PROFESSOR SIR DAME LORD LADY BARON BARONESS
    VISCOUNT SHEIKH SHEIK SHAIKH SHAYKH AYATOLLAH GRAND HOJATOLISLAM HOJATOLESLAM HOJJAT OL ESLAM MULLAH
    MAULANA REV. REVEREND CARDINAL POPE KING QUEEN PRINCE PRINCESS CROWN EMIR DATO DATO' DATUK SERI TUN STAFF
    FORMER EX EX-
    THE US U.S. U.S UN U.N. UNITED NATIONS STATES OF STATE DEFENSE DEFENCE FOREIGN INTERIOR FINANCE NATIONAL
    SECURITY ADVISOR ADVISER DIRECTOR CIA CHIEF LEADER HEAD REFORMER COMMUNIST PARTY ASSEMBLY SOVIET EX-SOVIET
    MOSCOW EXTREMIST GOV. PRESIDENT-ELECT SECRETATY KANZLER BUNDESKANZLER""".split())
# Words that never belong to a person's name: the phrase names an organisation, a place or a role.
NOT_NAME = set("""PRESIDENT MINISTER SECRETARY SECRETARY-GENERAL GOVERNMENT REGIME ADMINISTRATION MINISTRY
    DEPARTMENT PARTY ARMY FORCES FORCE COUNCIL COMMITTEE ASSEMBLY PARLIAMENT CONGRESS COURT AGENCY OFFICE BUREAU
    SERVICE SERVICES UNION FRONT MOVEMENT BRIGADE BRIGADES ORGANIZATION ORGANISATION ASSOCIATION FOUNDATION
    INSTITUTE UNIVERSITY COMPANY CORPORATION BANK GROUP GROUPS NETWORK ALLIANCE COALITION LEAGUE FEDERATION
    SOCIETY FUND COMMISSION AUTHORITY REPUBLIC STATES KINGDOM ISLANDS PROVINCE REGION CITY PALACE TEAM CENTER
    CENTRE INTERNATIONAL NATIONAL UNITED NATIONS OF THE AND FOR THEN SPOKESMAN SPOKESWOMAN OFFICIAL OFFICIALS
    LEADER LEADERS CHIEF MILITARY POLICE TROOPS REBELS MILITANTS SOLDIERS OPPOSITION PEOPLE PEOPLES WORKERS
    STUDENTS MUJAHIDEEN BATTALION DIVISION CABINET EMBASSY CONSULATE COMMAND TRIBE CLAN FAMILY RIFLES GUARD GUARDS
    INTELLIGENCE RESERVE DECLARATION THINK TANK COMMUNITY HOUSE ATTORNEY HOMELAND REPRESENTATIVE YARD SABHA JAISH
    JAYSH JABHAT AHRAR GHURABA KATAEB HARAKAT ISLAMIC STATE RIGHTS INTERNET REVOLUTIONARY LIBERATION""".split())
PARTICLES = {"AL", "EL", "BIN", "BINT", "IBN", "BEN", "ABU", "UMM", "DE", "DA", "DAS", "DO", "DOS", "DEL", "DELLA",
             "DER", "DEN", "DES", "DU", "VAN", "VON", "LA", "Y", "E", "ZU", "TER"}
LOWER_PARTICLES = {"AL", "EL", "BIN", "BINT", "IBN", "DE", "DA", "DAS", "DO", "DOS", "DEL", "DELLA", "DER",
                   "DEN", "DES", "DU", "VAN", "VON", "Y", "E", "I", "ZU", "TER"}
HYPHEN_LOWER = {"KOR", "PRK", "TWN", "CHN", "HKG", "MAC"}  # Ban Ki-moon, Ma Ying-jeou, Chiang Kai-shek
ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"}
HONORIFICS = {"PRINCE", "PRINCESS", "BARON", "BARONESS", "LORD", "LADY", "QUEEN", "KING", "SHEIKH", "SHEIK", "SHAIKH",
              "SHAYKH", "EMIR", "SIR", "DAME", "AYATOLLAH", "CROWN", "DATO", "DATO'", "DATUK", "SERI", "TUN"}
# Phoenix entries that read as names but are not one person (checked by hand against the source).
NOT_PEOPLE = {"jack straw douglas alexander", "osman olcay turkey", "pussy riot", "shin bet", "ernst stavro blofeld",
              "hong kil dong", "abn amro", "lok sabha", "scotland yard", "assam rifles", "white house"}
# One person whom Phoenix lists under two states (checked by hand): merged although no state is shared.
SAME_PERSON = {"elizabeth ii", "peter tali coleman", "michael makuei lueth", "salva kiir"}
# An IGO official (no state) is merged with a namesake of a state's list, except (checked by hand):
NOT_SAME_PERSON = {"ajit singh"}  # ASEAN's Secretary-General (Malaysia), not India's minister
DATE = re.compile(r"(\d{6}|\d{8})")


@dataclass
class PhoenixRecord:
    """One actor of a TABARI/PETRARCH .actors file: its phrases, synonyms and dated codes."""

    source: str
    line: int
    comment: str
    phrases: list[str] = field(default_factory=list)
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, int]] = field(default_factory=list)  # (code and dates, comment, line)


def phoenix_records(path: Path) -> list[PhoenixRecord]:
    """Records as PETRARCH reads them: a phrase without codes shares the codes of the phrase after it."""
    records: list[PhoenixRecord] = []
    current: PhoenixRecord | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith(("#", "<")):
            continue
        body, _, comment = line.partition("#")
        codes = [c.strip() for c in re.findall(r"\[([^\]]*)\]", body)]
        phrase = re.sub(r"\[[^\]]*\]", " ", body).strip()
        if not phrase or line.startswith("+"):
            if current is None:
                continue
            if phrase:
                current.synonyms.append(phrase[1:].strip())
        else:
            if current is None or current.codes:
                current = PhoenixRecord(path.name, number, comment.strip())
                records.append(current)
            current.phrases.append(phrase)
        current.codes.extend((c, comment.strip(), number) for c in codes)
    return records


def phoenix_date(text: str) -> str | None:
    """yymmdd (00-29 -> 20xx) or yyyymmdd -> YYYY-MM-DD; None if it is not a date."""
    if len(text) == 6:
        text = ("20" if int(text[:2]) < 30 else "19") + text
    try:
        return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        return None


def phoenix_restriction(rest: str) -> tuple[str | None, str | None] | None:
    """'' -> no dates; '<D' -> until D; '>D' -> from D; 'D-D' -> between; None when malformed."""
    rest = rest.replace(" ", "")
    if not rest:
        return None, None
    if match := re.fullmatch(r"([<>])(\d+)", rest):
        day = phoenix_date(match[2]) if DATE.fullmatch(match[2]) else None
        if day is None:
            return None
        return (None, day) if match[1] == "<" else (day, None)
    if match := re.fullmatch(r"(\d+)-(\d+)", rest):
        days = [phoenix_date(d) if DATE.fullmatch(d) else None for d in match.groups()]
        if None in days or days[1] < days[0]:  # type: ignore[operator]
            return None
        return days[0], days[1]
    return None


def name_tokens(phrase: str, demonyms: set[str], label: bool = False) -> list[str]:
    """A phrase as upper-case name tokens without leading titles; [] if it is not a full name.
    A label keeps its honorifics if it would be one word without them ("PRINCE_JOHNSON")."""
    phrase = re.sub(r'"[^"]*"', " ", phrase).split("(")[0].replace("`", "").upper()
    phrase = "".join(c for c in phrase if c.isprintable())  # JAN_STRASK\x1aY
    if "," in phrase:
        head, _, tail = phrase.partition(",")
        if "THEN" in tail.replace("_", " ").split():
            return []  # "LAMBERTO_DINI, THEN ROMANO PRODI": two people
        phrase = head
    tokens = [t.strip("-,") for t in re.split(r"[_\s]+", phrase)]
    tokens = [t for t in tokens if t]
    # "U.S._DEFENSE_SECRETARY_CHUCK_HAGEL", but "GERMAN_GREF" is Herman Gref.
    start = 0
    while start < len(tokens) and (tokens[start] in TITLES or (tokens[start] in demonyms and start + 1 < len(tokens)
                                   and (tokens[start + 1] in TITLES or tokens[start + 1] in demonyms))):
        start += 1
    if label and start and full_name(tokens, label) and not full_name(tokens[start:], label) \
            and all(t in HONORIFICS for t in tokens[:start]):
        start = 0
    tokens = tokens[start:]
    while tokens and tokens[-1] in ("AL", "EL"):  # cut short: "FAYSAL_BIN_ABDALLAH_BIN_MUHAMMAD_AL_"
        tokens.pop()
    if any(t in NOT_NAME or not all(c.isalpha() or c in "'.-’" for c in t) for t in tokens):
        return []
    return tokens if full_name(tokens, label) else []


def full_name(tokens: list[str], label: bool = False) -> bool:
    """At least two words besides particles and articles: "AL_ASSAD" and "BIN_LADEN" are one name
    (but the label "AL_GORE" is a first name and a surname)."""
    if not tokens or tokens[-1] in {"IBN", "BINT", "ABU", "UMM", "VAN", "VON", "DOS", "DAS", "DEL", "DELLA"}:
        return False
    words = [t for i, t in enumerate(tokens)
             if (t not in ("AL", "EL") or (i == 0 and label)) and not (i == 0 and t in ("BIN", "IBN", "BINT"))
             and not (0 < i < len(tokens) - 1 and t in PARTICLES)
             and (len(t.strip(".")) > 1 or t.endswith(".") or t in ROMAN)]
    return len(words) >= 2


def natural_case(tokens: list[str], hyphen_lower: bool) -> str:
    """TONY BLAIR -> Tony Blair, BASHAR AL-ASSAD -> Bashar al-Assad, BAN KI-MOON -> Ban Ki-moon (Korean)."""
    def word(text: str) -> str:
        if text in ROMAN or re.fullmatch(r"(?:[A-Z]\.)+", text):
            return text
        if text in ("JR", "JR.", "SR", "SR."):
            return text.capitalize().rstrip(".") + "."
        if text.startswith("MC") and len(text) > 3:
            return "Mc" + word(text[2:])
        head, apostrophe, tail = text.partition("'")
        if apostrophe and tail:  # O'Neil, D'Escoto, 'Ulukalala; but Qa'ida
            return head.capitalize() + "'" + (tail.capitalize() if len(head) <= 1 else tail.lower())
        return text.capitalize()

    out = []
    for index, token in enumerate(tokens):
        parts = token.split("-")
        cased = []
        for position, part in enumerate(parts):
            if position == 0 and index > 0 and (index < len(tokens) - 1 or len(parts) > 1) \
                    and part in LOWER_PARTICLES:
                cased.append(part.lower())
            elif position > 0 and cased and cased[-1].lower() in ("al", "el") and index == 0:
                cased.append(word(part))
            elif position > 0 and hyphen_lower:
                cased.append(part.lower())
            else:
                cased.append(word(part))
        if index > 0 and token == "LA" and tokens[index - 1] == "DE":
            cased = ["la"]
        out.append("-".join(cased))
    return " ".join(out)


def loose(name: str) -> str:
    """Identity of a spelling for linking records: hyphens and underscores are spaces."""
    return normalise(name.replace("-", " ").replace("_", " "))


def phoenix_code(code: str, comment: str, iso_keys: dict[str, str], igo_names: dict[str, str]
                 ) -> tuple[str | None, str | None, bool]:
    """CAMEO actor code -> (role text, "of" key, public office?); of None when unresolvable."""
    if code.startswith("IGO"):
        of = None
        if code not in IGO_CODES or code == "IGOEUREEC":  # the comment may tell: "Council of Europe"
            for part in comment.split("#"):
                name = normalise(re.sub(r"\bfrom\b.*", "", part))
                of = igo_names.get(normalise(IGO_COMMENTS.get(name, name)))
                if of:
                    break
        if of is None:
            prefix = max((p for p in IGO_CODES if code.startswith(p)), key=len, default=None)
            of = igo_names.get(normalise(IGO_CODES[prefix])) if prefix else None
        return "IGO official", of, True
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    country = CAMEO_ISO3.get(chunks[0], chunks[0])
    of = iso_keys.get(country)
    rest = chunks[1:]
    if rest and rest[0] not in ROLES and rest[0] in iso_keys:  # GBRVGBGOV: British Virgin Islands
        of, rest = iso_keys[rest[0]], rest[1:]
    roles = [c for c in rest if c in ROLES or c in QUALIFIERS]
    if not roles or roles[0] not in ROLES:
        return None, of, False
    qualifiers = list(dict.fromkeys(QUALIFIERS[c] for c in roles[1:] if c in QUALIFIERS and c != roles[0]))
    role = ROLES[roles[0]] + (f" ({', '.join(qualifiers)})" if qualifiers else "")
    return role, of, roles[0] in PUBLIC_OFFICE


def akin(name: str, other: str) -> bool:
    """Whether two names share a word, give or take spelling (Morsi, Mursi; not Yassin, Zuhri)."""
    words = [w for w in re.split(r"[\s-]+", name.upper()) if w not in PARTICLES]
    others = [w for w in re.split(r"[\s-]+", other.upper()) if w not in PARTICLES]
    return any(SequenceMatcher(None, a, b).ratio() >= 0.6 for a in words for b in others)


@dataclass
class Person:
    records: list[PhoenixRecord]
    names: list[str]  # natural case; the first is the label
    terms: list[dict]
    office: bool
    countries: set[str]
    places: set[str]  # the states and IGOs of all its codes, dated correctly or not


def people_entries(source: Path, iso_keys: dict[str, str], igos: list[dict], reserved: set[str],
                   curated_names: set[str], report: dict[str, Any]) -> list[dict]:
    """Persons of the Phoenix dictionaries (see the module docstring for the rules)."""
    igo_names: dict[str, str] = {}
    for entry in igos:
        for name in (entry["label"], *entry["aliases"]):
            igo_names.setdefault(normalise(name), entry["key"])
    for label in IGO_CODES.values():
        if normalise(label) not in igo_names:
            report["problems"].append(f"IGO_CODES: {label!r} is not an IGO of the gazetteer")
    demonyms = {d.upper() for d in report["demonyms"]}
    records = [r for name in PHOENIX_FILES for r in phoenix_records(source / "cameo_phoenix" / name)]
    tokens = {id(r): [name_tokens(r.phrases[0], demonyms, label=True)]
              + [t for p in (*r.phrases[1:], *r.synonyms)
                 if loose(p) not in NOT_PEOPLE and (t := name_tokens(p, demonyms))]
              if name_tokens(r.phrases[0], demonyms, label=True) else [] for r in records}
    counts: Counter[str] = report["counts"]
    persons: list[Person] = []
    for record in records:
        names = tokens[id(record)]
        if not names or loose(record.phrases[0]) in NOT_PEOPLE:
            continue
        if record.source != PHOENIX_FILES[0] and not any(DATE.search(c) or "ELI" in c for c, _, _ in record.codes):
            continue  # organisations; their people have dates or the ELI (elite) code
        terms, office, countries, places = [], False, set(), set()
        for text, comment, line in record.codes:
            code, _, rest = text.partition(" ")
            if not re.fullmatch(r"(?:[A-Z]{3})+", code):
                continue  # "---", the null code
            role, of, public = phoenix_code(code, comment, iso_keys, igo_names)
            office = office or public
            places.add(of)
            if not code.startswith("IGO"):
                countries.add(CAMEO_ISO3.get(code[:3], code[:3]))
            dates = phoenix_restriction(rest)
            if dates is None:
                counts["terms skipped: malformed date (as PETRARCH does)"] += 1
                report["bad_dates"].append(f"{record.source}:{line}: [{text}]")
            elif of is None:
                counts[f"terms skipped: {code[:3]} is no state or IGO of the gazetteer"] += 1
            elif role is None:
                counts["terms skipped: a code without a role"] += 1
            elif {"role": role, "of": of, "start": dates[0], "end": dates[1]} not in terms:
                terms.append({"role": role, "of": of, "start": dates[0], "end": dates[1]})
        if not terms:
            counts["people skipped: no term left"] += 1
            continue
        hyphen_lower = bool(countries & HYPHEN_LOWER)
        persons.append(Person([record], [natural_case(n, hyphen_lower) for n in names], terms, office,
                              countries, {p for p in places if p}))
    counts["Phoenix person records"] = len(persons)
    return merge_people(persons, reserved, curated_names, report)


def merge_people(persons: list[Person], reserved: set[str], curated_names: set[str],
                 report: dict[str, Any]) -> list[dict]:
    """One entry per person: records that share a spelling of a full name (a synonym links them)
    and a state or organisation (or one of them has no state: an IGO official) are one person;
    the curated office holders win."""
    counts: Counter[str] = report["counts"]
    parent = list(range(len(persons)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_name: dict[str, list[int]] = {}
    for index, person in enumerate(persons):
        for name in dict.fromkeys(loose(n) for n in person.names):
            for other in by_name.get(name, []):
                if persons[other].places & person.places or name in SAME_PERSON \
                        or (not (persons[other].countries and person.countries) and name not in NOT_SAME_PERSON):
                    parent[find(index)] = find(other)
            by_name.setdefault(name, []).append(index)
    groups: dict[int, list[Person]] = {}
    for index, person in enumerate(persons):
        groups.setdefault(find(index), []).append(person)
    entries, keys = [], set()
    for members in groups.values():
        counts["Phoenix records merged into another"] += len(members) - 1
        names = list(dict.fromkeys(n for m in members for n in m.names))
        if any(normalise(n) in curated_names or loose(n) in curated_names for n in names):
            counts["people skipped: in curated/officeholders.jsonl"] += 1
            continue
        label = names[0]
        if normalise(label) in reserved:
            counts["people skipped: the name of a state, IGO or organisation"] += 1
            continue
        # Prefer the spelling with hyphens and apostrophes ("Ban Ki-moon" over "Ban Ki Moon").
        label = max((n for n in names if loose(n) == loose(label)), key=lambda n: sum(c in "-'" for c in n))
        aliases: list[str] = []
        for name in names:
            if name == label or normalise(name) in {normalise(a) for a in (label, *aliases)}:
                continue
            if normalise(name) in reserved:
                counts["aliases dropped: the name of a state, IGO or organisation"] += 1
            elif not akin(name, label):
                counts["aliases dropped: no name in common with the label (another person)"] += 1
                report["foreign_aliases"].append(f"{label} <- {name}")
            elif not latin(name):
                counts["aliases dropped: not in Latin script"] += 1
            else:
                aliases.append(name)
        terms = sorted({json.dumps(t, sort_keys=True): t for m in members for t in m.terms}.values(),
                       key=lambda t: (t["start"] is not None or t["end"] is not None, t["start"] or "",
                                      t["end"] or "9"))
        key = f"gz:person:{normalise(label)}"
        if key in keys:
            countries = sorted({c for m in members for c in m.countries}) or ["igo"]
            key = f"{key} ({countries[0].lower()})"
            number = 2
            while key in keys:
                key, number = f"gz:person:{normalise(label)} ({countries[0].lower()} {number})", number + 1
            counts["people whose name another person has (key with the country)"] += 1
        keys.add(key)
        office = any(m.office for m in members)
        entries.append({"key": key, "label": label, "type": "Official" if office else "Person", "aliases": aliases,
                        "terms": [{k: v for k, v in t.items() if v is not None} for t in terms]})
    return entries


# ---------------------------------------------------------------------------------------------
# Validation: the loader's own checks (graph.knowledge.gazetteer.parse_entry) on every line,
# plus what only the whole gazetteer can tell.

def check(outputs: dict[str, list[dict]]) -> list[str]:
    """Problems that make the gazetteer unusable; [] when it may be written."""
    problems: list[str] = []
    where_key: dict[str, str] = {}
    lines: list[tuple[str, dict]] = []
    for name, entries in outputs.items():
        for number, entry in enumerate(entries, start=1):
            where = f"data/gazetteer/{name}:{number}"
            record = clean(entry)
            try:
                parse_entry(record, where)
            except GazetteerError as exc:
                problems.append(str(exc))
            if record["key"] in where_key:
                problems.append(f"{where}: duplicate key {record['key']!r} (first at {where_key[record['key']]})")
            where_key.setdefault(record["key"], where)
            lines.append((where, record))
    for where, record in lines:
        for term in record.get("terms", []):
            if term.get("of") and term["of"] not in where_key:
                problems.append(f"{where}: term 'of' {term['of']!r} is not a key of the gazetteer")
            if term.get("start") and term.get("end") and term["end"] < term["start"]:
                problems.append(f"{where}: term ends ({term['end']}) before it starts ({term['start']})")
        if record.get("affiliation") and record["affiliation"] not in where_key:
            problems.append(f"{where}: affiliation {record['affiliation']!r} is not a key of the gazetteer")
        if any(not isinstance(a, str) or not a.strip() for a in record.get("aliases", [])):
            problems.append(f"{where}: empty alias")
    return problems


def shared_names(outputs: dict[str, list[dict]]) -> Counter[str]:
    """Names (label, alias, seat, demonym) that two entries claim, by the file of the later one.
    The loader gives such a name to the earlier entry (files in name order, then line order)."""
    owner: dict[str, str] = {}
    shared: Counter[str] = Counter()
    for name, entries in sorted(outputs.items()):
        for entry in entries:
            for text in {normalise(n) for n in (entry["label"], *entry.get("aliases", []), *entry.get("seats", []),
                                                *entry.get("demonyms", []))}:
                if owner.setdefault(text, entry["key"]) != entry["key"]:
                    shared[name] += 1
    return shared


def clean(entry: dict) -> dict:
    return {k: v for k, v in entry.items() if v not in (None, [], "")}


def write(path: Path, entries: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(json.dumps(clean(entry), ensure_ascii=False, sort_keys=True) + "\n")
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
    curated_keys = {e["key"] for e in curated}
    same = [g["label"] for g in groups if g["key"] in curated_keys]
    groups = [g for g in groups if g["key"] not in curated_keys]  # the curated entry of that group wins
    igos = [g for g in igos if g["key"] not in curated_keys]  # and of an IGO ("Security Council" alone)
    print(f"ucdp_actors: {len(same)} groups left to their curated entry: {', '.join(same)}")
    reserved = {normalise(n) for e in (*states, *igos) for n in (e["label"], *e["aliases"], *e.get("demonyms", []),
                                                                  *e.get("seats", []))}
    reserved |= {normalise(n) for r in rows if r["type"] not in ("Official", "Person")
                 for n in (r["label"], *r.get("aliases", []))}
    officeholders = {f(n) for r in rows if r["type"] in ("Official", "Person")
                     for n in (r["label"], *r.get("aliases", [])) for f in (normalise, loose)}
    report: dict[str, Any] = {"counts": Counter(), "problems": [], "bad_dates": [], "foreign_aliases": [],
                              "demonyms": [d for s in states for d in s["demonyms"]]}
    curated_igos = [e for e in curated if e["type"] == "IGO"]  # NATO's curated entry replaces the list's
    people = people_entries(args.source, iso_keys, [*igos, *curated_igos], reserved, officeholders, report)
    outputs = {"10-curated.jsonl": curated, "20-states.jsonl": states, "30-igos.jsonl": igos,
               "40-armed-groups.jsonl": groups, "50-people.jsonl": people}
    problems = report["problems"] + check(outputs)
    if problems:
        print(f"refusing to write a broken gazetteer, {len(problems)} problems:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        sys.exit(1)
    for name, entries in outputs.items():
        write(OUT / name, entries)
    for text, count in sorted(report["counts"].items()):
        print(f"people: {count} {text}")
    officials = sum(e["type"] == "Official" for e in people)
    print(f"people: {len(people)} written: {officials} Official, {len(people) - officials} Person, "
          f"{sum(len(e['aliases']) for e in people)} aliases")
    shared = shared_names(outputs)
    print(f"shared names: {sum(shared.values())} names are claimed by two entries (the earlier file or line "
          f"wins): " + ", ".join(f"{count} in {name}" for name, count in sorted(shared.items())))
    agents = HERE / "lexicon" / "agents.txt"
    header = "# Agent nouns (head nouns of people and organisations), from CAMEO/Phoenix Phoenix.agents.txt (MIT)\n"
    agents.write_text(header + "\n".join(agent_nouns(args.source)) + "\n", encoding="utf-8")
    print(f"wrote {agents.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
