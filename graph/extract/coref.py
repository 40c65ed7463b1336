"""Pronoun speakers: "he said", "she told reporters", "they warned".

A pronoun is resolved to an earlier named actor of the article that agrees with it
(gender for "he"/"she", from the first name, an honorific or a gendered title; a group,
organisation or state for "they"), within the pronoun's paragraph and the eight before it (one for "they"),
never to a name inside a quotation (the quoted speaker talking about someone else). The
most recent candidate that is the subject of its clause wins (the previous speaker or
actor), else the most recent candidate; but when the same "he" or "she" is the main
subject of a sentence since then, the topic goes on and the pronoun is that one's actor.
No agreeing candidate: no speaker (precision over guessing).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from graph.extract.layout import load_agencies, paragraph_bounds
from graph.extract.mentions import SUBJECT_DEPS, VAGUE_SPEAKERS, doc_text, span_mention
from graph.extract.quotes import find_quotes
from graph.knowledge.gazetteer import load_gazetteer
from graph.knowledge.lexicons import load_agents, load_first_names, load_offices
from graph.knowledge.names import TITLE_GENDER, looks_like_person
from graph.records import Mention

PERSON_PRONOUNS = {"he": "m", "she": "f"}
GROUP_PRONOUNS = {"they"}
GROUP_LABELS = {"ORG", "NORP", "GROUP"}  # not places: "they" is rarely a state
THING_PRONOUNS = {"it"}
THING_LABELS = {"ORG", "GPE"}  # "The ministry … It said", "China … it said": a body or a state
PARAGRAPHS_BACK = {"person": 8, "group": 1}  # paragraphs before the pronoun's that may hold its antecedent


def quote_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every quotation in the doc, computed once per doc."""
    found = doc.user_data.get("stancegraph_quotes")
    if found is None:
        found = doc.user_data["stancegraph_quotes"] = [(q.start, q.end) for q in find_quotes(doc_text(doc))]
    return found


def window_start(doc: Doc, offset: int, back: int) -> int:
    """Where the pronoun's paragraph, and the ``back`` paragraphs before it, begin."""
    starts = [start for start, _ in paragraph_bounds(doc_text(doc)) if start <= offset]
    return starts[-1 - back] if len(starts) > back else 0


def gender_of(mention: Mention, doc: Doc) -> str | None:
    """ "m", "f" or None (unknown) for a person mention."""
    before = doc_text(doc)[max(0, mention.span.start - 40) : mention.span.start].lower().split()
    context = [w.rstrip(".") for w in before[-2:]] + (mention.role.lower().split() if mention.role else [])
    told = {TITLE_GENDER[w] for w in context if w in TITLE_GENDER}
    if told:
        return "m" if "m" in told else "f"
    words = mention.span.text.split()
    if len(words) > 1:
        return load_first_names().get(words[0].lower().strip(".,"))
    surnames, word = surname_genders(doc), mention.span.text.lower()
    if word in surnames:
        return surnames[word]  # "Trump" after "Donald Trump"
    known = load_gazetteer().entries.get(mention.entity_id or "")
    if known is not None and " " in known.label:  # "Trump" the gazetteer knows as Donald Trump
        return load_first_names().get(known.label.split()[0].lower())
    return load_first_names().get(word)  # a first name alone ("Melanie")


def surname_genders(doc: Doc) -> dict[str, str]:
    """Surname -> gender, from the full names of the doc whose first name tells it (the
    first named: "Trump" is Donald more often than Ivanka)."""
    found = doc.user_data.get("stancegraph_surname_genders")
    if found is None:
        found = {}
        names = load_first_names()
        for ent in doc.ents:
            words = ent.text.split()
            if ent.label_ == "PERSON" and len(words) > 1 and words[0].lower() in names:
                found.setdefault(words[-1].lower(), names[words[0].lower()])  # the first named
        doc.user_data["stancegraph_surname_genders"] = found
    return found


def in_quote(mention: Mention, quotes: list[tuple[int, int]]) -> bool:
    return any(start <= mention.span.start and mention.span.end <= end for start, end in quotes)


def resolve_pronoun(pronoun: Token, mentions: list[Mention], titles: bool = True) -> Mention | None:
    """The named actor a pronoun subject stands for, or None when none agrees. With
    ``titles``, "he" or "she" can stand for a title subject ("The Russian minister said ….
    “…,” he said"): an anonymous mention the resolution gives to the article's holder of
    that role, carrying as ``fallback`` the named antecedent without titles."""
    doc, word = pronoun.doc, pronoun.lower_
    quotes = [q for q in quote_bounds(doc) if not q[0] <= pronoun.idx < q[1]]
    start = window_start(doc, pronoun.idx, PARAGRAPHS_BACK["person" if word in PERSON_PRONOUNS else "group"])
    pool = mentions
    if word in GROUP_PRONOUNS:
        pool = [*mentions, *plural_subjects(doc, start, pronoun.idx)]
    elif word in PERSON_PRONOUNS and titles:
        pool = [*mentions, *description_subjects(doc, start, pronoun.idx)]
    candidates = sorted(
        (
            m
            for m in pool
            if start <= m.span.start and m.span.end <= pronoun.idx and not in_quote(m, quotes) and agrees(m, word, doc)
        ),
        key=lambda m: m.span.start,
    )
    if word not in PERSON_PRONOUNS:  # "they", "it": the subject of a clause before, never an outlet that reported it
        agencies = load_agencies()
        candidates = [m for m in candidates if m.subject and m.span.text.lower() not in agencies]
    if not candidates:
        return None
    subjects = [m for m in candidates if m.subject]
    chosen = main_subject(subjects, doc) if subjects else candidates[-1]
    earlier = chained_pronoun(pronoun, chosen, quotes)
    if earlier is not None:  # "He later tweeted that …, with Mike Pompeo heading …. “…,” he said."
        return resolve_pronoun(earlier, mentions, titles)
    if chosen.label == "GROUP" and word in PERSON_PRONOUNS:  # a title: the name, should it name no one
        return replace(chosen, fallback=resolve_pronoun(pronoun, mentions, titles=False))
    return full_name_of(chosen, mentions, word, doc)


