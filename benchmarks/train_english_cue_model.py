"""Train the English cue model on an annotated TRAIN split (PolNeAR layout).

The grammar proposes candidates from every lexicon word whose cue ratio reaches --min-ratio;
each candidate is labelled by whether it matches a gold attribution (content overlap >= 0.3,
the lenient PolNeAR criterion), and a logistic regression over the candidate's features
(claimtrack.detect.english.candidate_features) learns which to keep. The weights are written as
TOML for claimtrack/languages/en_cue_model.toml.

    python benchmarks/train_english_cue_model.py PATH/TO/polnear --out claimtrack/languages/en_cue_model.toml

--holdout N keeps the last N train articles out of training and reports the figures on them
(still train data: dev is for reporting only).
"""

from __future__ import annotations

import argparse
import json
import math
import random

from claimtrack import evaluate
from claimtrack.detect import english
from claimtrack.languages import load_language


def examples(articles, min_ratio):
    pack = load_language("en")
    rows = []
    for article in articles:
        finder = english.EnglishFinder(pack, article.text, min_ratio=min_ratio, use_model=False)
        candidates = finder.find()
        text = article.text
        gold = [{k: evaluate._chars(getattr(g, k), text) for k in evaluate.ROLES} for g in article.gold]
        predicted = []
        for candidate in candidates:
            content = candidate.quotes if candidate.quotes and candidate.kind == "direct" else [candidate.content]
            predicted.append({"content": evaluate._chars(content, text),
                              "cue": evaluate._chars([candidate.cue], text),
                              "source": evaluate._chars([candidate.speaker] if candidate.speaker else [], text)})
        gold = [g for g in gold if g["content"]]
        matched = {p for overlap, _g, p in evaluate._match(gold, predicted) if overlap >= 0.3}
        for index, features in enumerate(finder.features):
            rows.append((features, 1 if index in matched else 0, article.name, index))
    return rows


L2 = 1e-5


def train(rows, epochs=12, rate=0.05, l2=None, seed=7):
    l2 = L2 if l2 is None else l2
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(rows)))
    generator = random.Random(seed)
    for epoch in range(epochs):
        generator.shuffle(order)
        step = rate / (1 + epoch * 0.5)
        for i in order:
            features, label, *_ = rows[i]
            score = bias + sum(weights.get(f, 0.0) for f in features)
            probability = 1 / (1 + math.exp(-max(-30, min(30, score))))
            gradient = label - probability
            bias += step * gradient
            for f in features:
                w = weights.get(f, 0.0)
                weights[f] = w + step * (gradient - l2 * w)
    return weights, bias


def probability(weights, bias, features):
    score = bias + sum(weights.get(f, 0.0) for f in features)
    return 1 / (1 + math.exp(-max(-30, min(30, score))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--split", default="train")
    parser.add_argument("--min-ratio", type=float, default=0.2)
    parser.add_argument("--threshold", type=float, default=None, help="fixed keep threshold (default: tuned)")
    parser.add_argument("--holdout", type=int, default=0)
    parser.add_argument("--min-precision", type=float, default=0.78)
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds for the threshold (1: in-sample)")
    parser.add_argument("--out")
    parser.add_argument("--l2", type=float, default=L2, help="weight decay per update")
    args = parser.parse_args()
    globals()["L2"] = args.l2
    if args.split != "train":
        parser.error("the model is trained on the train split only")
    articles = evaluate.load_articles(args.directory, "train")
    fit, held = (articles[: -args.holdout], articles[-args.holdout :]) if args.holdout else (articles, [])
    rows = examples(fit, args.min_ratio)
    print(f"{len(rows)} candidates, {sum(r[1] for r in rows)} real")
    weights, bias = train(rows)
    threshold = args.threshold
    if threshold is None and args.folds > 1:
        # out-of-fold probabilities (folds of whole articles), so the threshold is chosen on
        # predictions the model did not see: in-sample probabilities are over-confident
        names = sorted({r[2] for r in rows})
        fold_of = {name: i % args.folds for i, name in enumerate(names)}
        scored = []
        for fold in range(args.folds):
            fold_weights, fold_bias = train([r for r in rows if fold_of[r[2]] != fold])
            scored.extend((probability(fold_weights, fold_bias, r[0]), r[1]) for r in rows if fold_of[r[2]] == fold)
        scored.sort(reverse=True)
        n_gold = sum(len([g for g in a.gold if g.content]) for a in fit)
        best = (0.0, 0.5)
        true_positives = 0
        for kept, (p, label) in enumerate(scored, 1):
            true_positives += label
            precision, recall = true_positives / kept, true_positives / n_gold
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
            if precision >= args.min_precision and f1 > best[0]:
                best = (f1, p)
        threshold = round(best[1], 3)
        print(f"threshold {threshold} (out-of-fold F1 estimate {best[0]:.3f})")
        for floor in (0.72, 0.74, 0.76, 0.78, 0.80):
            tp, top = 0, (0.0, 0.0, 0.0)
            for kept, (p, label) in enumerate(scored, 1):
                tp += label
                precision, recall = tp / kept, tp / n_gold
                f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
                if precision >= floor and f1 > top[0]:
                    top = (f1, precision, p)
            print(f"  out-of-fold at precision >= {floor}: F1 {top[0]:.3f} P {top[1]:.3f} threshold {top[2]:.3f}")
    if threshold is None:
        # the threshold that maximises F1 on the fitted articles at or above --min-precision
        n_gold = sum(len([g for g in a.gold if g.content]) for a in fit)
        scored = sorted(((probability(weights, bias, r[0]), r[1]) for r in rows), reverse=True)
        best = (0.0, 0.5)
        true_positives = 0
        for kept, (p, label) in enumerate(scored, 1):
            true_positives += label
            precision, recall = true_positives / kept, true_positives / n_gold
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
            if precision >= args.min_precision and f1 > best[0]:
                best = (f1, p)
        threshold = round(best[1], 3)
        print(f"threshold {threshold} (fitted F1 estimate {best[0]:.3f})")
    if held:
        rows_held = examples(held, args.min_ratio)
        kept = [(r[1]) for r in rows_held if probability(weights, bias, r[0]) >= threshold]
        n_gold = sum(len([g for g in a.gold if g.content]) for a in held)
        tp = sum(kept)
        p, r = tp / max(1, len(kept)), tp / max(1, n_gold)
        print(f"held-out train articles: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}")
    # words the model keeps at most 2% of the time over 10+ proposals: left out of the pattern
    proposed, accepted = {}, {}
    for features, _label, *_ in rows:
        word = features[0][2:]
        proposed[word] = proposed.get(word, 0) + 1
        accepted[word] = accepted.get(word, 0) + (probability(weights, bias, features) >= threshold)
    never = sorted(w for w, n in proposed.items() if n >= 10 and accepted[w] <= 0.02 * n and " " not in w)
    print(f"{len(never)} words never kept: {never[:12]} ...")
    if args.out:
        kept_weights = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 0.05}
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write("# English cue model: logistic weights over candidate features, trained on the\n")
            handle.write("# PolNeAR train split by benchmarks/train_english_cue_model.py. Do not edit by hand.\n")
            handle.write(f"bias = {bias:.4f}\nthreshold = {threshold}\nmin_ratio = {args.min_ratio}\n")
            handle.write(f"never_cues = {json.dumps(never)}\n\n[weights]\n")
            for feature, weight in kept_weights.items():
                handle.write(f"{json.dumps(feature)} = {weight}\n")  # a JSON string is a TOML basic string
        print(f"wrote {len(kept_weights)} weights to {args.out}")


if __name__ == "__main__":
    main()
