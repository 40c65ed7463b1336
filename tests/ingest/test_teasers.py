"""Teaser, related-link and caption lines kept out of article text (issue 15; field case 12)."""

import json

import pytest

from graph.errors import LexiconError
from graph.ingest.readers import read_file, read_text_file
from graph.ingest.teasers import blank_teaser_lines, is_teaser_line, load_teaser_patterns

TEASERS = [
    "Serbia warns Kosovo against closing border crossings. Read more »",
    "Moldova accuses Russia of plotting a coup. Full story →",
    "JUST WATCHED Key Republican reacts to the decision Replay More Videos ... MUST WATCH Key Republican 03:38",
    "FILE PHOTO: Chinese Vice Premier Liu He and U.S. President Donald Trump sign the agreement in the East Room",
    "FILE PHOTO - A lawmaker is interviewed during a conference in Philadelphia, Pennsylvania, U.S., May 4, 2017",
    "The resort is shown in Doral, Florida, U.S., March 18, 2019. REUTERS/Joe Skipper/File Photo",
    "READ MORE: Jordan accuses Israel of blocking aid convoys.",
    "Read more: Iran warns Israel over strikes in Syria",
    "read more » Qatar says talks stalled",
    "Read More",
    "Related: UN envoy warns of famine in northern Gaza.",
    "RELATED: Egypt says crossing is open",
    "Related Articles",
    "RELATED ARTICLE Jordan accuses Israel of blocking aid convoys",
    "Also read: Hamas rejects the proposal.",
    "ALSO READ - Hezbollah fires rockets at northern Israel",
    "See also: Timeline of the war",
    "WATCH: Blinken arrives in Cairo",
    "Watch: How the ceasefire talks collapsed",
    "Video: Aid trucks queue at Rafah",
    "Click here to read the full statement.",
    "CLICK HERE TO GET THE NEWS APP",
    "Sign up for our daily newsletter.",
    "More: Israel strikes Rafah as talks resume",
    "(Photo: John Doe / Getty Images)",
    "Trucks wait at the Rafah crossing on Monday. (Photo: Said Khatib / AFP)",
    "Mohammed Abed/AFP via Getty Images",
    "REUTERS/Ibraheem Abu Mustafa",
    "Image copyright Getty Images",
    "**READ MORE:** [Jordan accuses Israel of blocking aid convoys](/world/jordan-aid)",
    "• Related: Talks in Doha",
    "[Read also: Qatar's mediators return to Doha]",
    "( PHOTOS: Ten quotes on the ceasefire)",
    "Don’t miss: Inside the tunnels of Rafah",
    "Also on Example Post: Uzbekistan warns Tajikistan over water deal",
    "Elsewhere on the BBC: Kenya protests turn deadly",
]
PROSE = [
    "He said he wanted more » of it, the minister added.",
    "There is more to come, the minister said.",
    "He just watched the debate and said it was a mess, Reuters reported.",
    "Officials said they would file photos of the damage with the court.",
    "Related talks were held in Cairo on Monday.",
    "Read more carefully, the statement shows that Egypt objected.",
    "More — and broader — hearings are coming",
    "Watchdog groups said the vote was fair.",
    "Watch out for a response, the minister warned.",
    "The minister said Reuters had misquoted him.",
    "Photographers were barred from the hearing, officials said.",
    "More than 200 trucks crossed, the UN said.",
    "Also on Monday, the minister said the talks would resume.",
    "Egypt said its side of the border was open.",
    "Jordan accuses Israel of blocking aid convoys, the foreign ministry said.",
    "Read more: " + "the minister said the talks would resume next week in Cairo, officials said, " * 4,
]


@pytest.mark.parametrize("line", TEASERS)
def test_is_teaser_line_finds_teasers_links_and_captions(line):
    assert is_teaser_line(line)


@pytest.mark.parametrize("line", PROSE)
def test_is_teaser_line_spares_prose(line):
    assert not is_teaser_line(line)


