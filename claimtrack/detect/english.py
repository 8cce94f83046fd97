"""English attribution grammar.

English news names the speaker before the cue ("Peskov said (that) ...", "Officials told
Reuters ...") or after the content, with or without inversion ("..., Peskov said." / "“...,”
said Peskov, the Kremlin spokesman."). Quotations may be split around the cue ("“A,” he said,
“B.”") and may run over several paragraphs. According-to cues ("according to X", "citing X")
name the source after the cue and scope over the rest of the sentence.

One compiled regex finds every cue word in the whole text (the speech verbs of the language
file plus the lexicon of words that are often cues, with their measured ratios); Python looks
only at the sentence around each cue, so long articles stay fast. Paragraph structure (quotes,
sentence ends) is computed lazily, only for paragraphs that hold a cue.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import re
import string
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

import regex

from claimtrack.detect import Candidate, Range
from claimtrack.detect.quotes import Quote
from claimtrack.languages import trie_pattern
from claimtrack.text import NormalizedText, looks_plural

# The standard library's engine scans literal alternations several times faster than `regex`;
# these patterns need nothing beyond it.
# a word may hold apostrophes, dots and hyphens, and a dot and hyphen together ("U.S.-based")
TOKEN = re.compile(r"[^\W_]+(?:(?:['’\-]|\.-?)[^\W_]+)*|[^\s\w]|_")
SPACED_TOKEN = re.compile(rf"(\s*)({TOKEN.pattern})")
SENTENCE_END = regex.compile(r"[.!?]+(?=[\s”\"’')]|$)")
LAST_WORD = regex.compile(r"[\p{L}.]+$")
CLAUSE_START = regex.compile(r"(?:that|:|[“\"']|it |he |she |they |we |i |there )", regex.IGNORECASE)
TO_WORD_AFTER = re.compile(r"\s+to\s+([^\W_]+)")
BY_RELAY = re.compile(r"\s+by\s+((?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,5})")
NOT_A_STATEMENT_AFTER = re.compile(
    r"\s+(?:as\s+saying|not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity|on\s+(?:the\s+)?condition\s+of\s+anonymity|anonymity)\b"
)
# Anonymity granted to a source ('who asked not to be named', 'because she was not authorized
# to speak publicly'): no statement of its own, and it may stand between the source and its cue.
ANONYMITY = re.compile(
    r"(?:(?:who|because\s+(?:he|she|they)|as\s+(?:he|she|they))\s+)?"
    r"(?:(?:asked|declined|refused|requested|wished)\s+(?:not\s+)?to\s+"
    r"(?:be\s+(?:named|identified|quoted)|identify\s+(?:himself|herself|themselves))"
    r"|(?:spoke|speaking|talked|talking)\s+on\s+(?:the\s+)?condition\s+of\s+anonymity"
    r"|(?:was|were|is|are)\s+not\s+authori[sz]ed\s+to\s+(?:speak|talk|comment)"
    r"(?:\s+(?:publicly|on\s+the\s+record))?)"
)
# the cue words such a clause holds, and the words it can end with
_ANONYMITY_CUES = frozenset(
    "asked declined refused requested wished named identified quoted spoke speaking talked talking "
    "authorized authorised".split())
# a word of every match: each of its three branches ends in one of the first three or holds
# one of the others
_ANONYMITY_WORDS = ("named", "quoted", "identif", "anonymity", "authori")
_ANONYMITY_ENDS = frozenset(
    "named identified quoted himself herself themselves anonymity speak talk comment publicly record".split())
# 'KCNA quoted Kim Jong Un as saying ...': the words between are the speaker; the cue word
# 'quoted' is left to 'saying', which takes the whole report
QUOTED_AS_SAYING = re.compile(r"\s+(?:[^\s;:!?“”\"]+\s+){1,8}?as\s+saying\b")
_QUOTING_WORDS = frozenset(("quoted", "quotes", "quoting"))
# a wire dateline opening a paragraph: 'SEOUL, March 3 (Yonhap) -- ', 'NEW YORK (AP) — '
DATELINE = re.compile(
    r"[A-Z][A-Z.'’\- ]{1,40}(?:,\s+[A-Z][A-Za-z.'’\- ]{1,40}?)?(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^()\n]{1,60}\)\s*)?(?:--|—|–|-)\s+"
)
CAPITAL_NEXT = re.compile(r"\s+[“\"'(]?[A-Z]")
FIRST_WORD = re.compile(r"[\s,]*([^\W_]+)")
# a name of up to four capitalised words, and a name in brackets after a role: 'CORRESPONDENT
# (Sara Haddad):'
_COLON_SPEAKER = r"(?P<speaker>\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(?: \(\p{Lu}[^()\n:]{0,58}\))?)"
HEADLINE = regex.compile(_COLON_SPEAKER + r": (?P<content>\S[^\n]*)")
# 'TRUMP: We will win.' / 'Matthews: Well, ...': a paragraph opened by a name and a colon
# (interview transcripts, headlines); the first line is taken by HEADLINE
SPEAKER_COLON = regex.compile(r"^[ \t]*" + _COLON_SPEAKER + r":[ \t]+(?P<content>\S[^\n]*)", regex.MULTILINE)
OPENING_QUOTES = "“\"‘«`'"
CLOSING_QUOTES = "”\"’»'"
# Newspapers that type on old systems write two apostrophes ('') or backquotes (``) for quotes.
QUOTE_MARKS = regex.compile(r"''|``|[“”«»„\"]")
_CLOSERS = {"“": ("”", "“", "''"), "«": ("»",), "„": ("“", "”"), '"': ('"',), "''": ("''", "”"), "``": ("''", "”"), "”": ("”",)}
_MAX_QUOTE_DEPTH = 3


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Outermost quotations in ``text[start:end]``; an unclosed one runs to the end (closed=False)."""
    return _pair_marks([(m.start(), m.end(), m.group()) for m in QUOTE_MARKS.finditer(text, start, end)], end)


def _pair_marks(marks: list[tuple[int, int, str]], end: int) -> list[Quote]:
    """Pair quotation marks given as ``(start, end, mark)`` in text order, up to ``end``.

    Not :func:`claimtrack.detect.quotes.pair_quotes`, which the Arabic grammar uses: English
    marks can be two characters long ('' and ``), and a closing ” with nothing open is dropped
    here, where Arabic text (which may mirror the curly marks) opens a quotation with it."""
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []
    for mark_start, mark_end, mark in marks:
        if stack and mark in _CLOSERS[stack[-1][0]]:
            _opener, opened_at = stack.pop()
            if not stack:
                quotes.append(Quote(opened_at, mark_end))
            continue
        if mark == "»" or (mark == "”" and not stack):
            continue  # a stray closer with nothing open
        if len(stack) < _MAX_QUOTE_DEPTH:
            stack.append((mark, mark_start))
    if stack:
        quotes.append(Quote(stack[0][1], end, closed=False))
    return quotes


# The whole-text scans of QUOTE_MARKS and SENTENCE_END cost the `regex` engine about a hundred
# instructions a character; str.find skips to the next mark at a few, so both are done with it.
_QUOTE_KINDS = [(mark, len(mark)) for mark in ("“", "”", "«", "»", "„", '"', "''", "``")]


def _quote_marks(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, mark)`` of every QUOTE_MARKS match in ``text``, in text order. The kinds of
    mark share no character, so each kind's matches are its non-overlapping occurrences from the
    left, whatever the others are; merged by start, they are what one scan finds."""
    marks = []
    find = text.find
    for mark, size in _QUOTE_KINDS:
        at = find(mark)
        while at >= 0:
            marks.append((at, at + size, mark))
            at = find(mark, at + size)
    marks.sort()
    return marks


# what SENTENCE_END's lookahead accepts after a stop: `regex`'s \s (the Unicode White_Space set,
# without the \x1c-\x1f that str.isspace counts) and the closers it lists
_STOP_FOLLOWERS = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000”\"’')"
                            + "".join(map(chr, range(0x2000, 0x200B))))


def _sentence_stops(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, a lone full stop)`` of every SENTENCE_END match in ``text``. A match is a
    whole run of stops (.!?): a shorter one would be followed by a stop, which the lookahead
    refuses, and a later start inside a failed run fails the same way. So each maximal run
    matches exactly when what follows it is accepted, or the text ends there (``$`` also accepts
    a final line break, which the lookahead already does)."""
    find = text.find
    positions = []
    for stop in ".!?":
        at = find(stop)
        while at >= 0:
            positions.append(at)
            at = find(stop, at + 1)
    positions.sort()
    stops = []
    length = len(text)
    run_start = last = -2
    for at in positions:
        if at == last + 1:
            last = at
            continue
        if run_start >= 0 and (last + 1 == length or text[last + 1] in _STOP_FOLLOWERS):
            stops.append((run_start, last + 1, last == run_start and text[last] == "."))
        run_start = last = at
    if run_start >= 0 and (last + 1 == length or text[last + 1] in _STOP_FOLLOWERS):
        stops.append((run_start, last + 1, last == run_start and text[last] == "."))
    return stops


_SENTENCE_CLOSERS = CLOSING_QUOTES + ")"
LOWER_NEXT = re.compile(r"\s+[a-z]")
_ASCII_LETTERS_AND_STOP = string.ascii_letters + "."  # LAST_WORD's [\p{L}.] within ASCII
BOUNDARY_PUNCTUATION = set(",;:()[]—–-") | set(OPENING_QUOTES) | set(CLOSING_QUOTES) | {".", "!", "?"}
_MAX_SUBJECT_CHARS = 160
# words that open a sentence before its subject ('But the senator ...')
_SENTENCE_CONJUNCTIONS = frozenset("and but yet so or now still also then".split())
# words that open an introductory phrase, not the subject ('In a speech, ...', 'For months, ...')
_INTRODUCTORY = frozenset(
    "in on at by for from with during after before since outside inside under over despite amid "
    "unlike like following".split())
# words of a clause, never of an appositive noun phrase
_CLAUSE_MARKERS = frozenset("that is was are were has have had will would said says".split())
# adverbs not in -ly that may stand between a subject and its cue ('... nevertheless suggested')
_SENTENCE_ADVERBS = frozenset("nevertheless nonetheless however therefore thus meanwhile instead indeed now still".split())
# words in -ly that are no adverbs and may end a subject ('The family said', 'a US ally warned')
_LY_NOUNS = frozenset(
    "family ally assembly rally supply daily weekly monthly quarterly yearly elderly bully belly monopoly "
    "anomaly folly reply holly jelly lily panoply homily italy july".split())
# what may open a time adjunct between a subject and its cue ('The Kremlin on Monday denied'),
# and the time words that may open one alone ('Officials last week said', 'Putin earlier said';
# not a bare weekday: 'Joe Friday said' names Joe Friday)
_ADJUNCT_OPENERS = frozenset(("on", "in", "at", "during", "late", "early"))
_BARE_ADJUNCT_STARTS = frozenset(("today", "yesterday", "tonight", "earlier", "last", "this"))
_MAX_SENTENCE_CHARS = 1500


def _cased(pattern: str) -> str:
    """A lower-case pattern that also matches with its first letter capitalised."""
    first = pattern[:1]
    return f"[{first}{first.upper()}]{pattern[1:]}" if first.isalpha() else pattern


