"""claimtrack: attributed statements in news, linked to speakers and sources, compared across outlets.

>>> import claimtrack
>>> doc = claimtrack.extract("“We will not back down,” the minister said.")
>>> [(a.kind, a.cue.text) for a in doc.attributions]
[('direct', 'said')]
"""

from claimtrack.audit import audit
from claimtrack.compare import compare, match, rank
from claimtrack.errors import ClaimtrackError, InputError, LanguageDataError, UnsupportedLanguageError
from claimtrack.languages import SUPPORTED_LANGUAGES, KnownEntity
from claimtrack.models import (
    Attribution,
    ClaimCluster,
    ClaimMatch,
    ClaimMention,
    Document,
    Entity,
    SourcingReport,
    SourcingRow,
    Span,
)
from claimtrack.pipeline import extract

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "ClaimCluster",
    "ClaimMatch",
    "ClaimMention",
    "ClaimtrackError",
    "Document",
    "Entity",
    "InputError",
    "KnownEntity",
    "LanguageDataError",
    "SUPPORTED_LANGUAGES",
    "SourcingReport",
    "SourcingRow",
    "Span",
    "UnsupportedLanguageError",
    "audit",
    "compare",
    "extract",
    "match",
    "rank",
]
