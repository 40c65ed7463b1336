"""Namespaces: the stancegraph vocabulary and the standard ones it reuses.

``SG`` is a closed ``DefinedNamespace``: a misspelt term fails at import time.
A test checks its terms against ``ontology/stancegraph.ttl`` both ways. Imports
rdflib only.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from graph.settings import DEFAULT_BASE

SG_NS = "https://w3id.org/stancegraph/ns#"
TOPIC_NS = "https://w3id.org/stancegraph/topic/"


class CachedNamespace(Namespace):
    """A ``Namespace`` that makes each term once: rdflib makes and validates a new ``URIRef``
    on every access, a tenth of the mapping's time on a real corpus.

    >>> OA.start is OA.start
    True
    """

    @lru_cache(maxsize=4096)  # noqa: B019  (namespaces live as long as the process)
    def term(self, name: str) -> URIRef:
        return super().term(name)


SCHEMA = CachedNamespace("http://schema.org/")
OA = CachedNamespace("http://www.w3.org/ns/oa#")
WD = CachedNamespace("http://www.wikidata.org/entity/")
TOPIC = CachedNamespace(TOPIC_NS)


class SG(DefinedNamespace):
    """The stancegraph vocabulary (DESIGN §3)."""

    _NS = CachedNamespace(SG_NS)
    _fail = True

    # classes
    Actor: URIRef
    State: URIRef
    Official: URIRef
    Person: URIRef
    GovernmentBody: URIRef
    IGO: URIRef
    NGO: URIRef
    MilitantGroup: URIRef
    MediaOrganization: URIRef
    PoliticalParty: URIRef
    Group: URIRef
    AnonymousSource: URIRef
    Stance: URIRef
    Statement: URIRef
    Position: URIRef
    PairStance: URIRef
    SharedPosition: URIRef
    ExtractionRun: URIRef
    StatementKind: URIRef
    SpeechMode: URIRef
    ActorType: URIRef
    # statement kinds (SKOS concepts)
    Assert: URIRef
    Appeal: URIRef
    Demand: URIRef
    Support: URIRef
    Criticize: URIRef
    Accuse: URIRef
    Reject: URIRef
    Deny: URIRef
    Threaten: URIRef
    Warn: URIRef
    Promise: URIRef
    # speech modes
    DirectQuote: URIRef
    IndirectSpeech: URIRef
    MixedQuote: URIRef
    # concept schemes
    statementKinds: URIRef
    speechModes: URIRef
    actorTypes: URIRef
    # statement properties
    speaker: URIRef
    onBehalfOf: URIRef
    kind: URIRef
    target: URIRef
    topic: URIRef
    cue: URIRef
    quote: URIRef
    content: URIRef
    mode: URIRef
    negated: URIRef
    confidence: URIRef
    reportedIn: URIRef
    statedOn: URIRef
    evidence: URIRef
    sourceSpan: URIRef
    cueSpan: URIRef
    contentSpan: URIRef
    expresses: URIRef
    copyOf: URIRef
    statementCount: URIRef
    holderCount: URIRef
    reportCount: URIRef
    articleCount: URIRef
    outletCount: URIRef
    firstStated: URIRef
    lastStated: URIRef
    bestConfidence: URIRef
    speakerRole: URIRef
    # article, actor, position and run properties
    textSha256: URIRef
    affiliation: URIRef
    role: URIRef
    observedIn: URIRef
    holder: URIRef
    toolVersion: URIRef
    modelName: URIRef
    modelVersion: URIRef
    valence: URIRef
    cameoCode: URIRef
    derivedEdge: URIRef
    negatable: URIRef
    # derived actor -> actor edges
    supports: URIRef
    opposes: URIRef
    accuses: URIRef
    criticizes: URIRef
    rejects: URIRef
    denies: URIRef
    demandsFrom: URIRef
    appealsTo: URIRef
    threatens: URIRef
    warns: URIRef
    promises: URIRef
    speaksAbout: URIRef


__all__ = [
    "DCTERMS",
    "DEFAULT_BASE",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SG",
    "SG_NS",
    "SKOS",
    "TOPIC",
    "TOPIC_NS",
    "WD",
    "XSD",
]

PREFIXES = {
    "sg": SG_NS,
    "schema": str(SCHEMA),
    "oa": str(OA),
    "prov": str(PROV),
    "org": str(ORG),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
    "wd": str(WD),
    "topic": TOPIC_NS,
}