class EnglishGrammar:
    """The English pack's cue words, word lists and the one regex that finds every cue."""

    def __init__(self, pack, min_ratio: float | None = None):
        data = pack.data
        self.model = load_cue_model(pack.code)
        never: frozenset[str] = frozenset()
        if min_ratio is None:
            min_ratio = self.model.min_ratio if self.model is not None else data.cue_min_ratio
            never = self.model.never_cues if self.model is not None else never
        lists = {name: {w.lower() for w in words} for name, words in data.word_lists.items()}
        self.cue_left = lists.get("cue_left", set())
        self.subject_barrier = lists.get("subject_barrier", set())
        self.subject_openers = lists.get("subject_openers", set())
        self.noun_determiners = self.subject_openers - {"that", "this", "one"}
        self.pronouns = lists.get("pronouns", set())
        self.object_verbs = lists.get("object_verbs", set())
        self.clause_object_verbs = lists.get("clause_object_verbs", set())
        self.titles = {title.lower() for title in pack.titles if " " not in title}
        self.colon_labels = lists.get("colon_labels", set())
        self.abbreviations = lists.get("abbreviations", set())
        self.title_quote_nouns = lists.get("title_quote_nouns", set())
        self.cue_tails = sorted((tuple(p.split()) for p in lists.get("cue_tail", ())), key=len, reverse=True)
        self.cue_tails_by_start: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.cue_tails:
            self.cue_tails_by_start.setdefault(phrase[0], []).append(phrase)
        self.cue_tail_starts = frozenset(self.cue_tails_by_start)
        self.max_subject_words = data.grammar.max_subject_words
        # nouns whose first word is a cue word: "think tank" thinks nothing
        self.compounds: dict[str, set[str]] = {}
        for phrase in lists.get("noun_compounds", ()):
            first_word, _space, second = phrase.partition(" ")
            self.compounds.setdefault(first_word, set()).add(second)
        self.time_words = frozenset(w.lower() for w in data.grammar.time_adverbs)
        # word -> confidence that an occurrence is an attribution cue
        self.cues: dict[str, float] = {}
        for word, (as_cue, seen) in data.cue_lexicon.items():
            if as_cue >= data.cue_min_count and seen and as_cue / seen >= min_ratio and word not in never:
                self.cues[word.lower()] = round(min(1.0, as_cue / seen), 3)
        self.speech_forms: set[str] = set()
        for verb in data.verbs:
            for form in verb.forms:
                self.cues.setdefault(form.lower(), verb.confidence)
                self.speech_forms.add(form.lower())
        self.according = {}
        for cue, _compiled in pack.according_to:
            self.according[cue.id] = cue
            self.cues.pop(cue.pattern.split()[0].lower(), None)
        according = "|".join(f"(?P<{cue.id}>{_cased(cue.pattern)})" for cue in data.according_to)
        # Case-sensitive alternatives (said, Said, SAID) scan far faster than a case-blind pattern.
        forms = {variant for word in self.cues for variant in (word, word.capitalize(), word.upper())}
        # nouns of saying after a possessive, with 'that': "Ruiz's remarks that ..." (lower case
        # only: a possessive stands before them)
        self.nominal_cues = lists.get("nominal_cues", set()) - set(self.cues)
        nominal = f"|(?P<nominal>{trie_pattern(self.nominal_cues)})" if self.nominal_cues else ""
        self.regex = re.compile(rf"(?<![\w'’\-])(?:{according}|(?P<cue>{trie_pattern(forms)}){nominal})(?![\w\-])")


_GRAMMARS: dict[tuple[int, float | None], tuple[object, EnglishGrammar]] = {}


def grammar_for(pack, min_ratio: float | None = None) -> EnglishGrammar:
    key = (id(pack), min_ratio)
    cached = _GRAMMARS.get(key)
    if cached is None or cached[0] is not pack:
        cached = (pack, EnglishGrammar(pack, min_ratio))
        _GRAMMARS[key] = cached
    return cached[1]


