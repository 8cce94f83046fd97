"""The same claim across articles: matching, ranking, clustering, coverage and divergence.

A claim is an attribution's content. Claims are compared on text normalised per language
(Arabic: camel-tools dediacritisation, one alef, ya for alef maqsura, ha for ta marbuta, no
tatweel, clitic prefixes and the article stripped; English: case, punctuation, quote marks), with
stop words left out, by rapidfuzz. The speaker's entity is supporting evidence: two claims
credited to the same entity get a small bonus. Versions of one claim that disagree (a number
changed, a negation added or dropped, a direction reversed) are flagged as conflicts, never
silently merged as "the same".

Clustering scores pairs with ``rapidfuzz.process.cdist`` inside *blocks*: every claim is indexed
under its normalised words and looks itself up under its rarest ones, so two versions of one
claim, which share their rare words, meet, while the quadratic cost stays within small blocks.
Clusters grow greedily from the best pairs down, never take two attributions of the same
article, and do not chain one claim into another. ``docs/compare.md`` has the measurements.
"""

from __future__ import annotations

import functools
import hashlib
import math
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from rapidfuzz import fuzz, process

from claimtrack.errors import LanguageDataError
from claimtrack.languages import check_language
from claimtrack.models import Attribution, ClaimCluster, ClaimMatch, ClaimMention, Document
from claimtrack.text import detect_language, normalize_arabic_string

#: Score (0-100) at or above which two claims are the same claim; chosen on the ANS train split
#: (see docs/compare.md).
DEFAULT_THRESHOLD = 62.0
#: Two claims scoring at least this, and sharing a word, are versions of one claim, so a number
#: or negation that differs between them is a conflict rather than a different claim. (Chosen on
#: ANS train: unrelated English sentences score up to about 45 on characters alone.)
RELATED_THRESHOLD = 50.0
#: Added to the score of two claims credited to the same entity (the speaker as evidence).
SPEAKER_BONUS = 5.0
#: In ``compare``, a pair whose shared words carry less than this share of the shorter claim's
#: word weight (inverse document frequency over the claims compared) is scored down in
#: proportion: token_set_ratio alone rates a short claim high against any long one that
#: contains its commonest words.
MIN_SHARED_WEIGHT = 0.5
#: In ``match`` (two texts, no collection to weigh words by), the same rule with every word
#: weighing the same; 0.4 keeps the ANS train agree share while unrelated texts, which share
#: no word, score 0 rather than the 30-45 that character overlap alone gives them.
MATCH_MIN_SHARED = 0.4
#: A single swapped word conflicts when the claims share at least this many other words and
#: the two words are less alike than this (rapidfuzz ratio): not an inflection of one another.
SUBSTITUTION_MIN_SHARED = 2
SUBSTITUTION_MAX_LIKENESS = 50.0
#: Claims look themselves up under this many of their rarest tokens.
BLOCK_KEYS = 2
#: Below this many claims, all pairs are scored (no blocking).
BRUTE_FORCE_LIMIT = 2_000
#: Only this many characters of a normalised claim are scored.
MAX_KEY_CHARS = 2_000
#: The representative of a cluster is sought among this many of its members.
MEDOID_CANDIDATES = 200
#: Tokens in more claims than this are too common to block on; they are skipped.
MAX_BLOCK = 4_000

_SCORER = fuzz.token_set_ratio


# --- language knowledge ---------------------------------------------------------------------


class _MatchingData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    stopwords: list[str]
    negations: list[str]
    not_negating: list[str] = Field(default_factory=list)
    reversals: list[str] = Field(default_factory=list)
    opposites: list[tuple[list[str], list[str]]]
    number_words: dict[str, str] = Field(default_factory=dict)
    names: dict[str, list[str]] = Field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    stopwords: frozenset[str]
    negations: frozenset[str]
    not_negating: tuple[tuple[str, ...], ...]
    reversals: frozenset[str]
    opposites: tuple[tuple[frozenset[str], frozenset[str]], ...]
    number_words: dict[str, str]
    names: dict[str, str]
    poles: dict[str, tuple[tuple[int, int], ...]]  # token -> (opposite pair, 0 up / 1 down)


