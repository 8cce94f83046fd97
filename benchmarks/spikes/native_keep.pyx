# cython: language_level=3, boundscheck=False, wraparound=False, binding=True
"""A measurement, not part of the package: ``EnglishFinder.keep`` compiled with Cython.

It mirrors ``claimtrack.detect.english.candidate_keys`` and ``EnglishFinder.keep`` as they are
at commit d59f10e (the same feature names, looked up in the same weight tables), with the
tokens around the cue read character by character instead of with ``TOKEN.findall``.
``ceiling.py`` checks that it gives the same output as the Python code before it times it; if
``english.py`` has changed since, that check says whether this copy still agrees.

Build it in place (needs Cython and a C compiler), then run ``ceiling.py``:

    cythonize -i benchmarks/spikes/native_keep.pyx
"""
from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISSPACE
from libc.math cimport exp

from claimtrack.detect import english as _en

cdef dict _CLASSES = _en._WORD_CLASSES
_word_class = _en._word_class
cdef dict _RULES = _en._RULE_NAMES
_rule_name = _en._rule_name
cdef list _BUCKETS = _en._LENGTH_BUCKETS
cdef dict _NO = {}


cdef inline bint _joiner(Py_UCS4 c):
    return c == u"'" or c == u"’" or c == u"." or c == u"-"


cdef Py_ssize_t _token_end(str text, Py_ssize_t i, Py_ssize_t end):
    """End of TOKEN's match at ``i`` (``text[i]`` is not a space), not past ``end``."""
    if not Py_UNICODE_ISALNUM(text[i]):
        return i + 1  # [^\s\w] or _
    i += 1
    while True:
        while i < end and Py_UNICODE_ISALNUM(text[i]):
            i += 1
        if i + 1 < end and _joiner(text[i]) and Py_UNICODE_ISALNUM(text[i + 1]):
            i += 1
            continue
        return i


cdef str _bucket(str text, Py_ssize_t start, Py_ssize_t end):
    cdef Py_ssize_t count = text.count(" ", start, min(end, start + 600)) + 1 if end > start else 0
    return _BUCKETS[count] if count < len(_BUCKETS) else "31+"


cdef inline str _cls(str token):
    cdef object known = _CLASSES.get(token)
    return <str>(known if known is not None else _word_class(token))


cpdef tuple keys(str text, object candidate, double ratio, object pronouns):
    cdef Py_ssize_t cue_start, cue_end, i, j, n, p0 = -1, p1 = -1, q0 = -1, q1 = -1, t0 = -1
    cdef Py_ssize_t ss, se, gap, cs, ce
    cdef str pw, nw, previous_class, previous2, next_class, next2, speaker, speaker_length, speaker_head, distance
    rule = _RULES.get(candidate.rule) or _rule_name(candidate.rule)
    cue_start, cue_end = candidate.cue
    # the last two tokens of the 30 characters before the cue
    i = cue_start - 30 if cue_start > 30 else 0
    while i < cue_start:
        if Py_UNICODE_ISSPACE(text[i]):
            i += 1
            continue
        j = _token_end(text, i, cue_start)
        p0, p1, q0, q1 = q0, q1, i, j
        i = j
    if q0 >= 0:
        pw = text[q0:q1]
        previous_class = _cls(pw)
        previous2 = _cls(text[p0:p1]) if p0 >= 0 else "none"
        pw = pw.lower()
    else:
        pw, previous_class, previous2 = "", "none", "none"
    # the first two tokens of the 30 characters after it
    n = min(cue_end + 30, len(text))
    i = cue_end
    nw, next_class, next2 = "", "none", "none"
    while i < n:
        if Py_UNICODE_ISSPACE(text[i]):
            i += 1
            continue
        j = _token_end(text, i, n)
        if t0 < 0:
            t0 = i
            nw = text[i:j]
            next_class = _cls(nw)
            nw = nw.lower()
        else:
            next2 = _cls(text[i:j])
            break
        i = j
    speaker_range = candidate.speaker
    if speaker_range is None:
        speaker, speaker_length, speaker_head, distance = "none", "0", "", "none"
    else:
        ss, se = speaker_range
        i = ss
        while i < se and Py_UNICODE_ISSPACE(text[i]):
            i += 1
        first = text[i:_token_end(text, i, se)] if i < se else ""
        speaker = "pron" if first.lower() in pronouns else _word_class(first)
        speaker_length = _bucket(text, ss, se)
        speaker_head = _en._word_before(text, max(ss, se - 30), se + 1).lower()
        if ss >= cue_end:
            distance = "after"
        else:
            gap = cue_start - se
            distance = "adj" if gap <= 1 else "near" if gap <= 3 else "mid" if gap <= 40 else "far"
    cs, ce = candidate.content
    last = text[ce - 1] if ce > cs else ""
    content_end = last if last in ".?!,”\"'’)" else "w"
    i = cs
    while i < ce and Py_UNICODE_ISSPACE(text[i]):
        i += 1
    content_first = _word_class(text[i:_token_end(text, i, ce)] if i < ce else None)
    content_length = _bucket(text, cs, ce)
    kind = candidate.kind
    r, s, cf, p, nn = f"r={rule}", f"s={speaker}", f"cf={content_first}", f"p={previous_class}", f"n={next_class}"
    pp_p, n_nn, sd, sw = f"pp={previous2}|{p}", f"{nn}|nn={next2}", f"sd={distance}", f"sw={speaker_head}"
    general = [
        r, f"k={kind}", s, f"sl={speaker_length}", f"cl={content_length}", cf, p, nn, f"{r}|{cf}", f"{r}|{s}",
        f"rb={int(ratio * 10)}", f"{r}|cl={content_length}", f"k={kind}|cl={content_length}", pp_p, n_nn,
        sd, f"{r}|{sd}", f"ce={content_end}", f"k={kind}|ce={content_end}", f"pw={pw}", f"nw={nw}", sw,
    ]
    conjoined = ["", r, s, cf, nn, p, f"{s}|{cf}", pp_p, n_nn, sd, sw]
    return general, conjoined


def keep(self, candidate, str word, double ratio, previous=None):
    """``EnglishFinder.keep`` for a finder with a model and without ``collect``."""
    general, conjoined = keys(self.text, candidate, ratio, self.grammar.pronouns)
    nested = "nest=1" if previous is not None and previous.content[0] <= candidate.cue[0] < previous.content[1] else "nest=0"
    if previous is None:
        gap = "pg=none"
    else:
        distance = candidate.cue[0] - previous.cue[1]
        gap = "pg=near" if distance < 40 else "pg=mid" if distance < 200 else "pg=far"
    general += [nested, gap, f"{nested}|{gap}", f"ss={int(previous is not None and candidate.speaker == previous.speaker)}"]
    conjoined += [nested, gap]
    model = self.model
    if model is None or self.collect:
        raise NotImplementedError("the spike scores only; train with the Python code")
    cdef dict weights = model.general
    cdef dict word_weights = model.conjoined.get(word, _NO)
    values = [weights.get(name, 0.0) for name in general]
    values += [word_weights.get(name, 0.0) for name in conjoined]
    score = model.bias + sum(values)  # the same sum as CueModel._logistic, in the same order
    probability = 1.0 / (1.0 + exp(-max(-30.0, min(30.0, score))))
    if probability < model.threshold:
        return False
    candidate.confidence = round(probability, 3)
    return True
