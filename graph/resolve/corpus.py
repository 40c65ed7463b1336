"""Corpus-level resolution: a surname used alone that nothing in its article or the
gazetteer links ("Mr Howard" in an article that never says "Michael Howard") joins the
person the rest of the corpus means by it, when one full name clearly dominates.

The index counts, per surname, the articles naming each full-name person; a surname
links to a person named in at least ``MIN_SHARE`` of those articles (and in at least
``MIN_ARTICLES``). "Rice" stays in its article when the corpus names Condoleezza Rice
and Susan Rice alike.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from graph.knowledge.names import is_single_name, parse_name, surname_key
from graph.knowledge.people import FAMILY_NAME_FIRST
from graph.knowledge.text import alias_form, normalise
from graph.records import PEOPLE, TYPE_SPECIFICITY, Actor, ActorType, Extraction

SCOPED_PERSON = "name:person:"  # "name:person:<surname>@<article digest>": a surname alone
MIN_SHARE = 0.8
MIN_ARTICLES = 2
SIMILAR = 88  # rapidfuzz ratio of two spellings of one surname ("zawahiri", "zawahri")


def first_spelt(known: str, written: str, same_surname: bool) -> bool:
    """Another spelling of a first name with the same surname ("lindsay", "lindsey"), not
    a short other name ("ed", "ted")."""
    from rapidfuzz import fuzz

    return same_surname and known != written and min(len(known), len(written)) >= 5 and fuzz.ratio(known, written) >= 85


def scoped_surname(actor: Actor) -> str | None:
    """The surname key of an article-scoped person ("howard" of ``name:person:howard@…``)."""
    if actor.key.startswith(SCOPED_PERSON) and "@" in actor.key:
        return actor.key[len(SCOPED_PERSON) :].split("@", 1)[0]
    return None


@dataclass
class CorpusPeople:
    """Full-name people of the articles seen so far, by surname key."""

    articles: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    actors: dict[str, Actor] = field(default_factory=dict)
    by_letter: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # surname keys
    by_name: dict[str, str] = field(default_factory=dict)  # normalised full name -> person key

    def add(self, extraction: Extraction) -> None:
        """Count the article's full-name people (once per article)."""
        for actor in extraction.actors:
            if actor.actor_type in PEOPLE and scoped_surname(actor) is None and not actor.key.startswith("anon:"):
                name = parse_name(actor.label)
                if name.first and name.last:
                    keys = {name.surname_key}
                    if actor.affiliation in FAMILY_NAME_FIRST:
                        keys.add(surname_key(name.first))  # "Kim" of "Kim Jong Un"
                    for key in keys:
                        self.articles[key][actor.key] += 1
                        self.by_letter[key[:1]].add(key)
                    self.actors.setdefault(actor.key, replace(actor, alt_labels=(), role=None))
                    known = self.by_name.get(normalise(actor.label))
                    if known is None or (known.startswith("name:") and not actor.key.startswith("name:")):
                        self.by_name[normalise(actor.label)] = actor.key  # the gazetteer's person first

    def usual_spelling(self, actor: Actor) -> Actor | None:
        """The corpus's usual spelling of a person named otherwise here: the same first name
        and a surname at least ``SIMILAR`` alike, or the same surname and a first name of five
        letters or more spelt alike ("Lindsay Graham" for Lindsey Graham), named in more
        articles. Only for people known
        by name (gazetteer people have one spelling already)."""
        from rapidfuzz import fuzz, process

        if actor.actor_type not in PEOPLE or not actor.key.startswith("name:person:") or scoped_surname(actor):
            return None
        name = parse_name(actor.label)
        own = self.articles.get(name.surname_key, Counter()).get(actor.key, 0)
        best: tuple[int, str] | None = None
        letter = self.by_letter.get(name.surname_key[:1], set())
        close = process.extract(name.surname_key, letter, scorer=fuzz.ratio, score_cutoff=SIMILAR, limit=None)
        for surname, _score, _index in close:
            for key, found in self.articles[surname].items():
                other = parse_name(self.actors[key].label).first.lower()
                spelt = other == name.first.lower() and surname != name.surname_key
                if (spelt or first_spelt(other, name.first.lower(), surname == name.surname_key)) and found > own:
                    best = (found, key) if best is None or found > best[0] else best
        return self.actors[best[1]] if best else None

    def named_as(self, actor: Actor) -> Actor | None:
        """The person whose full name a group carries ("Rand Paul" tagged an organisation
        here, a person elsewhere in the corpus), or the gazetteer's person of a full name
        that an article kept by name ("Nancy Pelosi" where her dated offices did not fit):
        one name, one node."""
        person_by_name = actor.actor_type in PEOPLE and actor.key.startswith(SCOPED_PERSON)
        if not (actor.actor_type is ActorType.GROUP or person_by_name) or not actor.key.startswith("name:"):
            return None
        key = self.by_name.get(normalise(actor.label))
        return self.actors[key] if key is not None and key != actor.key else None

    def person(self, surname_key: str) -> Actor | None:
        """The person the corpus means by this surname, if one clearly dominates."""
        counts = self.articles.get(surname_key)
        if not counts:
            return None
        key, found = counts.most_common(1)[0]
        if found < MIN_ARTICLES or found / sum(counts.values()) < MIN_SHARE:
            return None
        return self.actors[key]


