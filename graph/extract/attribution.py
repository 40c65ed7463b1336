"""Which cue attributes which quotation: full quotes and the phrases quoted inside
reported speech, cue hits on the parse, chains of cues that are one speech act
("..., saying"), and the grouping of quotes under the cue nearest them in their
paragraph. Used by ``statements``, which builds the statement candidates.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from graph.extract import syntax
from graph.extract.content import content_head
from graph.extract.mentions import doc_text, in_heading, text_span
from graph.extract.quotes import Quote
from graph.knowledge.lexicons import Cue
from graph.records import Mention, SpeechMode, StatementCandidate, StatementKind, TextSpan

FULL_QUOTE_MIN_WORDS = 3
OPENING_MARKS = set("“\"«„‘'")
ASPECTUAL = {"continue", "begin", "start", "keep", "go"}  # "continued to ignore …" says nothing itself
QUOTE_LEAD = set(":,—–―-")
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "to", "and", "for", "at", "by", "with", "or", "is", "are"}
TITLE_LEADS = {"on", "in", "to", "of", "at", "from", "with", "by", "the", "a", "an", "titled", "called", "dubbed"}


@dataclass(frozen=True)
class Hit:
    token: Token
    cue: Cue


@dataclass
class Context:
    doc: Doc
    mentions: list[Mention]
    paragraphs: list[tuple[int, int]]
    asides: frozenset[int] = frozenset()  # participle cues that are speech acts of their own ("…, citing …")

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right([s for s, _ in self.paragraphs], offset) - 1)


# Words after which a quotation in lower case characterises something ('rejected it as
# "absurd."', 'branded the vote "a farce."'): a phrase of the sentence, not a speech act.
CHARACTERISING = {"as", "called", "calling", "dubbed", "branded", "termed", "labelled", "labeled"}


def is_full_quote(text: str, quote: Quote) -> bool:
    """A quotation that is a speech act of its own, not a phrase quoted
    inside reported speech (“bias”, a “lack of progress”)."""
    if quote.words(text) < FULL_QUOTE_MIN_WORDS:
        return False
    inner = text[quote.start : quote.end].rstrip()
    if is_title(inner):
        return False  # "said on “Fox News Sunday,”", a sub-heading 'All Bets Are Off.'
    before_word = text[max(0, quote.open_mark - 12) : quote.open_mark].split()[-1:]
    if before_word and before_word[0].lower() in TITLE_LEADS:
        return False  # "in “The Art of the Deal,”": a title after a preposition
    before = text[: quote.open_mark].rstrip(" \t")
    lead = before[-1:] if before else "\n"
    if lead in QUOTE_LEAD or lead == "\n":
        return True
    unclosed_after_word = quote.close_mark is None and lead.isalnum()  # 'described it as "a serious step.'
    if before_word and before_word[0].lower() in CHARACTERISING and inner[:1].islower():
        return False  # 'rejected the allegations as "absurd and motivated."': words of the sentence
    return inner.endswith((",", ".", "!", "?", "…", ";")) and not unclosed_after_word


def is_title(inner: str) -> bool:
    """Title Case words, as a show, book or sub-heading is written ("Face the Nation,").

    >>> is_title("Legend in the Coal Fields."), is_title("We will not stop the talks.")
    (True, False)
    """
    words = [w for w in inner.split() if w[:1].isalpha() and w.lower() not in TITLE_SMALL_WORDS]
    return 2 <= len(words) <= 8 and all(w[0].isupper() for w in words)


def find_hits(ctx: Context, cues: dict[str, tuple[Cue, ...]], full: list[Quote]) -> list[Hit]:
    """Cue words outside full quotes and headings (words inside a quote are
    the speaker's own, not an attribution)."""
    hits = []
    for token in ctx.doc:
        cue = syntax.match_cue(token, cues)
        if (
            cue is None
            or any(q.start <= token.idx < q.end for q in full)
            or in_heading(ctx.doc, token.idx, token.idx + 1)
        ):
            continue
        hits.append(Hit(token, cue))
    return hits


def chain_root(hit: Hit, by_index: dict[int, Hit]) -> Hit:
    """Climb from a subject-less cue to the cue clause it depends on (not across "and"
    between two cues that each say something)."""
    current = hit
    while not syntax.own_subjects(current.token):
        parent = syntax.governor(current.token)
        if parent is None or parent.i not in by_index or coordinated(current, by_index[parent.i]):
            break
        if parent.lemma_ in ASPECTUAL:
            break  # "continued to call for …": the call is the speech act
        current = by_index[parent.i]
    return current


def coordinated(hit: Hit, parent: Hit) -> bool:
    """Two cues joined by "and", each with words of its own ("denies any wrongdoing and
    says he is the victim"), or a statement followed by a participle that says more ("said
    he did not believe it, arguing that …", "“…,” she said, adding, “…”"): two speech acts
    of one speaker, not one. A stance explained by words ("defended the operations, saying
    …") stays one."""
    own = [content_head(h.token, h.cue) for h in (hit, parent)]
    says_more = (
        own[1] is not None
        and own[1].dep_ in ("ccomp", "xcomp")  # a clause said, not "the decision was announced …, citing"
        and hit.token.dep_ == "advcl"
        and hit.token.tag_ == "VBG"
        and hit.token.i > parent.token.i
        and hit.cue.kind is parent.cue.kind is StatementKind.ASSERT
        and (not parent.cue.belief or parent.token.dep_ == "ccomp")  # "said he didn't believe …, arguing"
    )
    return (hit.token.dep_ == "conj" or says_more) and all(head is not None for head in own)


def nearest_hit(ctx: Context, quote: Quote, hits: list[Hit]) -> Hit | None:
    """The closest cue with a speaker in the paragraphs the quote spans, one in a sentence
    the quote spans first: in "…, officials said. “We are hopeful,” Smith said." the quote
    is Smith's though the officials' cue is nearer its opening mark. Outside those
    sentences, not a cue of a relative clause ("“…,” Trump declared after a conference
    where Pompeo discussed the deal. “…”" goes on with Trump)."""
    first, last = ctx.paragraph_of(quote.open_mark), ctx.paragraph_of(max(quote.end - 1, quote.start))
    lo, hi = ctx.paragraphs[first][0], ctx.paragraphs[last][1]
    if introduced(ctx, quote, first):
        lo = ctx.paragraphs[first - 1][0]  # "He said:" ends the paragraph before the quote
    near = [h for h in hits if lo <= h.token.idx < hi and syntax.speakers_of(h.token, h.cue)]
    if not near:
        return None
    near = [h for h in near if not h.cue.belief] or near  # "said she feared ... "…"": the speech cue
    end = quote.close_mark + 1 if quote.close_mark is not None else quote.end
    own = [h for h in near if h.token.sent.start_char < end and h.token.sent.end_char > quote.open_mark]
    near = own or [h for h in near if h.token.dep_ not in ("relcl", "acl")] or near
    return min(near, key=lambda h: min(abs(h.token.idx - quote.open_mark), abs(h.token.idx - quote.end)))


def introduced(ctx: Context, quote: Quote, paragraph: int) -> bool:
    """Does the quote open its paragraph right after one that ends with a colon
    ("The New York Times reports:" / "Caddell continued:")?"""
    text = doc_text(ctx.doc)
    if paragraph == 0 or text[ctx.paragraphs[paragraph][0] : quote.open_mark].strip():
        return False
    start, end = ctx.paragraphs[paragraph - 1]
    return text[start:end].rstrip().endswith(":")


def introduced_blocks(ctx: Context, hits: list[Hit]) -> list[Quote]:
    """Paragraphs a cue introduces with a colon that ends its paragraph, given without
    quotation marks ("The governor added:" then the block quote a web page lost the
    marks of): each a quotation of the whole paragraph (``close_mark`` None)."""
    text, blocks = doc_text(ctx.doc), []
    for hit in hits:
        end = hit.token.idx + len(hit.token)
        paragraph = ctx.paragraph_of(hit.token.idx)
        if text[end:].lstrip(" \t")[:1] != ":" or paragraph + 1 >= len(ctx.paragraphs):
            continue
        if text[end : ctx.paragraphs[paragraph][1]].strip() != ":":
            continue
        lo, hi = ctx.paragraphs[paragraph + 1]
        block = text[lo:hi].strip()
        if (
            block[:1] not in OPENING_MARKS
            and len(block.split()) >= FULL_QUOTE_MIN_WORDS
            and not in_heading(ctx.doc, lo, hi)
        ):
            start = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip())
            blocks.append(Quote(start, start + len(block), start, None))
    return blocks


