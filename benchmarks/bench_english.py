"""Speed of English extraction on a folder of articles (for instance PolNeAR's train split).

    python benchmarks/bench_english.py PATH/TO/polnear/data/train/text

Prints characters per second on one core, best of three runs, for the English grammar alone
(``claimtrack.detect.english.find``) and for the whole ``claimtrack.extract`` pipeline, both
per article and on all articles concatenated into one text.
"""

from __future__ import annotations

import argparse
import os
import time

import claimtrack
from claimtrack.detect import english
from claimtrack.languages import load_language


def best(function, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    names = sorted(n for n in os.listdir(args.folder) if n.endswith(".txt"))
    texts = []
    for name in names:
        with open(os.path.join(args.folder, name), encoding="utf-8", newline="") as handle:
            texts.append(handle.read())
    joined = "\n\n".join(texts)
    size = sum(map(len, texts))
    pack = load_language("en")
    claimtrack.extract(texts[0], lang="en")

    def finder_each():
        for text in texts:
            english.find(pack, pack.normalize_text(text))

    def extract_each():
        for text in texts:
            claimtrack.extract(text, lang="en")

    rows = [
        ("grammar (english.find), per article", size, finder_each),
        ("grammar (english.find), one text", len(joined), lambda: english.find(pack, pack.normalize_text(joined))),
        ("claimtrack.extract, per article", size, extract_each),
    ]
    print(f"{len(texts)} articles, {size:,} characters")
    for label, chars, function in rows:
        seconds = best(function, args.repeat)
        print(f"{label:<40} {chars / seconds / 1e6:6.2f} M chars/s")


if __name__ == "__main__":
    main()
