"""Publication dates in the forms feeds and pages use (issue 15; field case 11)."""

import json

import pytest

from graph.ingest.dates import normalise_date
from graph.ingest.readers import read_file
from graph.records import Article, Problem


def jsonl_items(tmp_path, published):
    path = tmp_path / "feed.jsonl"
    record = {"text": "Iran warns\n\nIran warned Israel on Monday.", "url": "https://e.org/1", "published": published}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path, list(read_file(path))


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("Mon, 04 Mar 2024 09:00:00 GMT", "2024-03-04T09:00:00+00:00"),
        ("Tue, 5 Mar 2024 10:15:00 +0100", "2024-03-05T10:15:00+01:00"),
        ("04 Mar 2024 09:00 EST", "2024-03-04T09:00:00-05:00"),
    ],
)
def test_normalise_date_reads_rfc2822_with_its_zone(value, iso):
    assert normalise_date(value, "x") == (iso, None)


@pytest.mark.parametrize(
    "value", ["March 4, 2024", "4 March 2024", "Mar. 4th, 2024", "Monday, 4 March 2024", "4 MARCH 2024"]
)
def test_normalise_date_reads_written_dates_as_a_day(value):
    assert normalise_date(value, "x") == ("2024-03-04", None)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-03-04", "2024-03-04"),
        ("2024-03-04T09:00:00Z", "2024-03-04T09:00:00+00:00"),
        ("2024-03-04T09:00:00+02:00", "2024-03-04T09:00:00+02:00"),
        ("2024-03-04T09:00:00.000-05:00", "2024-03-04T09:00:00-05:00"),
    ],
)
def test_normalise_date_keeps_iso_with_time_and_zone(value, iso):
    assert normalise_date(value, "x") == (iso, None)


def test_normalise_date_keeps_only_the_day_when_the_zone_is_unknown():
    assert normalise_date("March 4th, 2024 at 9:00 a.m. ET", "x") == ("2024-03-04", None)


@pytest.mark.parametrize("value", ["13/03/2024", "03/13/2024", "13.03.2024"])
def test_normalise_date_reads_a_numeric_date_that_reads_one_way_only(value):
    assert normalise_date(value, "x") == ("2024-03-13", None)


@pytest.mark.parametrize("value", ["04/03/2024", "4.3.2024", "04-03-24 09:00"])
def test_normalise_date_reports_an_ambiguous_day_and_month_instead_of_guessing(value):
    iso, problem = normalise_date(value, "feed.jsonl:7")
    assert iso is None and problem is not None and problem.severity == "warning"
    assert (
        problem.where == "feed.jsonl:7" and "ambiguous" in problem.message and "4 March or 3 April" in problem.message
    )


@pytest.mark.parametrize("value", ["yesterday", "March 2024", "2024-02-30", "Mon, 4 Mar", "170954280"])
def test_normalise_date_reports_what_it_could_not_read_and_what_it_expected(value):
    iso, problem = normalise_date(value, "feed.jsonl:2")
    assert iso is None and problem is not None and problem.severity == "warning"
    assert repr(value) in problem.message and "not understood" in problem.message
    assert "expected ISO 8601" in problem.message and str(problem).startswith("feed.jsonl:2: ")


@pytest.mark.parametrize("value", [None, "", "   "])
def test_normalise_date_blank_is_no_date_and_no_problem(value):
    assert normalise_date(value, "x") == (None, None)


def test_jsonl_rss_pubdate_becomes_the_iso_date(tmp_path):
    _, items = jsonl_items(tmp_path, "Mon, 04 Mar 2024 09:00:00 GMT")
    (article,) = items
    assert isinstance(article, Article) and article.published == "2024-03-04T09:00:00+00:00"


def test_jsonl_written_date_becomes_the_iso_day(tmp_path):
    _, items = jsonl_items(tmp_path, "4 March 2024")
    assert [i.published for i in items if isinstance(i, Article)] == ["2024-03-04"]


def test_jsonl_unreadable_date_is_a_warning_naming_file_and_line_and_the_article_is_kept(tmp_path):
    path, items = jsonl_items(tmp_path, "04/03/2024")
    problem, article = items
    assert isinstance(problem, Problem) and problem.where == f"{path}:1" and problem.severity == "warning"
    assert "'04/03/2024'" in problem.message
    assert isinstance(article, Article) and article.published is None


def test_html_page_date_is_stored_as_the_iso_day(tmp_path):
    body = " ".join(["The minister said the talks would resume next week in Cairo."] * 6)
    html = f"""<html><head><title>Talks</title>
    <meta property="article:published_time" content="2024-03-04T09:00:00+02:00"></head>
    <body><article><h1>Talks</h1><p>{body}</p></article></body></html>"""
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    (article,) = list(read_file(path))
    assert article.published == "2024-03-04"


@pytest.mark.parametrize("value", ["1709542800", "1709542800000"])
def test_unix_time_in_seconds_or_milliseconds_is_a_date(value):
    assert normalise_date(value, "feed.jsonl:2") == ("2024-03-04T09:00:00+00:00", None)


def test_a_json_number_as_the_date_is_unix_time_not_a_refused_record():
    """ "published": 1709629200 refused the whole record ("fields published must be strings")."""
    from graph.ingest.readers import article_from_record

    article, warnings = article_from_record({"text": "Egypt said so.", "published": 1709629200}, "feed.jsonl:3")
    assert (article.published, warnings) == ("2024-03-05T09:00:00+00:00", [])