@functools.cache
def _matching_data() -> dict[str, _MatchingData]:
    raw_text = resources.files("claimtrack.languages").joinpath("matching.toml").read_text("utf-8")
    try:
        raw = tomllib.loads(raw_text)
        return {code: _MatchingData.model_validate(section) for code, section in raw.items()}
    except (tomllib.TOMLDecodeError, ValidationError) as error:
        raise LanguageDataError(f"matching.toml: {error}") from None


@functools.cache
def _lexicon(lang: str) -> _Lexicon:
    data = _matching_data().get(lang)
    if data is None:
        raise LanguageDataError(f"matching.toml has no section for {lang!r}")

    def words(items: Iterable[str]) -> frozenset[str]:
        return frozenset(token for item in items for token in _tokens(item, lang))

    return _Lexicon(
        stopwords=words(data.stopwords),
        negations=words(data.negations),
        not_negating=tuple(tuple(_tokens(phrase, lang)) for phrase in data.not_negating),
        reversals=words(data.reversals),
        opposites=tuple((words(up), words(down)) for up, down in data.opposites),
        number_words={_tokens(word, lang)[0]: value for word, value in data.number_words.items()},
        names={token: name for name, forms in data.names.items() for token in words(forms)},
        poles=_pole_index(tuple((words(up), words(down)) for up, down in data.opposites)),
    )


def _pole_index(opposites) -> dict[str, tuple[tuple[int, int], ...]]:
    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, poles in enumerate(opposites):
        for side, words in enumerate(poles):
            for word in words:
                index[word].append((number, side))
    return {word: tuple(places) for word, places in index.items()}


# --- normalisation --------------------------------------------------------------------------

_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")
_URL = regex.compile(r"https?://\S+|www\.\S+|pic\.twitter\.com/\S+")
_EN_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)?")
_EN_CONTRACTION = regex.compile(r"n['’]t\b")
_AR_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}]+")
_THOUSANDS = regex.compile(r"(?<=\d),(?=\d{3}\b)")
# After normalisation "ال" is the article; "لل" is "ل + ال" with the alef swallowed
# ("للمتحدث" = "ل" + "المتحدث"), and "و"/"ف" are conjunctions written joined to the next word.
_AR_ARTICLE_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
_AR_CONJUNCTIONS = ("و", "ف")
# Light stemming for scoring only: gender, number and nisba suffixes ("مصرية", "مصريون",
# "تاريخية" -> "مصر", "تاريخ") so that paraphrases that inflect a word differently still meet.
_AR_SUFFIXES = ("يين", "يون", "يات", "ات", "ون", "ين", "يه", "ه", "ي", "ا")


@functools.cache
def _arabic_word_tokenize():
    from camel_tools.tokenizers.word import simple_word_tokenize

    return simple_word_tokenize


def _strip_arabic_clitics(token: str) -> str:
    if token[:1] in _AR_CONJUNCTIONS and len(token) >= 4:
        token = token[1:]
    for prefix in _AR_ARTICLE_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            return token[len(prefix) :]
    return token


def _stem_arabic(token: str) -> str:
    if token[0].isdigit():
        return token
    # The prepositions ب, ل, ك are written joined to the next word ("لاسعار" = "ل" + "اسعار").
    if token[0] in "بلك" and len(token) >= 5:
        token = token[1:]
    for suffix in _AR_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


def _tokens(text: str, lang: str) -> list[str]:
    """The normalised tokens of ``text`` (stop words kept)."""
    text = _URL.sub(" ", text).translate(_EASTERN_DIGITS)
    text = _THOUSANDS.sub("", text)
    if lang == "ar":
        # Alef maqsura as ya for matching ("فى" = "في", "مستوى" = "مستوي"): writers and
        # annotators use both spellings. (The shared normaliser keeps them apart.)
        text = normalize_arabic_string(text).replace("ى", "ي")
        tokens = []
        for piece in _arabic_word_tokenize()(text):
            for token in _AR_TOKEN.findall(piece):
                tokens.append(token if token[0].isdigit() else _strip_arabic_clitics(token).lower())
        return tokens
    text = _EN_CONTRACTION.sub(" not", text.lower())
    return [token.replace("’", "'").split("'")[0] for token in _EN_TOKEN.findall(text)]


