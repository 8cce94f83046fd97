"""Arabic attribution grammar.

Arabic news puts the reporting verb first: verb, subject (often with a title and an apposition),
optional adverbs, then the complement that opens the content: إن/أن/بأن, a colon, a quotation,
or the preposition the verb governs (أعرب عن، حذر من، أشاد بـ، أشار إلى). According-to cues
(حسبما ذكرت، وفقا لـ، بحسب، نقلا عن) name the source after the cue and scope over the clause before
(trailing) or after (leading) them. A quotation followed by a cue verb ("«...»، قال السوداني",
"“...”، هكذا تحدث بوتين") is direct speech. All scanning is on the normalised text.
"""

from __future__ import annotations

import bisect
import re

import regex

from claimtrack.detect import Candidate, Range
from claimtrack.detect.quotes import QUOTE_MARKS, Quote, pair_quotes
from claimtrack.languages import compile_pattern, trie_pattern
from claimtrack.text import NormalizedText, paragraphs

# Words (letters and digits, with inner dots or hyphens: "كوفيد-19") and single punctuation marks.
# The standard library's engine: tokenising runs near every cue, and it is the faster one here.
TOKEN = re.compile(r"\w+(?:[.-]\w+)*|[^\w\s]")
TWO_WORDS = re.compile(r"\w+\W+\w")
LAST_WORD = re.compile(r"(\w+(?:[.-]\w+)*)\W*$")
LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
COMMAS = {"،", ",", "؛"}
SENTENCE_WINDOW = 1000
QUOTE_CHARACTERS = frozenset("“”«»„\"")
PUNCTUATION_GAP = regex.compile(r"[\s.،,:؛\-–—]*")
DATELINE = regex.compile(r"\s*(?:\([^()\n]{1,40}\)|[^\s()\n]{1,30} \([^()\n]{1,30}\))\s*[-–—]+\s*")


_CLAUSE_BREAKS: dict[int, regex.Pattern] = {}


def _clause_break(pack) -> regex.Pattern:
    pattern = _CLAUSE_BREAKS.get(id(pack))
    if pattern is None:
        openers = trie_pattern(pack.clause_openers)
        verbs = trie_pattern(pack.verb_forms)
        pattern = re.compile(
            rf"[،,؛]\s*(?:و?(?:{openers})|[وف]?(?:{verbs}))(?!\w)"
            rf"|(?<=\s)[وف](?:{verbs})(?!\w)"
        )
        _CLAUSE_BREAKS[id(pack)] = pattern
    return pattern


class _TextIndex:
    """Quotation marks and sentence ends of the whole text, found in one scan each, so that a
    paragraph takes its share by bisection instead of scanning again."""

    def __init__(self, pack, text: str):
        self.mark_positions: list[int] = []
        self.marks: list[tuple[int, str]] = []
        for match in QUOTE_MARKS.finditer(text):
            self.mark_positions.append(match.start())
            self.marks.append((match.start(), match.group()))
        self.end_starts: list[int] = []
        self.ends: list[int] = []
        for match in pack.sentence_end.finditer(text):
            self.end_starts.append(match.start())
            self.ends.append(match.end())

    def marks_in(self, start: int, end: int) -> list[tuple[int, str]]:
        return self.marks[bisect.bisect_left(self.mark_positions, start) : bisect.bisect_left(self.mark_positions, end)]

    def ends_in(self, start: int, end: int) -> list[tuple[int, int]]:
        low = bisect.bisect_left(self.end_starts, start)
        high = bisect.bisect_left(self.end_starts, end)
        return list(zip(self.end_starts[low:high], self.ends[low:high]))


