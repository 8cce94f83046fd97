"""Instructions that English extraction costs, counted by callgrind.

    python benchmarks/count_instructions.py PATH/TO/polnear/data/train/text [--every 7]

Wall-clock figures on a shared virtual machine move by ±25 % from run to run, which hides any
change worth less than that. An instruction count does not move: the same code on the same
input gives the same count whatever else the machine is doing. This script extracts every
``--every``-th article of the folder (120 of PolNeAR's 840 train articles by default) under
valgrind's callgrind, once after a warm-up and once with the warm-up alone, and prints the
difference: what the extraction itself costs, without imports and loading the language pack.
Python's string hashing is seeded (``PYTHONHASHSEED=0``) so that dictionary layouts repeat.

It takes one to two minutes. It needs valgrind (Debian: ``apt install valgrind``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys


def _texts(folder: str, every: int) -> list[str]:
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))[::every]
    texts = []
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as handle:
            texts.append(handle.read())
    return texts


def _child(folder: str, every: int, mode: str) -> None:
    import claimtrack

    texts = _texts(folder, every)
    claimtrack.extract(texts[0], lang="en")  # loads the pack, the cue model and the registry
    if mode == "extract":
        for text in texts:
            claimtrack.extract(text, lang="en")


def _count(folder: str, every: int, mode: str) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
               sys.executable, __file__, folder, "--every", str(every), "--child", mode]
    env = dict(os.environ, PYTHONHASHSEED="0")
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--every", type=int, default=7, help="take every N-th article (default 7)")
    parser.add_argument("--child", choices=("extract", "warm"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.folder, args.every, args.child)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    texts = _texts(args.folder, args.every)
    extract = _count(args.folder, args.every, "extract")
    warm = _count(args.folder, args.every, "warm")
    print(f"{len(texts)} articles, {sum(map(len, texts)):,} characters: "
          f"{(extract - warm) / 1e6:,.0f} M instructions for extraction "
          f"({extract / 1e6:,.0f} M in all, {warm / 1e6:,.0f} M of them loading)")


if __name__ == "__main__":
    main()
