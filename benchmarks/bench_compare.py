"""Scale benchmark: cluster 100,000 claims with blocking, and measure what blocking misses.

    python benchmarks/bench_compare.py [--claims 100000] [--sample 400] [--seed 1]

One run does both:

1. ``claimtrack.compare`` on N synthetic claims (one document each, so every pair may merge),
   timed end to end (normalisation, blocking, scoring, clustering, result models).
2. Recall of blocking against brute force: for a random sample of claims, every claim in the
   whole collection is scored with ``rapidfuzz.process.cdist`` (no blocking); the pairs at or
   above the default threshold are the truth, and recall is the share of them that the blocked
   candidate generation (the same one ``compare`` uses) also produced.

The claims are synthetic English-like news sentences: pseudo-words drawn from a Zipf
distribution (so there are very common and very rare words, as in news), stop words, numbers,
and for each base claim 0-4 rewordings (words dropped, added, reordered, a number changed).
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import sys
import time

import numpy
from rapidfuzz import process

import claimtrack
from claimtrack.compare import _SCORER, DEFAULT_THRESHOLD, SPEAKER_BONUS, PairScorer, _features, candidate_pairs
from claimtrack.models import Attribution, Document, Span

STOPWORDS = ["the", "a", "of", "to", "in", "on", "and", "said", "that", "for", "with", "by"]


def vocabulary(rng: random.Random, size: int) -> list[str]:
    letters = "etaoinshrdlcumwfgypbvkjxqz"
    frequency = [12, 9, 8, 8, 7, 7, 6, 6, 6, 4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(letters, weights=frequency, k=rng.randint(3, 10))))
    ordered = sorted(words)
    rng.shuffle(ordered)  # frequency rank must not follow spelling
    return ordered


def synthetic_claims(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    # The commonest words of a Zipf vocabulary are function words, which claimtrack drops as
    # stop words: content words start at rank 100.
    words = vocabulary(rng, 50_000)
    cumulative = list(itertools.accumulate(1 / (rank + 100) ** 1.05 for rank in range(len(words))))
    claims: list[str] = []
    while len(claims) < count:
        content = rng.choices(words, cum_weights=cumulative, k=rng.randint(6, 16))
        base = []
        for word in content:
            base.append(word)
            if rng.random() < 0.3:
                base.append(rng.choice(STOPWORDS))
        if rng.random() < 0.3:
            base.insert(rng.randrange(len(base)), str(rng.randint(2, 5000)))
        claims.append(" ".join(base))
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 4])):
            variant = [w for w in base if rng.random() > 0.15]
            for _ in range(rng.randint(0, 2)):
                variant.insert(rng.randrange(len(variant) + 1), rng.choices(words, cum_weights=cumulative)[0])
            if rng.random() < 0.3 and len(variant) > 3:
                i = rng.randrange(len(variant) - 1)
                variant[i], variant[i + 1] = variant[i + 1], variant[i]
            claims.append(" ".join(variant))
    return claims[:count]


def documents(claims: list[str]) -> list[Document]:
    docs = []
    for number, claim in enumerate(claims):
        text = f"Officials said {claim}."
        start = len("Officials said ")
        attribution = Attribution.model_construct(
            id=f"d{number}:a1",
            kind="indirect",
            cue=Span.of(text, 10, 14),
            content=Span.of(text, start, start + len(claim)),
            quotes=[],
            speaker=Span.of(text, 0, 9),
            entity=None,
            relay=None,
            relay_entity=None,
            confidence=0.9,
            rule="bench",
            sentence=None,
        )
        docs.append(
            Document.model_construct(
                id=f"d{number}", outlet=f"outlet{number % 50}", lang="en", text=text,
                attributions=[attribution], entities=[],
            )
        )
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=400, help="claims brute-forced against all others")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    claims = synthetic_claims(args.claims, args.seed)
    docs = documents(claims)

    started = time.perf_counter()
    clusters = claimtrack.compare(docs)
    elapsed = time.perf_counter() - started
    multi = sum(1 for c in clusters if len(c.members) > 1)
    print(f"compare: {len(claims):,} claims -> {len(clusters):,} clusters ({multi:,} with 2+ members) "
          f"in {elapsed:.1f} s")

    keys = [_features(claim, "en").key for claim in claims]
    scorer = PairScorer(keys)
    started = time.perf_counter()
    blocked = candidate_pairs(keys, DEFAULT_THRESHOLD - SPEAKER_BONUS, blocking=True, scorer=scorer)
    blocking_seconds = time.perf_counter() - started

    rng = random.Random(args.seed + 1)
    sample = sorted(rng.sample(range(len(keys)), min(args.sample, len(keys))))
    started = time.perf_counter()
    matrix = process.cdist(
        [keys[i] for i in sample], keys, scorer=_SCORER, score_cutoff=DEFAULT_THRESHOLD, workers=-1
    )
    brute_seconds = time.perf_counter() - started
    # The truth: every pair of a sampled claim with any other whose compare score (the same
    # rarity scaling compare applies) reaches the threshold.
    rows, columns = numpy.nonzero(matrix)
    sampled = numpy.asarray(sample)[rows]
    other = columns[columns != sampled]
    raw = matrix[rows, columns][columns != sampled]
    sampled = sampled[columns != sampled]
    final = scorer.scale(sampled, other, raw)
    truth = 0
    found = 0
    for i, j in zip(sampled[final >= DEFAULT_THRESHOLD].tolist(), other[final >= DEFAULT_THRESHOLD].tolist(), strict=True):
        truth += 1
        pair = (i, j) if i < j else (j, i)
        if blocked.get(pair, 0) >= DEFAULT_THRESHOLD:
            found += 1
    pairs_scored = len(sample) * len(keys)
    print(f"brute force: {len(sample)} sampled claims x {len(keys):,} = {pairs_scored:,} pairs in "
          f"{brute_seconds:.1f} s ({pairs_scored / brute_seconds / 1e6:.2f} M pairs/s); "
          f"{truth} pairs at or above {DEFAULT_THRESHOLD:g}")
    recall = found / truth if truth else 1.0
    print(f"blocking: candidate pairs in {blocking_seconds:.1f} s; recall of brute-force pairs {recall:.4f} "
          f"({found}/{truth})")
    full_brute = len(keys) * (len(keys) - 1) / 2 / (pairs_scored / brute_seconds)
    print(f"estimated all-pairs brute force on this machine: {full_brute / 60:.0f} min")
    ok = elapsed < 60 and recall >= 0.95
    print("PASS" if ok else "FAIL", "(target: under 60 s, recall >= 0.95)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
