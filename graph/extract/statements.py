"""Statements: direct quotes, reported speech and "according to", from one Doc.

Quotes are found in the raw text (``quotes``), cues from the lexicon on the
dependency parse (``syntax``). Each quote takes the nearest cue in its
paragraph; a quote with none continues the last speaker. Cues left over give
reported speech. A cue with no subject of its own ("..., saying") belongs to the
clause it hangs from, so one speech act yields one statement.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from graph.extract import syntax
from graph.extract.attribution import (
    Context,
    Hit,
    continues,
    cue_chains,
    embedded,
    find_hits,
    group_quotes,
    introduced_blocks,
    is_full_quote,
    quoted_by,
)
from graph.extract.content import content_head
from graph.extract.glued import glued_subject_start
from graph.extract.headlines import headline_statements
from graph.extract.layout import paragraph_bounds
from graph.extract.mentions import doc_text, in_heading, text_span
from graph.extract.overlaps import without_nested_speakers, without_repeats
from graph.extract.quotes import Quote, find_quotes
from graph.extract.signatures import signed_quotes, trailing_byline_quotes
from graph.extract.speakers import speaker_mentions
from graph.extract.speech_acts import proposition_only, states_something
from graph.extract.transcripts import transcript_turns
from graph.knowledge.lexicons import Cue
from graph.knowledge.ontology import load_kind_facts
from graph.records import Mention, SpeechMode, StatementCandidate, StatementKind, TextSpan


def evidence_span(ctx: Context, tokens: list[Token], parts: list[Quote]) -> TextSpan:
    """The sentence(s) of the cue and of every quoted part."""
    start = min(t.sent.start_char for t in tokens)
    end = max(t.sent.end_char for t in tokens)
    if parts:
        opening = ctx.doc.char_span(parts[0].open_mark, parts[0].open_mark + 1, alignment_mode="expand")
        start = min(start, opening.sent.start_char if opening is not None else parts[0].open_mark)
        last = parts[-1]
        end = max(end, last.close_mark + 1 if last.close_mark is not None else last.end)
    text = doc_text(ctx.doc)
    while end > start and text[end - 1].isspace():
        end -= 1
    return text_span(ctx.doc, start, end)


def statement_kind(chain: list[Hit]) -> StatementKind:
    """The root's kind, unless it only says "said" and a dependent cue is specific."""
    kind = chain[0].cue.kind
    if kind is StatementKind.ASSERT:
        specific = [h.cue.kind for h in chain[1:] if h.cue.kind is not StatementKind.ASSERT]
        if specific:
            return specific[0]
    return kind


def content_span(ctx: Context, chain: list[Hit], parts: list[Quote]) -> TextSpan | None:
    """The quoted words (from the first part to the last), else the cue's complement;
    for a parenthetical cue ("Climate change, he says, is ...") the clause around it."""
    if parts:
        return text_span(ctx.doc, parts[0].start, parts[-1].end)
    for hit in chain:
        named = syntax.naming_bounds(hit.token, hit.cue.words[1:]) if hit.cue.naming else None
        if named is not None:
            return text_span(ctx.doc, *named)
        head = content_head(hit.token, hit.cue)
        if head is not None:
            asides = tuple(ctx.doc[i] for i in ctx.asides if i != hit.token.i)
            start, end = syntax.subtree_bounds(head, (hit.token, *asides) if hit.cue.prep else asides)
            glued = glued_subject_start(hit.token, head)  # "said on Thursday Beijing opposed ..."
            return text_span(ctx.doc, start if glued is None else glued, end)
    root = chain[0].token
    aside = root.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in root.children)
    if root.dep_ == "parataxis" or aside:  # "Climate change, he says, is …", "…, as experts have pointed out, …"
        start, end = syntax.subtree_bounds(root.head, (root,))
        return text_span(ctx.doc, start, end)
    trailing = syntax.before_trailing_source(root)  # "Language unclear on single mothers, experts say."
    return text_span(ctx.doc, *trailing) if trailing is not None else None


# Stances whose target is what the cue takes as object or addressee ("backed X", "condemned
# X's offensive", "urged X to", "demanded that X ..."), never an actor its words merely name
# ("defended the operations, saying ... Hamas ..." supports no Hamas; "condemned the attack on
# Israel" is not against Israel). Other kinds (assertions, denials, warnings, promises) target
# the actors they speak about: the cue's objects, then the actors named in the content.
OBJECT_TARGETED = {
    StatementKind.SUPPORT,
    StatementKind.CRITICIZE,
    StatementKind.ACCUSE,
    StatementKind.REJECT,
    StatementKind.THREATEN,
    StatementKind.APPEAL,
    StatementKind.DEMAND,
}


