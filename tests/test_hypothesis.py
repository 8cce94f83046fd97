"""Invariants that hold for any input: extraction never raises, offsets slice their text,
results are deterministic, JSON round-trips, normalisation is idempotent."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack.models import Document
from claimtrack.text import normalize_arabic

# Text built from the pieces attributions are made of, so the properties reach the grammar.
ARABIC_PIECES = [
    "وقال", "وأعلن", "أكد", "الرئيس", "الروسي", "فلاديمير", "بوتين", "إن", "أن", "بأن", "،", ".", ":",
    "“", "”", "«", "»", '"', "حسبما ذكرت", "وكالة", "تاس", "وفقًا", "للمتحدث", "باسم", "بحسب", "مصادر",
    "مطلعة", "نقلا عن", "عن", "قوله", "ويشتبه", "في", "الغربيون", "وأعربت", "واشنطن", "\n", "ـ", "ً",
    "ّ", "هكذا تحدث", "السيد", "كيم", "وأضاف", "الأربعاء",
]
ENGLISH_PIECES = [
    "said", "says", "told", "according to", "Reuters", "Peskov", "Dmitry", "the", "Kremlin",
    "spokesman", ",", ".", "“", "”", '"', "he", "added", "officials", "that", "\n", "Mr.", "Putin",
]
pieces = st.lists(st.sampled_from(ARABIC_PIECES + ENGLISH_PIECES), max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=300), pieces)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans(document):
    for a in document.attributions:
        yield a.cue
        yield a.content
        yield from a.quotes
        if a.speaker:
            yield a.speaker
        if a.relay:
            yield a.relay


@SETTINGS
@given(any_text, st.sampled_from([None, "ar", "en"]))
def test_extract_never_raises_and_offsets_slice(text, lang):
    document = claimtrack.extract(text, lang=lang)
    for span in _spans(document):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    for a in document.attributions:
        assert 0.0 <= a.confidence <= 1.0


@SETTINGS
@given(any_text)
def test_deterministic(text):
    assert claimtrack.extract(text, doc_id="x") == claimtrack.extract(text, doc_id="x")


@SETTINGS
@given(pieces)
def test_json_round_trip(text):
    document = claimtrack.extract(text)
    assert Document.model_validate_json(document.model_dump_json()) == document
    assert Document.model_validate(document.model_dump()) == document


@SETTINGS
@given(st.text(max_size=200))
def test_arabic_normalisation_idempotent_and_mapped(text):
    once = normalize_arabic(text)
    assert normalize_arabic(once.normal).normal == once.normal
    assert len(once.normal) <= len(text)
    for index in range(len(once.normal)):
        original = once.to_original(index)
        assert normalize_arabic(text[original]).normal == once.normal[index]