def normalize_claim(text: str, lang: str | None = None) -> str:
    """The form claims are compared in: normalised tokens without stop words, space-joined."""
    if not isinstance(text, str):
        raise TypeError(f"a claim must be str, not {type(text).__name__}")
    code = check_language(lang) if lang is not None else detect_language(text)
    return _features(text, code).key


@dataclass(frozen=True, slots=True)
class _Features:
    key: str
    tokens: tuple[str, ...]
    numbers: frozenset[str]
    negated: bool
    reversed: bool
    poles: tuple[tuple[int, int], ...]
    names: frozenset[str]


_MULTIPLIERS = {"1000", "1000000", "1000000000"}


def _numbers(tokens: Sequence[str], lexicon: _Lexicon) -> frozenset[str]:
    values: list[float] = []
    for token in tokens:
        word_value = lexicon.number_words.get(token)
        value_text = word_value if word_value is not None else token
        if not value_text[0].isdigit():
            continue
        try:
            value = float(value_text.replace(",", ""))
        except ValueError:
            continue
        # "7 thousand" / "7 آلاف" is one number, 7000.
        if values and value_text in _MULTIPLIERS and values[-1] < float(value_text):
            values[-1] *= float(value_text)
        else:
            values.append(value)
    return frozenset(f"{value:g}" for value in values)


def _negations(tokens: Sequence[str], lexicon: _Lexicon) -> int:
    if lexicon.negations.isdisjoint(tokens):
        return 0
    exempt: set[int] = set()
    for phrase in lexicon.not_negating:
        size = len(phrase)
        for start in range(len(tokens) - size + 1):
            if tuple(tokens[start : start + size]) == phrase:
                exempt.update(range(start, start + size))
    return sum(1 for index, token in enumerate(tokens) if token in lexicon.negations and index not in exempt)


def _names(tokens: Sequence[str], lexicon: _Lexicon, lang: str) -> frozenset[str]:
    found = set()
    for token in tokens:
        name = lexicon.names.get(token)
        # Arabic writes the prepositions ب, ل, ك joined to a name ("لمصر" = "to Egypt").
        if name is None and lang == "ar" and token[:1] in ("ب", "ل", "ك"):
            name = lexicon.names.get(_strip_arabic_clitics(token[1:]))
        if name is not None:
            found.add(name)
    return frozenset(found)


def _bounded(key: str) -> str:
    # Scoring time grows with the product of two lengths: a "claim" past MAX_KEY_CHARS is not a
    # sentence, and only its beginning is compared, so hostile input cannot stall a run.
    if len(key) <= MAX_KEY_CHARS:
        return key
    cut = key.rfind(" ", 0, MAX_KEY_CHARS)
    return key[: cut if cut > 0 else MAX_KEY_CHARS]


def _poles(tokens: Sequence[str], lexicon: _Lexicon) -> tuple[tuple[int, int], ...]:
    counts = [[0, 0] for _ in lexicon.opposites]
    for token in tokens:
        for number, side in lexicon.poles.get(token, ()):
            counts[number][side] += 1
    return tuple((up, down) for up, down in counts)


@functools.lru_cache(maxsize=200_000)
def _features(text: str, lang: str) -> _Features:
    lexicon = _lexicon(lang)
    tokens = _tokens(text, lang)
    content = [token for token in tokens if token not in lexicon.stopwords]
    if lang == "ar":
        content = [_stem_arabic(token) for token in content]
    negations = _negations(tokens, lexicon)
    return _Features(
        key=_bounded(" ".join(content) if content else " ".join(tokens)),  # stop words only: keep them
        tokens=tuple(content),
        numbers=_numbers(tokens, lexicon),
        negated=negations % 2 == 1,
        reversed=not lexicon.reversals.isdisjoint(tokens),
        poles=_poles(tokens, lexicon),
        names=_names(tokens, lexicon, lang),
    )


@functools.cache
def _pole_lookup(lang: str) -> dict[str, frozenset[tuple[int, int]]]:
    """Pole places of each word in the form claims are scored in (Arabic: stemmed)."""
    lookup: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for word, places in _lexicon(lang).poles.items():
        lookup[_stem_arabic(word) if lang == "ar" else word].update(places)
    return {word: frozenset(places) for word, places in lookup.items()}


