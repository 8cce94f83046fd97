"""How fast English extraction could get by making the cue model's step cheaper.

    python benchmarks/spikes/ceiling.py PATH/TO/polnear/data/train/text [--rounds 5]

Times the whole ``claimtrack.extract`` over the articles (CPU time of one process, each run a
cold first pass as in ``bench_english.py``) with ``EnglishFinder.keep``, the step that builds a
candidate's features and sums the cue model's weights, in three forms, run in turn:

- **python**: as shipped;
- **native scorer**: ``native_keep.pyx`` compiled with Cython, if it was built (see its header);
  first checked to give the same output as the Python code on every article;
- **free scorer**: every decision and confidence read from a table recorded in a first pass, so
  the step costs next to nothing. No real implementation can beat this: it is the ceiling of
  any work on the cue model's step alone.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import statistics
import sys
import time

import claimtrack
from claimtrack.detect import english
from claimtrack.link import clear_parse_cache

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from count_instructions import _texts  # noqa: E402  (benchmarks/ is a folder of scripts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = _texts(args.folder, every=1)
    size = sum(map(len, texts))
    python_keep = english.EnglishFinder.keep
    claimtrack.extract(texts[0], lang="en")

    recorded = {}

    def recording(self, candidate, word, ratio, previous=None):
        kept = python_keep(self, candidate, word, ratio, previous)
        recorded[(self.text, candidate.cue, candidate.rule)] = (kept, candidate.confidence)
        return kept

    def free(self, candidate, word, ratio, previous=None):
        kept, candidate.confidence = recorded[(self.text, candidate.cue, candidate.rule)]
        return kept

    def digest() -> str:
        found = hashlib.sha256()
        for text in texts:
            found.update(claimtrack.extract(text, lang="en").model_dump_json().encode())
        return found.hexdigest()

    english.EnglishFinder.keep = recording
    reference = digest()
    variants = {"python": python_keep, "free scorer (ceiling)": free}
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    try:
        import native_keep
    except ImportError:
        print("native_keep is not built: timing without it (see native_keep.pyx)")
    else:
        english.EnglishFinder.keep = native_keep.keep
        if digest() != reference:
            raise SystemExit("native_keep gives another output than english.py: it is out of date")
        variants["native scorer"] = native_keep.keep
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.rounds):
        for name, keep in variants.items():
            english.EnglishFinder.keep = keep
            clear_parse_cache()
            started = time.process_time()
            for text in texts:
                claimtrack.extract(text, lang="en")
            times[name].append(time.process_time() - started)
    english.EnglishFinder.keep = python_keep
    print(f"{len(texts)} articles, {size:,} characters; Python {platform.python_version()}, "
          f"{os.cpu_count()} cores; output hash {reference[:16]}")
    print(f"{'M chars/s (CPU time, one core)':34s} best  median  worst   of {args.rounds} runs, in turn")
    for name, runs in times.items():
        print(f"{name:34s} {size / min(runs) / 1e6:4.2f}  {size / statistics.median(runs) / 1e6:6.2f}  "
              f"{size / max(runs) / 1e6:5.2f}")


if __name__ == "__main__":
    main()