def find_targets(
    ctx: Context, chain: list[Hit], content: TextSpan | None, speaker: Mention, kind: StatementKind
) -> tuple[Mention, ...]:
    """The actors a statement is for or against (``OBJECT_TARGETED``) or about."""
    found: list[Mention] = []
    for hit in chain:
        for obj in syntax.object_tokens(hit.token):
            found += [
                m for m in ctx.mentions if obj.left_edge.idx <= m.span.start < obj.right_edge.idx + len(obj.right_edge)
            ]
    if content is not None and kind not in OBJECT_TARGETED:
        found += [
            m
            for m in ctx.mentions
            if content.start <= m.span.start and m.span.end <= content.end and not syntax.is_location(ctx.doc, m)
        ]
    unique: dict[str, Mention] = {}
    for mention in found:
        if mention.span.text != speaker.span.text:
            unique.setdefault(mention.span.text, mention)
    return tuple(unique.values())


def with_partial_quote(cue: Token, content: TextSpan | None, partials: list[Quote]) -> TextSpan | None:
    """ "described the plan as “a serious step”": the content runs on to the end of a
    partial quote that follows it, or starts in it, in the cue's sentence."""
    if content is None:
        return None
    sent = cue.sent
    after = [
        q
        for q in partials
        if content.start <= q.open_mark < sent.end_char and q.open_mark - content.end <= 5 and q.end > content.end
    ]
    if not after:
        return content
    return text_span(cue.doc, content.start, after[0].end)


def build_statements(
    ctx: Context, chain: list[Hit], parts: list[Quote], partials: list[Quote]
) -> list[StatementCandidate]:
    """One statement per speaker of a cue chain (coordinated subjects give several)."""
    root = chain[0]
    content = content_span(ctx, chain, parts)
    if not parts:
        content = with_partial_quote(root.token, content, partials)
        if not states_something(chain, content, partials):
            return []
    kind, negated = statement_kind(chain), syntax.is_negated(root.token)
    if negated and load_kind_facts()[kind].negatable:
        kind = StatementKind.ASSERT
    mode = SpeechMode.DIRECT if parts else SpeechMode.INDIRECT
    mixed = [q for q in partials if content and content.start <= q.start and q.end <= content.end]
    if mixed and not parts:
        mode = SpeechMode.MIXED
    quoted = tuple(text_span(ctx.doc, q.start, q.end) for q in (parts or mixed))
    evidence = evidence_span(ctx, [h.token for h in chain], parts)
    cue = text_span(ctx.doc, root.token.idx, root.token.idx + len(root.token))
    out = []
    for subj in syntax.speakers_of(root.token, root.cue):
        found, source = speaker_mentions(ctx.doc, subj, ctx.mentions)
        source = relative_source(ctx, root.token) or source  # "economists, who argue": the source is "who"
        for speaker in found:
            named = source is not None and source == speaker.span
            confidence = (0.9 if parts else 0.75) if named else 0.6
            said_kind, targets = stance_or_words(ctx, chain, content, speaker, kind)
            out.append(
                StatementCandidate(
                    speaker=speaker,
                    kind=said_kind,
                    mode=mode,
                    evidence=evidence,
                    cue=cue,
                    content=content,
                    quote=quoted,
                    source=source,
                    targets=targets,
                    negated=negated,
                    confidence=confidence,
                )
            )
    return out


def relative_source(ctx: Context, cue: Token) -> TextSpan | None:
    """The relative pronoun "who" or "which" that is a cue's subject in a relative clause
    ("officials, who said …", "the AP, which reported …"): the source as written; the
    speaker is the noun it stands for. After "that" ("a letter that says", "nations that
    oppose") the noun is the source."""
    if cue.dep_ != "relcl":
        return None
    pronoun = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "which")), None)
    return text_span(ctx.doc, pronoun.idx, pronoun.idx + len(pronoun)) if pronoun is not None else None


def stance_or_words(
    ctx: Context, chain: list[Hit], content: TextSpan | None, speaker: Mention, kind: StatementKind
) -> tuple[StatementKind, tuple[Mention, ...]]:
    """The kind and targets of a statement. Support of something that is no actor,
    followed by words naming actors ("defended the operations, saying “… until Hamas is
    dismantled”"), states the words: an Assert about those actors, not Support of them; so
    does agreement with a clause ("agreed that Clinton is healthy" supports no Clinton)."""
    root = chain[0].token
    if kind is StatementKind.SUPPORT and proposition_only(root):
        return StatementKind.ASSERT, find_targets(ctx, chain, content, speaker, StatementKind.ASSERT)
    targets = find_targets(ctx, chain, content, speaker, kind)
    said = any(h.cue.kind is StatementKind.ASSERT for h in chain[1:])
    if kind is StatementKind.SUPPORT and not targets and said:  # "condemned the attack, calling it …" stays
        words = find_targets(ctx, chain, content, speaker, StatementKind.ASSERT)
        return (StatementKind.ASSERT, words) if words else (kind, targets)
    return kind, targets