def _same_pole(word_a: str, word_b: str, lang: str | None) -> bool:
    """Whether two words sit on one pole of an opposite pair ("يصعد", "ارتفاع"): synonyms."""
    if lang is None:
        return False
    lookup = _pole_lookup(lang)
    return not lookup.get(word_a, frozenset()).isdisjoint(lookup.get(word_b, frozenset()))


def _conflict(a: _Features, b: _Features, lang: str | None = None) -> str | None:
    """Why two versions of one claim disagree, or ``None``."""
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return "number"
    if a.negated != b.negated:
        return "negation"
    if a.reversed != b.reversed:
        return "reversal"
    if a.names - b.names and b.names - a.names:
        return "entity"
    # A word of one pole swapped for a word of the other: "rose" became "fell".
    for (a_up, a_down), (b_up, b_down) in zip(a.poles, b.poles, strict=True):
        if (a_up > b_up and b_down > a_down) or (a_down > b_down and b_up > a_up):
            return "opposite"
    only_a, only_b = set(a.tokens) - set(b.tokens), set(b.tokens) - set(a.tokens)
    # Everything the same but one word swapped in place for an unrelated one ("وزير الداخلية"
    # became "وزير الدفاع"): another actor, place or act, so the versions conflict.
    if (
        len(only_a) == 1
        and len(only_b) == 1
        and len(set(a.tokens) & set(b.tokens)) >= SUBSTITUTION_MIN_SHARED
        and fuzz.ratio(next(iter(only_a)), next(iter(only_b))) < SUBSTITUTION_MAX_LIKENESS
        and not _same_pole(next(iter(only_a)), next(iter(only_b)), lang)
        and _neighbours(a.tokens, next(iter(only_a))) == _neighbours(b.tokens, next(iter(only_b)))
    ):
        return "substitution"
    return None


def _neighbours(tokens: Sequence[str], word: str) -> tuple[str, str]:
    """The words before and after ``word`` ("" at either end of the claim).

    A substitution swaps a word in place, between the same neighbours; a paraphrase that trades
    one word for another also moves words around ("قصة ملياردير مدمن" / "ملياردير أمريكي مدمن").
    """
    index = tokens.index(word)
    before = tokens[index - 1] if index > 0 else ""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    return before, after


def _score(a: _Features, b: _Features) -> float:
    score = float(_SCORER(a.key, b.key))
    tokens_a, tokens_b = set(a.key.split()), set(b.key.split())
    if tokens_a and tokens_b:
        shared = len(tokens_a & tokens_b) / min(len(tokens_a), len(tokens_b))
        score *= min(1.0, shared / MATCH_MIN_SHARED)
    return score


def _language(texts: Sequence[str], lang: str | None) -> str:
    for text in texts:
        if not isinstance(text, str):
            raise TypeError(f"a claim must be str, not {type(text).__name__}")
    return check_language(lang) if lang is not None else detect_language(" ".join(texts))


# --- public: match and rank -----------------------------------------------------------------


def match(text_a: str, text_b: str, lang: str | None = None, threshold: float = DEFAULT_THRESHOLD) -> ClaimMatch:
    """How surely two claim texts state the same claim, and whether their versions conflict.

    ``same`` is true when the score reaches ``threshold`` and nothing conflicts; ``conflict`` names
    why two versions of one claim (score at least ``RELATED_THRESHOLD``) disagree: ``"number"``,
    ``"negation"``, ``"reversal"`` (a contrary marker such as "despite", "remains", "ignores"
    added or dropped), ``"opposite"`` (a direction reversed: rose/fell, accepted/rejected) or
    ``"entity"`` (one named place, actor or commodity swapped for another) or ``"substitution"``
    (everything the same but one word, swapped for an unrelated one).
    """
    code = _language([text_a, text_b], lang)
    a, b = _features(text_a, code), _features(text_b, code)
    score = round(_score(a, b), 2)
    related = score >= min(RELATED_THRESHOLD, threshold) and not set(a.tokens).isdisjoint(b.tokens)
    conflict = _conflict(a, b, code) if related else None
    return ClaimMatch(
        score=score,
        same=score >= threshold and conflict is None,
        conflict=conflict,
        related=related,
        normalized_a=a.key,
        normalized_b=b.key,
    )


