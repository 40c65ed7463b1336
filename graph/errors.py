"""Exception hierarchy: one root, leaves named for the situation.

Raise when the program or an input is unusable; data-quality facts are returned
as ``records.Problem`` instead. Each leaf also inherits the matching built-in so
callers can catch it either way. May import only the standard library.
"""


class StancegraphError(Exception):
    """Root of every error stancegraph raises on purpose."""


class ConfigError(StancegraphError, ValueError):
    """A setting, flag or config file is invalid."""


class IngestError(StancegraphError, ValueError):
    """An input file or record cannot be read as an article."""


class ModelNotFoundError(StancegraphError, LookupError):
    """No spaCy pipeline is installed under the requested name."""


class StoreError(StancegraphError, OSError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the store open for writing."""


class QueryError(StancegraphError, ValueError):
    """A SPARQL query is malformed, forbidden or failed to run."""
