"""Publication dates in the forms feeds and pages use -> ISO 8601.

``normalise_date`` reads ISO 8601, RFC 2822 (RSS ``pubDate``, e-mail headers) and written
dates ("March 4, 2024", "4 March 2024", "Mar. 4th, 2024") with python-dateutil, and
returns the date as ``Article.published`` holds it: ``YYYY-MM-DD``, or an ISO date-time
when the input gives a time with a known zone (ISO input keeps its time as given). A value
it cannot read, an incomplete one ("March 2024") and an all-numeric day/month that reads
two ways ("04/03/2024") come back as a warning ``Problem`` instead of a guess. May import
records and the standard library, plus python-dateutil.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from dateutil import parser as date_parser

from graph.records import Problem

EXPECTED = "expected ISO 8601 (2024-03-04), RFC 2822 (Mon, 04 Mar 2024 09:00:00 GMT) or a written date (4 March 2024)"
# Day and month as numbers before a year: 04/03/2024, 4.3.24, 04-03-2024 (with or without a time after).
NUMERIC_DAY_MONTH = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?!\d)")
# English names, not strftime("%B"), which follows the locale
MONTHS = "January February March April May June July August September October November December".split()
# Two defaults that differ in every field: a field the input lacks shows up as a difference.
_DEFAULTS = (datetime(2001, 1, 1, 0, 0), datetime(2002, 2, 2, 1, 1))


EPOCH = re.compile(r"1\d{9}(?:\d{3})?")  # 2001-09-09 to 2033-05-18, in seconds or milliseconds


def normalise_date(value: str | None, where: str) -> tuple[str | None, Problem | None]:
    """A publication date as ISO 8601, or a warning saying why there is none.

    :param value: the date as the input gives it; ``None`` or blank means "no date".
    :param where: the input it came from (``"feed.jsonl:3"``), for the problem.
    :returns: ``(iso, None)``, or ``(None, Problem)`` with ``severity="warning"`` when the
        value is unreadable, incomplete or ambiguous; ``(None, None)`` for no value.

    >>> normalise_date("Mon, 04 Mar 2024 09:00:00 GMT", "feed.jsonl:1")
    ('2024-03-04T09:00:00+00:00', None)
    >>> normalise_date("March 4, 2024", "a.html")[0], normalise_date("2024-03-04", "a.html")[0]
    ('2024-03-04', '2024-03-04')
    >>> normalise_date("1709629200", "feed.jsonl:1")[0]
    '2024-03-05T09:00:00+00:00'
    >>> print(normalise_date("04/03/2024", "feed.jsonl:2")[1])
    feed.jsonl:2: published date '04/03/2024' is ambiguous: 4 March or 3 April 2024; expected ISO 8601 (2024-03-04), RFC 2822 (Mon, 04 Mar 2024 09:00:00 GMT) or a written date (4 March 2024)
    """
    text = (value or "").strip()
    if not text:
        return None, None
    if EPOCH.fullmatch(text):  # Unix time, seconds or milliseconds ("1709629200")
        seconds = int(text[:10])
        return datetime.fromtimestamp(seconds, tz=UTC).isoformat(), None
    iso = iso_date(text)
    if iso:
        return iso, None
    numeric = NUMERIC_DAY_MONTH.match(text)
    first, second = (int(numeric.group(1)), int(numeric.group(2))) if numeric else (0, 0)
    if numeric and first != second and first <= 12 and second <= 12:
        both = two_readings(first, second, numeric.group(3))
        return None, Problem(where, f"published date {text!r} is ambiguous: {both}; {EXPECTED}", "warning")
    # the standard library knows RFC 2822's zone names (EST, PDT), dateutil reads the rest
    readings = [d for d in (rfc2822_date(text), written_date(text, dayfirst=first > 12)) if d]
    parsed = next((d for d in readings if "T" in d), readings[0] if readings else None)
    if parsed is None:
        return None, Problem(where, f"published date {text!r} not understood; {EXPECTED}", "warning")
    return parsed, None


def two_readings(first: int, second: int, year: str) -> str:
    """The two dates "04/03/2024" may mean, in words: ``"4 March or 3 April 2024"``."""
    return f"{first} {MONTHS[second - 1]} or {second} {MONTHS[first - 1]} {year}"


def iso_date(text: str) -> str | None:
    """An ISO 8601 date or date-time, as given (``Z`` becomes ``+00:00``); else None."""
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            return parse(text.replace("Z", "+00:00")).isoformat()
        except ValueError:
            continue
    return None


def rfc2822_date(text: str) -> str | None:
    """An RFC 2822 date ("Mon, 04 Mar 2024 09:00:00 GMT", "04 Mar 2024 09:00 EST"); else None."""
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return moment.isoformat() if moment.tzinfo else moment.date().isoformat()


def written_date(text: str, *, dayfirst: bool) -> str | None:
    """A date in words or numbers ("March 4, 2024", "4th March 2024 10:00 +01:00");
    None when it is unreadable or lacks a day, month or year."""
    with warnings.catch_warnings():
        # an unknown zone name ("ET") gives a naive time: only the date is kept then
        warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
        try:
            low, high = (date_parser.parse(text, default=d, dayfirst=dayfirst) for d in _DEFAULTS)
        except (ValueError, OverflowError):
            return None
    if low.date() != high.date():
        return None  # a missing day, month or year was filled in from the defaults
    if low.time() != high.time() or low.tzinfo is None:
        return low.date().isoformat()
    return low.isoformat()
