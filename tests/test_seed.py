"""Acceptance case: the seed article (Arabic, Kim Jong Un in Vladivostok).

The twelve attributions that a careful reader finds, each with who it resolves to; narrative
sentences yield nothing; at most one extra attribution in all.
"""

import pytest

import claimtrack
from claimtrack.text import normalize_arabic_string as norm

# (cue as written, entity kind, a part of the entity's name, a part of the content)
EXPECTED = [
    ("حسبما ذكرت", "news_agency", "تاس", "وصل الزعيم الكوري الشمالي"),
    ("وقالت", "news_agency", "تاس", "وصل إلى مطار نيفيتشي"),
    ("وأعلن", "person", "بوتين", "سيحضر “عرضا” للأسطول"),
    ("هكذا تحدث", "person", "بوتين", "بزيارة جامعة الشرق الأقصى"),
    ("وفقًا", "person", "دميتري بيسكوف", "لم يتم التوقيع على أي اتفاق"),
    ("ويشتبه", "group", "الغربيون", "موسكو ترغب في شراء أسلحة"),
    ("أكد", "person", "كيم جونغ أون", "“أولوية مطلقة”"),
    ("أشاد", "person", "بوتين", "“تعزيز” تعاونهما"),
    ("وأشار", "person", "بوتين", "“آفاق” التعاون العسكري"),
    ("وأعربت", "government", "واشنطن", "“قلقها”"),
    ("وحذرت", "government", "سيول", "من هذا القبيل"),
    ("حسبما كتبت", "news_agency", "وكالات أنباء روسية", "رائد فضاء كوري شمالي"),
]
NARRATIVE = ["فوستوشني", "بندقية", "122 ملم"]


@pytest.fixture(scope="module")
def document(seed_text):
    return claimtrack.extract(seed_text)


def _find(document, cue):
    return [a for a in document.attributions if a.cue.text == cue]


@pytest.mark.parametrize("cue, kind, name, content", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_attribution_found_and_linked(document, cue, kind, name, content):
    matches = [a for a in _find(document, cue) if content in a.content.text]
    assert matches, f"no attribution with cue {cue!r} holding {content!r}"
    entity = matches[0].entity
    assert entity is not None, f"{cue!r} is not linked"
    assert entity.kind == kind
    assert norm(name) in norm(entity.name)


def test_roles_and_full_names(document):
    peskov = next(a for a in document.attributions if a.cue.text == "وفقًا").entity
    assert peskov.role == "المتحدث باسم الرئاسة الروسية"
    putin = {a.entity.id for a in document.attributions if a.entity and "بوتين" in a.entity.name}
    assert len(putin) == 1, "every mention of Putin resolves to one entity"
    entity = next(e for e in document.entities if e.id in putin)
    assert entity.name == "فلاديمير بوتين"
    assert entity.role == "الرئيس الروسي"
    assert {"السيد بوتين", "بوتين", "الرئيس الروسي"} <= set(entity.aliases)


def test_tass_is_state_run_agency(document):
    tass = next(e for e in document.entities if e.registry_id == "tass")
    assert tass.kind == "news_agency" and tass.state_run is True


def test_at_most_one_extra(document):
    assert len(EXPECTED) <= len(document.attributions) <= len(EXPECTED) + 1


def test_narrative_yields_nothing(document, seed_text):
    for word in NARRATIVE:
        position = seed_text.index(word)
        assert not any(
            a.content.start <= position < a.content.end or a.cue.start <= position < a.cue.end
            for a in document.attributions
        ), word


def test_title_quote_is_not_content(document):
    # "BM-21 “غراد”" names a rocket launcher; it is not a quotation of speech.
    assert not any("غراد" in q.text for a in document.attributions for q in a.quotes)


def test_offsets_slice_the_original(document, seed_text):
    for a in document.attributions:
        for span in [a.cue, a.content, *a.quotes, *([a.speaker] if a.speaker else [])]:
            assert seed_text[span.start : span.end] == span.text
