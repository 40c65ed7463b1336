"""The extraction components on hand-built spaCy Docs: no trained model is loaded.

Each Doc is spelled out token by token (word, head, dependency, part of speech,
lemma, entity tag) as spaCy's English parser would produce it, so these tests
check the extractors and never the parse.
"""

from __future__ import annotations

import dataclasses
import enum

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

import graph.extract.components  # noqa: F401  (registers the factories)
from graph.extract.components import MentionExtractor, StatementExtractor
from graph.extract.layout import heading_bounds
from graph.records import Mention, SpeechMode, StatementCandidate, StatementKind

TAGS = {"PROPN": "NNP", "VERB": "VBD", "NOUN": "NNS", "AUX": "MD", "PRON": "PRP", "DET": "DT", "PUNCT": "."}
TAGS |= {"PART": "TO", "SCONJ": "IN", "ADJ": "JJ"}
NO_SPACE_BEFORE = {",", ".", "”"}
NO_SPACE_AFTER = {"“"}
VOCAB = spacy.blank("en").vocab  # built once: a blank pipeline costs ~0.1 s


def make_doc(spec: str, vocab: Vocab | None = None) -> Doc:
    """A parsed Doc from one line per token: ``word head dep POS lemma [BIO entity tag]``
    (heads are absolute token indices), with headings recorded as the layout component does."""
    rows = [line.split() for line in spec.strip().splitlines()]
    words = [r[0] for r in rows]
    spaces = [
        i + 1 < len(words) and words[i] not in NO_SPACE_AFTER and words[i + 1] not in NO_SPACE_BEFORE
        for i in range(len(words))
    ]
    doc = Doc(
        vocab or VOCAB,
        words=words,
        spaces=spaces,
        heads=[int(r[1]) for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[TAGS[r[3]] for r in rows],
        lemmas=[r[4] for r in rows],
        ents=[r[5] if len(r) > 5 else "O" for r in rows],
    )
    doc._.headings = heading_bounds(doc.text)
    return doc


# "Israeli Foreign Minister Jane Doe visited Egypt." (the title outside the PERSON entity)
MINISTER_VISITED = """
Israeli   4 amod     ADJ   Israeli  B-NORP
Foreign   3 compound PROPN Foreign
Minister  4 compound PROPN Minister
Jane      4 compound PROPN Jane     B-PERSON
Doe       5 nsubj    PROPN Doe      I-PERSON
visited   5 ROOT     VERB  visit
Egypt     5 dobj     PROPN Egypt    B-GPE
.         5 punct    PUNCT .
"""

# The same sentence with the title inside the entity, as the NER sometimes tags it.
MINISTER_IN_ENTITY = """
Israeli   4 amod     ADJ   Israeli  B-NORP
Foreign   3 compound PROPN Foreign  B-PERSON
Minister  4 compound PROPN Minister I-PERSON
Jane      4 compound PROPN Jane     I-PERSON
Doe       5 nsubj    PROPN Doe      I-PERSON
visited   5 ROOT     VERB  visit
Egypt     5 dobj     PROPN Egypt    B-GPE
.         5 punct    PUNCT .
"""

# "Egypt said that the talks would resume."
EGYPT_SAID = """
Egypt   1 nsubj PROPN Egypt B-GPE
said    1 ROOT  VERB  say
that    6 mark  SCONJ that
the     4 det   DET   the
talks   6 nsubj NOUN  talk
would   6 aux   AUX   would
resume  1 ccomp VERB  resume
.       1 punct PUNCT .
"""

# "Qatar urged Israel to resume the talks."
QATAR_URGED = """
Qatar   1 nsubj PROPN Qatar  B-GPE
urged   1 ROOT  VERB  urge
Israel  1 dobj  PROPN Israel B-GPE
to      4 aux   PART  to
resume  1 xcomp VERB  resume
the     6 det   DET   the
talks   4 dobj  NOUN  talk
.       1 punct PUNCT .
"""

# “We will not accept delays,” said Qatar.
QUOTE_SAID_QATAR = """
“       8 punct PUNCT “
We      4 nsubj PRON  we
will    4 aux   AUX   will
not     4 neg   PART  not
accept  8 ccomp VERB  accept
delays  4 dobj  NOUN  delay
,       8 punct PUNCT ,
”       8 punct PUNCT ”
said    8 ROOT  VERB  say
Qatar   8 nsubj PROPN Qatar B-GPE
.       8 punct PUNCT .
"""

ALL_SPECS = (MINISTER_VISITED, MINISTER_IN_ENTITY, EGYPT_SAID, QATAR_URGED, QUOTE_SAID_QATAR)


def mentions_of(spec: str) -> tuple[Mention, ...]:
    return MentionExtractor()(make_doc(spec))._.stancegraph_mentions


def statements_of(spec: str) -> tuple[StatementCandidate, ...]:
    return StatementExtractor()(make_doc(spec))._.stancegraph_statements


def test_mentions_person_and_gpe_with_offsets():
    doc = MentionExtractor()(make_doc(MINISTER_VISITED))
    assert doc.text == "Israeli Foreign Minister Jane Doe visited Egypt."
    mentions = doc._.stancegraph_mentions
    assert isinstance(mentions, tuple)
    assert [(m.label, m.span.text) for m in mentions] == [("PERSON", "Jane Doe"), ("GPE", "Egypt")]
    for mention in mentions:
        assert doc.text[mention.span.start : mention.span.end] == mention.span.text
    assert mentions[1].span.start == doc.text.index("Egypt")


def test_mentions_title_before_name_is_role():
    person = mentions_of(MINISTER_VISITED)[0]
    assert (person.span.text, person.role, person.official) == ("Jane Doe", "Foreign Minister", True)
    assert person.affiliate is not None and person.affiliate.span.text == "Israeli"
    assert person.affiliate.label == "NORP"


def test_mentions_title_inside_entity_is_stripped():
    doc = make_doc(MINISTER_IN_ENTITY)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Foreign Minister Jane Doe"]
    person = MentionExtractor()(doc)._.stancegraph_mentions[0]
    assert (person.span.text, person.role, person.official) == ("Jane Doe", "Foreign Minister", True)


def test_mentions_not_in_headings():
    doc = make_doc(EGYPT_SAID)
    doc._.headings = ((0, len(doc.text)),)
    assert MentionExtractor()(doc)._.stancegraph_mentions == ()


def test_statements_reported_speech_with_that_clause():
    doc = StatementExtractor()(make_doc(EGYPT_SAID))
    assert doc.text == "Egypt said that the talks would resume."
    (egypt,) = doc._.stancegraph_mentions
    (statement,) = doc._.stancegraph_statements
    assert statement.kind is StatementKind.ASSERT
    assert statement.mode is SpeechMode.INDIRECT
    assert statement.speaker == egypt and statement.source == egypt.span
    assert statement.cue is not None and statement.cue.text == "said"
    content = statement.content
    assert content is not None and "talks" in content.text and content.text.endswith("would resume")
    assert doc.text[content.start : content.end] == content.text
    assert statement.evidence.text == doc.text
    assert statement.quote == () and statement.targets == () and not statement.negated


def test_statements_urge_is_appeal_with_object_as_target():
    (statement,) = statements_of(QATAR_URGED)
    assert statement.kind is StatementKind.APPEAL
    assert statement.mode is SpeechMode.INDIRECT
    assert statement.speaker.span.text == "Qatar"
    assert statement.cue is not None and statement.cue.text == "urged"
    assert statement.content is not None and statement.content.text == "to resume the talks"
    assert [t.span.text for t in statement.targets] == ["Israel"]


def test_statements_direct_quote_before_cue():
    doc = StatementExtractor()(make_doc(QUOTE_SAID_QATAR))
    assert doc.text == "“We will not accept delays,” said Qatar."
    (statement,) = doc._.stancegraph_statements
    assert statement.mode is SpeechMode.DIRECT
    assert statement.kind is StatementKind.ASSERT
    assert statement.speaker.span.text == "Qatar"
    assert statement.cue is not None and statement.cue.text == "said"
    assert [q.text for q in statement.quote] == ["We will not accept delays,"]
    assert statement.content == statement.quote[0]
    assert not statement.negated  # the negation is inside the quote, not on the cue
    assert statement.confidence > 0.75  # a named speaker of a direct quote


def test_components_run_in_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("stancegraph_mentions_v1")
    nlp.add_pipe("stancegraph_statements_v1")
    assert nlp.pipe_names == ["stancegraph_mentions_v1", "stancegraph_statements_v1"]
    assert "doc._.stancegraph_statements" in nlp.get_pipe_meta("stancegraph_statements_v1").assigns
    assert "doc._.stancegraph_mentions" in nlp.get_pipe_meta("stancegraph_mentions_v1").assigns
    doc = make_doc(QATAR_URGED, nlp.vocab)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    assert [m.span.text for m in doc._.stancegraph_mentions] == ["Qatar", "Israel"]
    assert [s.kind for s in doc._.stancegraph_statements] == [StatementKind.APPEAL]


PLAIN = (str, int, float, bool, type(None), enum.Enum)


def assert_plain(value: object, where: str) -> None:
    if dataclasses.is_dataclass(value):
        assert type(value).__module__ == "graph.records", where
        for field in dataclasses.fields(value):
            assert_plain(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            assert_plain(item, f"{where}[{i}]")
    else:
        assert isinstance(value, PLAIN), f"{where} is a {type(value).__module__}.{type(value).__name__}"


def test_records_hold_only_plain_values():
    produced = 0
    for spec in ALL_SPECS:
        doc = StatementExtractor()(make_doc(spec))
        records = (*doc._.stancegraph_mentions, *doc._.stancegraph_statements)
        for record in records:
            assert isinstance(record, Mention | StatementCandidate)
            assert_plain(record, type(record).__name__)
        produced += len(records)
    assert produced >= 10
