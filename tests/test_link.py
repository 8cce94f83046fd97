"""The linker's cross-document parse cache: a cached parse is the parse, and a call's extra
entities never reach another call."""

from __future__ import annotations

import claimtrack
from claimtrack import link
from claimtrack.languages import KnownEntity, load_language, load_registry

SURFACES = [
    ("he", None),
    ("White House press secretary Sean Spicer", None),
    ("Sen. Bernie Sanders, the Vermont independent", None),
    ("officials familiar with the matter", None),
    ("Reuters", None),
    ("the agency", None),
]
ARABIC_SURFACES = [("المتحدث باسم الكرملين ديمتري بيسكوف", None), ("للمتحدث باسم الوزارة", "ل"), ("السيد", None)]


def fresh_parse(code: str, surface: str, prefix: str | None):
    """A parse that no cache has seen: a new index of the shipped registry, so a new cache."""
    return link.Linker(load_language(code), link._AliasIndex(load_registry().entities)).parse(surface, prefix)


def test_a_cached_parse_is_the_same_as_a_fresh_one():
    link.clear_parse_cache()
    for code, surfaces in (("en", SURFACES), ("ar", ARABIC_SURFACES)):
        pack = load_language(code)
        first = link.Linker(pack, link.alias_index()).parse
        second = link.Linker(pack, link.alias_index()).parse  # another document
        for surface, prefix in surfaces:
            parsed = first(surface, prefix)
            assert parsed is not None and parsed.kind is not None or parsed.pronoun
            assert second(surface, prefix) is parsed  # shared across documents
            assert parsed == fresh_parse(code, surface, prefix)


def test_the_cache_is_kept_per_language_pack():
    link.clear_parse_cache()
    index = link.alias_index()
    english = link.Linker(load_language("en"), index).parse("الرئيس")
    arabic = link.Linker(load_language("ar"), index).parse("الرئيس")
    assert english != arabic
    assert index.parses(load_language("en")) is not index.parses(load_language("ar"))


def test_clearing_the_cache_and_its_bound(monkeypatch):
    pack = load_language("en")
    link.alias_index().parses(pack)[("he", None)] = None  # a stale entry that clearing removes
    link.clear_parse_cache()
    assert link.Linker(pack, link.alias_index()).parse("he").pronoun
    monkeypatch.setattr(link, "PARSE_CACHE_LIMIT", 2)
    linker = link.Linker(pack, link.alias_index())
    for surface in ("Trump", "officials", "Reuters", "she"):
        linker.parse(surface)
        assert len(link.alias_index().parses(pack)) <= 2
    assert linker.parse("Reuters") == fresh_parse("en", "Reuters", None)


def test_extra_entities_do_not_leak_between_calls():
    text = 'The Gazette of Springfield said the plant would close.\n\n"We will fight it," said Mayor Ann Lee.'
    extra = KnownEntity(id="gazette-springfield", kind="outlet", names={"en": "Gazette of Springfield"},
                        aliases=["The Gazette of Springfield"])

    def linked(document):
        return [a.entity.registry_id if a.entity else None for a in document.attributions]

    link.clear_parse_cache()
    before = linked(claimtrack.extract(text, lang="en"))
    with_extra = linked(claimtrack.extract(text, lang="en", entities=[extra]))
    after = linked(claimtrack.extract(text, lang="en"))
    assert "gazette-springfield" in with_extra
    assert "gazette-springfield" not in before and after == before
    # the parse made with the extra entity stays with its index, not the shipped one
    pack = load_language("en")
    assert all(m is None or m.registry is None or m.registry.id != "gazette-springfield"
               for m in link.alias_index().parses(pack).values())


def test_titles_before_finds_what_a_scan_of_each_window_finds():
    """The word test that skips windows (see ``link._title_first_words``) against the regex run
    over every window, on text made of titles, parts of titles and the letters İ ı ſ K."""
    import random

    pack = load_language("en")
    pieces = ["Sen.", "sen", "Senator", "PRESIDENT", "presidential", "vice president", "Vice-President",
              "attorney general", "Gen.", "gov", "Kremlin spokesman", "Trump", "said", " ", " ", ", ", ".",
              "\n", "’", "é", "ſenator", "\u212aing", "İ", "ı", "_", "7", "x"]
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 60)))
        linker = link.Linker(pack, link.alias_index(), pack.normalize_text(text))
        ends = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, 8)))
        expected = [m.start() for end in ends for m in pack.title_regex.finditer(text, max(0, end - 80), end)]
        assert list(linker.titles_before(iter(ends))) == expected, text