def test_blank_teaser_lines_keeps_length_and_every_other_offset():
    text = "Egypt said so.\r\nREAD MORE: Jordan accuses Israel.\r\nQatar agreed.\n"
    blanked, count = blank_teaser_lines(text)
    assert count == 1 and len(blanked) == len(text)
    assert blanked.index("Qatar agreed.") == text.index("Qatar agreed.") and "READ MORE" not in blanked
    assert blanked.split("\n")[1].strip() == "" and blanked.split("\n")[1].endswith("\r")


def test_plain_text_teaser_line_is_blanked_and_offsets_hold(tmp_path):
    text = "Border stays shut\n\nThe UN said trucks were waiting.\nRead more: Jordan accuses Israel\nEgypt said it was open.\n"
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    article = read_text_file(path)
    assert len(article.text) == len(text) and "Jordan" not in article.text
    assert article.text.index("Egypt said") == text.index("Egypt said") and article.title == "Border stays shut"


def html_article(tmp_path, teaser_html):
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Border stays shut</title></head>
    <body><article><h1>Border stays shut</h1>
    <p>The main border crossing into southern Gaza remained closed on Monday.</p>
    <p>The United Nations said hundreds of trucks were waiting on the Egyptian side.</p>
    {teaser_html}
    <p>Egypt said its side of the border was open.</p></article></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (article,) = list(read_file(path))
    return article


def test_html_read_more_teaser_is_not_in_the_article_text(tmp_path):
    teaser = '<p><strong>READ MORE:</strong> <a href="/world/jordan-aid">Jordan accuses Israel of blocking aid.</a></p>'
    article = html_article(tmp_path, teaser)
    assert "Jordan" not in article.text and "READ MORE" not in article.text
    assert "Egypt said its side of the border was open." in article.text


@pytest.mark.parametrize(
    "teaser",
    [
        '<p>Related: <a href="/x">Qatar says mediators will return to Doha</a></p>',
        "<p>WATCH: Aid trucks queue at the Rafah crossing</p>",
        '<p><em>Also read</em> - <a href="/y">Hezbollah fires rockets at northern Israel.</a></p>',
        "<p>Trucks queue at Rafah on Monday. (Photo: Said Khatib / AFP via Getty Images)</p>",
    ],
)
def test_html_related_link_and_caption_lines_are_not_in_the_article_text(tmp_path, teaser):
    article = html_article(tmp_path, teaser)
    assert not any(word in article.text for word in ("Qatar", "Rafah", "Hezbollah"))
    assert "hundreds of trucks" in article.text


def test_jsonl_text_teaser_line_is_blanked(tmp_path):
    text = "Talks stall\n\nQatar said talks stalled.\nRELATED: Egypt opens crossing\nHamas said it would reply."
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    (article,) = list(read_file(path))
    assert len(article.text) == len(text) and "Egypt" not in article.text and "Hamas said" in article.text


def test_teaser_lexicon_takes_a_users_own_labels(tmp_path):
    lexicon = tmp_path / "teasers.txt"
    lexicon.write_text("# German\nlabel\tlesen sie auch\nupper\tMEHR ZUM THEMA\n", encoding="utf-8")
    patterns = load_teaser_patterns(lexicon)
    assert is_teaser_line("Lesen Sie auch: Katar vermittelt", patterns)
    assert is_teaser_line("MEHR ZUM THEMA Waffenruhe", patterns)
    assert not is_teaser_line("Mehr zum Thema sagte der Minister nichts.", patterns)


def test_teaser_lexicon_bad_row_names_file_and_line(tmp_path):
    lexicon = tmp_path / "teasers.txt"
    lexicon.write_text("label\tread more\nregex\t(unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"teasers\.txt:2: bad regular expression"):
        load_teaser_patterns(lexicon)


def test_teaser_lexicon_unknown_kind_lists_the_kinds(tmp_path):
    lexicon = tmp_path / "teasers.txt"
    lexicon.write_text("heading\tread more\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"teasers\.txt:1: .*label, upper, opening, regex"):
        load_teaser_patterns(lexicon)
