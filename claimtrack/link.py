"""Speaker and source mentions -> entities, within one document.

A mention is parsed into its parts (honorific, title/role, name, source noun, registry alias),
then resolved against what the document has already introduced:

* a registry alias (TASS, تاس, the Kremlin, واشنطن) -> that registry entity;
* an honorific or a part of a name (``السيد كيم``, ``Peskov``) -> the person whose fuller name
  contains it; a role alone (``الرئيس الروسي``) -> the person introduced with that role;
* a pronoun or no subject at all (``وأضاف``, ``he added``) -> the previous speaker;
* source nouns (``مصادر مطلعة``, ``officials``, ``الغربيون``) -> anonymous or group entities.

People introduced with a title anywhere in the text (not only as speakers) are remembered, so
``الرئيس الروسي`` resolves even when the first mention of Putin was narrative.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import regex

from claimtrack.languages import LanguagePack, RegistryEntry, load_registry
from claimtrack.text import NormalizedText, looks_plural, normalize_arabic_string

_MENTION_END = regex.compile(r"[،,.;؛:!?؟\n“”«»\"()]")
WORD = regex.compile(r"[\p{L}\p{M}\p{N}_]+(?:[.'’-][\p{L}\p{M}\p{N}]+)*\.?|[^\s\p{L}\p{M}\p{N}]")
# WORD for ASCII text: the same pattern with each class spelled out for ASCII (\p{L} is
# [A-Za-z] there, \p{M} nothing, \p{N} [0-9], and the regex module's \s [\t\n\v\f\r ], not
# \x1c-\x1f; ’ cannot occur), so the standard library's engine can run it: two to three times
# faster on the short strings mentions are. tests/test_link.py checks every ASCII character
# against both spellings of each class.
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+(?:[.'-][A-Za-z0-9]+)*\.?|[^\t\n\x0b\x0c\r A-Za-z0-9]")


def _words(text: str) -> list[str]:
    """``WORD.findall(text)``."""
    return (_ASCII_WORD if text.isascii() else WORD).findall(text)


@dataclass(slots=True)
class Mention:
    """A speaker or source mention taken apart."""

    surface: str
    normal: str
    kind: str | None = None
    name: str | None = None
    name_key: tuple[str, ...] = ()
    role: str | None = None
    role_key: str | None = None
    registry: RegistryEntry | None = None
    pronoun: bool = False


@dataclass(slots=True)
class _Record:
    id: str
    kind: str
    name: str
    name_key: tuple[str, ...] = ()
    role: str | None = None
    role_key: str | None = None
    aliases: list[str] = field(default_factory=list)
    registry: RegistryEntry | None = None
    # "m" or "f" once the text has shown it (a pronoun, an honorific, a gendered title)
    gender: str | None = None


def _alias_key(alias: str) -> tuple[str, ...]:
    """How an alias is looked up: its words, Arabic letters normalised, a leading 'the' dropped."""
    words = [w for w in WORD.findall(normalize_arabic_string(alias)) if w not in {"-"}]
    if words and words[0].lower() == "the":
        words = words[1:]
    return tuple(words)


# the letters of the Arabic alphabet (hamza to yeh, without the tatweel among them): what
# camel-tools' normalisation keeps as letters, mapping alef and teh marbuta forms onto others
_ARABIC_ALPHABET_LETTER = re.compile("[\u0621-\u063f\u0641-\u064a]")


# How many parsed mentions an alias index keeps per language (see :meth:`_AliasIndex.parses`);
# a few thousand articles of news name fewer distinct speakers than this.
PARSE_CACHE_LIMIT = 50_000


class _AliasIndex:
    def __init__(self, entries: list[RegistryEntry]):
        self._parses: dict[LanguagePack, dict[tuple[str, str | None], Mention | None]] = {}
        self.by_key: dict[tuple[str, ...], RegistryEntry] = {}
        self.by_lower: dict[tuple[str, ...], RegistryEntry] = {}
        # Aliases written with Arabic letters are indexed when a lookup first holds one: their
        # keys need camel-tools' normalisation, half a second of import that English-only work
        # should not pay. Nothing is lost by waiting: such a key has an Arabic letter in one of
        # its words (normalisation maps letters to letters), so it never equals a key of the
        # others, and only words with an Arabic letter can match it.
        self._arabic: list[tuple[str, RegistryEntry]] = []
        for entry in entries:
            for alias in [*entry.aliases, *entry.names.values()]:
                if _ARABIC_ALPHABET_LETTER.search(alias):
                    self._arabic.append((alias, entry))
                else:
                    self._add(alias, entry)
        self._measure()

    def _add(self, alias: str, entry: RegistryEntry) -> None:
        key = _alias_key(alias)
        if not key:
            return
        self.by_key.setdefault(key, entry)
        # Lower-case matching only for aliases that are not acronyms ("AP" must not match "ap").
        if not all(w.isupper() for w in key if w.isalpha()):
            self.by_lower.setdefault(tuple(w.lower() for w in key), entry)

    def _measure(self) -> None:
        self.longest = max((len(k) for k in self.by_key), default=1)
        # word -> the longer of its two entries below (0: it opens no alias), filled as words
        # are met: one dictionary look-up per word instead of two, a lower() and a max()
        self._longest_of: dict[str, int] = {}
        # the longest alias opening with each word (as written, and lower-cased): a word that
        # opens no alias is passed over without building a key for each size
        self.longest_from: dict[str, int] = {}
        self.longest_from_lower: dict[str, int] = {}
        for keys, longest in ((self.by_key, self.longest_from), (self.by_lower, self.longest_from_lower)):
            for key in keys:
                longest[key[0]] = max(longest.get(key[0], 0), len(key))

    def _index_arabic(self) -> None:
        for alias, entry in self._arabic:  # in the order given, so the same alias wins a tie
            self._add(alias, entry)
        self._arabic = []
        self._measure()

    def find(self, words: list[str], start_only: bool = False) -> tuple[RegistryEntry, int, int] | None:
        """The longest alias among ``words`` (earliest first): ``(entry, first, last+1)``."""
        if self._arabic:
            joined = "".join(words)
            if not joined.isascii() and _ARABIC_ALPHABET_LETTER.search(joined):
                self._index_arabic()
        starts = [0] if start_only else range(len(words))
        lowered = None
        for first in starts:
            if first >= len(words):
                break
            word = words[first]
            longest = self._longest_of.get(word)
            if longest is None:
                if len(self._longest_of) >= PARSE_CACHE_LIMIT:
                    self._longest_of.clear()  # bounded, like the parses
                longest = self._longest_of[word] = max(
                    self.longest_from.get(word, 0), self.longest_from_lower.get(word.lower(), 0)
                )
            if not longest:
                continue
            if lowered is None:
                lowered = [w.lower() for w in words]
            for size in range(min(self.longest, longest, len(words) - first), 0, -1):
                key = tuple(words[first : first + size])
                entry = self.by_key.get(key) or self.by_lower.get(tuple(lowered[first : first + size]))
                if entry is not None:
                    return entry, first, first + size
        return None

    def parses(self, pack: LanguagePack) -> dict[tuple[str, str | None], Mention | None]:
        """Mentions already parsed with this index and ``pack``, by ``(surface, prefix)``.

        A parse depends on nothing else (not on the document), so the cache is shared by every
        document linked with this index: the shipped index keeps it for the life of the process
        ("he", "Trump", "officials" are parsed once per corpus, not once per article), and an
        index built for a call's extra entities takes its own cache with it when it goes.
        The pack is part of the key by identity (a pack has no ``__eq__``), never by its code."""
        cache = self._parses.get(pack)
        if cache is None:
            cache = self._parses[pack] = {}
        return cache

    def clear_parses(self) -> None:
        self._parses.clear()


@functools.cache
def _shipped_index() -> _AliasIndex:
    return _AliasIndex(load_registry().entities)


def alias_index(extra: tuple[RegistryEntry, ...] = ()) -> _AliasIndex:
    if not extra:
        return _shipped_index()
    return _AliasIndex([*extra, *load_registry().entities])


def clear_parse_cache() -> None:
    """Forget the mentions parsed so far with the shipped registry (to time a cold pass, or to
    free the memory); indexes built for extra entities are per call and keep nothing."""
    if _shipped_index.cache_info().currsize:
        _shipped_index().clear_parses()


@functools.cache  # per pack, by identity (a pack has no __eq__)
def _determiners(pack: LanguagePack) -> frozenset[str]:
    """Words that may open a mention before its head (the pack's ``subject_openers`` list)."""
    return frozenset(w.lower() for w in pack.data.word_lists.get("subject_openers", ()))


@functools.cache
def _indefinites(pack: LanguagePack) -> frozenset[str]:
    """Determiners that name nobody in particular (the pack's ``indefinite_determiners`` list):
    "a White House official" with no name after it is an anonymous source."""
    return frozenset(w.lower() for w in pack.data.word_lists.get("indefinite_determiners", ()))


def _after_words(surface: str, words: list[str]) -> str:
    """What follows ``words``, found one after the other in ``surface``, stripped."""
    position = 0
    for word in words:
        found = surface.find(word, position)
        if found < 0:
            return ""
        position = found + len(word)
    return surface[position:].strip()


_ONE_PERSON = frozenset(("person", "anonymous"))  # what a gendered pronoun may stand for


def _without_possessive(word: str) -> str:
    """"group" for "group's" or "group’s"."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _possessive(word: str) -> bool:
    """An English possessive ("Korea's", "governors’"): a modifier, not the head of a phrase."""
    return word.endswith(("'s", "’s", "s'", "s’"))


def _definite(word: str) -> bool:
    """An Arabic word with the article, alone or after a one-letter clitic ("والـ", "بالـ", "لل")."""
    return word.startswith(("ال", "وال", "بال", "فال", "كال", "لل"))


_LOWER_RUN = re.compile("[a-z]+")
_DASHES = re.compile(r"\s*[—–]\s*")
_SHARE = re.compile(r"\s*(?:[A-Za-z]+\s+){0,2}\d[\d.,]*\s?%\s*$")
_BRACKETED = re.compile(r"\s*\(([^()\n]{0,80})\)")
_NO_NAME_INSIDE = re.compile(r"[RDI]-[A-Z]|[A-Z][a-z]{1,4}\.$|[^A-Z]")  # a party tag, a state, a clause


def _unbracket(match: re.Match) -> str:
    inner = match.group(1).strip()
    return "" if not inner or _NO_NAME_INSIDE.match(inner) else " " + inner


@functools.cache  # per pack, by identity
def _title_first_words(pack: LanguagePack) -> frozenset[str] | None:
    """The ASCII letters each title opens with (``"sen"`` for "sen.", ``"vice"`` for "vice
    president"), when they tell which windows of a lower-cased text may hold a title.

    Why a window of ``lowered`` (the text lower-cased, as :meth:`Linker._lowered_text` gives it:
    the same length, none of the letters İ ı ſ K) with none of these among its runs of ``[a-z]``
    holds no match of the case-blind ``title_regex``: say a title ``t`` matches at ``p``. Every
    character of an ASCII ``t`` is matched by a character that lower-cases to it (a letter) or by
    itself (anything else), so ``lowered[p:p + len(t)] == t``. Before ``p`` the text has no
    word character, which no character lower-casing to ``[a-z]`` is, so a run starts at ``p``
    (or the window does, at ``p``). The run ends after ``t``'s first letters ``w``: at the
    character after ``w`` in ``t``, which is not ``[a-z]``, or, if ``t`` is ``w``, at the window's
    end or at the non-word character ``(?!\\w)`` saw. So ``w`` is a run of the window.

    ``None`` (look in every window) unless the pack matches case-blindly and every title is ASCII
    and opens with a letter. ``title_regex`` and ``titles`` are built from the same words."""
    titles = pack.titles
    usable = isinstance(pack.title_regex, re.Pattern) and bool(int(pack.flags) & re.IGNORECASE) and all(
        t.isascii() and t[:1].islower() and t == t.lower() for t in titles
    )
    if not usable:
        return None
    # every title opens with a lower-case ASCII letter, so _LOWER_RUN matches each one
    return frozenset(match.group() for match in map(_LOWER_RUN.match, titles) if match is not None)


INTRODUCTION_WINDOW = 30_000
_NAME_LINKS = frozenset({"عبد", "ابو", "ابي", "ابن", "بن", "بنت", "ال", "ذو"})

# Characters other than ASCII letters that a case-blind pattern matches to an ASCII letter
# (İ, ı, ſ, the Kelvin sign); lower-casing maps no other character to ASCII, and no other
# character to two. Looked for with ``in``, one fast substring search each: about fifty times
# cheaper than a character class scanned by a regex engine.
_CASE_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")


@functools.lru_cache(maxsize=4096)
def _literal_pattern(key: str, word_start: bool, flags: int) -> re.Pattern:
    return re.compile((r"(?<!\w)" if word_start else "") + re.escape(key), flags)


class Linker:
    """Resolves the mentions of one document, in text order."""

    def __init__(self, pack: LanguagePack, index: _AliasIndex, normalized: NormalizedText | None = None):
        self.pack = pack
        self.normalized = normalized
        self.index = index
        self.records: dict[str, _Record] = {}
        self.people: list[_Record] = []
        self.previous: str | None = None
        self.speakers: list[str] = []  # the records that spoke, in text order (a pronoun looks back)
        self.last_of_kind: dict[str, str] = {}
        self.position = 0  # where, in the normalised text, the mention being resolved stands
        self.capitalized = pack.data.mentions.name_rule == "capitalized"
        # a case-blind pack's normalize_word lower-cases, and lower() changes nothing a second
        # time (tests/test_link.py checks every character): its words need no lower() again
        self._words_lowered = not pack.data.grammar.case_sensitive
        self._word_sets: dict[str, frozenset[str]] = {}
        self._parsed = index.parses(pack)
        self._lowered: tuple[str] | None = None

    # --- parsing ----------------------------------------------------------------------------
    def words(self, surface: str, prefix: str | None = None) -> tuple[list[str], list[str]]:
        """Surface and normalised words of a mention (the joined preposition removed)."""
        surface_words = [w for w in _words(surface) if w[0].isalnum()]
        normalize_word = self.pack.normalize_word
        normal = [normalize_word(w) for w in surface_words]
        if prefix and normal and normal[0].startswith(prefix):
            rest = normal[0][len(prefix) :]
            # The preposition ل swallows the alef of the article: ل + المتحدث is written للمتحدث.
            if rest.startswith("ل") and len(rest) > 2:
                rest = "ا" + rest
                surface_words[0] = "ا" + surface_words[0][len(prefix) :]
            else:
                surface_words[0] = surface_words[0][len(prefix) :]
            normal[0] = rest
        return surface_words, normal

    def is_name_word(self, surface: str, normal: str) -> bool:
        """A word of a capitalised name (Arabic names are read by :meth:`parse_indefinite`)."""
        pack = self.pack
        if normal in pack.name_stopwords or normal in pack.subject_stop or normal in pack.time_adverbs:
            return False
        return surface[:1].isupper()

    def parse(self, surface: str, prefix: str | None = None) -> Mention | None:
        """The parts of a mention. A parse reads only the language pack, the alias index and
        its arguments, never the document, and a Mention is never changed once parsed (the
        linker copies what it needs into its records), so the same words are parsed once for
        every document linked with this index (news repeats its sources: "بوتين", "TASS",
        "he"); see :meth:`_AliasIndex.parses`."""
        key = (surface, prefix)
        parsed = self._parsed
        if key in parsed:
            return parsed[key]
        mention = self._parse(surface, prefix)
        if len(parsed) >= PARSE_CACHE_LIMIT:
            parsed.clear()  # bounded: a long-running process meets ever new surfaces
        parsed[key] = mention
        return mention

    def _parse(self, surface: str, prefix: str | None = None) -> Mention | None:
        pack = self.pack
        if "(" in surface:
            # a bracketed aside is no part of the name ("Sen. Bernie Sanders (I-Vt.)", "Kasich (who
            # has 25 delegates)"), but a bracketed name after a role is ("CORRESPONDENT (Sara Haddad)")
            surface = _BRACKETED.sub(_unbracket, surface).strip() or surface
        if "—" in surface or "–" in surface:
            # an aside set off by dashes reads as one set off by commas: "Jason Sims — a teacher —"
            surface = _DASHES.sub(", ", surface).rstrip(" ,")
        surface_words, words = self.words(surface, prefix)
        if not words:
            return None
        if _SHARE.match(surface):
            # a share of those polled: "47%", "About 47%" - a group
            return Mention(surface=surface, normal=" ".join(words), kind="group", role=surface.strip())
        joined = " ".join(words)
        mention = Mention(surface=surface, normal=joined)
        lowered = words
        if self.capitalized and not self._words_lowered:
            lowered = [w.lower() for w in words]
        if len(words) == 1 and lowered[0] in pack.pronouns:
            mention.pronoun = True
            return mention
        if self.capitalized:
            # "a statement from press secretary Karine Jean-Pierre": the issuer is the mention
            first = 1 if len(lowered) > 1 and lowered[0] in _determiners(pack) else 0
            skip = self.document_prefix(lowered[first:])
            if skip:
                issuer = _after_words(surface, surface_words[: first + skip])
                if issuer:
                    return self.parse(issuer)
            parsed = self.parse_capitalized(mention, surface_words, lowered)
            if parsed is not None:
                return parsed
            named = self.name_after_possessive(mention, surface_words, words, lowered)
            if named is not None:
                return named

        if not self.capitalized:
            skip = self.document_prefix(lowered)
            if skip:
                surface_words, words, lowered = surface_words[skip:], words[skip:], lowered[skip:]
        head_kind = pack.source_nouns.get(" ".join(lowered[:2])) if len(lowered) > 1 else None
        head_size = 2 if head_kind else 1
        head_kind = head_kind or pack.source_nouns.get(lowered[0])
        start_only_registry = self.index.find(words, start_only=True)
        if start_only_registry is None and head_kind in ("news_agency", "outlet", "government"):
            start_only_registry = self.index.find(words[head_size:], start_only=True)
        if start_only_registry is not None:
            mention.registry = start_only_registry[0]
            mention.kind = mention.registry.kind
            return mention
        if head_kind in ("anonymous", "group"):
            mention.kind = head_kind
            mention.role = surface.strip()
            return mention

        if not self.capitalized:
            return self.parse_indefinite(mention, surface_words, words, head_kind, head_size)
        position = 0
        if lowered[0] in pack.honorifics:
            position = 1
        title_end = self.title_end(lowered, position)
        if head_kind and title_end == position:
            mention.kind = head_kind
            mention.name = surface.strip()
            return mention
        if title_end > position:
            role_end = self.role_end(surface_words, words, lowered, title_end)
            mention.role = " ".join(surface_words[position:role_end])
            mention.role_key = " ".join(lowered[position:role_end])
            position = role_end
        name_words: list[tuple[str, str]] = []
        for surface_word, word in zip(surface_words[position:], words[position:]):
            if not self.is_name_word(surface_word, word) or len(name_words) >= 5:
                break
            name_words.append((surface_word, word))
        after_name = position + len(name_words)
        if name_words and after_name < len(surface_words) and looks_plural(surface_words[after_name]) \
                and lowered[0] not in pack.honorifics and "," not in surface[: surface.find(surface_words[after_name])] \
                and (after_name + 1 == len(surface_words) or lowered[after_name + 1] in self.word_set("head_stops")):
            # "Democratic senators", "Budget hawks": a capitalised modifier of a plural noun
            mention.kind = "group"
            mention.role = surface.strip()
            return mention
        if name_words:
            # "Russia's Defense Ministry": a body's noun among the capitalised words
            # (not a possessive one: "Media Research Center's Bozell" is a person)
            body = next((pack.source_nouns.get(w.lower()) for _, w in name_words
                         if pack.source_nouns.get(w.lower()) in ("government", "organization")), None)
            if body is None and any(w.lower() in pack.organization_words for _, w in name_words):
                body = "organization"
            if body is not None and lowered[0] not in pack.honorifics:
                mention.kind = body
                mention.name = surface.strip()
                return mention
            mention.kind = "person"
            mention.name = " ".join(s for s, _ in name_words)
            mention.name_key = tuple(w for _, w in name_words)
            comma = surface.find(",")
            if not mention.role and comma > 0 and len(_words(surface[:comma])) == position + len(name_words):
                role = self.appositive_role(surface)
                if role is not None:
                    kind = self.appositive_kind(role)
                    if kind is not None:  # "Teck, a Canadian mining company": the name's kind
                        mention.kind, mention.name_key = kind, ()
                    else:
                        mention.role, mention.role_key = role, role.lower()
            return mention
        if mention.role:
            mention.kind = "person"
            return mention
        if head_kind:
            mention.kind = head_kind
            mention.name = surface.strip()
            return mention
        anywhere = self.index.find(words)
        if anywhere is not None:
            mention.registry = anywhere[0]
            mention.kind = anywhere[0].kind
            return mention
        comma = surface.find(",")
        role = self.appositive_role(surface) if comma > 0 else None
        kind = self.appositive_kind(role) if role else None
        if kind is not None:  # "The Clarion-Ledger, the state's largest newspaper"
            mention.kind = kind
            mention.name = surface[:comma].strip()
            return mention
        mention.kind = "organization"
        mention.name = surface.strip()
        return mention

    def name_after_possessive(self, mention: Mention, surface_words: list[str], words: list[str],
                              lowered: list[str]) -> Mention | None:
        """"Google's Sundar Pichai", "The Brookings Institution's Tom Reyes": a person's name of two
        to four capitalised words after a possessive; what owns it is no part of the name. Not
        "Russia's Defense Ministry" (an organisation's or a source's noun among the words)."""
        if "," in mention.surface:
            return None
        at = max((i for i, word in enumerate(surface_words[:-1]) if _possessive(word)), default=None)
        if at is None:
            return None
        name = surface_words[at + 1 :]
        pack = self.pack
        # one word is a name only after a body's noun ("Media Research Center's Bozell", not
        # "Russia's Gazprom")
        shortest = 1 if _without_possessive(lowered[at]) in pack.organization_words else 2
        if not shortest <= len(name) <= 4 or not all(word[:1].isupper() for word in name) or any(
                word in pack.organization_words or word in pack.source_nouns or word in pack.titles
                for word in lowered[at + 1 :]):
            return None
        mention.kind = "person"
        mention.name = " ".join(name)
        mention.name_key = tuple(words[at + 1 :])
        return mention

    def appositive_role(self, surface: str) -> str | None:
        """The role in an appositive after a name: "the Kremlin spokesman" in "Dmitry Peskov, the
        Kremlin spokesman", "a baker on Main Street" in "Rosa Diaz, 58, a baker on Main Street"
        (an age is passed over); none in "Omar Haddad, who spoke on Monday"."""
        for part in surface.split(",")[1:]:
            words = part.split()
            if not words or words[0].isdigit():
                continue
            first = words[0].lower()
            if first in ("the", "a", "an"):
                words = words[1:]
            elif not (_possessive(words[0]) or first in self.pack.titles):
                return None
            return " ".join(words) or None
        return None

    def appositive_kind(self, role: str) -> str | None:
        """The kind an appositive's head noun gives a name that is not a person's:
        "a Canadian mining company" (organisation), "the state's largest newspaper" (outlet).
        The head ends at a preposition, unless it stands inside a name ("the head of the union"
        is a head, "a scientist at Texas Tech University" a scientist, "a University of South
        Carolina professor" a professor)."""
        surface_words = _words(role)
        words = [w.lower() for w in surface_words]
        stops = self.word_set("head_stops")
        end = next((i for i in range(1, len(words))
                    if words[i] in stops and not (surface_words[i - 1][:1].isupper() and i + 1 < len(words)
                                                  and surface_words[i + 1][:1].isupper())), len(words))
        if not end:
            return None
        head = words[end - 1]
        if head in self.pack.organization_words:
            return "organization"
        kind = self.pack.source_nouns.get(" ".join(words[max(0, end - 2) : end])) or self.pack.source_nouns.get(head)
        return kind if kind in ("outlet", "news_agency") else None

    def document_prefix(self, words: list[str]) -> int:
        """Words naming a document before its issuer: "تقرير صادر عن الهيئة" -> the issuer speaks."""
        lists = self.pack.data.word_lists
        if not words or words[0] not in self.word_set("document_nouns"):
            return 0
        position = 1
        if position < len(words) and words[position] in self.word_set("issued_by"):
            position += 1
        if position < len(words) and words[position] in self.word_set("issuer_prepositions"):
            position += 1
        elif self.capitalized:
            return 0  # "a statement" alone, or "the report's author": no issuer named
        return position if position < len(words) and lists else 0

    def word_set(self, name: str) -> frozenset[str]:
        cached = self._word_sets.get(name)
        if cached is None:
            words = self.pack.data.word_lists.get(name, ())
            cached = self._word_sets[name] = frozenset(self.pack.normalize_word(w) for w in words)
        return cached

    def parse_indefinite(self, mention: Mention, surface_words: list[str], words: list[str],
                         head_kind: str | None, head_size: int = 1) -> Mention:
        """Arabic mentions, where names are told from other words by the article ال.

        A role is a title, or a noun, followed by its modifiers: definite words (adjectives and
        genitives: "وزير الدفاع الروسي"), a chain of indefinite nouns that ends in a definite one
        ("رئيس بعثة صندوق النقد الدولي"), or a noun with joined ل ("لمؤسسة الموانئ"). The name
        starts at the first indefinite word after the role and may end in a definite family
        name ("محمد شياع السوداني"). With no title, a phrase that has no name after its definite
        words is itself a name ("محمد السوداني")."""
        pack = self.pack
        count = len(words)
        if head_kind and self.title_end(words, 0) == 0:
            # "شركة «أرامكو»", "صحيفة هاندلسبلات": a source noun, then the proper name it heads
            # (an indefinite nisba adjective, "وكالات أنباء روسية", is not a name)
            name = [
                s for s, w in zip(surface_words[head_size:], words[head_size:])
                if not _definite(w) and not w.endswith(("يه", "يون", "يين"))
            ][:4]
            proper = len(name) == count - head_size and name
            mention.kind = head_kind
            mention.name = " ".join(name) if proper else mention.surface.strip()
            return mention
        position = 1 if words[0] in pack.honorifics else 0
        if position >= count:
            mention.pronoun = True  # an honorific alone ("السيد") refers back like a pronoun
            return mention
        title_end = self.title_end(words, position)
        role_end = position
        if title_end > position or _definite(words[position]) or (
            position + 1 < count and _definite(words[position + 1])
        ):
            role_start = max(title_end, position + 1)
            # a title that ends in a connector ("المتحدث باسم") still needs the noun it governs
            open_title = words[role_start - 1] in pack.role_connectors
            role_end = self.arabic_role_end(words, role_start, _definite(words[position]) and not open_title)
        name_words: list[tuple[str, str]] = []
        for surface_word, word in zip(surface_words[role_end:], words[role_end:]):
            if not self.name_continues(word, bool(name_words)) or len(name_words) >= 5:
                break
            name_words.append((surface_word, word))
            # A definite word ends a name (a family name: "بشر الخصاونة"), except after
            # the first part of a compound ("عبد الله", "أبو المجد").
            if len(name_words) > 1 and _definite(word) and name_words[-2][1] not in _NAME_LINKS:
                break
        if not name_words and title_end == position and role_end > position:
            # no title and nothing after the definite words: the phrase is a name itself
            name_words = [(s, w) for s, w in zip(surface_words[position:role_end], words[position:role_end])][:5]
            role_end = position
        if role_end > position:
            mention.role = " ".join(surface_words[position:role_end])
            mention.role_key = " ".join(words[position:role_end])
        if name_words:
            mention.name = " ".join(s for s, _ in name_words)
            mention.name_key = tuple(w for _, w in name_words)
        if mention.role or mention.name:
            mention.kind = "person"
            if not mention.role and _definite(words[position]) and len(words) - position == 1:
                mention.kind = "organization"  # a lone definite word: a surname, or a body
            return mention
        mention.kind = "organization"
        mention.name = mention.surface.strip()
        return mention

    def arabic_role_end(self, words: list[str], position: int, definite_seen: bool) -> int:
        pack = self.pack
        count = len(words)
        while position < count:
            word = words[position]
            if word in pack.role_connectors and position + 1 < count:
                position += 2
                definite_seen = True
                continue
            if _definite(word) and word not in pack.name_stopwords:
                position += 1
                definite_seen = True
                continue
            joined_l = word.startswith("ل") and len(word) > 3
            if not definite_seen or joined_l:
                run_end = position
                while run_end < count and not _definite(words[run_end]) and run_end - position < 3:
                    run_end += 1
                ends_definite = run_end < count and _definite(words[run_end])
                if run_end > position and ends_definite and (not definite_seen or run_end == position + 1):
                    position = run_end
                    continue
            break
        return position

    def name_continues(self, word: str, started: bool) -> bool:
        pack = self.pack
        if word in pack.name_stopwords or word in pack.subject_stop or word in pack.time_adverbs:
            return False
        if word.isdigit() or word in pack.titles:
            return False
        if word.startswith("ل") and word[1:] in pack.source_nouns:
            return False  # "لوكالة أنباء الإمارات": whom it was said to, not who said it
        if started and word.startswith("لل"):
            return False  # "للصحفيين": to the journalists
        return started or not _definite(word)

    def parse_capitalized(self, mention: Mention, surface_words: list[str], lowered: list[str]) -> Mention | None:
        """English mentions: determiners open them, titles may follow modifiers
        ("Opposition leader Farid Nasser"), an appositive follows a comma ("Gary Holt, the union
        leader"), and acronyms must be looked up as written ("KCNA", not "kcna")."""
        pack = self.pack
        determiners = _determiners(pack)
        comma = mention.surface.find(",")
        head_words = len(_words(mention.surface[:comma])) if comma > 0 else len(surface_words)
        head_words = max(1, min(head_words, len(surface_words)))
        first = 0
        while first < head_words - 1 and lowered[first] in determiners:
            first += 1
        # a partitive takes its kind from the noun after 'of': "One of the officials" is anonymous
        if 0 < first < head_words - 1 and lowered[first] == "of":
            first += 1
            while first < head_words - 1 and lowered[first] in determiners:
                first += 1
        title_at = None
        for position in range(first, min(head_words, first + 5)):
            if lowered[position] in pack.titles:
                title_at = position
            elif surface_words[position][:1].isupper() and title_at is not None:
                break
        head = surface_words[first:head_words]
        # the head proper ends at a preposition or relative word: "Analysts at the Institute for
        # the Study of War" are analysts, "His critics in the United States" critics
        stops = self.word_set("head_stops")
        head_end = next((p for p in range(first + 1, head_words) if lowered[p] in stops), head_words)
        if title_at is None:
            # One scan of the head serves both looks below: find() tries the start first, so an
            # alias it returns at 0 is what find(head, start_only=True) would have returned, and
            # one further on means none starts there, the alias inside looked for next.
            inside = self.index.find(head)
            registry = inside if inside is not None and inside[1] == 0 else None
        else:
            registry = self.index.find(head, start_only=True)
        # "White House officials", "ISIS fighters": people of the registry entity, not the entity
        if registry is not None and title_at is None and first + registry[2] < head_end:
            last = lowered[head_end - 1]
            kind = pack.source_nouns.get(last)
            documents = self.word_set("document_nouns")  # "White House pool reports": its own
            if kind in ("anonymous", "group") or kind is None and looks_plural(surface_words[head_end - 1]) \
                    and last not in documents and last[:-1] not in documents:
                mention.kind = kind or "group"
                mention.role = mention.surface.strip()
                return mention
        # "Kremlin spokesman Dmitry Peskov" is a person whose role names the registry entity
        if registry is not None and (title_at is None or title_at < first + registry[2]):
            mention.registry = registry[0]
            mention.kind = registry[0].kind
            return mention
        if registry is None and title_at is None:
            # "Interfax-Ukraine": a known agency or outlet joined to a place by a hyphen is an
            # agency or outlet of its own, of the same kind
            known = self.index.find([head[0].split("-")[0]]) if "-" in head[0][1:] else None
            if known is not None and known[0].kind in ("news_agency", "outlet"):
                mention.kind = known[0].kind
                mention.name = mention.surface.strip()
                return mention
            # "South Korea's Yonhap news agency": the alias inside, only common nouns after it
            # (within the head, or a seat after a government noun: "the government in Beijing")
            if inside is not None and all(w[:1].islower() for w in head[inside[2] :]) and (
                    inside[1] < head_end - first
                    or inside[0].kind == "government" and pack.source_nouns.get(lowered[head_end - 1]) == "government"):
                mention.registry = inside[0]
                mention.kind = inside[0].kind
                return mention
        # a title spelled in several words: "Secretary of State Antony Blinken"
        title_stop = self.title_end(lowered, title_at) if title_at is not None else None
        # a title with a name after it makes a person, whatever noun comes before the title:
        # "China's foreign ministry spokesperson Mao Ning"
        named_title = title_stop is not None and title_stop < head_words and surface_words[title_stop][:1].isupper()
        # a capitalised name with an organisation word: "The California Nurses Association"
        # (a possessive one when a common noun heads the phrase: "CME Group's FedWatch tool", but
        # "The Brookings Institution's Tom Reyes" is a person)
        if title_at is None and any(
                surface_words[position][:1].isupper() and (
                    lowered[position] in pack.organization_words
                    or _without_possessive(lowered[position]) in pack.organization_words
                    and surface_words[head_end - 1][:1].islower())
                for position in range(first, head_end)):
            mention.kind = "organization"
            mention.name = mention.surface.strip()
            return mention
        # the source noun that heads the phrase: "one aide", "People close to the senator"
        for position in range(first, min(head_words, first + 4)):
            if named_title:
                break
            word = lowered[position]
            if surface_words[position][:1].isupper() and position > first and word not in pack.source_nouns \
                    and not _possessive(surface_words[position]):
                break
            kind = pack.source_nouns.get(word)
            if kind is not None and kind != "outlet":
                if title_at == position + 1:
                    break  # a title heads the phrase: "a police officer", "the ministry spokesman"
                # the head of a compound is its last noun: "ministry officials", "police officers"
                while position + 1 < min(head_words, first + 4) and \
                        pack.source_nouns.get(lowered[position + 1]) not in (None, "outlet"):
                    position += 1
                    kind = pack.source_nouns[lowered[position]]
                if kind in ("anonymous", "group"):
                    mention.kind = kind
                    mention.role = mention.surface.strip()
                    return mention
                mention.kind = kind
                mention.name = mention.surface.strip()
                return mention
            if word in ("of", "with", "familiar", "close", "who", "in", "at", "for"):
                break
        # a head that ends in an agency noun: "The Interfax-Ukraine news agency"
        if title_at is None and head_words - first >= 2:
            kind = pack.source_nouns.get(" ".join(lowered[head_words - 2 : head_words]))
            if kind == "news_agency":
                mention.kind = kind
                mention.name = mention.surface.strip()
                return mention
        # the last title among the first words, then the capitalised name after it
        if title_stop is not None:  # set exactly when title_at is
            name: list[str] = []
            title_at = title_stop - 1
            for surface_word, word in zip(surface_words[title_at + 1 : head_words], lowered[title_at + 1 : head_words]):
                if not surface_word[:1].isupper() or word in pack.name_stopwords or len(name) >= 5:
                    break
                name.append(surface_word)
            # (after a phrase that ends in a body's common noun, the name may be the body's:
            # "the editor of the Vatican's newspaper, L'Osservatore Romano")
            last_head = lowered[head_words - 1]
            renames_body = not surface_words[head_words - 1][:1].isupper() and (
                last_head in pack.organization_words or pack.source_nouns.get(last_head) in ("outlet", "news_agency"))
            if not name and comma > 0 and (title_at == head_words - 1 or not renames_body):
                # the name as an appositive after the role: "Ukraine's foreign minister, Dmytro Kuleba"
                for surface_word, word in zip(surface_words[head_words:], lowered[head_words:]):
                    if not surface_word[:1].isupper() or word in pack.name_stopwords or len(name) >= 5:
                        break
                    name.append(surface_word)
                # a rank before the name is no part of it: "Lt. Col. Peter Lerner"
                ranks = self.word_set("abbreviations")
                while len(name) > 1 and name[0].endswith(".") and name[0][:-1].lower() in ranks:
                    name.pop(0)
            named_after = head_words < len(surface_words) and surface_words[head_words][:1].isupper()
            if not name and not named_after and lowered[0] in _indefinites(pack):
                # "A Pentagon spokesman said": the holder of a role, left unnamed (but "Another
                # delegate on the slate, Jim Poolman" is named after the comma)
                mention.kind = "anonymous"
                mention.role = mention.surface.strip()
                return mention
            role_words = surface_words[first : title_at + 1]
            mention.kind = "person"
            mention.role = " ".join(role_words)
            mention.role_key = " ".join(w.lower() for w in role_words)
            if name:
                mention.name = " ".join(name)
                mention.name_key = tuple(self.pack.normalize_word(w) for w in name)
            return mention
        return None

    def title_end(self, words: list[str], position: int) -> int:
        for size in (3, 2):
            if position + size <= len(words) and tuple(words[position : position + size]) in self.pack.multiword_titles:
                return position + size
        if position < len(words) and words[position] in self.pack.titles:
            return position + 1
        return position

    def role_end(self, surface_words, words, lowered, position: int) -> int:
        """Where the role that a title opens ends: its modifiers and connected nouns."""
        pack = self.pack
        while position < len(words):
            word = lowered[position]
            if word in pack.role_connectors and position + 1 < len(words):
                position += 2
                continue
            if self.capitalized:
                break
            if word.startswith("ال") and word not in pack.name_stopwords:
                position += 1
                continue
            break
        return position

    # --- resolution -------------------------------------------------------------------------
    def window(self, text: str) -> tuple[int, int]:
        """Where an introduction is looked for: the stretch of text before the mention being
        resolved (and a little after), so a long text costs the same per mention as a short one."""
        return max(0, self.position - INTRODUCTION_WINDOW), min(len(text), self.position + 2_000)

    def occurrences(self, key: str, start: int, end: int, word_start: bool = False):
        """Starts of the matches of ``key`` in ``normalized.normal[start:end]``, as
        ``re.finditer`` of the escaped key (after ``(?<!\\w)`` with ``word_start``) under the
        pack's flags finds them, one after the other.

        A case-blind pattern is compiled for each new name and scanned a character at a time;
        ``str.find`` on a lower-cased copy of the text finds the same matches when they cannot
        differ: a key of ASCII letters, and a text whose lower-casing keeps every character in
        place and holds none of the four letters that match an ASCII letter case-blindly
        (İ ı ſ K)."""
        normalized = self.normalized
        assert normalized is not None, "occurrences needs the text"
        text = normalized.normal
        haystack: str | None = text
        needle = key
        if int(self.pack.flags) & re.IGNORECASE:
            haystack = self._lowered_text() if key.isascii() else None
            needle = key.lower()
        if haystack is None:
            pattern = _literal_pattern(key, word_start, int(self.pack.flags))
            for match in pattern.finditer(text, start, end):
                yield match.start()
            return
        size = len(needle)
        position = haystack.find(needle, start, end)
        while position >= 0:
            if word_start and position > 0 and (text[position - 1].isalnum() or text[position - 1] == "_"):
                position = haystack.find(needle, position + 1, end)
                continue
            yield position
            position = haystack.find(needle, position + size, end)

    def _lowered_text(self) -> str | None:
        """The text lower-cased, when that keeps case-blind matching of ASCII keys exact."""
        if self._lowered is None:
            normalized = self.normalized
            assert normalized is not None, "the lower-cased text needs the text"
            text = normalized.normal
            lowered = text.lower()
            exact = len(lowered) == len(text) and not any(trap in text for trap in _CASE_TRAPS)
            self._lowered = (lowered if exact else "",)
        return self._lowered[0] or None

    def titles_before(self, occurrences: Iterable[int]) -> Iterator[int]:
        """Starts of the titles in the 80 characters before each occurrence of a name, as
        ``title_regex.finditer(text, occurrence - 80, occurrence)`` finds them, window after
        window (a window is not a slice of a global scan: a title may be cut at its end, and
        windows overlap).

        Most windows hold no title at all, and the regex, case-blind, costs more than telling
        so from the window's words: see :func:`_title_first_words`, and :meth:`_lowered_text`
        for when the lower-cased text can stand for the text."""
        normalized = self.normalized
        title_regex = self.pack.title_regex
        assert normalized is not None and title_regex is not None, "titles_before needs the text and titles"
        text = normalized.normal
        first_words = _title_first_words(self.pack)
        lowered = self._lowered_text() if first_words is not None else None
        for found in occurrences:
            begin = max(0, found - 80)
            if lowered is not None and first_words is not None and first_words.isdisjoint(_LOWER_RUN.findall(lowered, begin, found)):
                continue
            for title in title_regex.finditer(text, begin, found):
                yield title.start()

    def introduction(self, mention: Mention) -> Mention | None:
        """Where the text introduced this person with both a title and a name, if anywhere:
        "الرئيس الروسي" alone -> "الرئيس الروسي فلاديمير بوتين" said in narrative earlier;
        "كيم جونغ أون" alone -> "الزعيم الكوري الشمالي كيم جونغ أون". Looked up only for a person
        the document has not met yet, so the cost is per new person, not per title in the text."""
        normalized = self.normalized
        if normalized is None or self.pack.title_regex is None:
            return None
        text = normalized.normal
        if mention.role_key and not mention.name_key:
            starts = self.occurrences(mention.role_key, *self.window(text), word_start=True)
        elif mention.name_key and not mention.role_key:
            starts = self.titles_before(self.occurrences(" ".join(mention.name_key), *self.window(text)))
        else:
            return None
        for count, start in enumerate(starts):
            if count >= 20:
                break
            stop = _MENTION_END.search(text, start, min(len(text), start + 120))
            begin, end = normalized.original_range(start, stop.start() if stop else min(len(text), start + 120))
            found = self.parse(normalized.original[begin:end])
            if found is None or found.kind != "person" or not found.name_key or not found.role_key:
                continue
            if mention.role_key and found.role_key.startswith(mention.role_key):
                return found
            if mention.name_key and set(mention.name_key) <= set(found.name_key):
                return found
        return None

    def person(self, mention: Mention) -> _Record:
        record = None
        if mention.name_key:
            wanted = set(mention.name_key)
            for candidate in reversed(self.people):
                have = set(candidate.name_key)
                if have and (wanted <= have or have <= wanted):
                    record = candidate
                    break
        elif mention.role_key:
            for candidate in reversed(self.people):
                if candidate.role_key and (
                    candidate.role_key == mention.role_key
                    or candidate.role_key.startswith(mention.role_key + " ")
                ):
                    record = candidate
                    break
            if record is None and not mention.name_key:
                # "The diplomat added" after "A British diplomat said": the unnamed one
                described = self.definite_description(mention, any_kind=True)
                if described is not None:
                    return described
        if record is None and len(mention.name_key) == 1 and mention.role_key:
            # "Vilsack, a former Iowa governor": a surname with its appositive is still the
            # person introduced earlier with a title and the whole name
            introduced = self.introduction(Mention(surface=mention.surface, normal=mention.normal,
                                                   name_key=mention.name_key))
            if introduced is not None and len(introduced.name_key) > 1:
                return self.person(introduced)
        if record is None and not (mention.name_key and mention.role_key):
            introduced = self.introduction(mention)
            if introduced is not None:
                record = self.person(introduced)
                if mention.name_key and len(mention.name_key) > len(record.name_key):
                    record.name, record.name_key = mention.name or record.name, mention.name_key
                return record
        if record is None:
            key = mention.name_key or tuple((mention.role_key or mention.normal).split())
            record = _Record(
                id="person:" + "-".join(key),
                kind="person",
                name=mention.name or mention.role or mention.surface,
                name_key=mention.name_key,
                role=mention.role,
                role_key=mention.role_key,
            )
            self.people.append(record)
            self.records.setdefault(record.id, record)
            record = self.records[record.id]
        else:
            if mention.name_key and len(mention.name_key) > len(record.name_key):
                record.name, record.name_key = mention.name or record.name, mention.name_key
            if mention.role and not record.role:
                record.role, record.role_key = mention.role, mention.role_key
        return record

    def resolve(self, surface: str | None, hint: str | None, prefix: str | None = None,
                speaker: bool = True) -> str | None:
        """The entity id for a mention (or for none, with a hint), updating the document's state."""
        record = None
        if hint == "anonymous" and not surface:
            record = self.records.setdefault(
                "anonymous:unnamed", _Record("anonymous:unnamed", "anonymous", self.pack.mentions.unnamed)
            )
        elif surface:
            mention = self.parse(surface, prefix)
            if mention is None:
                pass
            elif mention.pronoun:
                record = self.antecedent(mention)
            elif mention.kind is None:
                record = self.records.get(self.previous) if self.previous else None
            elif mention.registry is not None:
                entry = mention.registry
                record = self.records.setdefault(
                    entry.id,
                    _Record(
                        entry.id,
                        entry.kind,
                        entry.names.get(self.pack.code) or entry.aliases[0],
                        registry=entry,
                    ),
                )
            elif mention.kind == "person":
                record = self.person(mention)
            else:
                record = self.known_person(mention) or self.anaphor(mention) or self.definite_description(mention)
                if record is None:
                    name = mention.name or mention.role or mention.surface
                    key = f"{mention.kind}:" + "-".join(mention.normal.split())
                    record = self.records.setdefault(key, _Record(key, mention.kind, name, role=None))
            if record is not None:
                alias = surface.strip()
                if alias not in record.aliases:
                    record.aliases.append(alias)
                    # what a new surface form shows of the person's gender (a known one was read)
                    if record.kind == "person" and record.gender is None and self.pack.gender_of:
                        record.gender = self.gender(surface)
        elif hint == "previous" and self.previous:
            record = self.records.get(self.previous)
        if record is None:
            return None
        if speaker:
            self.previous = record.id
            if not self.speakers or self.speakers[-1] != record.id:
                self.speakers.append(record.id)
        self.last_of_kind[record.kind] = record.id
        return record.id

    def gender(self, surface: str) -> str | None:
        """The gender a mention's own words show ("Mrs.", "spokeswoman"), if they agree on one;
        its pronouns are left out ("her lawyer" says nothing of the lawyer)."""
        gender_of, pronouns = self.pack.gender_of, self.pack.pronouns
        found = {gender_of[w] for w in (word.lower() for word in _words(surface)) if w in gender_of and w not in pronouns}
        return found.pop() if len(found) == 1 else None

    def antecedent(self, mention: Mention) -> _Record | None:
        """Who a pronoun stands for: the last speaker, unless the pronoun's gender rules them
        out ("she" after Mr. Smith spoke): then the latest of the three before who fits, or
        nobody (no link is better than a wrong one)."""
        previous = self.records.get(self.previous) if self.previous else None
        gender = self.pack.gender_of.get(mention.normal.lower())
        if gender is None or previous is None or previous.kind in _ONE_PERSON and previous.gender in (None, gender):
            if previous is not None and gender is not None and previous.kind == "person":
                previous.gender = gender
            return previous
        # "he" or "she" is one person: never a group, an organisation or an outlet
        for record_id in reversed(self.speakers[-4:-1]):
            record = self.records[record_id]
            if record.kind in _ONE_PERSON and record.gender in (None, gender) and record is not previous:
                if record.kind == "person":
                    record.gender = gender
                return record
        return None

    def known_person(self, mention: Mention) -> _Record | None:
        """A lone word that is part of the name of someone the text has met ("السوداني")."""
        if not mention.name_key or len(mention.name_key) > 2:
            return None
        wanted = set(mention.name_key)
        for record in reversed(self.people):
            if wanted <= set(record.name_key):
                return record
        introduced = self.introduction(Mention(surface=mention.surface, normal=mention.normal,
                                               name_key=mention.name_key))
        if introduced is not None:
            return self.person(introduced)
        return None

    def anaphor(self, mention: Mention) -> _Record | None:
        """A definite source noun alone ("الوكالة", "the agency") -> the last source of that kind."""
        words = mention.normal.split()
        if len(words) != 1 or mention.kind not in ("news_agency", "outlet", "organization", "government"):
            return None
        if not (words[0].startswith("ال") or words[0].lower() == "the"):
            return None
        record_id = self.last_of_kind.get(mention.kind)
        return self.records[record_id] if record_id else None

    def definite_description(self, mention: Mention, any_kind: bool = False) -> _Record | None:
        """A definite phrase of common nouns names a recent speaker by its head noun: "the
        diplomat" after "A senior European diplomat", "The ministry" after "Russia's defence
        ministry". Its kind must agree, unless it has none of its own (``organization`` is what
        an unknown phrase gets) or is a role (``any_kind``): "the members" is no organisation
        that spoke before, but "the diplomat" may be an anonymous one."""
        words = _words(mention.surface)
        if not 2 <= len(words) <= 4 or words[0].lower() not in self.word_set("definite_determiners") \
                or any(not word[:1].islower() for word in words[1:]):
            return None
        head = words[-1]
        stops = self.word_set("head_stops")
        for record_id in reversed(self.speakers[-8:]):
            record = self.records[record_id]
            if not any_kind and mention.kind != "organization" and record.kind != mention.kind:
                continue
            for alias in record.aliases:
                # the head of "The author of the book" is "author", not "book"
                alias_words = _words(alias.split(",")[0])
                end = next((i for i in range(1, len(alias_words)) if alias_words[i].lower() in stops), len(alias_words))
                if end > 1 and alias_words[end - 1].lower() == head:
                    return record
        return None

    def entity(self, entity_id: str) -> dict:
        """The entity as plain data, in the shape of :class:`claimtrack.models.Entity`."""
        record = self.records[entity_id]
        registry = record.registry
        return {
            "id": record.id,
            "name": record.name,
            "kind": record.kind,
            "role": record.role,
            "aliases": list(record.aliases),
            "state_run": registry.state_run if registry else None,
            "country": registry.country if registry else None,
            "registry_id": registry.id if registry else None,
        }