def test_the_ascii_word_pattern_is_word_on_ascii():
    """``link._ASCII_WORD`` spells WORD's classes out for ASCII: each class, character by character."""
    import re

    import regex

    pairs = [
        (r"[\p{L}\p{M}\p{N}_]", "[A-Za-z0-9_]"),
        (r"[\p{L}\p{M}\p{N}]", "[A-Za-z0-9]"),
        (r"[.'’-]", "[.'-]"),
        (r"[^\s\p{L}\p{M}\p{N}]", r"[^\t\n\x0b\x0c\r A-Za-z0-9]"),
    ]
    for full, ascii_only in pairs:
        assert full in link.WORD.pattern and ascii_only in link._ASCII_WORD.pattern
        for char in map(chr, range(128)):
            assert bool(regex.fullmatch(full, char)) == bool(re.fullmatch(ascii_only, char)), (full, char)
    for text in ["Sen. Bernie Sanders, the Vermont independent", "U.S. officials' aide_1 -- rock-'n'-roll...",
                 "a\x1cb\tc_ _d 'e' 3.5.", ""]:
        assert link._words(text) == link.WORD.findall(text)


def test_arabic_aliases_are_indexed_when_a_word_first_needs_them():
    index = link._AliasIndex(load_registry().entities)
    assert index._arabic  # the shipped registry has Arabic names
    english = index.find(["TASS"], start_only=True)
    assert english is not None and index._arabic  # an English lookup leaves them waiting
    arabic = index.find(["تاس"], start_only=True)
    assert arabic is not None and arabic[0] is english[0] and not index._arabic


def _find_without_memo(index, words, start_only=False):
    """``_AliasIndex.find`` as it was before its per-word memo of the longest alias."""
    for first in [0] if start_only else range(len(words)):
        if first >= len(words):
            break
        longest = max(index.longest_from.get(words[first], 0), index.longest_from_lower.get(words[first].lower(), 0))
        for size in range(min(index.longest, longest, len(words) - first), 0, -1):
            key = tuple(words[first : first + size])
            entry = index.by_key.get(key) or index.by_lower.get(tuple(w.lower() for w in key))
            if entry is not None:
                return entry, first, first + size
    return None


def test_find_with_its_word_memo_is_find_without_it(monkeypatch):
    """The memo of each word's longest alias (kept across calls, cleared at its bound) changes no
    answer; nor does reading the start-only answer off a full scan, as parse_capitalized does."""
    import random

    monkeypatch.setattr(link, "PARSE_CACHE_LIMIT", 50)  # so the memo is cleared along the way
    index = link._AliasIndex(load_registry().entities)
    alias_words = sorted({w for key in index.by_key for w in key if w.isascii()})
    pieces = [*random.Random(3).sample(alias_words, 60), "the", "The", "AP", "ap", "Ap", "news", "agency",
              "Reuters", "reuters", "REUTERS", "Associated", "Press", "press", "South", "Korea's", "Yonhap"]
    rng = random.Random(11)
    for _ in range(3000):
        words = [rng.choice(pieces) for _ in range(rng.randrange(0, 7))]
        whole = index.find(words)
        assert whole == _find_without_memo(index, words), words
        start = index.find(words, start_only=True)
        assert start == _find_without_memo(index, words, start_only=True), words
        assert start == (whole if whole is not None and whole[1] == 0 else None), words


def test_lower_case_twice_is_lower_case_once():
    """A case-blind pack's normalize_word lower-cases, so the linker uses its words as their own
    lower-case (``Linker._words_lowered``): that needs ``lower()`` to change nothing a second time."""
    import sys

    for char in map(chr, range(sys.maxunicode + 1)):
        assert char.lower().lower() == char.lower(), hex(ord(char))
    pack = load_language("en")
    assert not pack.data.grammar.case_sensitive and link.Linker(pack, link.alias_index())._words_lowered
    for word in ["Trump", "SEN.", "İstanbul", "ΣΟΦΟΣ", "Straße", "K", "ſ", "Ǆ", "said"]:
        assert pack.normalize_word(word) == pack.normalize_word(word).lower()
