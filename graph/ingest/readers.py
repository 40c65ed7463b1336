"""Ingest: files, directories and JSONL records -> ``Article`` records.

Plain text keeps the decoded file text so offsets index it exactly (legacy encodings are
detected, see ``decoding``); a first line followed by a blank line is the headline. HTML
goes through trafilatura; JSONL gives one article per line. Teaser and caption lines are
blanked (``teasers``, length kept); publication dates become ISO 8601 (``dates``). A bad
input becomes a ``Problem`` and never stops the batch; a repair or a date left out is a
warning ``Problem`` before its article. README and LICENSE files in a directory are not
articles. May import records, errors, knowledge and the other ingest modules (plus
trafilatura, lazily, for HTML).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from graph.errors import IngestError
from graph.ingest.dates import normalise_date
from graph.ingest.decoding import decode_bytes, decode_text
from graph.ingest.files import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    byte_limit,
    iter_files,
    kind_suffix,
    open_binary,
    read_limited,
    unreadable_reason,
)
from graph.ingest.hygiene import sanitize, strict_json
from graph.ingest.teasers import blank_teaser_lines
from graph.records import Article, Problem

log = logging.getLogger(__name__)

JSONL_FIELDS = ("text", "title", "url", "published", "source")
_TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def canonical_url(url: str) -> str:
    """Normalise a URL for identity: lower-case scheme and host, no fragment,
    no tracking parameters, no trailing slash on the path."""
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    path = parts.path.rstrip("/") or ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(sorted(query)), ""))


def article_key(text: str, url: str | None) -> str:
    """Article identity (DESIGN §3): canonical URL when known, else text hash."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return "url:" + canonical_url(url)
    return "sha256:" + text_sha256(text)


def make_article(text: str, **fields: str | int | None) -> Article:
    """Build an ``Article`` with its identity and hash derived from content."""
    return Article(
        article_id=article_key(text, cast("str | None", fields.get("url"))),
        text=text,
        text_sha256=text_sha256(text),
        **fields,  # type: ignore[arg-type]
    )


def split_headline(text: str) -> tuple[str | None, int]:
    """A first line followed by a blank line is the headline: return it and
    the offset where the body starts."""
    first, sep, rest = text.partition("\n")
    if not sep or not first.strip() or len(first) > 300:
        return None, 0
    blank, sep2, _ = rest.partition("\n")
    if not sep2 or blank.strip():
        return None, 0
    return first.strip().lstrip("#").strip(), len(first) + len(blank) + 2


FILE_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")


def read_text_file(path: Path) -> Article:
    """A plain-text article: the first line is the headline when a blank line follows it;
    an ISO date in the file name ("nyt_2016-09-08_obama-on-climate.txt") is its date.
    Warnings (a legacy encoding) are logged; ``read_file`` returns them as problems.

    :raises IngestError: for a binary file or one no encoding reads.
    """
    article, warnings = read_text_article(path)
    for warning in warnings:
        log.warning("%s", warning)
    return article


def file_bytes(path: Path, max_chars: int) -> bytes:
    """An article file's bytes, decompressed for ``.gz``, refused past the size limit."""
    return read_limited(path, byte_limit(path, max_chars) or 4 * max_chars)


def read_text_article(path: Path, max_chars: int = 1_000_000) -> tuple[Article, list[Problem]]:
    """A plain-text article (teaser lines blanked) and the warnings about it (a legacy
    encoding).

    :raises IngestError: for a binary file or one no encoding reads.
    :raises OSError: when the file cannot be read.
    """
    text, warning = decode_text(file_bytes(path, max_chars), str(path))
    text, _ = blank_teaser_lines(text)
    title, body_start = split_headline(text)
    dated = FILE_NAME_DATE.search(path.name)
    published = dated.group(0) if dated else None
    article = make_article(text, title=title, path=str(path), body_start=body_start, published=published)
    return article, [warning] if warning else []


def read_html_article(path: Path, max_chars: int = 1_000_000) -> tuple[Article, list[Problem]]:
    """An HTML article (main text with teaser lines blanked, title, URL, date and site via
    trafilatura) and the warnings about it (a legacy encoding, a date left out).

    :raises IngestError: for a binary file, one no encoding reads, unparseable HTML or a
        page without main text.
    :raises OSError: when the file cannot be read.
    """
    import trafilatura  # heavy import, only when HTML is ingested

    html, warning = decode_text(file_bytes(path, max_chars), str(path))
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    except (ValueError, RecursionError, TypeError, AttributeError, LookupError) as exc:
        raise IngestError(f"{path}: could not parse the HTML ({type(exc).__name__}: {exc})") from None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    text = blank_teaser_lines(text)[0].strip()
    if not text:
        raise IngestError(f"{path}: no main text found in the HTML")
    published, date_problem = normalise_date(getattr(doc, "date", None), str(path))
    article = make_article(
        text,
        title=getattr(doc, "title", None),
        url=getattr(doc, "url", None),
        published=published,
        source=getattr(doc, "sitename", None),
        path=str(path),
    )
    return article, [p for p in (warning, date_problem) if p]


