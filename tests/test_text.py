"""Arabic normalisation: what camel-tools changes, and that English work never loads it."""

from claimtrack.text import normalize_arabic


def test_camel_tools_changes_only_characters_of_the_arabic_block():
    # normalize_arabic returns a string without U+0600-U+06FF as it is, without importing
    # camel-tools; that is right only while camel-tools leaves every other character alone
    from claimtrack.text import _arabic_tools

    deletable, letters, dediacritise = _arabic_tools()
    changed = [
        code
        for code in range(0x110000)
        if not 0xD800 <= code < 0xE000
        and (letters(chr(code)) != chr(code) or dediacritise(chr(code)) != chr(code) or deletable.match(chr(code)))
    ]
    assert changed, "the normalisers changed nothing: the check itself is broken"
    assert all(0x0600 <= code <= 0x06FF for code in changed), [hex(c) for c in changed if not 0x0600 <= c <= 0x06FF]


def test_text_without_arabic_letters_is_its_own_normal_form():
    text = "Officials said: “no comment” — ça va, 3.5 % (TASS)"
    normalized = normalize_arabic(text)
    assert normalized.normal == text and normalized.shifts == []
    # one Arabic diacritic is enough to take the camel-tools path
    assert normalize_arabic("kitab كِتاب").normal == "kitab كتاب"