#: How ``rank`` blends its signals (weights chosen on the CheckThat! 2020 train split):
#: Okapi BM25 over the candidates (scaled so the best candidate is 100) and three rapidfuzz
#: scorers on the normalised words.
RANK_WEIGHTS = {"bm25": 0.5, "token_set_ratio": 0.1, "partial_token_sort_ratio": 0.2, "token_sort_ratio": 0.2}
_BM25_K1, _BM25_B = 1.2, 0.75


def _bm25(query_tokens: Sequence[str], documents: Sequence[Sequence[str]]):
    """Okapi BM25 of every document for the query (k1=1.2, b=0.75), as a numpy array."""
    import numpy

    lengths = numpy.asarray([len(d) for d in documents], dtype=numpy.float64)
    average = lengths.mean() if len(documents) else 0.0
    wanted = set(query_tokens)
    frequency: dict[str, dict[int, int]] = {token: {} for token in wanted}
    for index, document in enumerate(documents):
        for token in document:
            if token in wanted:
                counts = frequency[token]
                counts[index] = counts.get(index, 0) + 1
    scores = numpy.zeros(len(documents))
    norm = _BM25_K1 * (1 - _BM25_B + _BM25_B * lengths / (average or 1.0))
    for token, counts in frequency.items():
        if not counts:
            continue
        idf = math.log(1 + (len(documents) - len(counts) + 0.5) / (len(counts) + 0.5))
        indices = numpy.fromiter(counts.keys(), dtype=numpy.int64)
        tf = numpy.fromiter(counts.values(), dtype=numpy.float64)
        scores[indices] += idf * tf * (_BM25_K1 + 1) / (tf + norm[indices])
    return scores


def rank(query: str, candidates: Sequence[str], k: int = 5, lang: str | None = None) -> list[tuple[int, float]]:
    """The ``k`` candidates that best restate the claim in ``query``, as ``(index, score)``, best first.

    The score (0-100) blends BM25 over ``candidates`` (how many of the query's rarer words each
    candidate has) with rapidfuzz's token-set, token-sort and partial token-sort ratios on the
    normalised words (see ``RANK_WEIGHTS``). Ties keep the candidates' order.
    """
    import numpy

    if isinstance(k, bool) or not isinstance(k, int) or k < 0:
        raise ValueError(f"k must be a non-negative int, not {k!r}")
    candidates = list(candidates)
    code = _language([query, *candidates[:50]], lang)
    if not candidates or k == 0:
        return []
    query_features = _features(query, code)
    features = [_features(text, code) for text in candidates]
    keys = [f.key for f in features]
    bm25 = _bm25(query_features.tokens, [f.tokens for f in features])
    best = bm25.max()
    score = RANK_WEIGHTS["bm25"] * (100.0 * bm25 / best if best > 0 else bm25)
    for name in ("token_set_ratio", "partial_token_sort_ratio", "token_sort_ratio"):
        scorer = getattr(fuzz, name)
        score = score + RANK_WEIGHTS[name] * process.cdist([query_features.key], keys, scorer=scorer, workers=-1)[0]
    order = numpy.argsort(-score, kind="stable")[:k]
    return [(int(index), round(float(score[index]), 2)) for index in order]


# --- clustering -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    doc_id: str
    outlet: str | None
    lang: str
    attribution: Attribution
    features: _Features


def _entity_key(attribution: Attribution) -> str | None:
    entity = attribution.entity
    if entity is None or entity.kind == "anonymous":
        return None
    return entity.registry_id or f"{entity.kind}:{entity.name}"


