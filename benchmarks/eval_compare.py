"""Measure claimtrack's claim matcher on third-party data (never copied into the repo).

    python benchmarks/eval_compare.py ../shared/eval            # both sets, dev split
    python benchmarks/eval_compare.py ../shared/eval --split train --sweep

ANS (Arabic headline pairs): share of ``agree`` pairs that ``match`` calls the same claim, and
share of ``disagree`` pairs flagged as conflicting (``conflict`` set) rather than silently merged
(``same`` true with no conflict). ``--sweep`` prints the figures for several scorers and
thresholds, with the share of hard negatives (each headline against the most similar *other*
headline of the split) kept apart, to choose the default on the train split.

CheckThat! 2020 task 2 (English tweets -> verified claims): MAP@5 of ``rank`` beside a plain
Okapi BM25 (k1=1.2, b=0.75) over the same tokens, on the same split.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz import fuzz, process

import claimtrack
from claimtrack.compare import DEFAULT_THRESHOLD, _features, match, rank

csv.field_size_limit(sys.maxsize)


def read_ans(root: Path, split: str) -> list[tuple[str, str, str]]:
    with open(root / "ans" / "data" / "stance" / f"{split}.csv", encoding="utf-8", newline="") as handle:
        return [(row["s1"], row["s2"], row["stance"]) for row in csv.DictReader(handle)]


def ans_figures(pairs, threshold: float) -> dict[str, float]:
    agree = [p for p in pairs if p[2] == "agree"]
    disagree = [p for p in pairs if p[2] == "disagree"]
    agree_same = sum(match(a, b, lang="ar", threshold=threshold).same for a, b, _ in agree)
    flagged = merged = apart = 0
    for a, b, _ in disagree:
        result = match(a, b, lang="ar", threshold=threshold)
        if result.conflict:
            flagged += 1
        elif result.same:
            merged += 1
        else:
            apart += 1
    return {
        "agree_pairs": len(agree),
        "agree_matched": agree_same / len(agree),
        "disagree_pairs": len(disagree),
        "disagree_flagged": flagged / len(disagree),
        "disagree_silently_merged": merged / len(disagree),
        "disagree_kept_apart_unflagged": apart / len(disagree),
    }


def hard_negatives(pairs) -> list[tuple[str, str]]:
    """Each distinct headline with the most similar other headline of the split."""
    heads = sorted({a for a, _, _ in pairs})
    keys = [_features(h, "ar").key for h in heads]
    matrix = process.cdist(keys, keys, scorer=fuzz.token_sort_ratio, workers=-1)
    result = []
    for i in range(len(heads)):
        matrix[i, i] = -1
        j = int(matrix[i].argmax())
        result.append((heads[i], heads[j]))
    return result


def sweep(pairs) -> None:
    negatives = hard_negatives(pairs)
    agree = [(a, b) for a, b, s in pairs if s == "agree"]
    scorers = {
        "token_set_ratio": fuzz.token_set_ratio,
        "token_sort_ratio": fuzz.token_sort_ratio,
        "ratio": fuzz.ratio,
        "WRatio": fuzz.WRatio,
        "partial_token_set_ratio": fuzz.partial_token_set_ratio,
    }
    for name, scorer in scorers.items():
        pos = [scorer(_features(a, "ar").key, _features(b, "ar").key) for a, b in agree]
        neg = [scorer(_features(a, "ar").key, _features(b, "ar").key) for a, b in negatives]
        line = []
        for threshold in (40, 45, 50, 55, 60, 65, 70, 75, 80):
            recall = sum(s >= threshold for s in pos) / len(pos)
            false = sum(s >= threshold for s in neg) / len(neg)
            line.append(f"{threshold}: agree {recall:.2f} hardneg {false:.2f}")
        print(f"{name:24s} " + " | ".join(line))


# --- CheckThat ------------------------------------------------------------------------------


def read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return rows[1:]


def read_checkthat(root: Path, split: str):
    base = root / "checkthat2020-en"
    claims = [(row[0], row[1]) for row in read_tsv(base / "verified_claims.docs.tsv")]
    tweets = [(row[0], row[1]) for row in read_tsv(base / split / "tweets.queries.tsv")]
    qrels: dict[str, set[str]] = defaultdict(set)
    for line in (base / split / "tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").split("\n"):
        parts = line.split()
        if len(parts) == 4 and parts[3] == "1":
            qrels[parts[0]].add(parts[2])
    return claims, tweets, qrels


def average_precision_at(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    hits = 0
    total = 0.0
    for position, item in enumerate(ranked[:k], start=1):
        if item in relevant:
            hits += 1
            total += hits / position
    return total / min(len(relevant), k) if relevant else 0.0


class BM25:
    """Plain Okapi BM25 over claimtrack's English tokens (stop words removed)."""

    def __init__(self, documents: list[list[str]], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.lengths = [len(d) for d in documents]
        self.average = sum(self.lengths) / len(documents)
        self.frequencies = [Counter(d) for d in documents]
        df: Counter[str] = Counter()
        for d in documents:
            df.update(set(d))
        n = len(documents)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.postings: dict[str, list[int]] = defaultdict(list)
        for index, d in enumerate(self.frequencies):
            for token in d:
                self.postings[token].append(index)

    def top(self, query: list[str], k: int) -> list[int]:
        scores: dict[int, float] = defaultdict(float)
        for token in set(query):
            idf = self.idf.get(token)
            if idf is None:
                continue
            for index in self.postings[token]:
                tf = self.frequencies[index][token]
                norm = self.k1 * (1 - self.b + self.b * self.lengths[index] / self.average)
                scores[index] += idf * tf * (self.k1 + 1) / (tf + norm)
        return [i for i, _ in sorted(scores.items(), key=lambda p: (-p[1], p[0]))[:k]]


def checkthat(root: Path, split: str) -> dict[str, float]:
    claims, tweets, qrels = read_checkthat(root, split)
    texts = [text for _, text in claims]
    ids = [claim_id for claim_id, _ in claims]
    bm25 = BM25([list(_features(t, "en").tokens) for t in texts])
    ours = baseline = 0.0
    started = time.perf_counter()
    evaluated = 0
    for tweet_id, tweet in tweets:
        relevant = qrels.get(tweet_id)
        if not relevant:
            continue
        evaluated += 1
        ranked = [ids[i] for i, _ in rank(tweet, texts, k=5, lang="en")]
        ours += average_precision_at(ranked, relevant)
        baseline += average_precision_at([ids[i] for i in bm25.top(list(_features(tweet, "en").tokens), 5)], relevant)
    return {
        "tweets": evaluated,
        "claims": len(claims),
        "map5_rank": ours / evaluated,
        "map5_bm25": baseline / evaluated,
        "seconds": time.perf_counter() - started,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_root", type=Path, help="the folder holding ans/ and checkthat2020-en/")
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--sweep", action="store_true", help="scorer/threshold sweep on ANS")
    parser.add_argument("--only", choices=["ans", "checkthat"])
    args = parser.parse_args(argv)
    print(f"claimtrack {claimtrack.__version__}, split {args.split}, threshold {DEFAULT_THRESHOLD}")
    if args.only in (None, "ans"):
        pairs = read_ans(args.eval_root, args.split)
        if args.sweep:
            sweep(pairs)
        for key, value in ans_figures(pairs, DEFAULT_THRESHOLD).items():
            print(f"ANS {key}: {value:.3f}" if isinstance(value, float) else f"ANS {key}: {value}")
    if args.only in (None, "checkthat"):
        for key, value in checkthat(args.eval_root, args.split).items():
            print(f"CheckThat {key}: {value:.4f}" if isinstance(value, float) else f"CheckThat {key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
