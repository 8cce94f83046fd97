"""Language packs and the entity registry: data files validated and compiled on load.

Each supported language has one TOML file in this folder (``ar.toml``, ``en.toml``) holding
its reporting verbs, according-to cues, titles, honorifics and source nouns. ``registry.toml``
holds the news agencies, outlets and governments every language can name. Files are checked by
strict pydantic schemas when loaded; malformed data raises :class:`LanguageDataError` at once.
Words in the data are written as in ordinary text; they are normalised here the same way the
text is, so data authors never write normalised forms by hand.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from claimtrack.errors import LanguageDataError, UnsupportedLanguageError
from claimtrack.text import NormalizedText, normalize_arabic, normalize_arabic_string, normalize_identity

SUPPORTED_LANGUAGES: tuple[str, ...] = ("ar", "en")

Complement = Literal["clause", "colon", "quote", "preposition", "object"]
_DEFAULT_TAKES: tuple[Complement, ...] = ("clause", "colon", "quote")
SourceKind = Literal[
    "person", "news_agency", "outlet", "government", "organization", "group", "anonymous"
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def compile_pattern(source: str, flags: int = 0):
    """The standard library's engine where the pattern allows it (about twice as fast on the
    alternations cue patterns are made of), `regex` where it needs \\p{...} classes."""
    if "\\p{" in source or "\\P{" in source:
        return regex.compile(source, flags)
    return re.compile(source, flags)


def _check_pattern(value: str) -> str:
    try:
        regex.compile(value)
    except regex.error as error:
        raise ValueError(f"bad pattern {value!r}: {error}") from None
    return value


class Verb(_Strict):
    """A reporting, belief or stance verb with the surface forms news uses."""

    lemma: str
    forms: list[str] = Field(min_length=1)
    category: Literal["speech", "belief", "stance", "relay"] = "speech"
    takes: list[Complement] = Field(default_factory=lambda: list(_DEFAULT_TAKES))
    prepositions: list[str] = Field(default_factory=list)
    objects: list[str] = Field(
        default_factory=list,
        description="Words that open the verb's noun object where it takes one ('نفى وجود', 'نفى صحة').",
    )
    confidence: float = Field(default=0.9, ge=0, le=1)


class AccordingTo(_Strict):
    """A cue that names its source after it: 'according to X', 'حسبما ذكرت X'."""

    id: str
    pattern: str
    attached_preposition: str | None = Field(
        default=None, description="A one-letter preposition written joined to the source ('ل' in 'وفقا للمتحدث')."
    )
    confidence: float = Field(default=0.9, ge=0, le=1)

    _validate_pattern = field_validator("pattern")(_check_pattern)


class SourceNoun(_Strict):
    """A noun that heads a source mention and tells its kind ('مصادر' -> anonymous)."""

    words: list[str] = Field(min_length=1)
    kind: SourceKind


class Grammar(_Strict):
    normalizer: Literal["arabic", "identity"]
    case_sensitive: bool = True
    proclitics: list[str] = Field(default_factory=list)
    complementizer: str
    colon: str = ":"
    sentence_end: str
    complementizer_blockers: list[str] = Field(default_factory=list)
    clause_openers: list[str] = Field(default_factory=list)
    subject_stop: list[str] = Field(default_factory=list)
    time_adverbs: list[str] = Field(default_factory=list)
    speaker_suffixes: list[str] = Field(default_factory=list)
    relay_separator: list[str] = Field(default_factory=list)
    post_quote_prefixes: list[str] = Field(default_factory=list)
    title_quote_nouns: list[str] = Field(default_factory=list)
    max_subject_words: int = Field(default=12, ge=1, le=40)

    _validate_patterns = field_validator("complementizer", "sentence_end")(_check_pattern)


class Mentions(_Strict):
    titles: list[str] = Field(default_factory=list)
    honorifics: list[str] = Field(default_factory=list)
    role_connectors: list[str] = Field(default_factory=list)
    name_stopwords: list[str] = Field(default_factory=list)
    pronouns: list[str] = Field(default_factory=list)
    unnamed: str = Field(description="Name given to the source of a passive, agentless cue.")
    name_rule: Literal["indefinite", "capitalized"] = Field(
        description="How a name is told from other words: Arabic names carry no article (ال); English names are capitalised."
    )
    source_nouns: list[SourceNoun] = Field(default_factory=list)
    masculine_words: list[str] = Field(
        default_factory=list,
        description="Words that show a person is a man: pronouns, honorifics, titles (English 'he', 'Mr.', 'spokesman').",
    )
    feminine_words: list[str] = Field(
        default_factory=list,
        description="Words that show a person is a woman (English 'she', 'Mrs.', 'spokeswoman').",
    )
    organization_words: list[str] = Field(
        default_factory=list,
        description="Words that make a capitalised name an organisation's (English 'University', 'Institute').",
    )


class LanguageData(_Strict):
    code: str
    name: str
    direction: Literal["ltr", "rtl"]
    grammar: Grammar
    verbs: list[Verb] = Field(min_length=1)
    according_to: list[AccordingTo] = Field(default_factory=list)
    passive_cues: list[str] = Field(default_factory=list)
    mentions: Mentions
    cue_lexicon: dict[str, tuple[int, int]] = Field(
        default_factory=dict,
        description="Word -> (times annotated as a cue, times seen) in a training corpus: how often the word really is a cue.",
    )
    cue_min_ratio: float = Field(default=0.5, ge=0, le=1, description="Lexicon words below this cue ratio are not cues.")
    cue_min_count: int = Field(default=3, ge=1, description="Lexicon words seen as a cue fewer times than this are not cues.")
    word_lists: dict[str, list[str]] = Field(
        default_factory=dict, description="Named word lists that a language's grammar module reads."
    )


class RegistryEntry(_Strict):
    id: str
    kind: Literal["news_agency", "outlet", "government", "organization", "person", "group"]
    names: dict[str, str] = Field(description="Canonical name per language code.")
    aliases: list[str] = Field(default_factory=list)
    state_run: bool | None = None
    country: str | None = None


KnownEntity = RegistryEntry


class Registry(_Strict):
    entities: list[RegistryEntry]


class LanguagePack:
    """A validated language file with its patterns compiled and its words normalised."""

    def __init__(self, data: LanguageData):
        self.data = data
        self.code = data.code
        self.grammar = data.grammar
        self.mentions = data.mentions
        self.normalize = normalize_arabic if data.grammar.normalizer == "arabic" else normalize_identity
        self._word_cache: dict[str, str] = {}
        norm = self.normalize_word
        flags = 0 if data.grammar.case_sensitive else regex.IGNORECASE
        self.flags = flags

        # verb form (normalised, lower-cased where case-insensitive) -> Verb
        self.verb_forms: dict[str, Verb] = {}
        for verb in data.verbs:
            for form in verb.forms:
                self.verb_forms[norm(form)] = verb
        proclitics = "|".join(regex.escape(norm(p)) for p in data.grammar.proclitics)
        forms = trie_pattern(self.verb_forms)
        clitic = f"(?P<clitic>{proclitics})?" if proclitics else ""
        # The verb scan runs over every character of every article: the standard library's engine
        # is about twice as fast as `regex` on this prefix-tree alternation, and needs no \p classes.
        self.verb_regex = re.compile(
            rf"(?<!\w){clitic}(?P<verb>{forms})(?!\w)", 0 if data.grammar.case_sensitive else re.IGNORECASE
        )
        self.according_to = [
            (cue, compile_pattern(rf"(?<!\w){self.normalize_pattern(cue.pattern)}", flags))
            for cue in data.according_to
        ]
        self.passive_regex = None
        if data.passive_cues:
            alternatives = "|".join(self.normalize_pattern(p) for p in data.passive_cues)
            self.passive_regex = compile_pattern(rf"(?<!\w)(?:{proclitics})?(?:{alternatives})(?!\w)", flags)
        self.complementizer = compile_pattern(rf"^(?:{self.normalize_pattern(data.grammar.complementizer)})$", flags)
        self.sentence_end = compile_pattern(data.grammar.sentence_end)
        self.complementizer_blockers = {norm(w) for w in data.grammar.complementizer_blockers}
        self.clause_openers = {norm(w) for w in data.grammar.clause_openers}
        self.subject_stop = {norm(w) for w in data.grammar.subject_stop}
        self.time_adverbs = {norm(w) for w in data.grammar.time_adverbs}
        self.speaker_suffixes = {norm(w) for w in data.grammar.speaker_suffixes}
        self.relay_separator = {norm(w) for w in data.grammar.relay_separator}
        self.post_quote_prefixes = {norm(w) for w in data.grammar.post_quote_prefixes}
        self.title_quote_nouns = {norm(w) for w in data.grammar.title_quote_nouns}
        self.titles = {norm(w) for w in data.mentions.titles}
        self.multiword_titles = {
            tuple(norm(w).split()) for w in data.mentions.titles if len(w.split()) > 1
        }
        self.honorifics = {norm(w) for w in data.mentions.honorifics}
        self.role_connectors = {norm(w) for w in data.mentions.role_connectors}
        self.name_stopwords = {norm(w) for w in data.mentions.name_stopwords}
        self.pronouns = {norm(w) for w in data.mentions.pronouns}
        self.organization_words = {norm(w) for w in data.mentions.organization_words}
        # lower-cased, as the linker reads a mention's words
        self.gender_of = {norm(w).lower(): "m" for w in data.mentions.masculine_words}
        self.gender_of.update({norm(w).lower(): "f" for w in data.mentions.feminine_words})
        titles = {norm(w) for w in data.mentions.titles}
        self.title_regex = compile_pattern(rf"(?<!\w)(?:{trie_pattern(titles)})(?!\w)", flags) if titles else None
        self.source_nouns: dict[str, str] = {}
        for noun in data.mentions.source_nouns:
            for word in noun.words:
                self.source_nouns[norm(word)] = noun.kind

    def normalize_word(self, word: str) -> str:
        cached = self._word_cache.get(word)
        if cached is None:
            normal = self.normalize(word).normal
            cached = normal if self.data.grammar.case_sensitive else normal.lower()
            if len(self._word_cache) < 100_000:
                self._word_cache[word] = cached
        return cached

    def normalize_pattern(self, pattern: str) -> str:
        """Normalise the letters of a pattern; regex syntax is ASCII and passes unchanged."""
        return self.normalize(pattern).normal

    def normalize_text(self, text: str) -> NormalizedText:
        return self.normalize(text)


def trie_pattern(words, escape=re.escape) -> str:
    """An alternation of ``words`` as a prefix tree: the regex engine tries one branch per
    letter instead of every word at every position (about four times faster on news text)."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return build(root)