class PairScorer:
    """Scores of claim pairs as ``compare`` uses them: rapidfuzz's score, scaled down when the
    shared words carry less than ``MIN_SHARED_WEIGHT`` of the shorter claim's word weight.

    A word's weight is its inverse document frequency over ``keys``, so words common in the
    collection ("Kim", "Russia" in a story about Kim in Russia) count for little and the rarer
    words that tell one claim from another count for much.
    """

    def __init__(self, keys: Sequence[str]):
        import numpy
        from scipy import sparse

        vocabulary: dict[str, int] = {}
        rows, columns = [], []
        for row, key in enumerate(keys):
            for token in set(key.split()):
                rows.append(row)
                columns.append(vocabulary.setdefault(token, len(vocabulary)))
        shape = (len(keys), max(1, len(vocabulary)))
        ones = numpy.ones(len(rows), dtype=numpy.float64)
        self.present = sparse.csr_matrix((ones, (rows, columns)), shape=shape)
        frequency = numpy.asarray(self.present.sum(axis=0)).ravel()
        weight = numpy.log1p(len(keys) / numpy.maximum(frequency, 1))
        self.weighted = self.present.multiply(weight).tocsr()
        self.totals = numpy.asarray(self.weighted.sum(axis=1)).ravel()

    def scale(self, rows, columns, raw):
        """``raw`` scores of the pairs ``(rows[k], columns[k])``, scaled for what they share."""
        import numpy

        if len(rows) == 0:
            return numpy.asarray(raw, dtype=numpy.float64)
        shared = numpy.asarray(self.weighted[rows].multiply(self.present[columns]).sum(axis=1)).ravel()
        shorter = numpy.minimum(self.totals[rows], self.totals[columns])
        ratio = numpy.divide(shared, shorter, out=numpy.ones_like(shared), where=shorter > 0)
        return numpy.asarray(raw, dtype=numpy.float64) * numpy.minimum(1.0, ratio / MIN_SHARED_WEIGHT)


def candidate_pairs(
    keys: Sequence[str],
    cutoff: float,
    groups: Sequence[object] | None = None,
    blocking: bool | None = None,
    scorer: PairScorer | None = None,
) -> dict[tuple[int, int], float]:
    """Pairs ``(i, j)``, ``i < j``, of ``keys`` whose score (see :class:`PairScorer`) reaches ``cutoff``.

    ``groups`` (e.g. the article of each claim) excludes pairs within one group. With
    ``blocking`` (the default above ``BRUTE_FORCE_LIMIT`` keys) a pair is scored only when one
    claim's ``BLOCK_KEYS`` rarest tokens include a token of the other; rapidfuzz's
    ``process.cdist`` scores each token's askers against every claim holding the token.
    """
    import numpy

    count = len(keys)
    if blocking is None:
        blocking = count > BRUTE_FORCE_LIMIT
    found_rows, found_columns, found_scores = [], [], []

    def score_block(queries: list[int], block: list[int]) -> None:
        workers = -1 if len(queries) * len(block) > 40_000 else 1
        matrix = process.cdist(
            [keys[index] for index in queries], [keys[index] for index in block],
            scorer=_SCORER, score_cutoff=cutoff, workers=workers,
        )
        rows, columns = numpy.nonzero(matrix)
        if len(rows):
            found_rows.append(numpy.asarray(queries)[rows])
            found_columns.append(numpy.asarray(block)[columns])
            found_scores.append(matrix[rows, columns])

    if not blocking:
        if count > 1:
            score_block(list(range(count)), list(range(count)))
    else:
        # Every claim is indexed under all its tokens (but those in more than MAX_BLOCK claims),
        # and looks itself up under its BLOCK_KEYS rarest ones: a pair is scored when one of
        # the two shares a rare word with the other.
        token_lists = [set(key.split()) for key in keys]
        postings: dict[str, list[int]] = defaultdict(list)
        for index, tokens in enumerate(token_lists):
            for token in tokens:
                postings[token].append(index)
        queries: dict[str, list[int]] = defaultdict(list)
        for index, tokens in enumerate(token_lists):
            usable = [token for token in tokens if 2 <= len(postings[token]) <= MAX_BLOCK]
            usable.sort(key=lambda token: (len(postings[token]), token))
            for token in usable[:BLOCK_KEYS]:
                queries[token].append(index)
        for token, asking in queries.items():
            score_block(asking, postings[token])
    if not found_rows:
        return {}
    first = numpy.concatenate(found_rows)
    second = numpy.concatenate(found_columns)
    raw = numpy.concatenate(found_scores)
    distinct = first != second
    first, second, raw = first[distinct], second[distinct], raw[distinct]
    low, high = numpy.minimum(first, second), numpy.maximum(first, second)
    _, unique = numpy.unique(low.astype(numpy.int64) * count + high, return_index=True)
    low, high, raw = low[unique], high[unique], raw[unique]
    if groups is not None:
        group_ids = {group: number for number, group in enumerate(dict.fromkeys(groups))}
        group_of = numpy.asarray([group_ids[group] for group in groups])
        apart = group_of[low] != group_of[high]
        low, high, raw = low[apart], high[apart], raw[apart]
    scores = (scorer or PairScorer(keys)).scale(low, high, raw)
    keep = scores >= cutoff
    return {
        (i, j): score
        for i, j, score in zip(low[keep].tolist(), high[keep].tolist(), scores[keep].tolist(), strict=True)
    }


