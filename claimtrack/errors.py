"""claimtrack's exceptions.

::

    ClaimtrackError                      every error claimtrack raises on purpose
    ├── UnsupportedLanguageError         (also ValueError) a language with no data pack
    ├── LanguageDataError                a language or registry file failed validation
    └── InputError                       (also ValueError) unusable input: a bad JSONL line, an unreadable file

Passing a non-string where text is expected raises the built-in ``TypeError``.
"""

from __future__ import annotations


class ClaimtrackError(Exception):
    """Base class of every error claimtrack raises on purpose."""


class UnsupportedLanguageError(ClaimtrackError, ValueError):
    """A language code that has no data pack; the message names the supported ones."""

    def __init__(self, lang: object, supported: tuple[str, ...]):
        self.lang = lang
        self.supported = supported
        super().__init__(
            f"unsupported language {lang!r}; supported languages: {', '.join(supported)}"
        )


class LanguageDataError(ClaimtrackError):
    """A language pack or entity registry file is malformed."""


class InputError(ClaimtrackError, ValueError):
    """Input that cannot be used: a malformed JSONL line, an unreadable file."""
