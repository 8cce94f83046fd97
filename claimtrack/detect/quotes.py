"""Quotation marks: pair them within a paragraph, tolerating the mess real news contains.

Curly (“ ”), guillemets (« »), low-high („ “) and straight (") marks are paired with a small
stack, one pass, linear in the paragraph. An opening mark never closed does not abort the
paragraph: it is reported as ``closed=False`` and spans to the paragraph's end, so a caller may
treat it as a quotation that continues into the next paragraph (news convention) or drop it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import re

QUOTE_MARKS = re.compile(r"[“”«»„\"]")
# opening mark -> the marks that may close it
_CLOSERS = {"“": "”“", "«": "»", "„": "“”", '"': '"', "”": "”"}
_MAX_DEPTH = 3


class Quote(NamedTuple):
    """A quotation: ``start`` is the opening mark, ``end`` is just past the closing mark."""

    start: int
    end: int
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the quoted words, without the marks."""
        return self.start + 1, self.end - 1 if self.closed else self.end


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in ``text[start:end]``, outermost only, in order."""
    return pair_quotes(((m.start(), m.group()) for m in QUOTE_MARKS.finditer(text, start, end)), end)


def pair_quotes(marks: Iterable[tuple[int, str]], end: int) -> list[Quote]:
    """Pair quotation marks given as ``(position, mark)`` in text order, up to ``end``."""
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []
    for position, mark in marks:
        if stack and mark in _CLOSERS[stack[-1][0]]:
            opener, opened_at = stack.pop()
            if not stack:
                quotes.append(Quote(opened_at, position + 1))
            continue
        if mark == "»":
            continue  # a stray closer with nothing open
        if mark == "”" and not stack and quotes and quotes[-1].end == position:
            continue
        if len(stack) < _MAX_DEPTH:
            stack.append((mark, position))
    if stack:
        quotes.append(Quote(stack[0][1], end, closed=False))
    return quotes
