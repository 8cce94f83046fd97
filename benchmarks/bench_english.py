"""Speed of English extraction on a folder of articles (for instance PolNeAR's train split).

    python benchmarks/bench_english.py PATH/TO/polnear/data/train/text [--repeat 5]

Prints characters per second on one core (CPU time of this process) for the English grammar
alone (``claimtrack.detect.english.find``) and for the whole ``claimtrack.extract`` pipeline,
per article and on all articles concatenated into one text: the best, the median and the
worst of ``--repeat`` runs, since a shared virtual machine moves by ±20 % from run to run.

Every run is one cold pass over the articles: the mentions the linker parsed in earlier runs
are forgotten first (``claimtrack.link.clear_parse_cache``), so a run gains only from what
the articles of the folder share, as a user's first pass over a new corpus would. Loading
the language pack and the cue model happens once, before any run.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

import claimtrack
from claimtrack.detect import english
from claimtrack.languages import load_language
from claimtrack.link import clear_parse_cache


def runs(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        clear_parse_cache()
        started = time.process_time()
        function()
        times.append(time.process_time() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--repeat", type=int, default=5)
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
    print(f"{len(texts)} articles, {size:,} characters; Python {platform.python_version()}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} before the runs")
    print(f"{'M chars/s (CPU time, one core)':<40} {'best':>6} {'median':>7} {'worst':>6}   of {args.repeat} runs")
    for label, chars, function in rows:
        speeds = sorted(chars / seconds / 1e6 for seconds in runs(function, args.repeat))
        print(f"{label:<40} {speeds[-1]:6.2f} {statistics.median(speeds):7.2f} {speeds[0]:6.2f}")


if __name__ == "__main__":
    main()