def reported_apart(ctx: Context, chain: list[Hit], parts: list[Quote]) -> bool:
    """The nearest cue reports words of its own in an earlier sentence ("X said he was
    worried. "What the government has done ..."): the quote that follows, with no cue,
    is a second statement of that speaker, not the cue's content."""
    root = chain[0].token
    if root.sent.end_char > parts[0].open_mark or chain[0].cue.prep:
        return False
    after = root.nbor() if root.i + 1 < len(root.doc) else root
    if after.text == ":":
        return False  # "X said:" then the quote: its content
    reported = content_span(ctx, chain, [])
    return reported is not None and reported.end <= parts[0].open_mark


def continuation(ctx: Context, quote: Quote, last: StatementCandidate) -> StatementCandidate:
    """A quote with no cue of its own continues the last speaker's words."""
    return quoted_by(ctx, quote, last.speaker, None, None)


def extract_statements(doc: Doc, mentions: list[Mention], cues: dict[str, tuple[Cue, ...]]) -> list[StatementCandidate]:
    """All statement candidates of a Doc, in text order."""
    ctx = Context(doc, mentions, paragraph_bounds(doc_text(doc)))
    turns = transcript_turns(doc, ctx.paragraphs)
    inside = [q for q, _speaker in turns]
    in_turns = {ctx.paragraph_of(q.open_mark) for q in inside}  # a quoted transcript is its turns
    quotes = [
        q
        for q in find_quotes(doc_text(doc))
        if not in_heading(doc, q.open_mark, q.open_mark + 1) and ctx.paragraph_of(q.open_mark) not in in_turns
    ]
    full = [q for q in quotes if is_full_quote(doc_text(doc), q)]
    hits = find_hits(ctx, cues, full + inside)  # words inside a turn are the speaker's own
    if blocks := introduced_blocks(ctx, hits):  # "He added:" and a paragraph without marks
        full = sorted(full + blocks, key=lambda q: q.start)
        hits = find_hits(ctx, cues, full + inside)
    full = [q for q in full if not embedded(q, hits)]
    partials = [q for q in quotes if q not in full]
    by_index, chains = cue_chains(hits)
    ctx.asides = frozenset(i for i in chains if own_speech_act(doc[i]))
    statements = headline_statements(doc, mentions)
    statements += [quoted_by(ctx, q, who, who.span, text_span(doc, q.open_mark, q.open_mark + 1)) for q, who in turns]
    used: set[int] = set()
    statements += quote_statements(ctx, group_quotes(ctx, full, hits, by_index), chains, partials, used)
    for root_i, chain in chains.items():
        if root_i not in used:
            statements += build_statements(ctx, chain, [], partials)
    statements = without_nested_speakers(without_repeats(statements))
    return sorted(statements, key=lambda s: (s.evidence.start, s.cue.start if s.cue else 0))


def own_speech_act(cue: Token) -> bool:
    """A cue clause inside another's words that is a speech act of its own, not part of
    them: a participle ("…, citing …") or a contrast with its own speaker ("Cyprus said …,
    while Turkey said …")."""
    if cue.dep_ != "advcl":
        return False
    contrast = any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in cue.children)
    return cue.tag_ == "VBG" or (contrast and any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children))


def quote_statements(
    ctx: Context,
    groups: list[tuple[list[Quote], int | None]],
    chains: dict[int, list[Hit]],
    partials: list[Quote],
    used: set[int],
) -> list[StatementCandidate]:
    """Statements of the full quotes, each group with the cue chain attributing it (added
    to ``used``), a signature, or the last speaker it continues."""
    statements: list[StatementCandidate] = []
    last: StatementCandidate | None = None
    for parts, root_i in groups:
        if bylined := trailing_byline_quotes(ctx, parts[-1]):  # "Many note that “…” German Lopez, Vox"
            made = bylined
            used.update({root_i} if root_i is not None else set())
        elif root_i is not None and reported_apart(ctx, chains[root_i], parts):
            reported = build_statements(ctx, chains[root_i], [], partials)
            made = reported + [replace(continuation(ctx, part, s), source=s.source) for s in reported for part in parts]
            used.add(root_i)
        elif root_i is not None:
            made = build_statements(ctx, chains[root_i], parts, partials)
            used.add(root_i)
        elif signed := signed_quotes(ctx, parts[0]):
            made = signed
        elif continues(ctx, parts[0], last):
            assert last is not None  # continues() is False without a last statement
            made = [continuation(ctx, parts[0], last)]
        else:
            made = []
        statements += made
        last = made[-1] if made else last
    return statements
