"""Text and HTML files in legacy encodings (issue 15)."""

import json

import pytest

from graph.errors import IngestError
from graph.ingest.decoding import decode_text
from graph.ingest.readers import read_articles, read_file
from graph.records import Article, Problem

ENGLISH = "The minister said “talks” would resume — officials said. Café owners agreed."


def test_decode_text_reads_windows_1252_and_warns_naming_it():
    text, problem = decode_text(ENGLISH.encode("cp1252"), "a.txt")
    assert text == ENGLISH
    assert problem is not None and problem.severity == "warning" and problem.where == "a.txt"
    assert "cp1252" in problem.message and "charset-normalizer" in problem.message


@pytest.mark.parametrize(
    "text", ["café au lait", "Le président a déclaré à Genève que les négociations reprendraient."]
)
def test_decode_text_reads_latin1_accents_as_western_european(text):
    assert decode_text(text.encode("latin-1"), "a.txt")[0] == text


def test_decode_text_prefers_windows_1252_to_a_dos_code_page_on_short_english():
    # charset-normalizer alone ranks cp775 (Baltic DOS) first here: “talks” became ōtalksö
    text = "Talks in Zürich\n\nThe Swiss foreign minister said “talks” would resume in Zürich next week.\n"
    assert decode_text(text.encode("cp1252"), "a.txt")[0] == text


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_decode_text_reads_a_cyrillic_legacy_encoding(encoding):
    text = "Министр иностранных дел заявил, что переговоры продолжатся."
    decoded, problem = decode_text(text.encode(encoding), "a.txt")
    assert decoded == text and problem is not None and encoding in problem.message


def test_decode_text_honours_an_html_meta_charset():
    html = '<html><head><meta charset="iso-8859-2"></head><body><p>Minister powiedział w Łodzi.</p></body></html>'
    assert decode_text(html.encode("iso8859_2"), "a.html")[0] == html


def test_decode_text_reads_utf16_with_a_byte_order_mark():
    assert decode_text("The minister said “no”.".encode("utf-16"), "a.txt") == ("The minister said “no”.", None)


def test_decode_text_utf8_gives_no_warning():
    assert decode_text(ENGLISH.encode("utf-8"), "a.txt") == (ENGLISH, None)


def test_decode_text_refuses_bytes_no_encoding_reads_naming_the_first_bad_byte():
    with pytest.raises(IngestError, match=r"a\.txt: not valid UTF-8 at byte 0 .*legacy encoding"):
        decode_text(bytes(range(128, 256)) * 3, "a.txt")


def test_decode_text_still_refuses_binary_files():
    with pytest.raises(IngestError, match="PDF"):
        decode_text(b"%PDF-1.7\n%\xe2\xe3\xcf", "a.txt")


def test_legacy_text_file_is_read_with_a_warning_and_offsets_index_the_decoded_text(tmp_path):
    text = "Talks resume\n\nThe minister said “talks” would resume in Zürich, officials said.\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    warning, article = list(read_articles([path]))
    assert isinstance(warning, Problem) and warning.severity == "warning" and "cp1252" in warning.message
    assert isinstance(article, Article) and article.text == text and article.title == "Talks resume"
    start = article.text.index("Zürich")
    assert article.text[start : start + 6] == "Zürich"


def test_legacy_html_file_is_read_with_a_warning(tmp_path):
    body = " ".join(["Le ministre a déclaré que les négociations reprendraient à Genève."] * 6)
    html = f"<html><head><title>Négociations</title></head><body><article><p>{body}</p></article></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("latin-1"))
    warning, article = list(read_file(path))
    assert isinstance(warning, Problem) and "cp1252" in warning.message
    assert isinstance(article, Article) and "à Genève" in article.text


def test_jsonl_lines_must_still_be_utf8(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(json.dumps({"text": "café"}, ensure_ascii=False).encode("latin-1") + b"\n")
    (problem,) = list(read_file(path))
    assert isinstance(problem, Problem) and problem.severity == "error" and "UTF-8" in problem.message