def _cluster_id(members: Sequence[_Item]) -> str:
    digest = hashlib.sha1("\x1f".join(sorted(m.attribution.id for m in members)).encode("utf-8", "surrogatepass"))
    return "claim-" + digest.hexdigest()[:12]


def _form(attribution: Attribution) -> str:
    if attribution.kind == "direct":
        return "quote"
    if attribution.kind == "mixed" or attribution.quotes:
        return "partial_quote"
    return "paraphrase"


def _source(attribution: Attribution) -> tuple[str | None, str | None]:
    entity = attribution.entity
    if entity is None:
        return (attribution.speaker.text if attribution.speaker else None), None
    return entity.name, entity.kind


def _build_cluster(members: list[_Item]) -> ClaimCluster:
    if len(members) == 1:
        representative = 0
        scores = [100.0]
    else:
        import numpy

        keys = [m.features.key for m in members]
        # The medoid: the wording closest to all others (sought among the first
        # MEDOID_CANDIDATES members of a big cluster); ties go to the earliest member.
        matrix = process.cdist(keys[:MEDOID_CANDIDATES], keys, scorer=_SCORER, workers=-1 if len(keys) > 300 else 1)
        totals = numpy.asarray(matrix).sum(axis=1)
        representative = int(numpy.argmax(totals))
        scores = [float(matrix[representative, index]) for index in range(len(members))]
    rep = members[representative]
    mentions = []
    conflicts = set()
    for index, item in enumerate(members):
        conflict = None if index == representative else _conflict(rep.features, item.features, rep.lang)
        if conflict:
            conflicts.add(conflict)
        source, source_kind = _source(item.attribution)
        mentions.append(
            ClaimMention(
                doc_id=item.doc_id,
                outlet=item.outlet,
                attribution=item.attribution,
                score=round(scores[index], 2),
                representative=index == representative,
                source=source,
                source_kind=source_kind,
                form=_form(item.attribution),
                conflict=conflict,
            )
        )
    outlets = sorted({m.outlet for m in members if m.outlet is not None})
    divergence = []
    if len({(m.source, m.source_kind) for m in mentions}) > 1:
        divergence.append("source")
    if len({m.form for m in mentions}) > 1:
        divergence.append("form")
    if conflicts:
        divergence.append("conflict")
    return ClaimCluster(
        id=_cluster_id(members),
        text=rep.attribution.content.text,
        lang=rep.lang,
        members=mentions,
        outlets=outlets,
        conflicts=sorted(conflicts),
        divergence=divergence,
    )


def _items(docs: Iterable[Document]) -> list[_Item]:
    from claimtrack.audit import unique_documents

    items = []
    for doc in unique_documents(docs, "compare"):
        for attribution in doc.attributions:
            features = _features(attribution.content.text, doc.lang)
            items.append(_Item(doc.id, doc.outlet, doc.lang, attribution, features))
    # Input order must not matter: work in an order fixed by the documents themselves.
    items.sort(key=lambda item: (item.doc_id, item.attribution.content.start, item.attribution.id))
    return items


