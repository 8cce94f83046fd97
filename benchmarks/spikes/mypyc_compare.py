"""How fast English extraction gets when its own Python source is compiled with mypyc.

    pip install mypy
    python benchmarks/spikes/mypyc_compare.py PATH/TO/polnear/data/train/text [--rounds 2]

A compile of the same source is the one way to native speed without a second implementation
to keep in step with the first. This script copies the package into a temporary folder,
compiles the modules of the extraction path there with mypyc (they type-check cleanly, which
mypyc needs), checks that the compiled copy gives the same output as this checkout on every
article, and then runs ``benchmarks/bench_english.py`` on both, in turn, ``--rounds`` times.

Nothing in the package imports the compiled copy, and it is deleted at the end: this is a
measurement, not a build option.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
COMPILED = [
    "claimtrack/detect/__init__.py",
    "claimtrack/detect/quotes.py",
    "claimtrack/detect/english.py",
    "claimtrack/text.py",
    "claimtrack/link.py",
    "claimtrack/pipeline.py",
]
DIGEST = """
import hashlib, os, sys, claimtrack
folder = sys.argv[1]
found = hashlib.sha256()
for name in sorted(n for n in os.listdir(folder) if n.endswith(".txt")):
    with open(os.path.join(folder, name), encoding="utf-8", newline="") as handle:
        found.update(claimtrack.extract(handle.read(), lang="en").model_dump_json().encode())
print(found.hexdigest())
"""


def run(code_root: str, *arguments: str) -> str:
    environment = dict(os.environ, PYTHONPATH=code_root)
    done = subprocess.run([sys.executable, *arguments], cwd=code_root, env=environment,
                          capture_output=True, text=True, check=True)
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    folder = os.path.abspath(args.folder)
    bench = os.path.join(ROOT, "benchmarks", "bench_english.py")
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copytree(os.path.join(ROOT, "claimtrack"), os.path.join(scratch, "claimtrack"),
                        ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        subprocess.run([sys.executable, "-m", "mypyc", "--ignore-missing-imports", *COMPILED],
                       cwd=scratch, check=True, capture_output=True)
        shown = run(scratch, "-c", "import claimtrack.detect.english as e; print(e.__file__)").strip()
        if not shown.endswith(".so"):
            sys.exit(f"the compiled module was not the one imported: {shown}")
        if run(scratch, "-c", DIGEST, folder) != run(ROOT, "-c", DIGEST, folder):
            sys.exit("the compiled copy's output differs from this checkout's: not timed")
        print(f"compiled with mypyc: {', '.join(COMPILED)}; output identical on every article")
        for round_number in range(1, args.rounds + 1):
            for label, code_root in (("mypyc", scratch), ("python", ROOT)):
                lines = run(code_root, bench, folder, "--repeat", "3").splitlines()
                print(f"round {round_number}, {label}:")
                print("\n".join(lines[-4:]))


if __name__ == "__main__":
    main()
