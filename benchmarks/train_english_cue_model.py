"""Train the English cue model on an annotated TRAIN split (PolNeAR layout).

The grammar proposes candidates from every lexicon word whose cue ratio reaches --min-ratio;
each candidate is labelled by whether it matches a gold attribution (content overlap >= 0.3,
the lenient PolNeAR criterion), and an L2-regularised logistic regression over the candidate's
features (claimtrack.detect.english.EnglishFinder.keep: the candidate's shape and its place in
the article) learns which to keep. A second round regenerates the candidates with the first
round's model deciding which ones shape the article, as in use. The weights are written as
JSON for claimtrack/languages/en_cue_model.json. About two minutes on two cores.

    python benchmarks/train_english_cue_model.py PATH/TO/polnear --out claimtrack/languages/en_cue_model.json

--holdout N keeps the last N train articles out of training and reports the figures on them
(still train data: dev is for reporting only).
"""

from __future__ import annotations

import argparse
import json

from claimtrack import evaluate
from claimtrack.detect import english
from claimtrack.languages import load_language


def examples(articles, min_ratio, model=None):
    """(features, label, article, index) for every candidate of the grammar. With a ``model``,
    only the candidates it keeps shape the article (which spans are taken, whose speaker a
    pronoun continues, where contents are cut), as they will in use; the first round, without
    one, keeps them all."""
    pack = load_language("en")
    rows = []
    for article in articles:
        if model is None:
            finder = english.EnglishFinder(pack, article.text, min_ratio=min_ratio, use_model=False)
            candidates = finder.find()
            features_of = finder.features
        else:
            finder = english.EnglishFinder(pack, article.text, min_ratio=min_ratio, model=model, collect=True)
            finder.find()
            candidates = [c for c, _f, _kept in finder.collected]
            features_of = [f for _c, f, _kept in finder.collected]
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
        for index, features in enumerate(features_of):
            rows.append((features, 1 if index in matched else 0, article.name, index))
    return rows


C = 0.1


def train(rows, c=None):
    """L2-regularised logistic regression (the objective of scikit-learn's LogisticRegression:
    C * sum of log losses + |w|^2 / 2, bias not penalised), fitted by L-BFGS on a sparse matrix.
    C = 0.1 was chosen by out-of-fold F1 on train (0.05, 0.1, 0.3 and 1.0 were tried)."""
    import numpy as np
    from scipy import optimize, sparse

    c = C if c is None else c
    index: dict[str, int] = {}
    data_rows, cols = [], []
    for i, (features, *_rest) in enumerate(rows):
        for f in sorted(set(features)):  # columns in a fixed order: the fit does not depend on string hashing
            cols.append(index.setdefault(f, len(index)))
            data_rows.append(i)
    matrix = sparse.csr_matrix((np.ones(len(cols)), (data_rows, cols)), shape=(len(rows), len(index)))
    labels = np.array([r[1] for r in rows], dtype=float)

    def objective(params):
        w, b = params[:-1], params[-1]
        z = matrix @ w + b
        # log(1 + e^z) - y z, computed stably
        loss = np.logaddexp(0.0, z) - labels * z
        p = 0.5 * (1.0 + np.tanh(0.5 * z))
        g = p - labels
        value = c * loss.sum() + 0.5 * w @ w
        grad = np.concatenate([c * (matrix.T @ g) + w, [c * g.sum()]])
        return value, grad

    result = optimize.minimize(objective, np.zeros(len(index) + 1), jac=True, method="L-BFGS-B",
                               options={"maxiter": 3000})
    names = list(index)
    weights = {names[j]: float(w) for j, w in enumerate(result.x[:-1])}
    return weights, float(result.x[-1])


def scorer(weights, bias):
    """The model's probability of a feature list, computed as claimtrack computes it in use
    (the model is built once: it lays its weights out in tables when it is made)."""
    return english.CueModel(weights, bias, threshold=0.5, min_ratio=0.0).probability


def cue_word(features):
    """The cue word of a candidate's feature list (its feature ``w=<word>``)."""
    return next(f[2:] for f in features if f.startswith("w=") and "|" not in f)


def best_threshold(scored, n_gold, floor):
    """(F1, precision, threshold) of the best F1 at precision >= floor over (probability, label)
    pairs sorted by decreasing probability."""
    true_positives, top = 0, (0.0, 0.0, 0.5)
    for kept, (p, label) in enumerate(scored, 1):
        true_positives += label
        precision, recall = true_positives / kept, true_positives / n_gold
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
        if precision >= floor and f1 > top[0]:
            top = (f1, precision, p)
    return top