def chained_pronoun(pronoun: Token, chosen: Mention, quotes: list[tuple[int, int]]) -> Token | None:
    """The same personal pronoun as the main subject of a sentence from the chosen
    antecedent's on, before this one: the topic goes on, so both stand for the same actor
    (the name of a clause inside that sentence is not it)."""
    if pronoun.lower_ not in PERSON_PRONOUNS:
        return None
    doc = pronoun.doc
    span = doc.char_span(chosen.span.start, chosen.span.end, alignment_mode="expand")
    start = span.sent.start if span is not None else pronoun.i
    for token in reversed(doc[start : pronoun.i]):
        if (
            token.lower_ == pronoun.lower_
            and token.dep_ in ("nsubj", "nsubjpass")
            and token.head.dep_ == "ROOT"
            and not any(q_start <= token.idx < q_end for q_start, q_end in quotes)
        ):
            return token
    return None


def plural_subjects(doc: Doc, start: int, end: int) -> list[Mention]:
    """Plural people named by a common noun as a clause's subject in [start, end)
    ("current and former U.S. officials said …; They said …"): antecedents of "they"."""
    found = []
    for token in doc.char_span(start, end, alignment_mode="contract") or []:
        vague = token.lower_ in VAGUE_SPEAKERS
        if token.dep_ in SUBJECT_DEPS and token.tag_ == "NNS" and token.lemma_.lower() in load_agents() and not vague:
            words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("relcl", "punct")]
            mention = span_mention(doc, words, "GROUP", generic=True)
            if mention is not None:
                found.append(replace(mention, subject=True))
    return found


def description_subjects(doc: Doc, start: int, end: int) -> list[Mention]:
    """A person named by a title as a clause's subject in [start, end) ("The Russian
    minister said …"): an antecedent of "he" or "she", an anonymous description the
    resolution gives to the article's holder of that role."""
    found = []
    for token in doc.char_span(start, end, alignment_mode="contract") or []:
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        office = load_offices().kind([token]) in ("Official", "Person")
        if token.dep_ in SUBJECT_DEPS and token.tag_ == "NN" and definite and office:
            words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("relcl", "punct", "det")]
            mention = span_mention(doc, words, "GROUP", anonymous=True)
            if mention is not None:
                found.append(replace(mention, subject=True))
    return found


def main_subject(subjects: list[Mention], doc: Doc) -> Mention:
    """The last subject, or the main clause's subject of its sentence when the last is a
    reported clause's ("Josh Earnest said that Barack Obama has called ...; he said")."""
    last = doc.char_span(subjects[-1].span.start, subjects[-1].span.end, alignment_mode="expand")
    if last is None:
        return subjects[-1]
    sentence = last.sent
    for mention in subjects[:-1]:
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is not None and span.sent == sentence and span.root.head.dep_ == "ROOT" != last.root.head.dep_:
            return mention
    return subjects[-1]


def full_name_of(mention: Mention, mentions: list[Mention], pronoun: str, doc: Doc) -> Mention:
    """For a surname alone ("Cruz"), an earlier full name with that surname that agrees
    with the pronoun ("Ted Cruz" for "he", not "Heidi Cruz"): the one named in this
    paragraph, else the latest named as a subject ("Jeh Johnson says" after "Gary Johnson's
    doctor"), else the one most often named in full ("a photo of Heidi Cruz" a paragraph
    up leaves Ted)."""
    words = mention.span.text.split()
    if mention.label != "PERSON" or len(words) != 1 or pronoun not in PERSON_PRONOUNS:
        return mention
    fuller = [
        m
        for m in mentions
        if m.label == "PERSON"
        and m.span.end <= mention.span.start
        and len(m.span.text.split()) > 1
        and m.span.text.split()[-1] == words[0]
        and agrees(m, pronoun, doc)
    ]
    if not fuller:
        return mention
    if "\n" not in doc_text(doc)[fuller[-1].span.start : mention.span.start]:
        return fuller[-1]  # named in full in this paragraph
    subjects = [m for m in fuller if m.subject]
    if subjects:
        return subjects[-1]
    texts = [m.span.text for m in fuller]
    return max(fuller, key=lambda m: (texts.count(m.span.text), -m.span.start))  # the most often named


def agrees(mention: Mention, pronoun: str, doc: Doc) -> bool:
    if pronoun in GROUP_PRONOUNS:
        return mention.label in GROUP_LABELS
    if pronoun in THING_PRONOUNS:
        return mention.label in THING_LABELS and not mention.generic
    if mention.label == "GROUP" and mention.anonymous:  # a title ("the minister"); "the spokeswoman" is a she
        gender = TITLE_GENDER.get(mention.span.text.split()[-1].lower())
        return gender is None or gender == PERSON_PRONOUNS[pronoun]
    if mention.label != "PERSON" and not (mention.label == "ORG" and looks_like_person(mention.span.text)):
        return False  # "Nikki Haley" the recogniser took for an organisation is a person
    gender = gender_of(mention, doc)
    return gender is None or gender == PERSON_PRONOUNS[pronoun]