def group_quotes(
    ctx: Context, full: list[Quote], hits: list[Hit], by_index: dict[int, Hit]
) -> list[tuple[list[Quote], int | None]]:
    """Quotes with the chain root that attributes them. Consecutive quotes of one
    paragraph attributed by the same cue are one interrupted quote
    ("“…,” she said. “…”"); a quote with no cue has root None."""
    groups: list[tuple[list[Quote], int | None]] = []
    for quote in full:
        hit = nearest_hit(ctx, quote, hits)
        root = chain_root(hit, by_index).token.i if hit is not None else None
        if (
            groups
            and root is not None
            and groups[-1][1] == root
            and ctx.paragraph_of(groups[-1][0][-1].end) == ctx.paragraph_of(quote.open_mark)
        ):
            groups[-1][0].append(quote)
        else:
            groups.append(([quote], root))
    return groups


def embedded(quote: Quote, hits: list[Hit]) -> bool:
    """A quotation inside the reported clause of an earlier cue in its sentence
    ("said that the video did not give “absolute evidence,” but"): part of a
    mixed quote, not a speech act of its own."""
    for hit in hits:
        sent = hit.token.sent
        if hit.cue.prep or not (hit.token.idx < quote.open_mark < sent.end_char):
            continue
        head = content_head(hit.token, hit.cue)
        if head is None:
            continue
        start, end = syntax.subtree_bounds(head)
        if hit.token.idx < start < quote.open_mark and end >= quote.end - 1:
            return True
    return False