@dataclass(slots=True, frozen=True)
class CueModel:
    """A logistic model that tells a real attribution from a cue word used otherwise.

    Trained on the PolNeAR train split by ``benchmarks/train_english_cue_model.py``; its weights
    are data (``languages/<code>_cue_model.json``). Candidates come from lexicon words whose cue
    ratio reaches ``min_ratio``, except ``never_cues`` (words the model rejected almost every time
    on train, left out of the pattern for speed); those scoring below ``threshold`` are dropped.

    Most features are conjunctions with the cue word (``w=said|p=he``). Their weights are kept
    in a small table per word, looked up by the rest of the name (``p=he``), and the others in a
    table of their own: tens of thousands of weights in one dictionary made every lookup a
    cache miss.
    """

    weights: dict[str, float]
    bias: float
    threshold: float
    min_ratio: float
    never_cues: frozenset[str] = frozenset()
    general: dict[str, float] = field(init=False, repr=False, compare=False)
    conjoined: dict[str, dict[str, float]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        general: dict[str, float] = {}
        conjoined: dict[str, dict[str, float]] = {}
        for name, weight in self.weights.items():
            if name.startswith("w="):
                word, _bar, rest = name[2:].partition("|")
                conjoined.setdefault(word, {})[rest] = weight
            else:
                general[name] = weight
        object.__setattr__(self, "general", general)
        object.__setattr__(self, "conjoined", conjoined)

    def probability(self, features: list[str]) -> float:
        """The probability for features given by name (as :func:`feature_names` writes them)."""
        values = []
        for name in features:
            if name.startswith("w="):
                word, _bar, rest = name[2:].partition("|")
                values.append(self.conjoined.get(word, _NO_WEIGHTS).get(rest, 0.0))
            else:
                values.append(self.general.get(name, 0.0))
        return self._logistic(values)

    def keys_probability(self, word: str, general: list[str], conjoined: list[str]) -> float:
        """The same probability for features given as :func:`candidate_keys` gives them, without
        writing the conjoined names out."""
        values = list(map(self.general.get, general, _ZEROS))
        values += map(self.conjoined.get(word, _NO_WEIGHTS).get, conjoined, _ZEROS)
        return self._logistic(values)

    def _logistic(self, values: list[float]) -> float:
        # one sum() over the weights in feature order, in both methods: the same float result
        score = self.bias + sum(values)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


_NO_WEIGHTS: dict[str, float] = {}
_ZEROS = itertools.repeat(0.0)  # the default weight of an unseen feature, for map()


@functools.cache
def load_cue_model(code: str) -> CueModel | None:
    # JSON, not TOML: tens of thousands of weights parse in milliseconds instead of most of a second
    try:
        raw = resources.files("claimtrack.languages").joinpath(f"{code}_cue_model.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    data = json.loads(raw)
    return CueModel(dict(data["weights"]), float(data["bias"]), float(data["threshold"]), float(data["min_ratio"]),
                    frozenset(data.get("never_cues", ())))


_FUNCTION_NEIGHBOURS = frozenset(
    "the a an to that of in on for at by with from as and but or not has have had is was are were be been "
    "he she they it we i you who which also , . : ; “ ” \" ' — ( )".split()
)


def _word_class(token: str | None) -> str:
    if token is None:
        return "none"
    known = _WORD_CLASSES.get(token)
    if known is not None:
        return known
    lower = token.lower()
    if lower in _FUNCTION_NEIGHBOURS:
        known = lower
    elif not token[0].isalnum():
        known = "punct"
    elif token[0].isupper():
        known = "Cap"
    elif lower.endswith("ly"):
        known = "-ly"
    else:
        known = "low"
    if len(_WORD_CLASSES) < 200_000:  # a bound on the memory of the words news repeats
        _WORD_CLASSES[token] = known
    return known


_WORD_CLASSES: dict[str, str] = {}


def _word_count(text: str, start: int, end: int) -> int:
    """Words in a range, counted by the spaces between them (cheap, and enough for a bucket)."""
    return text.count(" ", start, min(end, start + 600)) + 1 if end > start else 0


def _length_bucket(count: int) -> str:
    return _LENGTH_BUCKETS[count] if count < len(_LENGTH_BUCKETS) else "31+"


# the model's word-count buckets: 0-1, 2, 3-5, 6-12, 13-30, 31+
_LENGTH_BUCKETS = ["1", "1", "2"] + ["3-5"] * 3 + ["6-12"] * 7 + ["13-30"] * 18


def candidate_keys(text: str, candidate: Candidate, ratio: float, pronouns) -> tuple[list[str], list[str]]:
    """What the cue model looks at: the rule that built the candidate, the shape of its speaker
    and content, and the words on either side of the cue; alone (first list) and conjoined with
    the cue word (second list, written without their ``w=<word>|`` prefix; "" is the word alone)."""
    # Every candidate pays for this function, so the word classes are read from their memo
    # (``_WORD_CLASSES.get(token) or _word_class(token)``) and the length buckets from a table.
    rule = _RULE_NAMES.get(candidate.rule) or _rule_name(candidate.rule)
    cue_start, cue_end = candidate.cue
    before = TOKEN.findall(text, max(0, cue_start - 30), cue_start)
    after = TOKEN.findall(text, cue_end, cue_end + 30)
    classes = _WORD_CLASSES
    if before:
        pw = before[-1]
        previous_class = classes.get(pw) or _word_class(pw)
        previous2 = (classes.get(before[-2]) or _word_class(before[-2])) if len(before) > 1 else "none"
        pw = pw.lower()
    else:
        pw, previous_class, previous2 = "", "none", "none"
    if after:
        nw = after[0]
        next_class = classes.get(nw) or _word_class(nw)
        next2 = (classes.get(after[1]) or _word_class(after[1])) if len(after) > 1 else "none"
        nw = nw.lower()
    else:
        nw, next_class, next2 = "", "none", "none"
    speaker_range = candidate.speaker
    if speaker_range is None:
        speaker, speaker_length, speaker_head, distance = "none", "0", "", "none"
    else:
        speaker_start, speaker_end = speaker_range
        first_match = TOKEN.match(text, speaker_start, speaker_end)
        first = first_match.group() if first_match else ""
        speaker = "pron" if first.lower() in pronouns else _word_class(first)
        speaker_length = _length_bucket(_word_count(text, speaker_start, speaker_end))
        speaker_head = _word_before(text, max(speaker_start, speaker_end - 30), speaker_end + 1).lower()
        if speaker_start >= cue_end:
            distance = "after"
        else:
            gap = cue_start - speaker_end
            distance = "adj" if gap <= 1 else "near" if gap <= 3 else "mid" if gap <= 40 else "far"
    content_start, content_stop = candidate.content
    last = text[content_stop - 1] if content_stop > content_start else ""
    content_end = last if last in ".?!,”\"'’)" else "w"
    first_match = TOKEN.match(text, content_start, content_stop)
    content_first = _word_class(first_match.group() if first_match else None)
    content_length = _length_bucket(_word_count(text, content_start, content_stop))
    kind = candidate.kind
    r, s, cf, p, n = f"r={rule}", f"s={speaker}", f"cf={content_first}", f"p={previous_class}", f"n={next_class}"
    # two words on either side of the cue
    pp_p, n_nn, sd, sw = f"pp={previous2}|{p}", f"{n}|nn={next2}", f"sd={distance}", f"sw={speaker_head}"
    general = [
        r, f"k={kind}", s, f"sl={speaker_length}", f"cl={content_length}", cf, p, n, f"{r}|{cf}", f"{r}|{s}",
        f"rb={int(ratio * 10)}", f"{r}|cl={content_length}", f"k={kind}|cl={content_length}", pp_p, n_nn,
        sd, f"{r}|{sd}", f"ce={content_end}", f"k={kind}|ce={content_end}", f"pw={pw}", f"nw={nw}", sw,
    ]
    conjoined = ["", r, s, cf, n, p, f"{s}|{cf}", pp_p, n_nn, sd, sw]
    return general, conjoined


def _rule_name(rule: str) -> str:
    """The rule's family for the model: 'en.before_content.said' -> 'before_content'."""
    name = rule.split(".")[1] if rule.count(".") else rule
    if len(_RULE_NAMES) < 10_000:  # rules are few (a family per cue word); the bound is for safety
        _RULE_NAMES[rule] = name
    return name


_RULE_NAMES: dict[str, str] = {}


def feature_names(word: str, general: list[str], conjoined: list[str]) -> list[str]:
    """The features of :func:`candidate_keys` by name, as the trainer sees them."""
    return general + [f"w={word}|{key}" if key else f"w={word}" for key in conjoined]


def candidate_features(text: str, candidate: Candidate, word: str, ratio: float, pronouns) -> list[str]:
    """The cue model's features of a candidate alone (without its place in the article), by name."""
    return feature_names(word, *candidate_keys(text, candidate, ratio, pronouns))


# where the phrase content of a stance or action cue ends: a new clause or a circumstance
PHRASE_END = re.compile(r"\s(?:but|while|after|because|although|though|whereas)\s|,\s")


def _phrase_end(text: str, content: Range) -> Range:
    """Content of a stance or action cue ("blasted the plan, ...") ends where a new clause or
    a circumstance begins: a comma, or a conjunction such as 'but', 'while' or 'after'."""
    start, end = content
    if CLAUSE_START.match(text, start, end):
        return content
    cut = PHRASE_END.search(text, start, end)
    if cut is None or cut.start() - start < 2:
        return content
    return _trim(text, start, cut.start())


# what may follow '“...,” said Trump' to the end of the sentence: a circumstance, with no
# clause or quotation of its own ('in his speech', 'on Tuesday', 'during a rally in Ohio')
CIRCUMSTANCE = re.compile(
    r"(?:in|on|at|during|after|before|from|via|with|to|last|this|earlier|later|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday)\b(?:[^.!?;“”\"]{0,80})[.!?]?$"
)
_CIRCUMSTANCE_CLAUSE = re.compile(r"\b(?:that|said|says|told)\b")

# words that open something other than the rest of a sentence interrupted by ', he said,'
_NOT_A_CONTINUATION = frozenset(
    "according citing who which whose whom when where as while after before because since although though "
    "and or so then than until unless adding noting".split()
)


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` of every TOKEN match in ``text[start:end]``."""
    # findall instead of a match object per token: TOKEN skips only whitespace (every other
    # character starts a token), so SPACED_TOKEN's groups are the whitespace before each token
    # and the token, and their lengths give the offsets
    tokens: list[tuple[int, int, str]] = []
    append = tokens.append
    position = start
    for space, token in SPACED_TOKEN.findall(text, start, end):
        first = position + len(space)
        position = first + len(token)
        append((first, position, token))
    return tokens


def _last_visible(text: str, start: int, end: int) -> str:
    """The last character of ``text[start:end]`` that is not a space ('' if there is none)."""
    end -= 1
    while end >= start and text[end].isspace():
        end -= 1
    return text[end] if end >= start else ""


def _trim(text: str, start: int, end: int) -> Range:
    """Range without surrounding spaces, commas and the sentence's final stop."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return start, end


def _word_before(text: str, start: int, end: int) -> str:
    r"""The word that ends ``text[start:end]`` just before its trailing whitespace ('' when the
    range does not end in whitespace after a word). What ``([^\W_]+)\s+$`` searched in the range
    finds, without the regex: its search tried every start in the range, each one scanning to
    the end ([^\W_] is str.isalnum, \s is str.isspace)."""
    chunk = text[start:end]
    stripped = chunk.rstrip()
    if len(stripped) == len(chunk) or not stripped:
        return ""
    # the word lies within the last run of non-spaces, which is most often a word itself
    last = stripped.rsplit(None, 1)[-1]
    if last.isalnum():
        return last
    first = len(last)
    while first and last[first - 1].isalnum():
        first -= 1
    return last[first:]


def _is_word(token: str) -> bool:
    return token[0].isalnum()


@dataclass(slots=True)
class _Paragraph:
    start: int
    end: int
    quotes: list[Quote]
    quote_starts: list[int]
    sentence_ends: list[int]

    def inside_quote(self, position: int) -> Quote | None:
        index = bisect.bisect_right(self.quote_starts, position) - 1
        if index >= 0:
            quote = self.quotes[index]
            if quote.closed and quote.start < position < quote.end - 1:
                return quote
        return None

    def closed_quotes_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """Closed quotations lying inside ``[start, end)``, found by bisection (a paragraph with
        thousands of quote marks must not cost a scan per attribution)."""
        low = bisect.bisect_left(self.quote_starts, start)
        high = bisect.bisect_left(self.quote_starts, end)
        return [(q.start, q.end) for q in self.quotes[low:high] if q.closed and q.end <= end]

    def quote_at(self, position: int) -> Quote | None:
        index = bisect.bisect_left(self.quote_starts, position)
        if index < len(self.quotes) and self.quotes[index].start == position:
            return self.quotes[index]
        return None

    def quote_ending_at(self, position: int) -> Quote | None:
        """The closed quotation whose closing mark ends at ``position``."""
        index = bisect.bisect_left(self.quote_starts, position) - 1
        while index >= 0:
            quote = self.quotes[index]
            if quote.closed and quote.end == position:
                return quote
            if quote.end < position:
                return None
            index -= 1
        return None

    def sentence(self, position: int) -> Range:
        index = bisect.bisect_right(self.sentence_ends, position)
        start = self.sentence_ends[index - 1] if index > 0 else self.start
        end = self.sentence_ends[index] if index < len(self.sentence_ends) else self.end
        return start, end


class EnglishFinder:
    def __init__(self, pack, text: str, min_ratio: float | None = None, use_model: bool = True,
                 model: CueModel | None = None, collect: bool = False):
        self.pack = pack
        self.grammar = grammar_for(pack, min_ratio)
        self.model = model if model is not None else self.grammar.model if use_model else None
        # without a model: the features of every candidate (all are kept). With ``collect``, a
        # trainer's view: (candidate, features, kept) for every candidate the grammar built, while
        # only the kept ones shape the rest of the article, exactly as in use.
        self.features: list[list[str]] = []
        self.collect = collect
        self.collected: list[tuple[Candidate, list[str], bool]] = []
        self.text = text
        # where each line starts: after every line break (one split, not a match object per line)
        self.paragraph_starts = list(itertools.accumulate((len(line) + 1 for line in text.split("\n")[:-1]), initial=0))
        self.paragraphs: dict[int, _Paragraph] = {}
        self._skip_key: tuple | None = None
        self._skip_result = 0
        self._found_marks: tuple | None = None

    # --- structure --------------------------------------------------------------------------
    def paragraph(self, position: int) -> _Paragraph:
        index = bisect.bisect_right(self.paragraph_starts, position) - 1
        paragraph = self.paragraphs.get(index)
        if paragraph is None:
            start = self.paragraph_starts[index]
            end = self.paragraph_starts[index + 1] - 1 if index + 1 < len(self.paragraph_starts) else len(self.text)
            paragraph = self._build_paragraph(start, end)
            self.paragraphs[index] = paragraph
        return paragraph

    def _marks(self) -> tuple[list[int], list[tuple[int, int, str]], list[int], list[tuple[int, int, bool]]]:
        """Quotation marks and sentence stops of the whole text, found once
        (one scan per paragraph cost more in calls than in characters). A paragraph's share is
        what a scan of the paragraph alone finds: neither pattern matches a line break, and a
        stop that ends a paragraph is followed by the line break its lookahead accepts."""
        if self._found_marks is None:
            text = self.text
            quotes = _quote_marks(text)
            stops = _sentence_stops(text)
            self._found_marks = ([q[0] for q in quotes], quotes, [s[0] for s in stops], stops)
        return self._found_marks

    def _build_paragraph(self, start: int, end: int) -> _Paragraph:
        text = self.text
        quote_starts, all_quotes, stop_starts, all_stops = self._found_marks or self._marks()
        low = bisect.bisect_left(quote_starts, start)
        high = bisect.bisect_left(quote_starts, end, low)
        quotes = _pair_marks(all_quotes[low:high], end) if low < high else []
        starts = [quote[0] for quote in quotes]
        ends: list[int] = []
        low = bisect.bisect_left(stop_starts, start)
        high = bisect.bisect_left(stop_starts, end, low)
        if low < high:
            abbreviations = self.grammar.abbreviations
            for stop_at, stop, full_stop in all_stops[low:high]:
                if full_stop and stop_at > start:
                    # the word before the stop: LAST_WORD, read without a regex call when the text is ASCII
                    window = text[stop_at - 12 if stop_at - 12 > start else start : stop_at]
                    if window.isascii():
                        word = window[len(window.rstrip(_ASCII_LETTERS_AND_STOP)) :]
                    else:
                        found = LAST_WORD.search(text, max(start, stop_at - 12), stop_at)
                        word = found.group() if found else ""
                    if word and (word.lower() in abbreviations or (len(word) == 1 and word.isupper())):
                        continue
                    # a stop closing a bracket before a lower-case word ends an abbreviation, not
                    # the sentence: "Sen. Bernie Sanders (I-Vt.) defended"
                    if stop < end and text[stop] == ")" and LOWER_NEXT.match(text, stop + 1, min(end, stop + 4)):
                        continue
                if quotes:
                    # _Paragraph.inside_quote, inline: this runs for every stop of a quoting paragraph
                    index = bisect.bisect_right(starts, stop_at) - 1
                    if index >= 0:
                        quote = quotes[index]
                        # a stop inside a quotation ends the sentence only where it also ends the quotation
                        # ('... “not at all likely.” Roughly two-thirds ...'), and a capital follows
                        if (quote.closed and quote.start < stop_at < quote.end - 1
                                and not (quote.end - stop <= 2 and
                                         CAPITAL_NEXT.match(text, quote.end, min(end, quote.end + 4)))):
                            continue
                while stop < end and text[stop] in _SENTENCE_CLOSERS:
                    stop += 1
                ends.append(stop)
        return _Paragraph(start, end, quotes, starts, ends)

    def sentence_around(self, paragraph: _Paragraph, position: int) -> Range:
        """The sentence holding ``position``, cut to a window around it: text with no sentence
        ends (a list, a table, markup) must not make every cue's work grow with the text."""
        start, end = paragraph.sentence(position)
        return max(start, position - _MAX_SENTENCE_CHARS), min(end, position + _MAX_SENTENCE_CHARS)

    # --- pieces around a cue ----------------------------------------------------------------
    def extend_cue_left(self, tokens: list, index: int) -> int:
        """Index of the first token of the cue: auxiliaries, adverbs and 'declined to' join it."""
        grammar = self.grammar
        while index > 0:
            word = tokens[index - 1][2].lower()
            if word in grammar.cue_left:
                index -= 1
            elif index > 1 and tokens[index - 2][2].lower() in grammar.cue_left and word.endswith("ly") \
                    and len(word) > 4 and word not in _LY_NOUNS and tokens[index - 1][2].islower():
                index -= 1  # an adverb between an auxiliary and the cue: 'can barely believe'
            elif word == "to" and index > 2 and tokens[index - 2][2].lower() == "on" \
                    and tokens[index - 3][2].lower() in ("went", "goes", "go", "going", "gone"):
                index -= 3  # 'Pence went on to say', 'The email goes on to say'
            elif word == "to" and index > 1 and _is_word(tokens[index - 2][2]) \
                    and tokens[index - 2][2].lower() not in grammar.subject_barrier \
                    and not tokens[index - 2][2][0].isupper():
                index -= 2
            else:
                break
        return index

    def quoted_as_saying(self, left: list) -> tuple[Range, Range | None] | None:
        """``(speaker, relay)`` of '<relay> quoted <speaker> as' ending ``left``, or None."""
        look = len(left) - 2
        while look > 0 and len(left) - look <= 10:
            word = left[look][2]
            if word.lower() in _QUOTING_WORDS:
                break
            if word in ".;:!?" or word in OPENING_QUOTES or word in CLOSING_QUOTES:
                return None
            look -= 1
        else:
            return None
        if look + 1 >= len(left) - 1:
            return None
        speaker = (left[look + 1][0], left[-2][1])
        relay = None
        subject = self.subject_before(left, look)
        if subject is not None:
            relay = (left[subject][0], left[look - 1][1])
        elif look > 1 and left[look - 1][2] == ",":
            relay = self.appositive_subject(left, look - 1)
        return speaker, relay

    def in_anonymity_clause(self, position: int) -> bool:
        """Whether ``position`` lies within a grant of anonymity ('who declined to be named')."""
        text = self.text
        start, end = max(0, position - 60), min(len(text), position + 90)
        if not _may_grant_anonymity(text, start, end):
            return False
        for found in ANONYMITY.finditer(text, start, end):
            if found.start() <= position < found.end():
                return True
        return False

    def anonymity_start(self, tokens: list, index: int) -> int:
        """Index of the first token of the grants of anonymity (with the comma before them) that
        end just before ``tokens[index]`` ('A source, who asked not to be named, said'), or
        ``index`` if none does."""
        if not _may_end_anonymity(tokens, index):
            return index
        last = index - 2 if tokens[index - 1][2] == "," else index - 1
        text = self.text
        end = tokens[last][1]
        if not _may_grant_anonymity(text, tokens[0][0], end):
            return index
        start = end
        for found in reversed(list(ANONYMITY.finditer(text, tokens[0][0], end))):
            if text[found.end() : start].strip(" ,"):
                break  # not next to the clause after it (or to the cue)
            start = found.start()
        if start == end:
            return index
        first = bisect.bisect_left(tokens, start, key=_token_start)
        while first > 0 and tokens[first - 1][2] == ",":
            first -= 1
        return first if first > 0 else index

    def adverb_start(self, tokens: list, index: int) -> int:
        """``index - 1`` when the token before ``tokens[index]`` is an adverb that the cue did not
        take in ('Republicans uniformly opposed', 'The union however rejected'), else ``index``."""
        if index < 2:
            return index
        word = tokens[index - 1][2]
        if word in _SENTENCE_ADVERBS or word.endswith("ly") and len(word) > 4 and word.islower() \
                and word not in _LY_NOUNS and tokens[index - 2][2].lower() not in self.grammar.noun_determiners:
            return index - 1
        return index

    def time_adjunct_start(self, tokens: list, index: int) -> int:
        """Index of the first token of a time adjunct that ends just before ``tokens[index]``
        ('on Monday', 'late Tuesday night', 'last week', 'earlier'), or ``index`` if none does."""
        time_words = self.grammar.time_words
        position = index
        while position > 0 and tokens[position - 1][2].lower() in time_words:
            position -= 1
        if position == index:
            return index
        if position > 0 and tokens[position - 1][2].lower() in _ADJUNCT_OPENERS:
            return position - 1
        first = tokens[position][2].lower()
        if first in _BARE_ADJUNCT_STARTS and (first not in ("last", "this") or index - position > 1):
            return position
        return index

    def subject_before(self, tokens: list, index: int) -> int | None:
        """Index of the first token of the noun phrase that ends just before ``tokens[index]``."""
        grammar = self.grammar
        first = None
        count = 0
        position = index - 1
        while position >= 0:
            word = tokens[position][2]
            if not _is_word(word):
                if word in "'’" and first is not None:  # a possessive: "the senator's office"
                    position -= 1
                    continue
                if word == "%" and first is None and position > 0 and tokens[position - 1][2][:1].isdigit():
                    first = position  # a share of those polled: "26% say", "Some 47% said"
                    position -= 1
                    count += 1
                    continue
                if word == "." and position > 0 and tokens[position - 1][2].lower() in grammar.abbreviations:
                    position -= 1  # "Mr. Putin", "Sen. Warren"
                    first = position
                    continue
                if first is None and position == index - 1 and (word == ")" or word in "—–"):
                    # an aside between the subject and its cue: "Sen. Bernie Sanders (I-Vt.)
                    # defended", "Jason Sims — a teacher from Mount Pleasant — says"
                    opener = "(" if word == ")" else word
                    back = position - 1
                    stops = ")" if opener == "(" else ".;:"  # a bracket may hold '.': "(I-Vt.)"
                    while back > 0 and position - back < 16 and tokens[back][2] != opener and tokens[back][2] not in stops:
                        back -= 1
                    if back > 0 and position - back > 1 and tokens[back][2] == opener and _is_word(tokens[back - 1][2]):
                        position = back - 1
                        continue
                break
            lower = word.lower()
            if lower in grammar.subject_barrier:
                if lower in ("of", "for", "at", "from", "in", "on", "with", "to") and first is not None \
                        and position > 0 and _is_word(tokens[position - 1][2]):
                    pass
                else:
                    break
            count += 1
            if count > grammar.max_subject_words:
                return None
            first = position
            position -= 1
        if first is None:
            return None
        # A subject does not open with a preposition taken in by the walk.
        while first < index and tokens[first][2].lower() in ("of", "for", "at", "from", "in", "on", "with", "to"):
            first += 1
        return first if first < index else None

    def sentence_subject(self, sentence: Range) -> Range | None:
        """The noun phrase that opens a sentence: its capitalised words, determiners or pronoun."""
        grammar = self.grammar
        tokens = _tokens(self.text, sentence[0], min(sentence[1], sentence[0] + _MAX_SUBJECT_CHARS))
        while tokens and tokens[0][2].lower() in _SENTENCE_CONJUNCTIONS:
            tokens = tokens[1:]  # 'But the senator ...', 'And Obama ...'
        if tokens and tokens[0][2].lower() in _INTRODUCTORY:
            # 'In a speech on Tuesday, the president ...': the subject follows the phrase's comma
            for index, token in enumerate(tokens[:14]):
                if token[2] == ",":
                    tokens = tokens[index + 1 :]
                    break
            else:
                return None
        start: int | None = None
        end: int | None = None
        determiner_end: int | None = None
        before_preposition: int | None = None  # the end before the last 'of' / 'for'
        last = ""  # the last word taken in, lower-cased
        for token_start, token_end, word in tokens:
            if not _is_word(word):
                if start is None and word in OPENING_QUOTES:
                    return None
                break
            lower = word.lower()
            if start is None:
                if lower in grammar.pronouns or lower in grammar.subject_openers or word[0].isupper():
                    start = token_start
                    end = token_end
                    if lower in grammar.noun_determiners:
                        determiner_end = token_end
                    if lower in grammar.pronouns:
                        break
                    continue
                return None
            if lower in ("of", "for"):
                before_preposition = end
                end = token_end
            elif word[0].isupper() or (lower not in grammar.subject_barrier and len(tokens) and end is not None and lower.endswith(("er", "or", "ist", "man", "woman", "s"))):
                end = token_end
            elif end == determiner_end and lower not in grammar.subject_barrier:
                end = token_end  # the noun after a determiner: 'the coach', whatever its ending
            elif last in ("of", "for") and lower in grammar.noun_determiners:
                end = determiner_end = token_end  # 'A spokesman for the Israel Defense Forces'
            else:
                break
            last = lower
        if last in ("of", "for") or last in grammar.noun_determiners and before_preposition is not None \
                and end == determiner_end:
            end = before_preposition  # 'A spokesman for' ends before its preposition
        return (start, end) if start is not None and end is not None else None

    def skip_tail(self, position: int, limit: int, object_verb: bool) -> int:
        """Position after an object and phrases such as 'in a statement' that follow a cue."""
        key = (position, limit, object_verb)
        if key == self._skip_key:  # a cue's rules ask the same question two or three times
            return self._skip_result
        self._skip_key = key
        self._skip_result = self._skip_tail(position, limit, object_verb)
        return self._skip_result

    def _skip_tail(self, position: int, limit: int, object_verb: bool) -> int:
        text = self.text
        grammar = self.grammar
        if not object_verb:
            first = FIRST_WORD.match(text, position, limit)
            if first is None or first.group(1).lower() not in grammar.cue_tail_starts:
                return position  # nothing to skip: the common case, decided without tokenising
        tokens = _tokens(text, position, min(limit, position + 100))
        index = 0
        moved = True
        while moved and index < len(tokens):
            moved = False
            lowered = [t[2].lower() for t in tokens[index : index + 6]]
            for phrase in grammar.cue_tails_by_start.get(lowered[0], ()):
                if tuple(lowered[: len(phrase)]) == phrase:
                    if phrase == ("in",) and (len(lowered) < 2 or lowered[1] not in ("a", "an", "his", "her", "their")):
                        continue
                    index += len(phrase)
                    # "in an interview with CNN", "in a statement from her office"
                    if index < len(tokens) and tokens[index][2].lower() in ("with", "from", "to", "by", "on") and phrase[0] == "in":
                        index += 1
                        # "in an email to staff that ...", "in a statement from her office:": a few
                        # words up to what opens the content; else only a name ("with CNN")
                        look = index
                        while look < len(tokens) and look - index < 4 and _is_word(tokens[look][2]) \
                                and tokens[look][2].lower() != "that":
                            look += 1
                        if look > index and look < len(tokens) and (tokens[look][2].lower() == "that" or tokens[look][2] in ",:"
                                                                    or tokens[look][2] in OPENING_QUOTES):
                            index = look
                        while index < len(tokens) and _is_word(tokens[index][2]) and tokens[index][2][0].isupper():
                            index += 1
                    moved = True
                    break
        if object_verb and index < len(tokens):
            # "told reporters", "told The Associated Press on Tuesday", "urged Congress to"
            look = index
            while look < len(tokens) and look - index < 7:
                word = tokens[look][2]
                lower = word.lower()
                if not _is_word(word) or lower in ("that", "to", "about", "of", "how", "what", "why", "whether", "if", "he", "she", "they", "it", "we", "i"):
                    break
                look += 1
            if look < len(tokens) and look > index:
                word = tokens[look][2]
                if word in ",:" or word in OPENING_QUOTES or word.lower() in ("that", "how", "what", "why", "whether", "if", "about", "of", "to", "he", "she", "they", "it", "we", "i"):
                    index = look
        if index >= len(tokens):
            return limit if tokens else position
        return tokens[index][0] if index else position

    def object_before_clause(self, position: int, limit: int) -> int:
        """Where the clause starts after a short object with no 'that' between: 'told reporters
        | the talks had stalled', 'told Reuters | the', 'told us | the', 'told The Associated
        Press | he'. The object is a pronoun, a capitalised name or a plural noun; the clause
        must open with a determiner, a pronoun or a capitalised word (not a number: 'told Fox
        News 6 in Milwaukee')."""
        tokens = _tokens(self.text, position, min(limit, position + 80))
        if len(tokens) < 2:
            return position
        word = tokens[0][2]
        lower = word.lower()
        end = 0
        if lower in _OBJECT_PRONOUNS or (_is_word(word) and looks_plural(word)):
            end = 1
        else:
            if lower == "the" and len(tokens) > 1 and tokens[1][2][:1].isupper():
                end = 1
            while end < len(tokens) and end < 5 and _is_word(tokens[end][2]) and tokens[end][2][:1].isupper():
                end += 1
            if end == 0 or end == len(tokens) or not tokens[end - 1][2][:1].isupper():
                return position
        if end >= len(tokens):
            return position
        following = tokens[end][2]
        opens = following.lower() in self.grammar.noun_determiners or following.lower() in self.grammar.pronouns \
            or following[:1].isupper()
        return tokens[end][0] if opens and _is_word(following) else position

    def quote_run(self, paragraph: _Paragraph, quote: Quote) -> list[Range]:
        """A quotation and, when it is left open, its continuation paragraphs (news convention)."""
        runs = [(quote.start, quote.end)]
        current = paragraph
        last = quote
        guard = 0
        while not last.closed and current.end < len(self.text) and guard < 20:
            guard += 1
            following = self.paragraph(current.end + 1)
            first = regex.match(r"\s*", self.text[following.start : following.start + 20]).end() + following.start
            opener = following.quote_at(first)
            if opener is None:
                break
            runs.append((opener.start, opener.end))
            current, last = following, opener
        return runs

    # --- candidates -------------------------------------------------------------------------
    def content_after(self, paragraph: _Paragraph, position: int, sentence_end: int):
        """``(content, quotes, kind)`` for content that follows the cue, or None."""
        text = self.text
        if sentence_end == paragraph.end and _last_visible(text, position, sentence_end) == ":":
            found = self.quote_below(paragraph)
            if found is not None:
                return found
        while position < sentence_end and (text[position].isspace() or text[position] in ",:—–"):
            position += 1
        if position >= sentence_end:
            return None
        quote = paragraph.quote_at(position)
        if quote is not None:
            runs = self.quote_run(paragraph, quote)
            end = quote.end
            # "“A,” he said. “B.”" style follow-on quotes stay separate; a quote that ends
            # mid-sentence continues as mixed content up to the sentence end.
            if quote.closed and quote.end < sentence_end and text[quote.end : sentence_end].strip(" .,") and \
                    text[quote.end : sentence_end].strip()[:1] not in ",.":
                start, end = _trim(text, position, sentence_end)
                return (start, end), [r for r in runs], "mixed"
            return (runs[0][0], runs[-1][1]), runs, "direct"
        start, end = _trim(text, position, sentence_end)
        if end - start < 2:
            return None
        quotes = paragraph.closed_quotes_within(start, end + 1)
        if quotes and quotes[-1][1] > end:
            end = quotes[-1][1]
        return (start, end), quotes, "mixed" if quotes else "indirect"

    def next_paragraph(self, paragraph: _Paragraph) -> _Paragraph | None:
        """The paragraph below, over one empty line."""
        if paragraph.end >= len(self.text):
            return None
        following = self.paragraph(paragraph.end + 1)
        if following.start == following.end or not self.text[following.start : following.end].strip():
            if following.end >= len(self.text):
                return None
            following = self.paragraph(following.end + 1)
        return following

    def open_quotes_above(self, paragraph: _Paragraph, mark: str) -> list[Range]:
        """The paragraphs above ``paragraph`` that are each one quotation left open (in text
        order): the earlier parts of a quotation that ``paragraph``'s quotation closes. Each
        opens with the same ``mark``: a stray straight quote opening a paragraph of narrative
        above a quotation in curly marks is no part of it."""
        runs: list[Range] = []
        current = paragraph
        while len(runs) < 20 and current.start > 0:
            above = self.paragraph(current.start - 1)
            if above.start == above.end or not self.text[above.start : above.end].strip():
                if above.start == 0:
                    break
                above = self.paragraph(above.start - 1)  # over one empty line
            opener = self.opening_quote(above)
            if opener is None or opener.closed or above.start >= current.start or self.text[opener.start] != mark:
                break
            runs.insert(0, (opener.start, opener.end))
            current = above
        return runs

    def opening_quote(self, paragraph: _Paragraph) -> Quote | None:
        """The quotation that opens a paragraph, after any leading spaces."""
        first = paragraph.start
        while first < paragraph.end and self.text[first].isspace():
            first += 1
        return paragraph.quote_at(first)

    def quote_below(self, paragraph: _Paragraph):
        """'... said in a statement:' closing a paragraph introduces the quotation that opens the next."""
        following = self.next_paragraph(paragraph)
        if following is None:
            return None
        quote = self.opening_quote(following)
        if quote is None:
            return None
        runs = self.quote_run(following, quote)
        return (runs[0][0], runs[-1][1]), runs, "direct"

    def content_before(self, paragraph: _Paragraph, sentence_start: int, boundary: int):
        """``(content, quotes, kind)`` for content that precedes the speaker and cue."""
        text = self.text
        start, end = _trim(text, sentence_start, boundary)
        if start == paragraph.start or not text[paragraph.start : start].strip():
            dateline = DATELINE.match(text, start, end)
            if dateline is not None:
                start = dateline.end()
        if end - start < 2:
            return None
        quote = paragraph.quote_ending_at(end)
        if quote is not None and quote.start >= start:
            quotes = paragraph.closed_quotes_within(start, end)
            if quote.start == start or all(text[a:b].strip() in "" for a, b in [(start, quote.start)]):
                runs = [(quote.start, quote.end)]
                if not text[paragraph.start : quote.start].strip():
                    # the quote may continue a quotation opened (and left open) in the paragraphs
                    # above: news opens each paragraph of a long quotation and closes only the last
                    runs = self.open_quotes_above(paragraph, text[quote.start]) + runs
                return (runs[0][0], quote.end), runs, "direct"
            return (start, end), quotes, "mixed"
        quotes = paragraph.closed_quotes_within(start, end)
        return (start, end), quotes, "mixed" if quotes else "indirect"

    def following_quote(self, paragraph: _Paragraph, position: int, sentence_end: int) -> Quote | None:
        """The second half of a split quotation: '“A,” he said, “B.”'."""
        text = self.text
        stop = min(paragraph.end, position + 4)
        while position < stop and (text[position].isspace() or text[position] in ",:"):
            position += 1
        quote = paragraph.quote_at(position)
        return quote

    def speaker_after(self, tokens: list, index: int) -> tuple[int, int] | None:
        """Token range of the speaker after an inverted cue: '..., said Peskov, the spokesman.'"""
        grammar = self.grammar
        first = index
        position = index
        while position < len(tokens) and position - first < grammar.max_subject_words:
            word = tokens[position][2]
            if not _is_word(word):
                break
            lower = word.lower()
            if (lower in grammar.subject_barrier and lower not in ("of", "for") or lower == "that") and not (
                    word[0].isupper() and position > first and tokens[position - 1][2][0].isupper()):
                break
            position += 1
            # "Mr. Brown", "Edwin M. Truman": a full stop after an abbreviation or initial
            if position + 1 < len(tokens) and tokens[position][2] == "." and tokens[position][0] == tokens[position - 1][1] \
                    and (lower in grammar.abbreviations or (len(word) == 1 and word.isupper())):
                position += 1
        if position == first:
            return None
        first_word = tokens[first][2]
        if not (first_word[0].isupper() or first_word.lower() in grammar.subject_openers):
            return None
        end = position
        # an age before the appositive: ", said Gloria Hernandez, 62, a retired teacher."
        if position + 3 < len(tokens) and tokens[position][2] == "," and tokens[position + 1][2].isdigit() \
                and tokens[position + 2][2] == ",":
            position += 2
        # an appositive: ", said Dmitry Peskov, the Kremlin spokesman.", ", said Diane Swonk, chief
        # economist at KPMG." (without a determiner it must hold a title: not ", adding that")
        if position + 1 < len(tokens) and tokens[position][2] == ",":
            opener = tokens[position + 1][2].lower()
            look = position + 1
            while look < len(tokens) and _is_word(tokens[look][2]) and look - position < 9:
                look += 1
            titled = opener[:1].islower() and opener not in grammar.subject_barrier and not opener.endswith("ing") \
                and opener not in grammar.cues and any(t[2].lower() in grammar.titles for t in tokens[position + 1 : look])
            if (opener in ("the", "a", "an") or titled) and (look >= len(tokens) or tokens[look][2] in ".,;"):
                end = look
        return first, end

    def verb(self, match, paragraph: _Paragraph, confidence: float, previous: Candidate | None):
        text = self.text
        grammar = self.grammar
        speaker: Range | None
        cue_start, cue_end = match.span()
        # cheap refusals first, before any tokenising: a noun after a determiner ("the report",
        # "his claim"), and "refused to say", where the later cue word takes the whole phrase
        if _word_before(text, max(0, cue_start - 12), cue_start).lower() in grammar.noun_determiners:
            return None
        following = TO_WORD_AFTER.match(text, cue_end, min(len(text), cue_end + 30))
        if following is not None and following.group(1).lower() in grammar.cues:
            return None
        compound = grammar.compounds.get(match.group().lower())
        if compound is not None:
            after = FIRST_WORD.match(text, cue_end, min(len(text), cue_end + 30))
            if after is not None and after.start(1) == cue_end + 1 and after.group(1).lower() in compound \
                    and _word_before(text, max(0, cue_start - 12), cue_start).lower() not in grammar.pronouns:
                return None  # "the think tank said": a noun, not a cue ("they think tanks ...": a verb)
        if NOT_A_STATEMENT_AFTER.match(text, cue_end, min(len(text), cue_end + 60)):
            return None  # "was quoted as saying" is taken at "saying"; "asked not to be named" is no statement
        word = match.group().lower()
        if word in _ANONYMITY_CUES and self.in_anonymity_clause(cue_start):
            return None  # "declined to be identified", "spoke on condition of anonymity"
        if word in _QUOTING_WORDS and QUOTED_AS_SAYING.match(text, cue_end, min(len(text), cue_end + 160)):
            return None  # "KCNA quoted Kim as saying ...": taken at "saying"
        sentence_start, sentence_end = self.sentence_around(paragraph, cue_start)
        left = _tokens(text, max(sentence_start, cue_start - 140), cue_start)
        if match.group()[0].isupper() and left and _is_word(left[-1][2]) and left[-1][2][0].isupper():
            following_word = FIRST_WORD.match(text, cue_end, min(sentence_end, cue_end + 40))
            if not (following_word and following_word.start(1) == cue_end + 1 and following_word.group(1)[0].isupper()):
                return None  # part of a name ("Omar Said"), unless the line is in title case
        first_cue = len(left)
        relay = None
        relay_end = cue_end
        # "Putin was quoted as saying by RIA that ...": speaker Putin, relayed by RIA
        if word == "saying" and len(left) >= 2 and left[-1][2].lower() == "as" and left[-2][2].lower() == "quoted":
            first_cue = len(left) - 2
            by = BY_RELAY.match(text, cue_end, sentence_end)
            if by is not None:
                relay, relay_end = by.span(1), by.end(1)
        elif word == "saying" and len(left) >= 3 and left[-1][2].lower() == "as":
            # "KCNA quoted Kim Jong Un as saying ...": speaker Kim Jong Un, relayed by KCNA
            relayed = self.quoted_as_saying(left)
            if relayed is not None:
                found = self.content_after(paragraph, cue_end, sentence_end)
                if found is None:
                    return None
                content, quotes, kind = found
                speaker, relay = relayed
                return Candidate(kind, f"en.before_content.{word}", (left[-1][0], cue_end), content, quotes,
                                 speaker, relay=relay, confidence=confidence)
        # the speaker ends before a grant of anonymity ('A source who asked not to be named said'
        # -> A source), which keeps its adverbs ('... to speak publicly said': not 'publicly said')
        # (anonymity_start is asked only where the word before could end such a grant)
        anonymity = self.anonymity_start(left, first_cue) if _may_end_anonymity(left, first_cue) else first_cue
        if anonymity == first_cue:
            first_cue = anonymity = self.extend_cue_left(left, first_cue)
            if _may_end_anonymity(left, first_cue):
                anonymity = self.anonymity_start(left, first_cue)
        if first_cue < len(left):
            cue_start = left[first_cue][0]
        before = left[first_cue - 1][2] if first_cue > 0 else None
        # and before an adverb in -ly ('The Senate narrowly passed') and a time adjunct ('The
        # Kremlin on Monday denied' -> The Kremlin)
        subject_end = self.time_adjunct_start(left, self.adverb_start(left, anonymity))
        if subject_end == first_cue:
            subject = self.subject_before(left, first_cue)
        else:
            subject = self.subject_before(left, subject_end)
            if subject is None:
                # nothing before a grant of anonymity: the usual search; nothing before an adverb
                # or a time adjunct: they are no speaker ('..., 27, practically pleaded')
                subject_end = first_cue
                if anonymity < first_cue:
                    subject = self.subject_before(left, first_cue)
        if subject is None and before == "," and first_cue > 2:
            # a speaker with an appositive after the content: '“...,” Chuck Schumer, the majority
            # leader, told reporters.' is content first, like '“...,” Schumer told reporters.'
            apposed = self.appositive_subject(left, first_cue - 1)
            if apposed is not None:
                first = bisect.bisect_left(left, apposed[0], key=_token_start)
                if 0 < first < first_cue - 1 and (left[first - 1][2] == "," or left[first - 1][2] in CLOSING_QUOTES):
                    subject, subject_end = first, first_cue - 1
        object_verb = word in grammar.object_verbs
        kind = None

        # A quotation right after the cue ('Adelson said, “...”') is the content, unless the
        # content before the cue is itself a quotation (the first half of a split quotation).
        quote_follows = self.quote_follows(paragraph, cue_end, sentence_end, object_verb)

        # 1. inversion after content: '“...,” said Peskov.' / '..., says the report.' (not after a
        # relative clause: 'The union, which represents 3,500 farmers, disputed the figure.')
        if subject is None and before is not None and (before == "," and not quote_follows
                                                       and not _after_relative_clause(left, first_cue - 1)
                                                       or before in CLOSING_QUOTES):
            right = _tokens(text, cue_end, min(sentence_end, cue_end + 120))
            span = self.speaker_after(right, 0)
            if span is not None:
                after_speaker = right[span[1] - 1][1]
                rest = text[after_speaker:sentence_end].strip()
                boundary = left[first_cue - 1][0] if before == "," else left[first_cue - 1][1]
                if before in CLOSING_QUOTES and first_cue > 1 and left[first_cue - 2][2] == ",":
                    boundary = left[first_cue - 1][1]
                if not rest or rest[0] in ".,;!?" or (CIRCUMSTANCE.match(rest) and not _CIRCUMSTANCE_CLAUSE.search(rest)):
                    found = self.content_before(paragraph, sentence_start, boundary)
                    if found:
                        content, quotes, kind = found
                        speaker = (right[span[0]][0], right[span[1] - 1][1])
                        return self._with_split(Candidate(kind, f"en.inverted.{word}", (cue_start, cue_end), content, quotes,
                                                          speaker, confidence=confidence), paragraph, after_speaker, sentence_end)

        # 2. content first, then speaker and cue: '“...,” Peskov said.' / '..., officials said.'
        if subject is not None and subject > 0:
            mark = left[subject - 1][2]
            if (mark == "," or mark in "—–") and not quote_follows or mark in CLOSING_QUOTES:
                tail = self.skip_tail(cue_end, sentence_end, object_verb)
                rest = text[tail:sentence_end].strip()
                # after a closing quote, what follows the cue is circumstance ("Rubio said Dec. 6
                # on CNN"), unless it opens a clause or a quotation of its own
                after_quote = mark in CLOSING_QUOTES and paragraph.quote_ending_at(left[subject - 1][1]) is not None
                if not rest or rest[0] in ".,;!?" or rest[0] in OPENING_QUOTES or (
                        after_quote and not CLAUSE_START.match(rest)):
                    boundary = left[subject - 1][0] if mark in ",—–" else left[subject - 1][1]
                    found = self.content_before(paragraph, sentence_start, boundary)
                    if found and found[2] != "direct" and mark == "," and rest[:1] == ",":
                        found = self.parenthetical(paragraph, found, tail, sentence_end)
                    if found:
                        content, quotes, kind = found
                        speaker = (left[subject][0], left[subject_end - 1][1])
                        candidate = Candidate(kind, f"en.after_content.{word}", (cue_start, cue_end), content, quotes,
                                              speaker, confidence=confidence)
                        return self._with_split(candidate, paragraph, tail, sentence_end)

        # 2b. '“Are you sure?” Sanders said.': the quotation's own ? or ! ended the sentence
        if subject == 0 and not text[sentence_start : left[0][0]].strip() and not quote_follows:
            closed = self.after_closed_sentence(paragraph, sentence_start, (left[0][0], left[subject_end - 1][1]),
                                                cue_start, cue_end, word, confidence, sentence_end, object_verb)
            if closed is not None:
                return closed

        # 3. speaker, cue, content: 'Peskov said (that) ...'
        speaker = None
        hint: Literal["previous", "anonymous"] | None = None
        antecedent = None
        if before is not None and before.lower() in _RELATIVE_PRONOUNS and (subject is None or subject == first_cue - 1):
            # 'Peskov, who said ...', 'a statement, which said ...', 'the union that warned ...':
            # the pronoun is the speaker, and it stands for the noun phrase before it
            antecedent = self.relative_antecedent(left, first_cue - 1)
            if antecedent is not None:
                subject, subject_end = first_cue - 1, first_cue
        if subject is not None:
            speaker = (left[subject][0], left[subject_end - 1][1])
        elif before == ",":
            speaker = self.appositive_subject(left, first_cue - 1)
        unnamed = False  # no speaker to look for: nobody is named as saying it
        clause_end = None
        if speaker is None and before is None and word.endswith("ing"):
            # 'Speaking to reporters, the minister warned ...', 'Citing obligations, the
            # spokeswoman ...': an opening participle's subject is the main clause's
            comma = text.find(",", cue_end, sentence_end)
            main = self.sentence_subject((comma + 1, sentence_end)) if comma > 0 else None
            if main is not None and main[0] > comma:
                speaker, clause_end = main, comma
        elif speaker is None and before is None and word.endswith("ed"):
            # 'Asked whether a cut was possible, Powell said ...': whoever asked is not named (the
            # one who answers is the main clause's speaker, not this cue's)
            unnamed = True
        topic = None
        if self.agentless(cue_start, cue_end, word, subject, left):
            # 'The judge is said to be considering ...', 'It is believed that ...': nobody named
            # says it, and what the sentence is about is not the speaker but part of the content
            if speaker is not None and text[speaker[0]:speaker[1]].lower() != "it":
                topic = speaker[0]
            speaker, subject, unnamed, hint = None, None, True, "anonymous"
        elif self.unsourced(cue_start, cue_end, word):
            # 'The plan seems to be working', 'Trump was asked about ...': nobody is named as saying
            # it; the subject of 'seems' is what the sentence is about, the one asked is not
            if speaker is not None and word != "asked" and text[speaker[0]:speaker[1]].lower() != "it":
                topic = speaker[0]
            speaker, subject, unnamed = None, None, True
        if speaker is None and not unnamed and (before in (",", "and", "but", None) or word.endswith("ing")):
            if previous is not None and previous.speaker and previous.cue[0] >= sentence_start:
                speaker = previous.speaker
            else:
                speaker = self.sentence_subject((sentence_start, sentence_end))
                if speaker is not None and speaker[1] > cue_start:
                    speaker = None
            hint = "previous"
        start = self.skip_tail(relay_end, sentence_end, object_verb)
        if start == relay_end and word in grammar.clause_object_verbs:
            start = self.object_before_clause(start, sentence_end)
        found = self.content_after(paragraph, start, sentence_end)
        if found is None:
            return self.after_quote_with_long_speaker(paragraph, sentence_start, cue_start, cue_end, word,
                                                      confidence, sentence_end)
        content, quotes, kind = found
        if kind == "indirect" and word not in grammar.speech_forms:
            content = _phrase_end(text, content)
        if topic is not None:
            content = (topic, content[1])  # 'The judge ... to be considering a request'
        if clause_end is not None and content[0] < clause_end < content[1]:
            content = _trim(text, content[0], clause_end)  # the participle's clause ends at its comma
        if antecedent is not None and kind == "indirect" and first_cue > 1 and left[first_cue - 2][2] == ",":
            # 'Peskov, who said the talks had stalled, left early': the clause ends at its comma
            comma = text.find(", ", content[0], content[1])
            if comma > content[0]:
                content = (content[0], comma)
        return Candidate(kind, f"en.before_content.{word}", (cue_start, cue_end), content, quotes, speaker,
                         relay=relay, confidence=confidence, speaker_hint=hint if speaker is None else None,
                         antecedent=antecedent)

    def opens_with_be(self, cue_start: int) -> bool:
        """Whether the cue (with what extend_cue_left took in) opens with a finite 'be': a passive."""
        return self.text[cue_start : cue_start + 5].split(" ", 1)[0].lower() in ("is", "are", "was", "were")

    def unsourced(self, cue_start: int, cue_end: int, word: str) -> bool:
        """A cue with no source at all: an evidential 'seem' or 'appear' followed by 'to', 'that',
        'as' or 'like' ('The plan seems to be working'), or a passive 'asked' ('Trump was asked
        about ...': whoever asked is not named)."""
        if word in _EVIDENTIALS:
            if word.startswith("seem"):
                return True  # 'The plan seems unlikely to pass'
            after = FIRST_WORD.match(self.text, cue_end, min(len(self.text), cue_end + 20))
            return after is not None and after.group(1).lower() in ("to", "that", "as", "like")
        return word == "asked" and self.opens_with_be(cue_start)

    def agentless(self, cue_start: int, cue_end: int, word: str, subject: int | None, left: list) -> bool:
        """A passive cue with no agent: a form of 'be' taken into the cue, one of the participles
        news uses so ('said', 'believed', 'expected' ...), then 'to' ('is said to be') or, after a
        dummy 'it', 'that' ('It is believed that')."""
        if word not in _AGENTLESS_PARTICIPLES or not self.opens_with_be(cue_start):
            return False
        after = FIRST_WORD.match(self.text, cue_end, min(len(self.text), cue_end + 20))
        following = after.group(1).lower() if after is not None else ""
        if following == "to" or following == "as" and word in _SEEN_AS:
            return True  # 'is said to be', 'is seen as a moderate'
        return following == "that" and subject is not None and left[subject][2].lower() == "it"

    def relative_antecedent(self, tokens: list, pronoun: int) -> Range | None:
        """The noun phrase a relative pronoun stands for: 'Dmitry Peskov' in 'Dmitry Peskov, who
        said', 'the union' in 'It was the union that warned'. None when there is none (a
        sentence opening with 'That')."""
        end = pronoun - 1 if pronoun > 0 and tokens[pronoun - 1][2] == "," else pronoun
        if end <= 0 or not _is_word(tokens[end - 1][2]):
            return None
        first = self.subject_before(tokens, end)
        if first is None:
            return None
        # the walk back may take in a verb: 'The ministry issued a statement, which' -> 'a
        # statement' (the last determiner not after a preposition: 'the head of the union' stays)
        determiners = self.grammar.noun_determiners
        for position in range(end - 1, first, -1):
            if tokens[position][2].lower() in determiners and tokens[position - 1][2].lower() not in _PREPOSITIONS:
                first = position
                break
        return tokens[first][0], tokens[end - 1][1]

    def parenthetical(self, paragraph: _Paragraph, found, tail: int, sentence_end: int):
        """'The plan, he said, would fail.': a speaker and cue set off by commas inside the
        sentence report all of it, the part after them too; '..., he said, adding that ...' and
        '..., he said, who ...' open something else."""
        text = self.text
        after = FIRST_WORD.match(text, tail, sentence_end)
        if after is None:
            return found
        word = after.group(1).lower()
        if word.endswith("ing") or word in self.grammar.cues or word in _NOT_A_CONTINUATION:
            return found
        content, quotes, kind = found
        end = _trim(text, after.start(1), sentence_end)[1]
        if end - after.start(1) < 8:
            return found
        quotes = paragraph.closed_quotes_within(content[0], end + 1)
        return (content[0], end), quotes, "mixed" if quotes else "indirect"

    def after_closed_sentence(self, paragraph, sentence_start, speaker, cue_start, cue_end, word, confidence,
                              sentence_end, object_verb) -> Candidate | None:
        """A quotation that closes a sentence of its own right before 'X said.'"""
        text = self.text
        rest = text[self.skip_tail(cue_end, sentence_end, object_verb):sentence_end].strip()
        if rest and rest[0] not in ".!?":
            return None
        position = sentence_start
        while position > paragraph.start and text[position - 1].isspace():
            position -= 1
        quote = paragraph.quote_ending_at(position)
        if quote is None or text[quote.start : quote.end].rstrip(CLOSING_QUOTES)[-1:] not in ("?", "!", "."):
            return None
        candidate = Candidate("direct", f"en.after_content.{word}", (cue_start, cue_end), (quote.start, quote.end),
                              [(quote.start, quote.end)], speaker, confidence=confidence)
        return self._with_split(candidate, paragraph, cue_end, sentence_end)

    def quote_follows(self, paragraph: _Paragraph, cue_end: int, sentence_end: int, object_verb: bool) -> bool:
        """Whether a quotation opens right after the cue (and its object or circumstance)."""
        if not paragraph.quotes:
            return False  # quote_at finds nothing, and skip_tail is pure: no need to ask it here
        text = self.text
        position = self.skip_tail(cue_end, sentence_end, object_verb)
        stop = min(sentence_end, position + 4)
        while position < stop and (text[position].isspace() or text[position] in ",:"):
            position += 1
        return position < sentence_end and paragraph.quote_at(position) is not None

    def after_quote_with_long_speaker(self, paragraph, sentence_start, cue_start, cue_end, word, confidence,
                                      sentence_end) -> Candidate | None:
        """'“...,” the union leader, Gary Holt, said.': nothing follows the cue, and a quotation
        ends a few words before it; those words are the speaker, commas and all."""
        text = self.text
        index = bisect.bisect_left(paragraph.quote_starts, cue_start) - 1
        if index < 0:
            return None
        quote = paragraph.quotes[index]
        if not quote.closed or quote.start < sentence_start or quote.end >= cue_start:
            return None
        speaker = _trim(text, quote.end, cue_start)
        words = len(TOKEN.findall(text, *speaker))
        if not 0 < words <= 14 or any(mark in text[speaker[0] : speaker[1]] for mark in "“\".;:"):
            return None
        candidate = Candidate("direct", f"en.after_content.{word}", (cue_start, cue_end), (quote.start, quote.end),
                              [(quote.start, quote.end)], speaker, confidence=confidence)
        return self._with_split(candidate, paragraph, cue_end, sentence_end)

    def _with_split(self, candidate: Candidate, paragraph: _Paragraph, position: int, sentence_end: int) -> Candidate:
        """Add the second half of a split quotation ('“A,” he said, “B.”') and the quotation that
        opens the next sentence when nobody else is named for it ('“A,” he said. “B.”')."""
        text = self.text
        if candidate.kind != "direct" and not (candidate.kind == "mixed" and candidate.quotes and
                                               candidate.quotes[-1][1] >= candidate.content[1]):
            return candidate  # 'Yet he is a “change agent,” Cole said. “B.”' continues too
        quote = self.following_quote(paragraph, position, sentence_end)
        where = paragraph
        if quote is None:
            stop = sentence_end
            while stop < paragraph.end and (text[stop].isspace() or text[stop] in ".!?"):
                stop += 1
            if stop < paragraph.end:
                quote = paragraph.quote_at(stop)
            else:
                # '“A,” Adelson said during the interview.' closing its paragraph, and a
                # paragraph that is one quotation, naming nobody, below it
                following = self.next_paragraph(paragraph)
                if following is not None:
                    where = following
                    quote = self.opening_quote(following)
            if quote is not None and quote.closed:
                if where is paragraph:
                    # the sentence holding the quotation's last character: "“B,” she said" has its own speaker
                    after = text[quote.end : where.sentence(quote.end - 1)[1]].strip(" .,!?")
                else:
                    after = text[quote.end : where.end].strip()
                if after:
                    quote = None
        if quote is not None and quote.start > candidate.content[1]:
            runs = self.quote_run(where, quote)
            candidate.quotes = [*candidate.quotes, *runs]
            candidate.content = (candidate.content[0], runs[-1][1])
        return candidate

    def appositive_subject(self, tokens: list, comma: int) -> Range | None:
        """'Dmitry Peskov, the Kremlin spokesman, said': the name and its appositive."""
        # the segment between this comma and the one before it
        position = comma - 1
        while position >= 0 and comma - position < 16:
            mark = tokens[position][2]
            if mark == "," and _thousands_comma(tokens, position):
                position -= 1  # '1,200': not a comma of the sentence
                continue
            if mark in (",", ";", ":") or mark == "." and not (
                    position > 0 and (len(tokens[position - 1][2]) == 1 and tokens[position - 1][2].isupper()
                                      or tokens[position - 1][2].lower() in self.grammar.abbreviations
                                      or "." in tokens[position - 1][2])):
                break  # a full stop ends the segment, unless it ends an initial ('Ana M. Ortiz') or
                # an abbreviation ('D-N.Y.')
            position -= 1
        if position < 0 or tokens[position][2] != ",":
            return None
        segment_first = position + 1
        if segment_first >= comma:
            return None
        # 'Rep. Jason Chaffetz, R-Utah, said': a party and state after a name, like an age
        if _PARTY_STATE.match(self.text, tokens[segment_first][0], tokens[comma - 1][1]):
            name = self.subject_before(tokens, position)
            return (tokens[name][0], tokens[comma - 1][1]) if name is not None else None
        # 'Ukraine's foreign minister, Dmytro Kuleba, warned': a role, then the name
        if self._is_name(tokens, segment_first, comma):
            role = self.subject_before(tokens, position)
            if role is None:
                return None
            last = tokens[position - 1][2]
            # a role ends in a common noun ('the foreign minister', 'secretary-general'), or
            # holds a title before the body it serves ('A spokesman for the Israel Defense Forces');
            # a place does neither ('In Nairobi, Peter Kamau, a trader')
            common = last.replace("-", "").isalpha() and last.islower() and last not in self.grammar.pronouns
            # (after a capitalised word, a one-word segment is a place: '... from Houston, Texas,')
            if not common and (comma - segment_first < 2
                               or not any(token[2].lower() in self.grammar.titles for token in tokens[role:position])):
                return None
            return tokens[role][0], tokens[comma - 1][1]
        opener = tokens[segment_first][2].lower()
        if not (opener in ("who", "whose", "which") or opener in self.grammar.subject_openers or
                tokens[segment_first][2][0].islower() or opener.isdigit()):
            return None
        if opener not in ("who", "whose", "which") and self._is_clause(tokens, segment_first, comma):
            return None  # ', the president warned that ...,' is a clause of its own, no appositive
        name = self.subject_before(tokens, position)
        if name is None or name > 0 and tokens[name - 1][2][0].isupper() and tokens[name - 1][2].lower() in _INTRODUCTORY:
            return None  # 'In a letter on Friday, the governor ...': the object of an opening preposition
        end = tokens[comma - 1][1] if opener in ("the", "a", "an") or opener.isdigit() else tokens[position - 1][1]
        return tokens[name][0], end

    def _is_clause(self, tokens: list, first: int, end: int) -> bool:
        """Whether ``tokens[first:end]`` holds what a noun phrase cannot: 'that', a form of be or
        have, or a cue verb in the past ('about 200 protesters chanted slogans')."""
        cues = self.grammar.cues
        for position in range(first, end):
            lower = tokens[position][2].lower()
            if lower in _CLAUSE_MARKERS or lower.endswith("ed") and lower in cues:
                return True
        return False

    def _is_name(self, tokens: list, first: int, end: int) -> bool:
        """Whether ``tokens[first:end]`` is a name: one to five capitalised words, initials and
        abbreviations with their full stops ('John F. Kennedy', 'Sen. Warren')."""
        words = 0
        for position in range(first, end):
            word = tokens[position][2]
            if word == "." and position > first and (len(tokens[position - 1][2]) == 1
                                                      or tokens[position - 1][2].lower() in self.grammar.abbreviations):
                continue
            if not (_is_word(word) and word[0].isupper()):
                return False
            words += 1
        return 0 < words <= 5

    def according_to(self, match, paragraph: _Paragraph, cue_id: str) -> Candidate | None:
        text = self.text
        cue_start, cue_end = match.span()
        sentence_start, sentence_end = self.sentence_around(paragraph, cue_start)
        right = _tokens(text, cue_end, min(sentence_end, cue_end + 240))
        position = 0
        while position < len(right) and position < 16:
            word = right[position][2]
            if word in ",.;:!?" or word in OPENING_QUOTES or word in "—–" or word.lower() == "that":
                break
            position += 1
        if position == 0:
            return None
        source = (right[0][0], right[position - 1][1])
        confidence = self.pack_confidence(cue_id)
        lead = text[sentence_start:cue_start].strip(" \t\"“‘,—–")
        if len(lead.split()) <= 1:
            found = self.content_after(paragraph, source[1], sentence_end)
        else:
            found = self.content_before(paragraph, sentence_start, cue_start)
            if found is not None and position < len(right) and right[position][2] == "," and found[2] != "direct":
                # 'Egyptian mediators, according to an official, are trying to ...': set off by
                # commas, the attribution reports the whole sentence
                found = self.parenthetical(paragraph, found, right[position][1], sentence_end)
        if found is None:
            return None
        content, quotes, _kind = found
        return Candidate("according_to", f"en.{cue_id}", (cue_start, cue_end), content, quotes, source,
                         confidence=confidence)

    def nominal(self, match, paragraph: _Paragraph) -> Candidate | None:
        """"Ruiz's remarks that the ruling was politically motivated", "his claim that ...": a
        noun of saying after a possessive, with a 'that' clause; the possessor is the speaker."""
        text = self.text
        cue_start, cue_end = match.span()
        after = FIRST_WORD.match(text, cue_end, min(len(text), cue_end + 12))
        if after is None or after.group(1) != "that" or after.start(1) != cue_end + 1:
            return None
        sentence_start, sentence_end = self.sentence_around(paragraph, cue_start)
        left = _tokens(text, max(sentence_start, cue_start - 120), cue_start)
        if not left:
            return None
        owner = left[-1][2]
        if owner.lower() in _POSSESSIVE_PRONOUNS:
            speaker: Range = (left[-1][0], left[-1][1])
        elif owner.endswith(("'s", "’s")):
            first = self.subject_before(left, len(left))
            if first is None:
                return None
            speaker = (left[first][0], left[-1][1] - 2)  # without the 's
        elif owner in ("'", "’") and len(left) > 1 and left[-2][2].endswith("s") and left[-2][1] == left[-1][0]:
            first = self.subject_before(left, len(left) - 1)  # a plural's: "Prosecutors' contention"
            if first is None:
                return None
            speaker = (left[first][0], left[-2][1])
        else:
            return None
        content = _trim(text, after.end(1), sentence_end)
        if content[1] - content[0] < 8 or paragraph.inside_quote(cue_start):
            return None
        quotes = paragraph.closed_quotes_within(*content)
        return Candidate("mixed" if quotes else "indirect", f"en.nominal.{match.group()}", (cue_start, cue_end),
                         content, quotes, speaker, confidence=0.7)

    def pack_confidence(self, cue_id: str) -> float:
        cue = self.grammar.according.get(cue_id)
        return cue.confidence if cue else 0.8

    def headline(self) -> Candidate | None:
        """'Trump: Mexico will pay for the wall' on an article's first line."""
        text = self.text
        end = self.paragraph_starts[1] - 1 if len(self.paragraph_starts) > 1 else len(text)
        match = HEADLINE.match(text, 0, min(end, 300))
        if match is None or match.end() != min(end, 300):
            return None
        if match.group("speaker").lower() in self.grammar.colon_labels:
            return None  # 'TRANSCRIPT: ...', 'UPDATE: ...': a label, not a speaker
        colon = match.end("speaker")
        content = _trim(text, match.start("content"), match.end("content"))
        return Candidate("direct", "en.headline_colon", (colon, colon + 1), content, [], match.span("speaker"),
                         confidence=0.7)

    def keep(self, candidate: Candidate, word: str, ratio: float, previous: Candidate | None = None) -> bool:
        """Whether the cue model keeps a candidate (its confidence is then the model's
        probability); without a model every candidate is kept and its features recorded."""
        general, conjoined = candidate_keys(self.text, candidate, ratio, self.grammar.pronouns)
        # a cue inside the content of the attribution kept before it: 'Peskov said Kyiv wants ...'
        nested = "nest=1" if previous is not None and previous.content[0] <= candidate.cue[0] < previous.content[1] else "nest=0"
        if previous is None:
            gap = "pg=none"
        else:
            distance = candidate.cue[0] - previous.cue[1]
            gap = "pg=near" if distance < 40 else "pg=mid" if distance < 200 else "pg=far"
        general += [nested, gap, f"{nested}|{gap}", f"ss={int(previous is not None and candidate.speaker == previous.speaker)}"]
        conjoined += [nested, gap]
        if self.model is None:
            self.features.append(feature_names(word, general, conjoined))
            return True
        probability = self.model.keys_probability(word, general, conjoined)
        if self.collect:
            self.collected.append((candidate, feature_names(word, general, conjoined), probability >= self.model.threshold))
        if probability < self.model.threshold:
            return False
        candidate.confidence = round(probability, 3)
        return True

    def speaker_colon(self, match) -> Candidate | None:
        content = _trim(self.text, match.start("content"), match.end("content"))
        if content[1] - content[0] < 2 or match.group("speaker").lower() in self.grammar.colon_labels:
            return None
        colon = match.end("speaker")
        return Candidate("direct", "en.speaker_colon", (colon, colon + 1), content, [], match.span("speaker"),
                         confidence=0.5)

    def _speaker_colons(self):
        """SPEAKER_COLON's matches below the first line. A match lies within one line and holds
        a colon, so the pattern is tried only at the start of a line that has one (what
        ``finditer`` finds, without scanning every line)."""
        text = self.text
        starts = self.paragraph_starts
        colon = text.find(":", starts[1]) if len(starts) > 1 else -1
        while colon >= 0:
            index = bisect.bisect_right(starts, colon) - 1
            match = SPEAKER_COLON.match(text, starts[index])
            if match is not None:
                yield match
            if index + 1 >= len(starts):
                break
            colon = text.find(":", starts[index + 1])

    def find(self) -> list[Candidate]:
        candidates: list[Candidate] = []
        taken: list[Range] = []
        grammar = self.grammar
        headline = self.headline()
        if headline is not None:
            candidates.append(headline)
            if self.model is None:
                self.features.append(candidate_features(self.text, headline, ":", 0.7, grammar.pronouns))
        for match in self._speaker_colons():
            candidate = self.speaker_colon(match)
            if candidate is not None and self.keep(candidate, ":", 0.5):
                candidates.append(candidate)
                taken.append(candidate.cue)
                if candidate.speaker is not None:  # always, for a speaker colon
                    taken.append(candidate.speaker)
        previous = None
        # the paragraph lookup and the quotation test, inline: they run for every cue word
        paragraph_starts = self.paragraph_starts
        paragraphs = self.paragraphs
        for match in grammar.regex.finditer(self.text):
            start = match.start()
            if taken and _inside_any(taken[-6:], start):
                continue
            paragraph = paragraphs.get(bisect.bisect_right(paragraph_starts, start) - 1)
            if paragraph is None:
                paragraph = self.paragraph(start)
            if paragraph.quotes and paragraph.inside_quote(start):
                continue
            cue_id = match.lastgroup or "cue"  # every alternative of the pattern is a named group
            if cue_id == "cue":
                word = match.group().lower()
                candidate = self.verb(match, paragraph, grammar.cues.get(word, 0.5), previous)
            elif cue_id == "nominal":
                candidate = self.nominal(match, paragraph)
                if candidate is not None:  # a rule of form, not the cue model's: kept as found
                    candidates.append(candidate)
                    previous = candidate
                    taken.append(candidate.cue)
                continue
            else:
                word = cue_id
                candidate = self.according_to(match, paragraph, cue_id)
            if candidate is None:
                continue
            if candidate.content[1] <= candidate.content[0]:
                continue
            if not self.keep(candidate, word, grammar.cues.get(word, 0.9), previous):
                continue
            candidates.append(candidate)
            previous = candidate
            taken.append(candidate.cue)
            if candidate.speaker:
                taken.append(candidate.speaker)
        _cut_at_followers(self.text, candidates)
        # in text order: the headline and the speaker-colon lines were found before the cue words
        candidates.sort(key=_cue_start)
        return candidates


def _may_end_anonymity(tokens: list, index: int) -> bool:
    """Whether the word before ``tokens[index]`` (past a comma) is one that a grant of anonymity
    can end with: what EnglishFinder.anonymity_start checks first, and its callers check inline
    to save the call on every cue word."""
    if index < 2:
        return False
    word = tokens[index - 1][2]
    if word == ",":
        word = tokens[index - 2][2]
    return word.lower() in _ANONYMITY_ENDS


def _may_grant_anonymity(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a word that every ANONYMITY match holds: str.find
    rules most windows out before the regex, which tries every position, is run."""
    find = text.find
    return any(find(word, start, end) >= 0 for word in _ANONYMITY_WORDS)


def _thousands_comma(tokens: list, position: int) -> bool:
    """Whether the comma ``tokens[position]`` separates the digits of a number ('1,200')."""
    return 0 < position < len(tokens) - 1 and tokens[position - 1][2].isdigit() and tokens[position + 1][2].isdigit() \
        and tokens[position - 1][1] == tokens[position][0] and tokens[position][1] == tokens[position + 1][0]


_RELATIVE_PRONOUNS = frozenset(("who", "which", "that"))
_POSSESSIVE_PRONOUNS = frozenset(("his", "her", "their", "its", "our", "my"))
_EVIDENTIALS = frozenset(("seem", "seems", "seemed", "appear", "appears", "appeared"))
_AGENTLESS_PARTICIPLES = frozenset((
    "said", "believed", "thought", "reported", "alleged", "rumored", "rumoured", "understood", "expected",
    "known", "considered", "feared", "estimated", "seen", "regarded", "viewed"))
_SEEN_AS = frozenset(("seen", "known", "regarded", "viewed", "considered"))
# a US politician's party and state after the name: 'R-Utah', 'D-N.Y.', 'I-Vt.'
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?$")
_OBJECT_PRONOUNS = frozenset(("us", "me", "him", "her", "them", "you"))
_PREPOSITIONS = frozenset(("of", "for", "at", "from", "in", "on", "with", "to", "by", "about"))


def _after_relative_clause(tokens: list, comma: int) -> bool:
    """Whether the comma ``tokens[comma]`` closes a relative clause set off by commas (', which
    represents 3,500 farmers,'), found within the 16 tokens before it."""
    position = comma - 1
    while position > 0 and comma - position < 16:
        word = tokens[position][2]
        if word == "," and not _thousands_comma(tokens, position):
            return position + 1 < comma and tokens[position + 1][2].lower() in ("who", "which", "whose")
        if word in ".;:":
            return False
        position -= 1
    return False


def _token_start(token: tuple[int, int, str]) -> int:
    return token[0]


def _cue_start(candidate: Candidate) -> int:
    return candidate.cue[0]


def _inside_any(ranges: list[Range], position: int) -> bool:
    for start, end in ranges:  # a loop, not any() over a generator: this runs for every cue word
        if start <= position < end:
            return True
    return False


def _cut_at_followers(text: str, candidates: list[Candidate]) -> None:
    """Content that runs into the next cue of its sentence stops at the comma before that cue:
    'Peskov said A, adding that B' -> A; 'A, according to TASS' is its own attribution."""
    ordered = sorted(candidates, key=lambda c: c.cue[0])
    for candidate, follower in zip(ordered, ordered[1:]):
        if not candidate.rule.startswith("en.before_content") or candidate.kind == "direct":
            continue
        start, end = candidate.content
        cue = follower.cue[0]
        if start < cue < end:
            head = follower.speaker[0] if follower.speaker and follower.speaker[0] < cue and follower.speaker[0] > start else cue
            comma = text.rfind(",", start, head)
            if comma > start and not text[comma:head].strip(", ").count(" ") > 6:
                candidate.content = _trim(text, start, comma)
                candidate.quotes = [q for q in candidate.quotes if q[1] <= candidate.content[1]]


def find(pack, normalized: NormalizedText) -> list[Candidate]:
    """Attribution candidates of an English text (normalisation is the identity)."""
    text = normalized.normal
    if not text.strip():
        return []
    return EnglishFinder(pack, text).find()
