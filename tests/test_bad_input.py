"""Bad input gets a clear error or a clean empty result, never a crash or a hang.

Speed on hostile input is measured in benchmarks/bench_extract.py, not timed here."""

import pytest

import claimtrack


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_empty_text_gives_empty_document(text):
    document = claimtrack.extract(text)
    assert document.attributions == []
    assert document.entities == []


@pytest.mark.parametrize("value", [None, b"said", 42, ["said"], {"text": "x"}])
def test_non_text_is_a_type_error(value):
    with pytest.raises(TypeError, match="needs the article text as str"):
        claimtrack.extract(value)


def test_unsupported_language_names_the_supported_ones():
    with pytest.raises(claimtrack.UnsupportedLanguageError, match="supported languages: ar, en"):
        claimtrack.extract("text", lang="fr")
    with pytest.raises(ValueError):
        claimtrack.extract("text", lang="fr")


def test_unbalanced_quotes_do_not_abort_the_article():
    text = "«" * 500 + " قال الوزير إن الاتفاق سيوقع قريبا. " + "”" * 501 + " وقالت الوزارة إن المحادثات مستمرة."
    document = claimtrack.extract(text)
    assert any("المحادثات مستمرة" in a.content.text for a in document.attributions)


def test_lone_surrogates_and_control_characters():
    text = "وقال الوزير إن \ud800 الاتفاق \x00\x1b[31m سيوقع."
    document = claimtrack.extract(text)
    for a in document.attributions:
        assert text[a.content.start : a.content.end] == a.content.text


def test_markup_is_treated_as_text():
    text = '<p>وقال <b>الوزير</b> إن <script>alert(1)</script> الاتفاق سيوقع.</p>'
    document = claimtrack.extract(text)
    for a in document.attributions:
        assert text[a.content.start : a.content.end] == a.content.text


def test_directional_marks_and_mixed_scripts():
    text = "\u200fوقال المتحدث باسم \u200eNATO\u200e إن الحلف لن يتدخل، حسبما ذكرت Reuters."
    document = claimtrack.extract(text)
    assert document.lang == "ar"
    assert document.attributions


def test_one_long_line_without_punctuation():
    text = "وقال " + "كلمة " * 100_000
    document = claimtrack.extract(text)
    assert isinstance(document.attributions, list)


def test_definite_stop_word_inside_a_role_terminates():
    # Found by fuzzing: a definite stop word (التي) where a role's modifiers are read looped forever.
    document = claimtrack.extract("وقال رئيس التي الوزراء إن الخطة جاهزة.", lang="ar")
    assert isinstance(document.attributions, list)
