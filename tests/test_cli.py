"""The command line: extract's formats and errors, and every command is documented."""

import json
import re
import subprocess
import sys
from pathlib import Path


from claimtrack import cli
from claimtrack.models import Document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8220418dd3d56b50.txt"


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "claimtrack.cli", *args],
        input=stdin, capture_output=True, cwd=ROOT, timeout=120,
    )


def test_extract_table_shows_kind_speaker_entity_cue_and_content():
    result = run("extract", str(SEED))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "lang=ar" in out and "13 attributions" in out
    assert "according_to" in out and "news_agency" in out
    assert "\u2068فلاديمير بوتين\u2069 (person" in out  # Arabic runs are isolated for bidi terminals


def test_extract_json_round_trips_through_the_models():
    result = run("extract", "--format", "json", str(SEED))
    documents = json.loads(result.stdout)
    assert len(documents) == 1
    document = Document.model_validate(documents[0])
    assert len(document.attributions) == 13


def test_extract_jsonl_from_stdin_with_lang():
    text = "وقالت الحكومة إن الميزانية ستقر الأسبوع المقبل."
    result = run("extract", "--format", "jsonl", "--lang", "ar", "-", stdin=text.encode())
    assert result.returncode == 0
    (line,) = result.stdout.decode().splitlines()
    assert json.loads(line)["attributions"][0]["cue"]["text"] == "وقالت"


def test_bad_files_are_reported_one_line_each_and_the_rest_processed(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9 said".encode("latin-1"))
    result = run("extract", "--format", "jsonl", str(tmp_path / "missing.txt"), str(tmp_path), str(bad), str(SEED))
    assert result.returncode == 2
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 3
    assert errors[0].endswith("missing.txt: no such file")
    assert errors[1].endswith(": is a directory")
    assert "latin1.txt: not UTF-8 text" in errors[2]
    assert len(result.stdout.decode().splitlines()) == 1  # the seed still processed


def test_unknown_language_is_a_usage_error():
    result = run("extract", "--lang", "fr", str(SEED))
    assert result.returncode == 2
    assert b"invalid choice" in result.stderr


def test_schema_lists_every_result_model():
    result = run("schema")
    schema = json.loads(result.stdout)
    for name in ["Span", "Entity", "Attribution", "Document", "ClaimCluster", "SourcingReport"]:
        assert name in schema["$defs"]


def test_every_command_is_documented():
    guide = (ROOT / "docs" / "guide.md").read_text("utf-8")
    for name in cli.COMMANDS:
        assert re.search(rf"claimtrack {name}\b", guide), f"docs/guide.md does not document `claimtrack {name}`"
