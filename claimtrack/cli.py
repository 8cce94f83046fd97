"""The ``claimtrack`` command line: a thin layer over the public API.

Commands:
  extract FILE...   attributions of each article (table, json or jsonl)
  schema            the JSON schema of the result models
Other commands (eval, compare, audit) are registered in COMMANDS by their modules.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Iterator

from claimtrack.errors import ClaimtrackError
from claimtrack.languages import SUPPORTED_LANGUAGES
from claimtrack.models import Attribution, Document

# name -> (module with add_arguments(parser) and run(args) -> int, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("claimtrack.cli", "find attributed statements in articles"),
    "schema": ("claimtrack.cli", "print the JSON schema of the result models"),
    "compare": ("claimtrack.commands", "cluster the same claim across articles: coverage and divergence"),
    "audit": ("claimtrack.commands", "sourcing figures per outlet and per article"),
    "eval": ("claimtrack.evaluate", "score extraction against annotated articles (BRAT standoff, PolNeAR)"),
}

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def _isolated(text: str) -> str:
    """Text wrapped in a first-strong isolate, so an Arabic run cannot reorder the line around it."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def _excerpt(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def read_inputs(paths: list[str]) -> Iterator[tuple[str, str | None, str | None]]:
    """``(name, text, error)`` for each path; ``-`` is standard input."""
    for path in paths:
        if path == "-":
            data = sys.stdin.buffer.read()
            name = "<stdin>"
        else:
            name = path
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except IsADirectoryError:
                yield name, None, "is a directory"
                continue
            except FileNotFoundError:
                yield name, None, "no such file"
                continue
            except OSError as error:
                yield name, None, error.strerror or str(error)
                continue
        try:
            yield name, data.decode("utf-8-sig"), None
        except UnicodeDecodeError as error:
            yield name, None, f"not UTF-8 text (bad byte at offset {error.start})"


def format_table(name: str, document: Document, width: int = 100) -> str:
    lines = [f"{name}  lang={document.lang}  {len(document.attributions)} attributions"]
    for number, attribution in enumerate(document.attributions, start=1):
        lines.extend(_table_rows(number, attribution, width))
    return "\n".join(lines)


def _entity_label(attribution: Attribution) -> str:
    entity = attribution.entity
    if entity is None:
        return "?"
    details = [entity.kind]
    if entity.role:
        details.append(_isolated(entity.role))
    if entity.state_run:
        details.append("state-run")
    return f"{_isolated(entity.name)} ({', '.join(details)})"


def _table_rows(number: int, attribution: Attribution, width: int) -> list[str]:
    speaker = _isolated(attribution.speaker.text) if attribution.speaker else "—"
    rows = [
        f"{number:>3}  {attribution.kind:<12}  cue: {_isolated(attribution.cue.text)}"
        f"  [{attribution.cue.start}:{attribution.cue.end}]",
        f"     speaker: {speaker} -> {_entity_label(attribution)}",
    ]
    if attribution.relay:
        relay = attribution.relay_entity.name if attribution.relay_entity else attribution.relay.text
        rows.append(f"     relayed by: {_isolated(relay)}")
    rows.append(f"     content: {_isolated(_excerpt(attribution.content.text, width))}")
    return rows


def add_arguments(parser: argparse.ArgumentParser) -> None:
    if parser.prog.endswith("schema"):
        return
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files; - reads standard input")
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help="language (default: detected from the script)")
    parser.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    parser.add_argument("--outlet", help="outlet name recorded on every document")


def run(args: argparse.Namespace) -> int:
    if args.command == "schema":
        from claimtrack import schema

        print(json.dumps(schema.json_schema(), ensure_ascii=False, indent=2))
        return 0
    status = 0
    documents = []
    for name, text, error in read_inputs(args.files):
        if error is not None:
            print(f"claimtrack: error: {name}: {error}", file=sys.stderr)
            status = 2
            continue
        from claimtrack.pipeline import extract

        document = extract(text, lang=args.lang, outlet=args.outlet, doc_id=name)
        if args.format == "table":
            print(format_table(name, document))
            print()
        elif args.format == "jsonl":
            print(document.model_dump_json())
        else:
            documents.append(document.model_dump(mode="json"))
    if args.format == "json":
        print(json.dumps(documents, ensure_ascii=False, indent=2))
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack",
        description="Find attributed statements in news, link them to speakers and sources, compare outlets.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        sub = commands.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except ClaimtrackError as error:
        print(f"claimtrack: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