def _load_toml(name: str) -> dict:
    try:
        raw = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LanguageDataError(f"missing data file {name!r}") from None
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise LanguageDataError(f"{name}: {error}") from None


def check_language(lang: object) -> str:
    """``lang`` if it is supported, else :class:`UnsupportedLanguageError` naming the supported ones."""
    if not isinstance(lang, str) or lang.lower() not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(lang, SUPPORTED_LANGUAGES)
    return lang.lower()


def parse_language(raw: dict, source: str = "<data>") -> LanguagePack:
    """Validate and compile one language file's contents (raises :class:`LanguageDataError`)."""
    try:
        data = LanguageData.model_validate(raw)
    except ValidationError as error:
        raise LanguageDataError(f"{source}: {error}") from None
    try:
        return LanguagePack(data)
    except regex.error as error:
        raise LanguageDataError(f"{source}: a pattern does not compile after normalisation: {error}") from None


@functools.cache
def load_language(lang: str) -> LanguagePack:
    """The compiled language pack for a supported language code."""
    code = check_language(lang)
    return parse_language(_load_toml(f"{code}.toml"), f"{code}.toml")


@functools.cache
def load_registry() -> Registry:
    """The shipped registry of news agencies, outlets and governments."""
    try:
        return Registry.model_validate(_load_toml("registry.toml"))
    except ValidationError as error:
        raise LanguageDataError(f"registry.toml: {error}") from None


__all__ = [
    "SUPPORTED_LANGUAGES",
    "KnownEntity",
    "LanguagePack",
    "Registry",
    "RegistryEntry",
    "check_language",
    "load_language",
    "load_registry",
    "normalize_arabic_string",
    "parse_language",
]
