"""Speed of claimtrack.extract, in characters per second on one core, and its scaling on
hostile input.

    python benchmarks/bench_extract.py            # the figures docs/benchmarks.md reports
    python benchmarks/bench_extract.py --quick    # smaller sizes, for a smoke run

Arabic text is the seed article, its paragraphs shuffled and repeated to the size wanted (the
only real Arabic article the repository ships; it is dense in attributions: one per ~360
characters, so it is a demanding case). English text is the English golden sentences written for
the tests, or, with --english-dir, every .txt under a folder (for instance PolNeAR's train
split). The hostile cases must take time linear in their size: each is run at two sizes and the
ratio of times is printed next to the ratio of sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import time
from pathlib import Path

import claimtrack
from claimtrack.link import clear_parse_cache

ROOT = Path(__file__).resolve().parent.parent


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.machine()}"


def arabic_corpus(size: int) -> str:
    paragraphs = [
        p for p in (ROOT / "seeds" / "000_8220418dd3d56b50.txt").read_text("utf-8").split("\n") if p.strip()
    ]
    generator = random.Random(7)
    parts: list[str] = []
    total = 0
    while total < size:
        generator.shuffle(paragraphs)
        for paragraph in paragraphs:
            parts.append(paragraph)
            total += len(paragraph) + 2
    return "\n\n".join(parts)[:size]


def english_corpus(size: int, folder: str | None) -> str | None:
    texts: list[str] = []
    if folder:
        texts = [p.read_text("utf-8") for p in sorted(Path(folder).rglob("*.txt"))]
    else:
        for path in sorted((ROOT / "tests" / "golden").glob("en_*.jsonl")):
            for line in path.read_text("utf-8").splitlines():
                if line.strip():
                    texts.append(json.loads(line)["text"])
    if not texts:
        return None
    parts: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            parts.append(text)
            total += len(text) + 2
    return "\n\n".join(parts)[:size]


def best_time(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        clear_parse_cache()  # each run starts cold: no mention parsed by an earlier run
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def throughput(name: str, text: str, lang: str, repeat: int) -> dict:
    claimtrack.extract(text[:5000], lang=lang)  # load the language pack and camel-tools first
    seconds = best_time(lambda: claimtrack.extract(text, lang=lang), repeat)
    attributions = len(claimtrack.extract(text, lang=lang).attributions)
    row = {
        "case": name,
        "chars": len(text),
        "seconds": round(seconds, 3),
        "chars_per_second": round(len(text) / seconds),
        "attributions": attributions,
    }
    print(f"{name:<34} {len(text):>11,} chars {seconds:8.3f} s {len(text) / seconds / 1e6:7.2f} M chars/s"
          f" {attributions:>7,} attributions", flush=True)
    return row


HOSTILE = {
    "unbalanced quote marks": lambda n: ("«" + "قال الوزير “ إن ") * (n // 16),
    "one line, no punctuation": lambda n: ("وقال الوزير إن " + "كلمة " * 40) * (n // 215),
    "mixed scripts and RTL/LTR marks": lambda n: ("\u200fوقال \u200eNATO\u200e spokesman said إن، according to ") * (n // 55),
    "HTML markup": lambda n: ('<p class="x">وقال <b>الوزير</b> إن <a href="#">الاتفاق</a></p>\n') * (n // 60),
    "straight quotes, English": lambda n: ('He said "no. "Yes," she said "' * (n // 30)),
}


def hostile(size: int) -> list[dict]:
    rows = []
    for name, make in HOSTILE.items():
        small, large = make(size // 4), make(size)
        t_small = best_time(lambda: claimtrack.extract(small), 1)
        t_large = best_time(lambda: claimtrack.extract(large), 1)
        ratio = t_large / t_small if t_small else float("inf")
        rows.append({"case": name, "chars": len(large), "seconds": round(t_large, 3),
                     "time_ratio_for_4x_size": round(ratio, 2)})
        print(f"{name:<34} {len(large):>11,} chars {t_large:8.3f} s   4x size -> {ratio:4.1f}x time", flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition")
    parser.add_argument("--english-dir", help="a folder of English .txt articles (e.g. PolNeAR train)")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()

    size = 300_000 if args.quick else 2_000_000
    repeat = 1 if args.quick else 3
    print(f"machine: {machine()}")
    print(f"claimtrack {claimtrack.__version__}, one process, CPU time (best of {repeat})\n")
    rows = [throughput("Arabic (seed, shuffled)", arabic_corpus(size), "ar", repeat)]
    english = english_corpus(size, args.english_dir)
    if english is None:
        print("English: no golden sentences or --english-dir; skipped")
    else:
        label = "English (--english-dir)" if args.english_dir else "English (golden sentences)"
        rows.append(throughput(label, english, "en", repeat))
    print("\nhostile input (time must grow linearly with size):")
    hostile_rows = hostile(2_000_000 if not args.quick else 400_000)
    big = arabic_corpus(10_000_000 if not args.quick else 1_000_000)
    print()
    rows.append(throughput("10 MB Arabic, one call" if not args.quick else "1 MB Arabic, one call", big, "ar", 1))
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine(), "throughput": rows, "hostile": hostile_rows},
                                              indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
