"""Every language pack loads, validates and compiles; bad data fails loudly."""

import tomllib
from importlib import resources

import pytest

from claimtrack.errors import LanguageDataError, UnsupportedLanguageError
from claimtrack.languages import SUPPORTED_LANGUAGES, load_language, load_registry, parse_language


@pytest.mark.parametrize("code", SUPPORTED_LANGUAGES)
def test_every_pack_loads(code):
    pack = load_language(code)
    assert pack.code == code
    assert pack.verb_forms
    assert pack.verb_regex.pattern


@pytest.mark.parametrize("code", SUPPORTED_LANGUAGES)
def test_every_verb_form_is_found_in_a_sentence(code):
    pack = load_language(code)
    for form in pack.verb_forms:
        sample = f"x {form} y"
        assert pack.verb_regex.search(pack.normalize_text(sample).normal), form


def _raw(code):
    return tomllib.loads(resources.files("claimtrack.languages").joinpath(f"{code}.toml").read_text("utf-8"))


def test_unknown_field_is_rejected():
    raw = _raw("ar")
    raw["verbs"][0]["tense"] = "past"
    with pytest.raises(LanguageDataError, match="tense"):
        parse_language(raw, "broken.toml")


def test_bad_pattern_is_rejected():
    raw = _raw("ar")
    raw["according_to"][0]["pattern"] = "(unclosed"
    with pytest.raises(LanguageDataError, match="bad pattern"):
        parse_language(raw, "broken.toml")


def test_missing_required_field_is_rejected():
    raw = _raw("ar")
    del raw["grammar"]["complementizer"]
    with pytest.raises(LanguageDataError, match="complementizer"):
        parse_language(raw, "broken.toml")


def test_unsupported_language():
    with pytest.raises(UnsupportedLanguageError) as error:
        load_language("xx")
    assert "ar, en" in str(error.value)


def test_registry_has_the_agencies_the_design_names():
    registry = {e.id: e for e in load_registry().entities}
    for wanted in ["tass", "ria-novosti", "interfax", "sputnik", "kcna", "yonhap", "xinhua", "reuters",
                   "afp", "ap", "anadolu", "sana", "ina", "wam", "spa", "mena", "al-jazeera",
                   "al-arabiya", "bbc", "cnn"]:
        entry = registry[wanted]
        assert entry.names.get("ar") and entry.names.get("en"), wanted
        assert entry.state_run is not None, wanted
        scripts = {"arabic" if any("\u0600" <= ch <= "\u06ff" for ch in a) else "latin" for a in entry.aliases}
        assert scripts == {"arabic", "latin"}, wanted


def test_registry_ids_unique():
    ids = [e.id for e in load_registry().entities]
    assert len(ids) == len(set(ids))