def link_surnames(extraction: Extraction, people: CorpusPeople) -> Extraction:
    """The extraction with each article-scoped surname joined to the corpus's person, and
    each full name spelt another way than the corpus's usual spelling ("Ayman al-Zawahri"
    for "Ayman al-Zawahiri") joined to that spelling."""
    moved: dict[str, Actor] = {}
    for actor in extraction.actors:
        surname = scoped_surname(actor)
        person = people.person(surname) if surname else people.usual_spelling(actor) or people.named_as(actor)
        if person is not None and person.key != actor.key:
            moved[actor.key] = person
    return rekey(extraction, moved) if moved else extraction


def rekey(extraction: Extraction, moved: dict[str, Actor]) -> Extraction:
    """Actors re-keyed (old key -> the actor that replaces it), their names kept as alt
    labels, and every statement's speaker, targets and on-behalf-of re-pointed."""
    actors: dict[str, Actor] = {a.key: a for a in extraction.actors if a.key not in moved}
    for old_key, target in moved.items():
        old = next(a for a in extraction.actors if a.key == old_key)
        base = actors.get(target.key, target)
        known = {n.casefold() for n in base.alt_labels}
        names = [a for n in (old.label, *old.alt_labels) if (a := alias_form(n, base.label)) is not None]
        names = list({n.casefold(): n for n in names if n.casefold() not in known}.values())
        names = [n for n in names if not is_single_name(n)]  # a surname alone is no alias (see people.py)
        kind = max(base.actor_type, old.actor_type, key=lambda t: TYPE_SPECIFICITY[t.value])
        actors[target.key] = replace(
            base,
            alt_labels=(*base.alt_labels, *names),
            actor_type=kind,
            role=base.role or old.role,
            affiliation=base.affiliation or old.affiliation,
        )
    new = {old: target.key for old, target in moved.items()}

    def key(value: str | None) -> str | None:
        return new.get(value, value) if value is not None else None

    actors = {k: replace(a, affiliation=key(a.affiliation)) for k, a in actors.items()}  # "Bush's advisers" follow Bush
    statements = tuple(
        replace(
            s,
            speaker=key(s.speaker) or s.speaker,
            on_behalf_of=key(s.on_behalf_of),
            targets=tuple(
                dict.fromkeys(t for t in map(key, s.targets) if t and t not in (key(s.speaker), key(s.on_behalf_of)))
            ),
        )
        for s in extraction.statements
    )
    return replace(extraction, actors=tuple(actors.values()), statements=statements)
