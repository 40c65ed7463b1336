"""Provenance of a build: which tool and model versions made the extraction."""

from __future__ import annotations

import hashlib
from pathlib import Path

from graph import __version__
from graph.errors import DataFileError, GazetteerError, IdentityFileError
from graph.extract import installed_model_info
from graph.knowledge.identity import identity_paths
from graph.records import RunInfo
from graph.settings import Settings


def user_data_digest(settings: Settings) -> str | None:
    """A short SHA-256 of the user's gazetteer (``--gazetteer``) and identity
    (``--identity``) files, their roles and order; None when there are none.

    :raises GazetteerError, IdentityFileError: when a file cannot be read.
    """
    files = [("gazetteer", Path(p)) for p in settings.gazetteers]
    files += [("identity", p) for p in identity_paths(settings.identity)]
    if not files:
        return None
    digest = hashlib.sha256()
    for role, path in files:
        try:
            content = path.read_bytes()
        except OSError as exc:
            error: type[DataFileError] = GazetteerError if role == "gazetteer" else IdentityFileError
            reason = "not found" if isinstance(exc, FileNotFoundError) else f"cannot be read: {exc}"
            raise error(f"{path}: {role} file {reason}") from None
        digest.update(f"{role}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:12]


def run_info(settings: Settings) -> RunInfo:
    """The extraction run of these settings: stancegraph's version and the spaCy model's
    name and version (read from its package, without loading it).

    The user's own data decide what is extracted too, so when a build has gazetteer or
    identity files the model version carries a hash of their content
    (``3.8.0+identity:<sha256[:12]>``): the run, and so its IRI, changes when one of
    them does, and an incremental build re-extracts every article instead of skipping it.

    :raises ModelNotFoundError: when the model is not installed.
    :raises GazetteerError, IdentityFileError: when a user's file cannot be read.
    """
    name, version = installed_model_info(settings.model)
    digest = user_data_digest(settings)
    return RunInfo(__version__, name, f"{version}+identity:{digest}" if digest else version)
