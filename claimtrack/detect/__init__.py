"""Find attribution candidates: cue, content, quotes and the speaker mention, per language.

Each language module exposes ``find(pack, normalized) -> list[Candidate]``; offsets in a
candidate are offsets of the NORMALISED text, turned into original offsets by the caller.
Arabic and English differ in word order (Arabic news puts the verb first, English puts the
speaker first or inverts after a quote), so each has its own grammar module over shared data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Literal

Range = tuple[int, int]
SpeakerHint = Literal["previous", "anonymous"] | None


@dataclass(slots=True)
class Candidate:
    """An attribution found in the text, before its speaker is linked to an entity."""

    kind: Literal["direct", "indirect", "mixed", "according_to"]
    rule: str
    cue: Range
    content: Range
    quotes: list[Range] = field(default_factory=list)
    speaker: Range | None = None
    relay: Range | None = None
    confidence: float = 0.9
    speaker_hint: SpeakerHint = None
    # a preposition letter joined to the speaker mention ('ل' of 'للمتحدث'), removed before linking
    speaker_prefix: str | None = None
    # what is linked in place of the speaker: for a subject-less cue after narrative, the subject
    # of that narrative ("تقف أم محمد ... تقول"); for a relative pronoun, the noun phrase it
    # stands for ("Dmitry Peskov" in "Dmitry Peskov, who said")
    antecedent: Range | None = None


Finder = Callable[..., list[Candidate]]


def finder_for(lang: str) -> Finder:
    """The grammar module's ``find`` for a language code."""
    if lang == "ar":
        from claimtrack.detect import arabic

        return arabic.find
    from claimtrack.detect import english

    return english.find
