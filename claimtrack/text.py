"""Offset-preserving normalisation, language detection and segmentation.

Patterns run on a *normalised* copy of the text (for Arabic: no diacritics or tatweel, one
alef, ha for ta marbuta), but every result is reported in offsets of the
ORIGINAL text. :class:`NormalizedText` carries the map between the two.

camel-tools does the Arabic normalisation; it is imported on first use, because importing it
costs about half a second and English-only users should not pay it.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

import regex

from claimtrack.models import Span

TATWEEL = "\u0640"

# any character of the script (letters, digits, marks, punctuation): for telling languages apart
_ARABIC_SCRIPT_CHAR = regex.compile(r"\p{Arabic}")
_LATIN_SCRIPT_CHAR = regex.compile(r"\p{Latin}")
_ARABIC_BLOCK = regex.compile("[\u0600-\u06ff]")
# Paragraphs: a blank line, or a single newline (news text is often one paragraph a line).
_PARAGRAPH_BREAK = regex.compile(r"\n[ \t\r\f\v\u200e\u200f]*")


@dataclass(slots=True)
class NormalizedText:
    """A normalised copy of a text with the map back to the original offsets.

    ``normal`` never gains characters; it may lose some (diacritics, tatweel). ``shifts`` holds,
    for each deleted character in order, the index in ``normal`` before which it was deleted.
    """

    original: str
    normal: str
    shifts: list[int] = field(default_factory=list)

    def to_original(self, index: int) -> int:
        """Original offset of the character at ``index`` of the normalised text."""
        if not self.shifts:
            return index
        return index + bisect.bisect_right(self.shifts, index)

    def to_original_end(self, index: int) -> int:
        """Original offset for an exclusive end ``index`` of the normalised text: the marks
        deleted after the last character (its diacritics) belong to it."""
        if not self.shifts or index <= 0:
            return index
        if index >= len(self.normal):
            return len(self.original)
        return self.to_original(index)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of the original text for normalised offsets ``[start, end)``."""
        original_start = self.to_original(start)
        original_end = max(original_start, self.to_original_end(end))
        return Span.of(self.original, original_start, original_end)

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        original_start = self.to_original(start)
        return original_start, max(original_start, self.to_original_end(end))


@functools.cache
def _arabic_tools():
    """camel-tools' normalisers and its diacritic set, imported on first Arabic text."""
    from camel_tools.utils.charsets import AR_DIAC_CHARSET
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_teh_marbuta_ar,
    )

    deletable = regex.compile("[" + regex.escape("".join(sorted(AR_DIAC_CHARSET)) + TATWEEL) + "]")

    def letters(text: str) -> str:
        # Each of these maps one character to one character, so offsets are kept. Alef maqsura
        # stays: it is all that tells the preposition على from the name علي, and إلى from إلي.
        return normalize_teh_marbuta_ar(normalize_alef_ar(text))

    def dediacritise(text: str) -> str:
        return dediac_ar(text).replace(TATWEEL, "")

    return deletable, letters, dediacritise


def normalize_arabic(text: str) -> NormalizedText:
    """Arabic text without diacritics or tatweel, with alef and ta marbuta forms unified."""
    if _ARABIC_BLOCK.search(text) is None:
        # camel-tools changes only characters of the Arabic block (tests/test_text.py checks
        # it): a string without any, such as the English aliases of the registry, is its own
        # normal form, and English work never has to import camel-tools
        return NormalizedText(text, text)
    deletable, letters, dediacritise = _arabic_tools()
    deleted = [m.start() for m in deletable.finditer(text)]
    if not deleted:
        return NormalizedText(text, letters(text))
    normal = letters(dediacritise(text))
    shifts = [position - rank for rank, position in enumerate(deleted)]
    return NormalizedText(text, normal, shifts)


def normalize_identity(text: str) -> NormalizedText:
    return NormalizedText(text, text)


def normalize_arabic_string(text: str) -> str:
    """The normalised form of a short Arabic string (for data and matching)."""
    return normalize_arabic(text).normal


def detect_language(text: str) -> str:
    """``"ar"`` when Arabic letters outnumber Latin ones, else ``"en"``."""
    sample = text if len(text) <= 20_000 else text[:10_000] + text[-10_000:]
    arabic = len(_ARABIC_SCRIPT_CHAR.findall(sample))
    latin = len(_LATIN_SCRIPT_CHAR.findall(sample))
    return "ar" if arabic > latin else "en"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank paragraph (a line of text)."""
    result = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[start : match.start()].strip():
            result.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        result.append((start, len(text)))
    return result


_NOT_PLURALS = frozenset(("always", "perhaps", "sometimes", "besides", "afterwards", "towards", "nowadays",
                          "nevertheless", "whereas", "does"))


def looks_plural(word: str) -> bool:
    """Whether a lower-case English word looks like a plural noun ("senators", "reporters"; not
    "boss", "his", "always"): a shape test for the English grammar and linker, no lexicon."""
    return len(word) > 3 and word[:1].islower() and word.endswith("s") and not word.endswith(("ss", "us", "is")) \
        and word not in _NOT_PLURALS