def cue_chains(hits: list[Hit]) -> tuple[dict[int, Hit], dict[int, list[Hit]]]:
    """Hits by token index, and the chains of hits under each root (root first)."""
    by_index = {h.token.i: h for h in hits}
    chains: dict[int, list[Hit]] = {}
    for hit in hits:
        chains.setdefault(chain_root(hit, by_index).token.i, []).append(hit)
    return by_index, {i: sorted(c, key=lambda h: h.token.i != i) for i, c in chains.items()}


def continues(ctx: Context, quote: Quote, last: StatementCandidate | None) -> bool:
    """A paragraph that opens with a quote, right after a paragraph ending in a direct
    quote, with no cue of its own: the same speaker goes on (the wire convention)."""
    if last is None or last.mode is not SpeechMode.DIRECT:
        return False
    paragraph = ctx.paragraph_of(quote.open_mark)
    opens = doc_text(ctx.doc)[ctx.paragraphs[paragraph][0] : quote.open_mark].strip() == ""
    return opens and paragraph - ctx.paragraph_of(last.evidence.end - 1) == 1


def quoted_by(
    ctx: Context, quote: Quote, speaker: Mention, source: TextSpan | None, cue: TextSpan | None
) -> StatementCandidate:
    """A direct quote of ``speaker`` with no cue verb: a continuation or a signed quote."""
    content = text_span(ctx.doc, quote.start, quote.end)
    start = min(quote.open_mark, source.start if source else quote.open_mark)
    end = max(quote.close_mark + 1 if quote.close_mark is not None else quote.end, source.end if source else 0)
    targets = tuple(
        m
        for m in ctx.mentions
        if quote.start <= m.span.start and m.span.end <= quote.end and m.span.text != speaker.span.text
    )
    return StatementCandidate(
        speaker=speaker,
        kind=StatementKind.ASSERT,
        mode=SpeechMode.DIRECT,
        evidence=text_span(ctx.doc, start, end),
        cue=cue,
        content=content,
        quote=(content,),
        source=source,
        targets=targets,
        confidence=0.6 if source is None else 0.75,
    )
