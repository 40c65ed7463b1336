"""The ontology, the vocabulary module, the JSON-LD context and the SHACL shapes agree."""

import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from graph.paths import ONTOLOGY_DIR
from graph.rdf.shacl import shape_names, shapes_graph, validate_file
from graph.rdf.vocab import SG, SG_NS

ONTOLOGY = Graph().parse(ONTOLOGY_DIR / "stancegraph.ttl")
EXAMPLES = ONTOLOGY_DIR / "examples"


def sg_terms() -> set[str]:
    return {str(s)[len(SG_NS) :] for s in ONTOLOGY.subjects() if str(s).startswith(SG_NS)}


def test_vocab_and_ontology_define_the_same_terms():
    assert sg_terms() == set(SG.__annotations__)


def test_every_class_and_property_is_documented_and_aligned():
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in ONTOLOGY.subjects(RDF.type, kind):
            assert ONTOLOGY.value(term, RDFS.label) and ONTOLOGY.value(term, RDFS.comment), term
            if kind == OWL.Class:
                assert ONTOLOGY.value(term, RDFS.subClassOf), term
            else:
                assert ONTOLOGY.value(term, RDFS.domain) and ONTOLOGY.value(term, RDFS.range), term
    assert (SG.Official, RDFS.subClassOf, SG.Person) in ONTOLOGY
    assert (SG.Statement, RDFS.subClassOf, SG.Stance) in ONTOLOGY


def test_statement_kinds_are_skos_concepts_with_valence_and_cameo_code():
    kinds = set(ONTOLOGY.subjects(SKOS.inScheme, SG.statementKinds))
    assert len(kinds) == 11
    for kind in kinds:
        assert ONTOLOGY.value(kind, SG.valence) is not None and ONTOLOGY.value(kind, SG.cameoCode) is not None
    assert ONTOLOGY.value(SG.Accuse, SG.valence).toPython() == -1


def test_no_blank_nodes_in_the_ontology():
    assert not [t for t in ONTOLOGY if any(not isinstance(x, URIRef) and x.__class__.__name__ == "BNode" for x in t)]


def test_json_ld_context_names_every_property():
    context = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text())["@context"]
    properties = {
        str(p)[len(SG_NS) :] for k in (OWL.ObjectProperty, OWL.DatatypeProperty) for p in ONTOLOGY.subjects(RDF.type, k)
    }
    assert properties <= set(context)
    for name in properties:
        assert context[name]["@id"] == f"sg:{name}"


def named_shapes() -> list[str]:
    prefix = "https://w3id.org/stancegraph/shapes#"
    return sorted(
        str(s)[len(prefix) :] for s in shapes_graph().subjects(RDF.type, SH.NodeShape) if str(s).startswith(prefix)
    )


def test_the_conforming_example_conforms():
    assert validate_file(EXAMPLES / "conforms.ttl") == []


@pytest.mark.parametrize("shape", named_shapes())
def test_each_shape_has_violating_examples_that_violate_it(shape):
    examples = sorted(EXAMPLES.glob(f"{shape}*.violates.ttl"))
    assert examples, f"no violating example for {shape}"
    owned = owned_shapes(shape)
    for example in examples:
        violations = validate_file(example)
        assert violations, example.name
        assert any(v.shape in owned for v in violations), (example.name, violations)


def owned_shapes(shape: str) -> set[str]:
    """The shape's name, and the names of node shapes whose property shapes use it as a
    value shape (violations are reported by node shape name)."""
    shapes = shapes_graph()
    node = URIRef(f"https://w3id.org/stancegraph/shapes#{shape}")
    users = {str(p) for p in shapes.subjects(SH.qualifiedValueShape, node)}
    return {shape} | {shape_names()[u] for u in users}


def test_shapes_file_parses_with_declared_prefixes():
    assert Path(ONTOLOGY_DIR / "shapes.ttl").read_text().count("sh:sparql") == 2
