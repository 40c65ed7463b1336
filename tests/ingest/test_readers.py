import json
from pathlib import Path

import pytest

from graph.ingest.readers import (
    article_key,
    canonical_url,
    read_articles,
    read_file,
    read_text_file,
    split_headline,
)
from graph.records import Article, Problem


def test_split_headline_first_line_then_blank_is_headline():
    text = "Abbas 'will not tolerate' attacks\n\nPalestinian leader Mahmoud Abbas said."
    title, start = split_headline(text)
    assert title == "Abbas 'will not tolerate' attacks"
    assert text[start:].startswith("Palestinian leader")


def test_split_headline_none_without_blank_line():
    assert split_headline("One paragraph.\nAnother paragraph.") == (None, 0)


def test_read_text_file_keeps_text_unchanged(tmp_path):
    raw = "\nLeading blank line\r\n“Curly” text — with dashes.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert read_text_file(path).text == raw


def test_same_text_same_identity_across_file_names(tmp_path):
    (tmp_path / "a.txt").write_text("Same words here.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same words here.", encoding="utf-8")
    ids = {a.article_id for a in read_articles([tmp_path])}
    assert len(ids) == 1


def test_url_identity_ignores_tracking_and_fragment():
    assert canonical_url("HTTPS://Example.com/a/?utm_source=x&b=1#top") == "https://example.com/a?b=1"
    assert article_key("x", "https://example.com/a/") == article_key("y", "https://example.com/a")


def test_jsonl_bad_line_is_a_problem_and_batch_goes_on(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"text": "First article.", "title": "One"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Third.", "published": "2024-05-01"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_file(path))
    assert [type(i) for i in items] == [Article, Problem, Problem, Article]
    assert items[1].where.endswith("in.jsonl:2")
    assert 'field "text"' in items[2].message and "have: title" in items[2].message
    assert items[3].published == "2024-05-01"


def test_non_utf8_is_decoded_with_a_warning_naming_the_failing_byte(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("caf\u00e9 au lait".encode("latin-1"))
    problem, article = list(read_articles([path]))
    assert isinstance(problem, Problem) and problem.severity == "warning" and "byte 3" in problem.message
    assert article.text == "caf\u00e9 au lait"


def test_empty_file_is_a_problem(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (problem,) = list(read_articles([tmp_path]))
    assert isinstance(problem, Problem) and "empty" in problem.message


def test_html_main_text_and_metadata(tmp_path):
    body = " ".join(["The minister said the talks would resume next week in Cairo."] * 6)
    html = f"""<html><head><title>Talks to resume</title>
    <meta property="article:published_time" content="2024-03-05"></head>
    <body><nav>Home | World</nav><article><h1>Talks to resume</h1><p>{body}</p></article>
    <footer>Copyright</footer></body></html>"""
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    (article,) = list(read_articles([path]))
    assert "talks would resume" in article.text and "Copyright" not in article.text
    assert article.title == "Talks to resume"
    assert article.published == "2024-03-05"


def test_missing_path_raises(tmp_path):
    with pytest.raises(ValueError, match="no such file"):
        list(read_articles([tmp_path / "nope"]))


def test_gzipped_jsonl_streams_like_jsonl(tmp_path):
    import gzip
    import json

    from graph.ingest import read_articles

    path = tmp_path / "feed.jsonl.gz"
    lines = [
        json.dumps({"text": f"Story {n}\n\nEgypt said talks would resume.", "url": f"https://e.org/{n}"})
        for n in range(3)
    ]
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n{broken\n").encode()))
    found = list(read_articles([tmp_path]))
    assert [type(f).__name__ for f in found] == ["Article"] * 3 + ["Problem"]
    assert str(found[-1]).startswith(f"{path}:4:")


def test_gzip_of_any_accepted_type_reads_like_the_plain_file(tmp_path):
    import gzip

    text = "Talks to resume\n\nEgypt said on Monday that talks would resume."
    page = (
        "<html><head><title>Talks</title></head><body><article><p>"
        + "Egypt said talks would resume. " * 8
        + "</p></article></body></html>"
    )
    (tmp_path / "wire_2024-03-04_talks.txt.gz").write_bytes(gzip.compress(text.encode()))
    (tmp_path / "wire_2024-03-04_talks.txt").write_text(text, encoding="utf-8")
    (tmp_path / "page.HTML.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "page.md.gz").write_bytes(gzip.compress(b"Egypt said so."))
    found = {Path(a.path).name: a for a in read_articles([tmp_path]) if isinstance(a, Article)}
    assert set(found) == {"wire_2024-03-04_talks.txt.gz", "wire_2024-03-04_talks.txt", "page.HTML.gz", "page.md.gz"}
    compressed, plain = found["wire_2024-03-04_talks.txt.gz"], found["wire_2024-03-04_talks.txt"]
    assert (compressed.text, compressed.title, compressed.published) == (plain.text, plain.title, plain.published)
    assert "talks would resume" in found["page.HTML.gz"].text


def test_a_bad_gzip_file_is_a_problem_and_its_size_is_checked_on_what_it_expands_to(tmp_path):
    import gzip

    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a " * 60_000))  # 120 kB from a few hundred bytes
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(b"Egypt said so. " * 50)[:30])
    (tmp_path / "plain.txt.gz").write_bytes(b"Egypt said so, but this file is not compressed.")
    good = [json.dumps({"text": f"Egypt said talks would resume, story {n}."}) for n in range(200)]
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(("\n".join(good) + "\n").encode())[:-40])
    found = list(read_articles([tmp_path], max_chars=10_000))
    problems = {Path(str(p).split(":")[0]).name: str(p) for p in found if isinstance(p, Problem)}
    assert "expands to more than the limit of 40,000 bytes" in problems["bomb.txt.gz"]
    assert "cut short" in problems["cut.txt.gz"] and "cut short" in problems["feed.jsonl.gz"]
    assert "Not a gzipped file" in problems["plain.txt.gz"]
    assert 100 < sum(isinstance(a, Article) for a in found) < 200  # what came before the cut is kept


def test_a_text_file_takes_its_date_from_an_iso_date_in_its_name(tmp_path):
    from graph.ingest import read_text_file

    dated = tmp_path / "nyt_2016-09-08_obama-on-climate.txt"
    dated.write_text("Headline\n\nObama said so.", encoding="utf-8")
    plain = tmp_path / "story-20160908-99.txt"
    plain.write_text("Headline\n\nObama said so.", encoding="utf-8")
    assert read_text_file(dated).published == "2016-09-08" and read_text_file(plain).published is None


def test_a_directory_skips_readme_and_license_files_of_any_case_and_extension(tmp_path):
    for name in ("README.md", "readme.txt", "License.txt", "LICENSE", "LICENCE.md", "README-fr.md"):
        (tmp_path / name).write_text("Egypt said the crossing was open.", encoding="utf-8")
    (tmp_path / "licensed-arms-exports.txt").write_text("Britain said exports would stop.", encoding="utf-8")
    found = list(read_articles([tmp_path]))
    assert [a.path.rsplit("/", 1)[-1] for a in found] == ["licensed-arms-exports.txt"]


def test_a_readme_named_on_its_own_is_still_read(tmp_path):
    path = tmp_path / "README.md"
    path.write_text("Egypt said the crossing was open.", encoding="utf-8")
    (article,) = list(read_articles([path]))
    assert isinstance(article, Article)