class _Paragraph:
    """One paragraph's quotations and sentence ends (ends inside quotations do not count)."""

    def __init__(self, index: _TextIndex, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        # An opening mark that is never closed says nothing reliable about where speech is.
        self.quotes = [q for q in pair_quotes(index.marks_in(start, end), end) if q.closed]
        self.quote_starts = [q.start for q in self.quotes]
        ends = [min(stop, end) for position, stop in index.ends_in(start, end) if not self.inside_quote(position)]
        if not ends or ends[-1] < end:
            ends.append(end)
        self.sentence_ends = ends

    def inside_quote(self, position: int) -> Quote | None:
        index = bisect.bisect_right(self.quote_starts, position) - 1
        if index >= 0:
            quote = self.quotes[index]
            if quote.start < position < quote.end:
                return quote
        return None

    def quotes_within(self, start: int, end: int) -> list[Quote]:
        low = bisect.bisect_left(self.quote_starts, start)
        high = bisect.bisect_left(self.quote_starts, end)
        return [q for q in self.quotes[low:high] if q.end <= end]

    def quote_at(self, position: int) -> Quote | None:
        index = bisect.bisect_left(self.quote_starts, position)
        if index < len(self.quotes) and self.quotes[index].start == position:
            return self.quotes[index]
        return None

    def sentence(self, position: int) -> Range:
        """The sentence around ``position``, at most a window of text either side: real sentences
        are far shorter, and the bound keeps work per cue constant on text with no full stops."""
        index = bisect.bisect_right(self.sentence_ends, position)
        start = self.sentence_ends[index - 1] if index > 0 else self.start
        end = self.sentence_ends[index] if index < len(self.sentence_ends) else self.end
        start = max(start, position - SENTENCE_WINDOW)
        end = min(end, position + SENTENCE_WINDOW)
        while start < end and self.text[start].isspace():
            start += 1
        if start == self.start:
            dateline = DATELINE.match(self.text, start, min(end, start + 80))
            if dateline:
                start = dateline.end()
        return start, end


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


class _LazyTokens:
    """Tokens read only as far as a scan needs them (most complements come within a few words)."""

    __slots__ = ("_matches", "items")

    def __init__(self, text: str, start: int, end: int):
        self._matches = TOKEN.finditer(text, start, end)
        self.items: list[tuple[int, int, str]] = []

    def get(self, index: int) -> tuple[int, int, str] | None:
        items = self.items
        while len(items) <= index:
            match = next(self._matches, None)
            if match is None:
                return None
            items.append((match.start(), match.end(), match.group()))
        return items[index]


def _trim(text: str, start: int, end: int) -> Range:
    """Shrink a range past spaces and dangling punctuation at either edge (quote marks stay)."""
    while start < end and (text[start].isspace() or text[start] in "،,:؛.-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,:؛.-–—"):
        end -= 1
    return start, end


class ArabicFinder:
    def __init__(self, pack, normalized: NormalizedText):
        self.pack = pack
        self.text = normalized.normal
        grammar = pack.grammar
        self.max_subject = grammar.max_subject_words
        self.proclitics = tuple(pack.normalize_word(p) for p in grammar.proclitics)
        self.complementizers: dict[str, bool] = {}
        lists = pack.data.word_lists
        self.documents = {pack.normalize_word(w) for w in lists.get("document_nouns", ())}
        self.issued_by = {pack.normalize_word(w) for w in lists.get("issued_by", ())}
        self.interjections = {pack.normalize_word(w) for w in lists.get("interjections", ())}
        asides = [pack.normalize_pattern(p) for p in lists.get("narrator_asides", ())]
        self.asides = re.compile(r"(?<!\w)[وف]?(?:" + "|".join(asides) + ")") if asides else None
        self.objects = {
            verb.lemma: frozenset(w for o in verb.objects for w in pack.normalize_word(o).split()[:1])
            for verb in pack.data.verbs
        }
        self.prepositions = {
            verb.lemma: tuple(pack.normalize_word(p) for p in verb.prepositions) for verb in pack.data.verbs
        }

    # --- word tests -------------------------------------------------------------------------
    def is_cue_verb(self, word: str) -> bool:
        forms = self.pack.verb_forms
        if word in forms:
            return True
        return len(word) > 2 and word[0] in self.proclitics and word[1:] in forms

    def is_complementizer(self, tokens, index: int) -> bool:
        word = tokens[index][2]
        known = self.complementizers.get(word)
        if known is None:
            known = self.complementizers[word] = bool(self.pack.complementizer.match(word))
        if not known:
            return False
        previous = tokens[index - 1][2] if index > 0 else ""
        before = tokens[index - 2][2] + " " + previous if index > 1 else previous
        blockers = self.pack.complementizer_blockers
        return previous not in blockers and before not in blockers

    # --- regions ----------------------------------------------------------------------------
    def content_end(self, start: int, end: int) -> int:
        """Where content starting at ``start`` stops: the sentence end, or a new clause (a comma
        before a clause opener or a cue verb, or a cue verb joined by و)."""
        match = _clause_break(self.pack).search(self.text, start + 1, end)
        return match.start() if match else end

    def noun_phrase(self, tokens, paragraph: _Paragraph) -> Range | None:
        """The leading noun phrase of ``tokens``: up to a comma, a stop word, an adverb or a
        quotation. A quoted proper name is part of it where it opens the phrase or follows a
        naming noun ("لـ«إنترفاكس»", "صحيفة «لوموند»"); "صادر عن" after a document noun
        continues it ("تقرير صادر عن الهيئة")."""
        pack = self.pack
        last = None
        first = None
        previous = ""
        index = 0
        while index < len(tokens):
            start, end, word = tokens[index]
            if word in QUOTE_CHARACTERS:
                quote = paragraph.quote_at(start)
                short = quote is not None and quote.end - quote.start <= 40
                if short and (first is None or previous in pack.title_quote_nouns or previous in self.documents):
                    first = start if first is None else first
                    last = quote.end
                    while index < len(tokens) and tokens[index][0] < quote.end:
                        index += 1
                    previous = ""
                    continue
                break
            if paragraph.inside_quote(start):
                break
            if word in COMMAS or not (word[0].isalnum()):
                if word in ".-" and first is not None:
                    index += 1
                    continue
                break
            if word in self.issued_by and previous in self.documents:
                pass
            elif word in ("عن", "من") and previous in self.issued_by:
                pass
            elif word in pack.subject_stop or word in pack.time_adverbs or self.is_cue_verb(word):
                if first is None and word in pack.time_adverbs:
                    index += 1
                    continue  # "وأعلن، الأربعاء، ..." has the adverb before the subject
                break
            elif pack.complementizer.match(word):
                break
            elif first is not None and word[0] == "ل" and word[1:] in pack.source_nouns:
                break  # "لوكالة أنباء الإمارات": whom it was said to
            if first is None:
                first = start
            last = end
            previous = word
            index += 1
            if index > 12:
                break
        if first is None:
            return None
        return first, last

    def with_apposition(self, speaker: Range, subject, paragraph: _Paragraph) -> Range:
        """"محامي المتهم، جان لوك مارتان، إن": a name set off by commas after a role belongs to it."""
        rest = [t for t in subject if t[0] >= speaker[1]]
        if len(rest) < 2 or rest[0][2] not in COMMAS:
            return speaker
        second = self.noun_phrase(rest[1:], paragraph)
        if second is None:
            return speaker
        tail = [t[2] for t in rest if t[0] >= second[1]]
        if all(w in COMMAS or w in self.pack.time_adverbs for w in tail):
            return speaker[0], second[1]
        return speaker

    def preceding_subject(self, paragraph: _Paragraph, cue_start: int) -> Range | None:
        """A subject written before its verb ("والكرملين يقول إن", "الشرطة من جهتها قالت إن"),
        in the same clause: a noun phrase, then nothing but interjected phrases and adverbs."""
        sentence_start, _ = paragraph.sentence(cue_start)
        tokens = _tokens(self.text, sentence_start, cue_start)
        if not tokens or len(tokens) > 10:
            return None
        for _, _, word in tokens:
            if word in self.pack.clause_openers or self.is_cue_verb(word) or word in COMMAS:
                return None
        phrase = self.noun_phrase(tokens, paragraph)
        if phrase is None:
            return None
        rest = " ".join(word for start, _, word in tokens if start >= phrase[1])
        for interjection in sorted(self.interjections, key=len, reverse=True):
            rest = rest.replace(interjection, " ")
        if any(word not in self.pack.time_adverbs for word in rest.split()):
            return None
        return phrase

    def antecedent(self, paragraph: _Paragraph, cue_start: int, found: _Found) -> Range | None:
        """Who a subject-less verb refers to when no one has just spoken: the subject of the
        narrative clause before it ("وتجمع عشرات المزارعين ...، وقالوا", "تقف أم محمد ... تقول")."""
        sentence_start, _ = paragraph.sentence(cue_start)
        start = sentence_start
        if not self.text[sentence_start:cue_start].strip(" \t،,"):
            before = sentence_start - 1
            while before > paragraph.start and self.text[before].isspace():
                before -= 1
            if before <= paragraph.start:
                return None
            start, _ = paragraph.sentence(before - 1)
        end = cue_start
        if found.cue_starts_in(start, end) or found.content_ends_in(start, end):
            return None
        tokens = _tokens(self.text, start, end)
        if len(tokens) < 2:
            return None
        # Arabic narrative opens with its verb; the subject follows it.
        first = tokens[0][2]
        body = tokens if first.startswith("ال") else tokens[1:]
        return self.noun_phrase(body, paragraph)

    def quote_run_before(self, paragraph: _Paragraph, quote: Quote, claimed) -> list[Quote]:
        """Quotations ending at ``quote`` separated only by punctuation: one quoted run."""
        run = [quote]
        index = bisect.bisect_left(paragraph.quote_starts, quote.start)
        while index > 0 and len(run) < 8:
            previous = paragraph.quotes[index - 1]
            gap = PUNCTUATION_GAP.fullmatch(self.text, previous.end, run[0].start)
            if not gap or previous.start in claimed:
                break
            run.insert(0, previous)
            index -= 1
        return run

    # --- cues -------------------------------------------------------------------------------
    def post_quote(self, paragraph: _Paragraph, cue_start: int) -> tuple[Quote, int] | None:
        """The quotation a verb at ``cue_start`` closes ("«...»، قال"), and where the cue starts."""
        index = bisect.bisect_left(paragraph.quote_starts, cue_start) - 1
        if index < 0:
            return None
        quote = paragraph.quotes[index]
        if not quote.closed or quote.end > cue_start or cue_start - quote.end > 30:
            return None
        tokens = _tokens(self.text, quote.end, cue_start)
        start = cue_start
        for token_start, _, word in tokens:
            if word in self.pack.post_quote_prefixes:
                start = min(start, token_start)
            elif word not in COMMAS and word not in "-–—":
                return None  # a full stop between them: the verb opens a new sentence
        return quote, start

    def is_title_quote(self, quote: Quote) -> bool:
        """A quoted name ("صحيفة “الغارديان”", "BM-21 “غراد”"), not a quotation of speech."""
        before = LAST_WORD.search(self.text, max(0, quote.start - 40), quote.start)
        if not before:
            return False
        word = before.group(1)
        if word in self.pack.title_quote_nouns:
            return True
        return before.end(1) >= quote.start - 1 and bool(LATIN_OR_DIGIT.search(word))

    def verb(self, paragraph: _Paragraph, match, claimed) -> Candidate | None:
        pack = self.pack
        text = self.text
        verb = pack.verb_forms[match.group("verb")]
        cue: Range = (match.start(), match.end())
        sentence_start, sentence_end = paragraph.sentence(cue[0])
        rule = f"{pack.code}.verb.{verb.lemma}"

        closing = self.post_quote(paragraph, cue[0]) if "quote" in verb.takes else None
        if closing and verb.category == "relay" and self.relays_from_start(cue[1], sentence_end):
            closing = None  # '«...»، ونقلت عن الزعيم قوله إن': the verb's own relayed clause follows
        if closing:
            quote, cue_start = closing
            run = self.quote_run_before(paragraph, quote, claimed)
            speaker = self.noun_phrase(_tokens(text, cue[1], min(sentence_end, cue[1] + 300)), paragraph)
            content_start = run[0].start
            kind = "direct"
            lead_start, _ = paragraph.sentence(run[0].start)
            if TWO_WORDS.search(text, lead_start, run[0].start):
                content_start = lead_start
                kind = "mixed"
            return Candidate(
                kind=kind,
                rule=rule + ".after_quote",
                cue=(cue_start, cue[1]),
                content=(content_start, run[-1].end),
                quotes=[(q.start, q.end) for q in run],
                speaker=speaker,
                confidence=verb.confidence,
                speaker_hint=None if speaker else "previous",
            )

        lazy = _LazyTokens(text, cue[1], sentence_end)
        tokens = lazy.items
        content_start = None
        subject_end = None
        via = None
        index = 0
        while index <= self.max_subject and lazy.get(index):
            start, end, word = tokens[index]
            quote = paragraph.quote_at(start) if word in QUOTE_CHARACTERS else None
            if quote:
                after = PUNCTUATION_GAP.fullmatch(text, quote.end, sentence_end)
                colon_before = index > 0 and tokens[index - 1][2] == ":"
                if "quote" in verb.takes and (after or colon_before) and not self.is_title_quote(quote):
                    subject_end, content_start, via = start, start, "quote"
                    break
                while lazy.get(index) and tokens[index][0] < quote.end:
                    index += 1
                continue
            if word == ":" and ("colon" in verb.takes or "quote" in verb.takes):
                subject_end, content_start, via = start, end, "colon"
                break
            if "clause" in verb.takes and self.is_complementizer(tokens, index):
                subject_end, content_start, via = start, end, "clause"
                break
            if "preposition" in verb.takes:
                found = self.preposition(verb, tokens, index)
                if found is not None:
                    subject_end, content_start, via = start, found, "preposition"
                    # after the verb's own preposition أن is its complement ("أشار إلى أن")
                    if lazy.get(index + 1) and pack.complementizer.match(tokens[index + 1][2]):
                        content_start, via = tokens[index + 1][1], "clause"
                    break
            if "object" in verb.takes and index > 0 and word in self.objects[verb.lemma]:
                subject_end, content_start, via = start, start, "object"
                break
            if self.is_cue_verb(word) and index > 0:
                return None
            index += 1
        if content_start is None:
            return None

        content_end = self.content_end(content_start, sentence_end)
        content = _trim(text, content_start, content_end)
        if content[1] - content[0] < 2:
            return None
        subject = [t for t in tokens if t[0] < subject_end]
        relay = None
        if verb.category == "relay":
            relay, subject = self.split_relay(subject, paragraph)
        speaker = self.noun_phrase(subject, paragraph)
        if speaker is not None:
            speaker = self.with_apposition(speaker, subject, paragraph)
        hint = None
        confidence = verb.confidence
        if speaker is None:
            speaker = self.preceding_subject(paragraph, cue[0])
            if speaker is None:
                hint = "previous"
                confidence *= 0.9
        quotes = [
            (q.start, q.end)
            for q in paragraph.quotes_within(*content)
            if not self.is_title_quote(q)
        ]
        if via == "quote" or via == "colon" and quotes and quotes[0][0] == content[0] and quotes[-1][1] == content[1]:
            kind = "direct"
        else:
            kind = "mixed" if quotes else "indirect"
        return Candidate(
            kind=kind,
            rule=f"{rule}.{via}",
            cue=cue,
            content=content,
            quotes=quotes,
            speaker=speaker,
            relay=relay,
            confidence=confidence,
            speaker_hint=hint,
        )

    def preposition(self, verb, tokens, index: int) -> int | None:
        """Where the content starts if ``tokens[index]`` is the preposition the verb governs."""
        start, end, word = tokens[index]
        pack = self.pack
        for prep in self.prepositions[verb.lemma]:
            if word == prep:
                return end
            if len(prep) == 1 and word.startswith(prep) and len(word) > 2:
                # A joined ب is the preposition on "بالاتفاق", or on any word after the subject;
                # the first word after the verb is more often the subject itself ("بوتين").
                if word.startswith(prep + "ال") or (
                    index > 0 and word not in pack.time_adverbs and word not in pack.subject_stop
                ):
                    return start + 1
        return None

    def split_relay(self, subject, paragraph):
        """"نقلت وكالة رويترز عن مصدر مطلع قوله": the agency relays, the source speaks."""
        pack = self.pack
        for index, (_, _, word) in enumerate(subject):
            if word in pack.relay_separator:
                relay = self.noun_phrase(subject[:index], paragraph)
                speaker_tokens = [t for t in subject[index + 1 :] if t[2] not in pack.speaker_suffixes]
                return relay, speaker_tokens
        return None, subject

    def relays_from_start(self, position: int, sentence_end: int) -> bool:
        """Whether a relay verb's subject is left out, its relay separator coming first:
        "ونقلت عن الزعيم كيم جونغ أون قوله" (the one who relays spoke just before)."""
        first = _tokens(self.text, position, min(sentence_end, position + 20))
        return bool(first) and first[0][2] in self.pack.relay_separator

    def reporting_verb(self, paragraph: _Paragraph, match, found: _Found) -> Candidate | None:
        candidate = self.verb(paragraph, match, found.claimed_quotes)
        if candidate:
            found.claimed_quotes.update(q[0] for q in candidate.quotes)
            if candidate.speaker_hint == "previous":
                candidate.antecedent = self.antecedent(paragraph, candidate.cue[0], found)
            if candidate.relay is None and candidate.speaker is not None and found.candidates \
                    and self.pack.verb_forms[match.group("verb")].category == "relay" \
                    and self.relays_from_start(candidate.cue[1], paragraph.sentence(candidate.cue[0])[1]):
                # "ذكرت الوكالة أن ...، ونقلت عن الزعيم قوله": the last speaker relays
                last = found.candidates[-1]
                if last.speaker is not None and last.speaker[1] <= candidate.cue[0] and last.cue[0] >= paragraph.start:
                    candidate.relay = last.speaker
        return candidate

    def according_to(self, paragraph: _Paragraph, cue_spec, match) -> Candidate | None:
        text = self.text
        cue: Range = (match.start(), match.end())
        sentence_start, sentence_end = paragraph.sentence(cue[0])
        source_start = cue[1]
        prefix = None
        joined = cue[1] < len(text) and text[cue[1]].isalpha()
        if cue_spec.attached_preposition and text[cue[1] - 1] == cue_spec.attached_preposition and joined:
            # "وفقا للمتحدث": the ل is written joined to its noun; the mention starts with it.
            source_start = cue[1] - 1
            cue = (cue[0], cue[1] - 1)
            prefix = cue_spec.attached_preposition
        tokens = _tokens(text, source_start, sentence_end)
        source = self.noun_phrase(tokens, paragraph)
        if source is None:
            return None
        relay = None
        after_source = [t for t in tokens if t[0] >= source[1]]
        if after_source and after_source[0][2] in self.pack.relay_separator:
            # "حسبما نقلت صحيفة «هاندلسبلات» عن مصادر": the paper relays, the sources speak
            speaker = self.noun_phrase(
                [t for t in after_source[1:] if t[2] not in self.pack.speaker_suffixes], paragraph
            )
            if speaker is not None:
                relay, source = source, speaker
        leading = not text[sentence_start : cue[0]].strip(" \t،,-–—")
        if leading:
            after = _tokens(text, source[1], sentence_end)
            comma = next((t for t in after if t[2] in COMMAS), None)
            if comma is None:
                return None
            content = _trim(text, comma[1], self.content_end(comma[1], sentence_end))
        else:
            content = _trim(text, sentence_start, cue[0])
        if content[1] - content[0] < 2:
            return None
        quotes = [
            (q.start, q.end)
            for q in paragraph.quotes_within(*content)
            if not self.is_title_quote(q)
        ]
        return Candidate(
            kind="according_to",
            rule=cue_spec.id,
            cue=_trim(text, *cue),
            content=content,
            quotes=quotes,
            speaker=source,
            relay=relay,
            confidence=cue_spec.confidence,
            speaker_prefix=prefix if relay is None else None,
        )

    def passive(self, paragraph: _Paragraph, match) -> Candidate | None:
        text = self.text
        sentence_start, sentence_end = paragraph.sentence(match.start())
        cue_end = text.rfind(" ", match.start(), match.end())
        content = _trim(text, match.end(), self.content_end(match.end(), sentence_end))
        if content[1] - content[0] < 2:
            return None
        return Candidate(
            kind="indirect",
            rule=f"{self.pack.code}.passive",
            cue=(match.start(), cue_end if cue_end > match.start() else match.end()),
            content=content,
            confidence=0.7,
            speaker_hint="anonymous",
        )


class _Found:
    """The candidates accepted so far in a paragraph, indexed so that each check is a binary
    search: a paragraph with thousands of cues (hostile input) stays linear overall."""

    def __init__(self):
        self.candidates: list[Candidate] = []
        self.cue_starts: list[int] = []
        self.cue_ends: list[int] = []
        self.content_ends: list[int] = []
        self.claimed_quotes: set[int] = set()

    def add(self, candidate: Candidate) -> None:
        index = bisect.bisect_left(self.cue_starts, candidate.cue[0])
        self.cue_starts.insert(index, candidate.cue[0])
        self.cue_ends.insert(index, candidate.cue[1])
        bisect.insort(self.content_ends, candidate.content[1])
        self.candidates.append(candidate)

    def overlaps_cue(self, start: int, end: int) -> bool:
        # accepted cues never overlap, so only the last one starting before ``end`` can
        index = bisect.bisect_left(self.cue_starts, end) - 1
        return index >= 0 and self.cue_ends[index] > start

    def cue_starts_in(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.cue_starts, start)
        return index < len(self.cue_starts) and self.cue_starts[index] < end

    def content_ends_in(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.content_ends, start)
        return index < len(self.content_ends) and self.content_ends[index] <= end

    def in_order(self) -> list[Candidate]:
        return sorted(self.candidates, key=lambda c: (c.cue[0], c.content[0]))


def _merge_relays(candidates: list[Candidate]) -> list[Candidate]:
    """A trailing according-to over a clause that has its own speaker is that clause's relay:
    "وقال بيسكوف إن ...، حسبما ذكرت تاس" - Peskov speaks, TASS relays. ``candidates`` are in
    cue order."""
    starts = [c.cue[0] for c in candidates]
    result = []
    for candidate in candidates:
        if candidate.kind == "according_to":
            low = bisect.bisect_left(starts, candidate.content[0])
            high = bisect.bisect_left(starts, candidate.content[1])
            inner = [
                other
                for other in candidates[low:high]
                if other.kind != "according_to" and other.content[1] <= candidate.cue[0] + 2
            ]
            if inner:
                for other in inner:
                    if other.relay is None:
                        other.relay = candidate.speaker
                continue
        result.append(candidate)
    return result


_CUE_SCANNERS: dict[int, tuple[object, object]] = {}
WORD_START = r"(?<!\w)"


def _cue_scanner(pack, finder: ArabicFinder):
    """One pattern for every kind of cue, so the text is scanned once: narrator asides first (a
    verb inside them is no cue), then passive cues, according-to cues, and reporting verbs. At a
    given position the earlier alternative wins, and matches never overlap."""
    cached = _CUE_SCANNERS.get(id(pack))
    if cached is not None and cached[0] is pack:
        return cached[1]
    def body(pattern) -> str:
        # every branch starts at a word start: test that once, before the alternatives, so the
        # engine gives up at once inside words instead of trying each branch there
        source = pattern.pattern
        return source[len(WORD_START) :] if source.startswith(WORD_START) else source

    branches = []
    if finder.asides is not None:
        branches.append(f"(?P<aside>{body(finder.asides)})")
    if pack.passive_regex is not None:
        branches.append(f"(?P<passive>{body(pack.passive_regex)})")
    for number, (_, pattern) in enumerate(pack.according_to):
        branches.append(f"(?P<according{number}>{body(pattern)})")
    branches.append(f"(?P<reporting>{body(pack.verb_regex)})")
    scanner = compile_pattern(WORD_START + "(?:" + "|".join(branches) + ")", pack.flags)
    _CUE_SCANNERS[id(pack)] = (pack, scanner)
    return scanner


def find(pack, normalized: NormalizedText) -> list[Candidate]:
    """Attribution candidates in an Arabic text (offsets of the normalised text)."""
    finder = ArabicFinder(pack, normalized)
    text = normalized.normal
    matches = list(_cue_scanner(pack, finder).finditer(text))
    if not matches:
        return []
    bounds = paragraphs(text)
    starts = [start for start, _ in bounds]
    by_paragraph: dict[int, list] = {}
    for match in matches:
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and match.start() < bounds[index][1]:
            by_paragraph.setdefault(index, []).append(match)

    candidates: list[Candidate] = []
    text_index = _TextIndex(pack, text)
    for index in sorted(by_paragraph):
        start, end = bounds[index]
        paragraph = _Paragraph(text_index, text, start, end)
        found = _Found()
        for match in by_paragraph[index]:
            kind = match.lastgroup
            if kind == "aside":
                continue
            if found.overlaps_cue(match.start(), match.end()):
                continue
            if kind != "passive" and paragraph.inside_quote(match.start()):
                continue
            if kind == "passive":
                candidate = finder.passive(paragraph, match)
            elif kind == "reporting":
                candidate = finder.reporting_verb(paragraph, match, found)
            else:
                spec = pack.according_to[int(kind[len("according"):])][0]
                candidate = finder.according_to(paragraph, spec, match)
                if candidate is None:
                    # "كما قال الوزير إن ...": not an according-to, but its verb may still report
                    verb = pack.verb_regex.search(text, match.start(), match.end())
                    candidate = finder.reporting_verb(paragraph, verb, found) if verb else None
            if candidate:
                found.add(candidate)
        candidates.extend(_merge_relays(found.in_order()))
    return candidates