def article_from_record(record: object, where: str) -> tuple[Article, list[Problem]]:
    """One JSONL record -> Article (``text`` required, teaser lines blanked; the rest
    optional) and the warnings about it (a date left out).

    :raises IngestError: for a record that is not an object or has fields of the wrong type.

    >>> article, warnings = article_from_record({"text": "Egypt said so.", "published": "4 March 2024"}, "a.jsonl:1")
    >>> article.published, warnings
    ('2024-03-04', [])
    """
    if not isinstance(record, dict):
        raise IngestError(f"{where}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        have = ", ".join(sorted(map(str, record))) or "nothing"
        got = "missing" if text is None else f"a {type(text).__name__}"
        raise IngestError(f'{where}: field "text" must be a string, is {got} (have: {have})')
    fields = {k: record.get(k) for k in JSONL_FIELDS[1:]}
    published = fields.get("published")
    if isinstance(published, (int, float)) and not isinstance(published, bool):
        fields["published"] = str(int(published))  # Unix time as a JSON number
    bad = [k for k, v in fields.items() if v is not None and not isinstance(v, str)]
    if bad:
        raise IngestError(f"{where}: fields {', '.join(bad)} must be strings")
    fields["published"], date_problem = normalise_date(fields["published"], where)
    article = make_article(blank_teaser_lines(text)[0], path=where, **fields)
    return article, [date_problem] if date_problem else []


def read_jsonl_file(path: Path) -> Iterator[Article | Problem]:
    """Stream a JSONL file line by line (memory stays flat on large inputs); a ``.gz``
    file is decompressed as it streams."""
    with open_binary(path) as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = strict_json(decode_bytes(raw, where))
                article, warnings = article_from_record(record, where)
                yield from warnings
                yield article
            except (IngestError, ValueError, RecursionError) as exc:
                message = str(exc) if str(exc).startswith(where) else f"{where}: invalid JSON: {exc}"
                yield Problem(where, message.removeprefix(f"{where}: "))


def read_file(path: Path, max_chars: int = 1_000_000) -> Iterator[Article | Problem]:
    """Read one file of any supported kind; problems are yielded, not raised."""
    suffix = kind_suffix(path)
    refused = unreadable_reason(path, max_chars)
    if refused:
        yield Problem(str(path), refused)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl_file(path)
        elif suffix in HTML_SUFFIXES:
            article, warnings = read_html_article(path, max_chars)
            yield from warnings
            yield article
        elif suffix in TEXT_SUFFIXES:
            article, warnings = read_text_article(path, max_chars)
            yield from warnings
            yield article
        else:
            valid = ", ".join(sorted(SUPPORTED_SUFFIXES))
            yield Problem(str(path), f"unsupported file type {suffix or '(none)'!r}; expected one of {valid}")
    except IngestError as exc:
        yield Problem(str(path), str(exc).removeprefix(f"{path}: "))
    except EOFError:
        yield Problem(str(path), "the compressed file is cut short (truncated gzip stream)")
    except OSError as exc:
        yield Problem(str(path), f"cannot read: {exc.strerror or exc}")


def check_article(article: Article) -> Iterator[Article | Problem]:
    """Refuse articles that carry no text; replace characters that break parsers and
    serialisers (length kept, so offsets hold) and say so."""
    where = article.path or article.article_id
    if not article.text.strip():
        yield Problem(where, "empty article: no text to extract from")
        return
    text, replaced = sanitize(article.text)
    if replaced:
        yield Problem(where, f"{replaced} control or lone-surrogate characters replaced", severity="warning")
        article = make_article(
            text,
            title=article.title,
            url=article.url,
            published=article.published,
            source=article.source,
            path=article.path,
            body_start=article.body_start,
        )
    yield article


def read_articles(paths: Iterable[str | Path], max_chars: int = 1_000_000) -> Iterator[Article | Problem]:
    """Every article under ``paths``, with a ``Problem`` for each bad input (files larger
    than an article of ``max_chars`` characters can be are not read)."""
    for path in iter_files(Path(p) for p in paths):
        if isinstance(path, Problem):
            yield path
            continue
        for item in read_file(path, max_chars):
            if isinstance(item, Article):
                yield from check_article(item)
            else:
                yield item
