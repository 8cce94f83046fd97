"""Arabic normalisation: what camel-tools changes, and that English work never loads it."""

import subprocess
import sys

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


def test_arabic_letters_stay_arabic_letters():
    # the alias index waits for a word with an Arabic letter (hamza to yeh, not the tatweel)
    # before it indexes the aliases written with one: right while normalisation keeps them so
    letters = [code for code in range(0x0621, 0x064B) if code != 0x0640]
    for code in letters:
        normal = normalize_arabic(chr(code)).normal
        assert len(normal) == 1 and ord(normal) in letters, hex(code)


def test_text_without_arabic_letters_is_its_own_normal_form():
    text = "Officials said: “no comment” — ça va, 3.5 % (TASS)"
    normalized = normalize_arabic(text)
    assert normalized.normal == text and normalized.shifts == []
    # one Arabic diacritic is enough to take the camel-tools path
    assert normalize_arabic("kitab كِتاب").normal == "kitab كتاب"



def test_english_extraction_does_not_import_camel_tools():
    # half a second of import that English-only users should not pay (a fresh interpreter:
    # other tests in this process have already loaded it)
    code = (
        "import sys, claimtrack\n"
        "doc = claimtrack.extract('Officials said the talks failed, according to TASS.', lang='en')\n"
        "assert doc.attributions\n"
        "print(sorted(m for m in sys.modules if m.startswith('camel_tools')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
