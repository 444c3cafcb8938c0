"""One exception tree. Every message says what was wrong and what to do."""

from __future__ import annotations


class DkgError(Exception):
    """Base of every error dkg raises on purpose."""


class ArticleError(DkgError):
    """An article could not be read: bad encoding, bad JSON, empty, too large..."""


class GazetteerError(DkgError):
    """The reference data (data/gazetteer) is malformed."""


class ExtractionError(DkgError):
    """Extraction failed on an article."""


class QueryError(DkgError):
    """A SPARQL query is malformed, refused, or took too long."""


class QueryTimeout(QueryError):
    """A query ran past the time limit."""


class StoreError(DkgError):
    """The triple store failed or refused an operation."""


class NotFoundError(DkgError):
    """An entity, article or saved query does not exist."""


class ValidationError(DkgError):
    """Data does not conform to the SHACL shapes."""
