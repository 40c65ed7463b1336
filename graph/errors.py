"""Exception hierarchy: one root, leaves named for the situation.

Raise when the program or an input is unusable; data-quality facts are returned
as ``records.Problem`` instead. Each leaf also inherits the matching built-in so
callers can catch it either way::

    >>> issubclass(LexiconError, ValueError), issubclass(StoreLockedError, OSError)
    (True, True)

May import only the standard library.
"""


class StancegraphError(Exception):
    """Root of every error stancegraph raises on purpose."""


class ConfigError(StancegraphError, ValueError):
    """A setting, flag or config file is invalid."""


class UnsupportedFormatError(ConfigError):
    """An output or input format is not one stancegraph writes or reads (the message lists them)."""


class DataFileError(StancegraphError, ValueError):
    """A bundled or user-supplied data file (lexicon, gazetteer, ontology, topic scheme,
    identity file, RDF file) cannot be read or has a malformed entry."""


class LexiconError(DataFileError):
    """A lexicon file under ``data/lexicon`` (or a user's own) has a malformed row."""


class GazetteerError(DataFileError):
    """A gazetteer JSONL file is missing or has a malformed entry."""


class RDFFileError(DataFileError):
    """An RDF file (ontology, SHACL shapes, topic scheme, a file to validate) cannot be parsed."""


class IdentityFileError(DataFileError):
    """A user's identity file (``build --identity FILE``) is unreadable or malformed."""


class GoldFileError(DataFileError):
    """An evaluation gold file is malformed or points to a missing document."""


class IngestError(StancegraphError, ValueError):
    """An input file or record cannot be read as an article."""


class ModelNotFoundError(StancegraphError, LookupError):
    """No spaCy pipeline is installed under the requested name."""


class UnknownNameError(StancegraphError, LookupError):
    """A name given by the user (an actor, a topic, a stored query) is not in the store or library."""


class StoreError(StancegraphError, OSError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the store open for writing."""


class QueryError(StancegraphError, ValueError):
    """A SPARQL query is malformed, forbidden or failed to run."""


class Interrupted(StancegraphError):
    """The command line was stopped by Ctrl-C or SIGTERM (raised by its signal handler)."""


class BuildInterrupted(Interrupted):
    """A build was stopped (Ctrl-C, SIGTERM); the message says how many articles were kept."""


class NoSpaceError(StoreError):
    """A disk filled up while writing the store or an output file."""


class OutputError(StancegraphError, OSError):
    """An output file (``-o``) cannot be written: no such folder, no permission, a full disk."""
