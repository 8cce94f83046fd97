"""Derive the English cue lexicon from an annotated TRAIN split (PolNeAR layout).

For every word that heads an annotated cue, count how often it is annotated as (part of) a cue
and how often it occurs at all; the ratio is the chance that an occurrence is really a cue.
Occurrences inside quotations and right after a determiner ("the report") are left out of both
counts, because the grammar never takes those as cues: the ratio is measured where it is used.
Prints a TOML ``[cue_lexicon]`` table to paste into ``claimtrack/languages/en.toml``.

    python benchmarks/derive_english_lexicon.py ../shared/eval/polnear --split train
"""

from __future__ import annotations

import argparse
import collections
import re

from claimtrack.detect.english import find_quotes
from claimtrack.evaluate import load_articles

WORD = re.compile(r"[A-Za-z]+(?:[’'][a-z]+)?")
# Function words that ride along inside annotated cues ("has said", "according to"): they are
# never a cue by themselves, so they are not counted as cue heads.
FUNCTION_WORDS = set(
    "a an the to of on in for at by with from as about against into over up out off back and or but "
    "not n't no has have had having is are was were be been being am do does did will would could "
    "should can may might must shall also still just even now then so that this these those it its "
    "his her their our my your he she they we i you him them us me more most very much first last "
    "again already later recently repeatedly never ever only yet too well publicly".split()
)


DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--split", default="train")
    parser.add_argument("--min-cues", type=int, default=3)
    parser.add_argument("--min-ratio", type=float, default=0.15)
    args = parser.parse_args()
    if args.split != "train":
        parser.error("the lexicon is derived from the train split only")
    cue = collections.Counter()
    seen = collections.Counter()
    for article in load_articles(args.directory, args.split):
        text = article.text
        ignored = set()
        start = 0
        for paragraph_end in [*(m.start() for m in re.finditer("\n", text)), len(text)]:
            for quote in find_quotes(text, start, paragraph_end):
                if quote.closed:
                    ignored.update(range(quote.start, quote.end))
            start = paragraph_end + 1
        for match in WORD.finditer(text):
            before = text[max(0, match.start() - 5) : match.start()].lower().split()
            if match.start() in ignored or (before and before[-1] in DETERMINERS):
                ignored.add(match.start())
                continue
            seen[match.group().lower().replace("’", "'")] += 1
        for attribution in article.gold:
            words = set()
            for start, end in attribution.cue:
                for match in WORD.finditer(text, start, end):
                    if match.end() <= end and match.start() not in ignored:
                        words.add(match.group().lower().replace("’", "'"))
            for word in words - FUNCTION_WORDS:
                cue[word] += 1
    rows = [(w, n, seen[w]) for w, n in cue.items() if len(w) > 1 and n >= args.min_cues and seen[w] and n / seen[w] >= args.min_ratio]
    rows.sort(key=lambda r: (-r[1], r[0]))
    print("[cue_lexicon]")
    for word, n, total in rows:
        key = word if re.fullmatch(r"[a-z]+", word) else f'"{word}"'
        print(f"{key} = [{n}, {total}]")


if __name__ == "__main__":
    main()
