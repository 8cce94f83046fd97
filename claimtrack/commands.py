"""The ``compare`` and ``audit`` commands (registered in :data:`claimtrack.cli.COMMANDS`).

Both read INPUT... (JSONL files of articles or folders of ``.txt`` files, see
:mod:`claimtrack.articles`), extract every article, and print terminal tables, ``--json`` or
``--csv``; ``--html FILE`` also writes the self-contained report. Output files are written to a
temporary file and renamed into place, so a failure never leaves one half-written.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import tempfile
from pathlib import Path

from claimtrack.articles import read_articles
from claimtrack.audit import UNLINKED, audit
from claimtrack.compare import DEFAULT_THRESHOLD, UNKNOWN_OUTLET, compare, coverage
from claimtrack.errors import ClaimtrackError
from claimtrack.languages import SUPPORTED_LANGUAGES
from claimtrack.models import ENTITY_KINDS, Document

#: Show a progress bar from this many articles on (when standard error is a terminal).
PROGRESS_FROM = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="a JSONL file of articles (id, outlet, text; optional lang, url, published, title) "
        "or a folder of .txt files, one sub-folder per outlet",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON instead of tables")
    output.add_argument("--csv", action="store_true", help="print CSV instead of tables")
    parser.add_argument("--html", metavar="FILE", help="also write the self-contained HTML report to FILE")
    parser.add_argument("--skip-bad", action="store_true", help="skip malformed articles and report how many")
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help="language of every article (default: per article)")
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    if parser.prog.endswith("compare"):
        parser.add_argument(
            "--threshold", type=float, default=DEFAULT_THRESHOLD,
            help=f"score (0-100) from which two claims are the same (default {DEFAULT_THRESHOLD:g})",
        )
        parser.add_argument("--all", action="store_true", help="list claims carried by one article too")
    else:
        parser.add_argument("--articles", action="store_true", help="one row per article as well as per outlet")


def _progress(items, total: int, enabled: bool, label: str):
    if not enabled or total < PROGRESS_FROM or not sys.stderr.isatty():
        return items
    try:
        from tqdm import tqdm
    except ImportError:  # tqdm is optional
        return items
    return tqdm(items, total=total, desc=label, unit="article", file=sys.stderr, leave=False)


def _documents(args: argparse.Namespace) -> list[Document]:
    from claimtrack.pipeline import extract

    articles = read_articles(args.inputs, skip_bad=args.skip_bad)
    if articles.skipped:
        for message in articles.skipped[:20]:
            print(f"claimtrack: skipped {message}", file=sys.stderr)
        print(f"claimtrack: skipped {len(articles.skipped)} bad input(s)", file=sys.stderr)
    documents = []
    for article in _progress(articles.articles, len(articles.articles), not args.no_progress, "extracting"):
        documents.append(extract(article.text, lang=args.lang or article.lang, outlet=article.outlet, doc_id=article.id))
    return documents


def _write_atomically(path: str, content: str) -> None:
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=directory, prefix=f".{target.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(content)
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _excerpt(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _isolate(text: str) -> str:
    # First-strong isolate: an Arabic run cannot reorder the rest of the terminal line.
    return f"\u2068{text}\u2069"


def _csv(rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _compare_output(args, documents, clusters) -> str:
    table = coverage(clusters)
    if args.json:
        payload = {
            "clusters": [cluster.model_dump(mode="json") for cluster in clusters],
            "coverage": table.model_dump(mode="json"),
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if args.csv:
        rows: list[list[object]] = [[
            "cluster_id", "cluster_text", "doc_id", "outlet", "attribution_id", "kind", "form", "source",
            "source_kind", "score", "conflict", "content_start", "content_end", "content",
        ]]
        for cluster in clusters:
            for m in cluster.members:
                a = m.attribution
                rows.append([
                    cluster.id, cluster.text, m.doc_id, m.outlet or "", a.id, a.kind, m.form, m.source or "",
                    m.source_kind or "", m.score, m.conflict or "", a.content.start, a.content.end, a.content.text,
                ])
        return _csv(rows)
    shown = clusters if args.all else [c for c in clusters if len(c.members) > 1]
    lines = [
        f"{len(documents)} articles, {len(table.outlets)} outlets, "
        f"{sum(len(d.attributions) for d in documents)} attributions, {len(clusters)} claims "
        f"({sum(1 for c in clusters if len(c.outlets) > 1)} carried by 2+ outlets)",
        "",
    ]
    for number, cluster in enumerate(shown, start=1):
        flags = ", ".join(cluster.divergence) or "-"
        lines.append(f"C{number:<3} {len(cluster.members)} mentions  {len(cluster.outlets)} outlets  differs: {flags}")
        lines.append(f"     {_isolate(_excerpt(cluster.text))}")
        for m in cluster.members:
            conflict = f"  CONFLICT: {m.conflict}" if m.conflict else ""
            lines.append(
                f"       - {_isolate(m.outlet or UNKNOWN_OUTLET)}: {_isolate(m.source or 'nobody named')} "
                f"({m.form}, score {m.score:.0f}){conflict}"
            )
    if not shown:
        lines.append("No claim is carried by more than one article (--all lists every claim).")
    lines.append("")
    lines.append("Claims every outlet carried: " + str(len(table.every_outlet)))
    for outlet, only in table.single_outlet.items():
        lines.append(f"Claims only {_isolate(outlet)} carried: {len(only)}")
    return "\n".join(lines) + "\n"


def _audit_output(args, report) -> str:
    kinds = [*ENTITY_KINDS, UNLINKED]
    rows_of = [("outlet", row) for row in report.outlets]
    if getattr(args, "articles", False) or args.csv:
        rows_of += [("article", row) for row in report.articles]
    if args.json:
        return report.model_dump_json(indent=2) + "\n"
    header = [
        "level", "outlet", "doc_id", "articles", "attributions", *kinds, "share_anonymous", "share_state_run",
        "share_direct", "distinct_speakers", "single_source_articles", "top_sources",
    ]
    records = []
    for level, row in rows_of:
        records.append([
            level, row.outlet or UNKNOWN_OUTLET, row.doc_id or "", row.articles, row.attributions,
            *[row.by_kind.get(kind, 0) for kind in kinds], row.share_anonymous, row.share_state_run,
            row.share_direct, row.distinct_speakers, len(row.single_source_articles),
            "; ".join(f"{s.name} ({s.count})" for s in row.top_sources),
        ])
    if args.csv:
        return _csv([header, *records])
    lines = []
    for (level, row), record in zip(rows_of, records, strict=True):
        name = row.doc_id if level == "article" else (row.outlet or UNKNOWN_OUTLET)
        kinds_text = ", ".join(f"{kind} {row.by_kind[kind]}" for kind in kinds if row.by_kind.get(kind))
        lines.append(f"{level} {_isolate(name)}: {row.articles} articles, {row.attributions} attributions")
        lines.append(f"    by kind: {kinds_text or '-'}")
        lines.append(
            f"    anonymous {row.share_anonymous:.0%}  state-run {row.share_state_run:.0%}  "
            f"direct quotes {row.share_direct:.0%}  distinct speakers {row.distinct_speakers}  "
            f"single-source articles {len(row.single_source_articles)}"
        )
        if row.top_sources:
            lines.append("    top sources: " + ", ".join(f"{_isolate(s.name)} ({s.count})" for s in row.top_sources))
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    try:
        threshold = getattr(args, "threshold", DEFAULT_THRESHOLD)
        if not 0 <= threshold <= 100:
            raise ClaimtrackError(f"--threshold must be between 0 and 100, not {threshold:g}")
        documents = _documents(args)
        needs_clusters = args.command == "compare" or args.html
        clusters = compare(documents, threshold=threshold) if needs_clusters else []
        report = audit(documents)
        output = _compare_output(args, documents, clusters) if args.command == "compare" else _audit_output(args, report)
        if args.html:
            from claimtrack.report import render_report

            title = f"claimtrack {args.command}: {len(documents)} articles"
            _write_atomically(args.html, render_report(documents, clusters, report, title=title))
    except ClaimtrackError as error:
        print(f"claimtrack: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"claimtrack: error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 2
    sys.stdout.write(output)
    return 0
