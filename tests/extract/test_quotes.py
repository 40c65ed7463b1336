from graph.extract.quotes import find_quotes


def quoted(text):
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_quotes_and_apostrophes():
    text = "“There’s no will,” said one diplomat. Gaza’s people wait."
    assert quoted(text) == ["There’s no will,"]


def test_straight_and_guillemets():
    assert quoted('He said "we will go" and «nous irons».') == ["we will go", "nous irons"]


def test_quote_running_over_paragraphs_without_closing_mark():
    text = "She said: “First paragraph of the quote.\n“Second paragraph,” she added.\nAfter."
    (only,) = quoted(text)
    assert only.startswith("First paragraph") and only.endswith("Second paragraph,")


def test_unclosed_quote_stops_at_paragraph_end():
    text = "He said “this never closes\nNext paragraph is plain."
    assert quoted(text) == ["this never closes"]


def test_single_quotes_stay_within_a_paragraph():
    assert quoted("Abbas 'will not tolerate' attacks") == ["will not tolerate"]
    assert quoted("the '90s were\ngood") == []


def test_a_curly_opening_mark_closed_by_a_straight_one_is_one_quote():
    text = '“Talks must resume this week," the envoy said in a statement, adding that "time is short."'
    assert quoted(text) == ["Talks must resume this week,", "time is short."]
    text = '"No convoy has crossed since Monday,” the agency said.'
    assert quoted(text) == ["No convoy has crossed since Monday,"]


def test_a_straight_mark_inside_a_curly_quote_does_not_close_it():
    text = '“He called the plan "a trap," and we agree,” she said.'
    assert quoted(text) == ['He called the plan "a trap," and we agree,']


def test_a_stray_straight_mark_does_not_run_into_a_paragraph_of_curly_quotes():
    text = '"The hall was nearly empty.\n\n“We waited for hours,” one farmer said. “Nobody came.”'
    assert quoted(text) == ["The hall was nearly empty.", "We waited for hours,", "Nobody came."]


def test_a_quote_glued_to_the_sentence_before_still_opens():
    text = 'He spoke to the Post."The patience is not infinite," a source said.'
    assert quoted(text) == ["The patience is not infinite,"]
