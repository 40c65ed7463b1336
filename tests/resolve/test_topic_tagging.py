"""Topic tagging against the bundled SKOS scheme (pure string work, no model)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.knowledge.topics import load_topics
from graph.resolve.topics import topics_in


def test_labels_match_whole_words_in_any_case_and_hyphenation():
    scheme = load_topics()
    assert topics_in("called for a Cease-Fire in the north", scheme) == ("ceasefire",)
    assert topics_in("an end to the siege and the release of hostages", scheme) == ("blockade", "hostages")
    assert topics_in("the aidan family", scheme) == ()


def test_a_narrower_topic_implies_its_broader_ones():
    scheme = load_topics()
    assert "negotiations" in scheme.ancestors("ceasefire")
    assert topics_in("talks on a truce", scheme) == ("ceasefire",)


def test_extra_scheme_adds_topics(tmp_path):
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix topic: <https://w3id.org/stancegraph/topic/> .\n"
        'topic:water-rights a skos:Concept ; skos:prefLabel "water rights"@en ;\n'
        '  skos:altLabel "dam"@en ; skos:broader topic:human-rights .\n',
        encoding="utf-8",
    )
    scheme = load_topics((extra,))
    assert topics_in("the new dam on the Nile", scheme) == ("water-rights",)
    assert "human-rights" in scheme.ancestors("water-rights")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_known_topics(text):
    scheme = load_topics()
    assert set(topics_in(text, scheme)) <= set(scheme.topics)