def compare(
    docs: Iterable[Document],
    threshold: float = DEFAULT_THRESHOLD,
    speaker_bonus: float = SPEAKER_BONUS,
    progress=None,
) -> list[ClaimCluster]:
    """Cluster the attributions of ``docs`` by the claim they state.

    Every attribution lands in exactly one cluster; a cluster holds at most one attribution per
    article. Clusters come largest first (most outlets, then most members), then by id. Members
    that conflict with the cluster's representative wording are kept and flagged.
    ``progress``, when given, is called with the number of languages done and the total.
    """
    items = _items(docs)
    by_language: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        by_language[item.lang].append(index)

    parent = list(range(len(items)))
    doc_sets: list[set[str]] = [{item.doc_id} for item in items]

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for done, (lang, indices) in enumerate(sorted(by_language.items()), start=1):
        keys = [items[index].features.key for index in indices]
        groups = [items[index].doc_id for index in indices]
        pairs = candidate_pairs(keys, max(0.0, threshold - speaker_bonus), groups)
        edges = []
        for (i, j), score in pairs.items():
            a, b = items[indices[i]], items[indices[j]]
            entity = _entity_key(a.attribution)
            if speaker_bonus and entity is not None and entity == _entity_key(b.attribution):
                score = min(100.0, score + speaker_bonus)
            if score >= threshold:
                edges.append((-score, indices[i], indices[j]))
        edges.sort()
        for _, i, j in edges:
            root_i, root_j = find(i), find(j)
            if root_i == root_j or not doc_sets[root_i].isdisjoint(doc_sets[root_j]):
                continue
            # Joining two formed clusters needs their founding claims to be related too, so
            # that a chain of small rewordings cannot walk one claim into another.
            if (root_i != i or root_j != j) and (
                _score(items[root_i].features, items[root_j].features) < RELATED_THRESHOLD
            ):
                continue
            if len(doc_sets[root_i]) < len(doc_sets[root_j]):
                root_i, root_j = root_j, root_i
            parent[root_j] = root_i
            doc_sets[root_i] |= doc_sets[root_j]
            doc_sets[root_j] = set()
        if progress is not None:
            progress(done, len(by_language))

    components: dict[int, list[_Item]] = defaultdict(list)
    for index, item in enumerate(items):
        components[find(index)].append(item)
    clusters = [_build_cluster(members) for members in components.values()]
    clusters.sort(key=lambda c: (-len(c.outlets), -len(c.members), c.id))
    return clusters


# --- coverage and divergence ----------------------------------------------------------------


class Coverage(BaseModel):
    """Which outlet carried which claim: an outlet x claim matrix and its extremes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    outlets: list[str]
    claims: list[str] = Field(description="Cluster ids, in the order of the matrix columns.")
    matrix: list[list[int]] = Field(description="matrix[o][c]: attributions of outlet o stating claim c.")
    single_outlet: dict[str, list[str]] = Field(description="Outlet -> claims that only it carried.")
    every_outlet: list[str] = Field(description="Claims that every outlet carried.")


UNKNOWN_OUTLET = "(no outlet)"


def coverage(clusters: Sequence[ClaimCluster]) -> Coverage:
    """The outlet x claim matrix of ``clusters`` (documents without an outlet count as one)."""
    outlets = sorted({m.outlet or UNKNOWN_OUTLET for c in clusters for m in c.members})
    position = {outlet: row for row, outlet in enumerate(outlets)}
    matrix = [[0] * len(clusters) for _ in outlets]
    for column, cluster in enumerate(clusters):
        for member in cluster.members:
            matrix[position[member.outlet or UNKNOWN_OUTLET]][column] += 1
    single: dict[str, list[str]] = {outlet: [] for outlet in outlets}
    every = []
    for column, cluster in enumerate(clusters):
        carriers = [outlets[row] for row in range(len(outlets)) if matrix[row][column]]
        if len(carriers) == 1 and len(outlets) > 1:
            single[carriers[0]].append(cluster.id)
        if len(carriers) == len(outlets) and outlets:
            every.append(cluster.id)
    return Coverage(
        outlets=outlets,
        claims=[c.id for c in clusters],
        matrix=matrix,
        single_outlet=single,
        every_outlet=every,
    )


def divergence(clusters: Sequence[ClaimCluster]) -> list[ClaimCluster]:
    """The clusters whose outlets differ: in source, in quote vs paraphrase, or in conflict."""
    return [cluster for cluster in clusters if cluster.divergence and len(cluster.members) > 1]