def out_of_fold(rows, folds):
    """Probabilities from models that did not see the row's article (folds of whole articles)."""
    names = sorted({r[2] for r in rows})
    fold_of = {name: i % folds for i, name in enumerate(names)}
    scored = []
    for fold in range(folds):
        probability = scorer(*train([r for r in rows if fold_of[r[2]] != fold]))
        scored.extend((probability(r[0]), r[1]) for r in rows if fold_of[r[2]] == fold)
    return sorted(scored, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--split", default="train")
    parser.add_argument("--min-ratio", type=float, default=0.3)
    parser.add_argument("--threshold", type=float, default=None, help="fixed keep threshold (default: tuned)")
    parser.add_argument("--holdout", type=int, default=0)
    parser.add_argument("--min-precision", type=float, default=0.75,
                        help="the threshold is the best out-of-fold F1 at this precision or above")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds for the threshold (1: in-sample)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="round 2 regenerates the candidates with round 1's model deciding which shape the article")
    parser.add_argument("--out")
    parser.add_argument("--c", type=float, default=C, help="inverse strength of the L2 penalty")
    args = parser.parse_args()
    globals()["C"] = args.c
    if args.split != "train":
        parser.error("the model is trained on the train split only")
    articles = evaluate.load_articles(args.directory, "train")
    fit, held = (articles[: -args.holdout], articles[-args.holdout :]) if args.holdout else (articles, [])
    n_gold = sum(len([g for g in a.gold if g.content]) for a in fit)
    model = None
    for round_number in range(1, args.rounds + 1):
        rows = examples(fit, args.min_ratio, model)
        print(f"round {round_number}: {len(rows)} candidates, {sum(r[1] for r in rows)} real")
        weights, bias = train(rows)
        threshold = args.threshold
        if threshold is None and args.folds > 1:
            # chosen on predictions the model did not see: in-sample probabilities are over-confident
            scored = out_of_fold(rows, args.folds)
            f1, _precision, threshold = best_threshold(scored, n_gold, args.min_precision)
            threshold = round(threshold, 3)
            print(f"threshold {threshold} (out-of-fold F1 estimate {f1:.3f})")
            for floor in (0.72, 0.74, 0.75, 0.76, 0.78, 0.80):
                f1, precision, at = best_threshold(scored, n_gold, floor)
                print(f"  out-of-fold at precision >= {floor}: F1 {f1:.3f} P {precision:.3f} threshold {at:.3f}")
        if threshold is None:
            probability = scorer(weights, bias)
            scored = sorted(((probability(r[0]), r[1]) for r in rows), reverse=True)
            f1, _precision, threshold = best_threshold(scored, n_gold, args.min_precision)
            threshold = round(threshold, 3)
            print(f"threshold {threshold} (fitted F1 estimate {f1:.3f})")
        model = english.CueModel(weights, bias, threshold, args.min_ratio)
    if held:
        rows_held = examples(held, args.min_ratio, model)
        kept = [(r[1]) for r in rows_held if model.probability(r[0]) >= threshold]
        n_held = sum(len([g for g in a.gold if g.content]) for a in held)
        tp = sum(kept)
        p, r = tp / max(1, len(kept)), tp / max(1, n_held)
        print(f"held-out train articles: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}")
    # words the model keeps at most 2% of the time over 10+ proposals: left out of the pattern
    proposed, accepted = {}, {}
    for features, _label, *_ in rows:
        word = cue_word(features)
        proposed[word] = proposed.get(word, 0) + 1
        accepted[word] = accepted.get(word, 0) + (model.probability(features) >= threshold)
    never = sorted(w for w, n in proposed.items() if n >= 10 and accepted[w] <= 0.02 * n and " " not in w)
    print(f"{len(never)} words never kept: {never[:12]} ...")
    if args.out:
        kept_weights = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 0.01}
        model_data = {
            "about": "English cue model: logistic weights over candidate features, trained on the PolNeAR "
                     "train split by benchmarks/train_english_cue_model.py. Do not edit by hand.",
            "bias": round(bias, 4), "threshold": threshold, "min_ratio": args.min_ratio, "never_cues": never,
            "weights": kept_weights,
        }
        with open(args.out, "w", encoding="utf-8") as handle:
            json.dump(model_data, handle, ensure_ascii=False, indent=0)
            handle.write("\n")
        print(f"wrote {len(kept_weights)} weights to {args.out}")

if __name__ == "__main__":
    main()
