"""Whole runs: the output contract, the seed, determinism, bad input, re-runs, engines, crashes."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimpipe.pipeline import run
from claimpipe.settings import Settings

from .conftest import REPO, SEED

DATA_FILES = ["documents.jsonl", "documents.csv", "boilerplate.csv", "entities.csv", "mentions.csv", "claims.csv",
              "claims.jsonl", "errors.jsonl", "corpus_entities.csv"]

STORY = ("{city} officials said on Monday that the regional economy grew by {n}% last year, "
         "according to figures published by the statistics office. The mayor, Anna {name}, warned that "
         "growth could slow if energy prices keep rising.\n\n{sector} firms in {city} have hired {k} new "
         "workers since {month}, the {city} chamber of commerce said.")
CITIES = ["Lyon", "Porto", "Gdansk", "Leeds", "Turin", "Ghent", "Aarhus", "Brno", "Graz", "Cork", "Split", "Bergen"]
SECTORS = ["Textile", "Software", "Shipping", "Mining", "Tourism"]
MONTHS = ["January", "March", "May", "July", "September", "November", "April"]


def write_corpus(folder: Path, n: int) -> Path:
    """n distinct, news-like articles (no block repeats across them, so no site chrome)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        city = CITIES[i % len(CITIES)] + ("" if i < len(CITIES) else " North")
        text = STORY.format(city=city, n=i % 7 + 1, name=f"Novak{i}", k=100 + i, sector=SECTORS[i % 5],
                            month=MONTHS[i % 7])
        (folder / f"{i:03d}_{city.lower().replace(' ', '_')}.txt").write_text(f"{city} economy grows\n\n{text}\n",
                                                                              encoding="utf-8")
    return folder


def data_files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in DATA_FILES}


def validate(shared: Path, out: Path, corpus: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(shared / "tools" / "validate_outputs.py"), str(out), "--corpus",
                           str(corpus)], capture_output=True, text=True)


def test_end_to_end_seed_run_passes_the_contract_validator(seed_run, shared_dir: Path) -> None:
    out, _ = seed_run
    result = validate(shared_dir, out, REPO / "corpus")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("valid:")


def test_end_to_end_seed_metadata_and_clean_text(seed_run) -> None:
    out, _ = seed_run
    docs = {d["source"]: d for d in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    doc = docs[SEED.name]
    assert doc["title"] == ("The Ripple Effect: How U.S. Sanctions on Russia Are Impacting Kazakhstan's Economy "
                            "and Geopolitics")
    assert doc["author"] == "Jack Oliver"
    for boilerplate in ["Subscribe to Our Newsletter", "Check Your Email", "Ok, Thanks", "profile image",
                        "by Jack Oliver", "Dive Deeper", "Sign up for our newsletter", "Read More"]:
        assert boilerplate not in doc["text"]
    assert doc["text"].count("The Ripple Effect") == 1
    source = SEED.read_text(encoding="utf-8")
    body = source[source.index("As the U.S. and its allies"):source.index("pivot away from Moscow.") + 23]
    for paragraph in body.split("\n\n"):
        assert paragraph in doc["text"]


def test_end_to_end_block_boundaries_hold(seed_run) -> None:
    out, _ = seed_run
    for doc in map(json.loads, (out / "documents.jsonl").read_text().splitlines()):
        for row in doc["mentions"] + doc["claims"]:
            assert "\n\n" not in row["text"]
        assert not any(m["text"].startswith("Economy and Geopolitics") for m in doc["mentions"])


def test_end_to_end_two_runs_give_identical_data_files(tmp_path: Path, nlp) -> None:
    corpus = write_corpus(tmp_path / "corpus", 4)
    run(corpus, tmp_path / "a", nlp=nlp)
    run(corpus, tmp_path / "b", nlp=nlp, use_cache=False)
    assert data_files(tmp_path / "a") == data_files(tmp_path / "b")


def test_end_to_end_rerun_uses_the_cache_and_changes_only_what_changed(tmp_path: Path, nlp) -> None:
    corpus = write_corpus(tmp_path / "corpus", 4)
    out = tmp_path / "out"
    first = run(corpus, out, nlp=nlp)
    before = data_files(out)
    second = run(corpus, out, nlp=nlp)
    assert (first.n_cached, second.n_cached, second.n_documents) == (0, 4, 4)
    assert data_files(out) == before
    (corpus / "001_porto.txt").write_text("Porto news\n\nThe port handled 5% more cargo, officials said.\n",
                                          encoding="utf-8")
    third = run(corpus, out, nlp=nlp)
    assert (third.n_cached, third.n_documents) == (3, 4)
    changed = run(corpus, out, nlp=nlp, settings=Settings(min_claim_tokens=5))
    assert changed.n_cached == 0  # a setting that shapes outputs invalidates every record


def test_end_to_end_bad_inputs_are_reported_and_the_rest_is_processed(tmp_path: Path, nlp) -> None:
    corpus = write_corpus(tmp_path / "corpus", 2)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "latin1.txt").write_bytes("Le ministre a déclaré que la croissance était forte à Paris.".encode("latin-1"))
    (corpus / "big.txt").write_bytes(b"The economy grew. " * 300_000)  # 5.4 MB
    (corpus / "feed.jsonl").write_text('{"text": "Oslo officials said exports rose by 4% in May."}\n{"text": "cut',
                                       encoding="utf-8")
    out = tmp_path / "out"
    summary = run(corpus, out, nlp=nlp)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert sorted((e["source"], e["stage"], e["error"]) for e in errors) == [
        ("big.txt", "ingest", "TooLarge"), ("binary.txt", "ingest", "BinaryInput"),
        ("empty.txt", "ingest", "EmptyInput"), ("feed.jsonl#L2", "ingest", "InvalidJSON")]
    docs = [json.loads(line)["source"] for line in (out / "documents.jsonl").read_text().splitlines()]
    assert docs == ["000_lyon.txt", "001_porto.txt", "feed.jsonl#L1", "latin1.txt"]
    assert (summary.n_errors, summary.exit_code) == (4, 1)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["errors"] == 4 and manifest["complete"] is True


def test_end_to_end_cli_exit_code_1_when_an_input_fails(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 1)
    (corpus / "empty.txt").write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "claimpipe", "run", str(corpus), "-o", str(tmp_path / "out")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "claimpipe: empty.txt: ingest: EmptyInput: empty (no text)" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("1 documents, ")


def test_end_to_end_process_pool_gives_the_same_outputs(tmp_path: Path, nlp) -> None:
    corpus = write_corpus(tmp_path / "corpus", 6)
    run(corpus, tmp_path / "one", nlp=nlp, use_cache=False)
    summary = run(corpus, tmp_path / "two", settings=Settings(workers=2, batch_size=2), use_cache=False)
    assert summary.n_documents == 6
    assert data_files(tmp_path / "one") == data_files(tmp_path / "two")


def test_end_to_end_parquet_tables(tmp_path: Path, nlp) -> None:
    import pandas as pd

    corpus = write_corpus(tmp_path / "corpus", 3)
    out = tmp_path / "out"
    run(corpus, out, nlp=nlp, formats=("jsonl", "csv", "parquet"))
    claims = pd.read_parquet(out / "parquet" / "claims")
    jsonl = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    assert list(claims["claim_id"]) == [c["claim_id"] for c in jsonl]
    assert claims["negated"].dtype == bool
    docs = pd.read_parquet(out / "parquet" / "documents")
    assert len(docs) == 3 and set(docs["text"]) == {json.loads(l)["text"] for l in
                                                    (out / "documents.jsonl").read_text().splitlines()}


def test_end_to_end_dask_engine_gives_the_same_outputs(tmp_path: Path, nlp) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = write_corpus(tmp_path / "corpus", 4)
    run(corpus, tmp_path / "local", nlp=nlp, use_cache=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        summary = run(corpus, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                      settings=Settings(batch_size=2), use_cache=False)
    assert summary.n_documents == 4
    assert data_files(tmp_path / "local") == data_files(tmp_path / "dask")
    assert json.loads((tmp_path / "dask" / "manifest.json").read_text())["engine"] == "dask"


def test_end_to_end_killed_runs_leave_complete_outputs_or_none_and_resume(tmp_path: Path, nlp) -> None:
    corpus = write_corpus(tmp_path / "corpus", 24)
    reference = tmp_path / "reference"
    run(corpus, reference, nlp=nlp, use_cache=False)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "claimpipe", "run", str(corpus), "-o", str(out), "-q", "--batch-size", "2",
               "-j", "1"]
    rng = random.Random(7)
    for attempt in range(3):
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.5, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if (out / "manifest.json").exists():  # a manifest means one whole run is there
            assert data_files(out) == data_files(reference)
        else:
            assert not (out / "documents.jsonl").exists() or attempt > 0
    finished = subprocess.run(command, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert data_files(out) == data_files(reference)
    assert not (out / ".claimpipe-staging").exists()


def test_end_to_end_second_concurrent_run_refuses(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 24)
    out = tmp_path / "out"
    first = subprocess.Popen([sys.executable, "-m", "claimpipe", "run", str(corpus), "-o", str(out), "-q",
                              "--batch-size", "2", "-j", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while not ((out / ".claimpipe.lock").exists() and (out / ".claimpipe.lock").read_text().strip()):
            assert time.time() < deadline and first.poll() is None
            time.sleep(0.05)
        second = subprocess.run([sys.executable, "-m", "claimpipe", "run", str(corpus), "-o", str(out), "-q"],
                                capture_output=True, text=True)
        assert first.poll() is None, "the first run ended before the second started; the test proves nothing"
        assert second.returncode == 2
        assert f"another claimpipe run is writing to {out}" in second.stderr
    finally:
        first.wait(timeout=120)
    assert first.returncode == 0
    assert json.loads((out / "manifest.json").read_text())["counts"]["documents"] == 24


def test_end_to_end_seed_standalone_resolves_the_demonym_state(seed_run) -> None:
    out, _ = seed_run
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    (claim,) = [c for c in claims if c["text"].startswith("The company, which is 40% owned by the Kazakh state")]
    assert claim["standalone_text"].startswith("Eurasian Resources Group, which is 40% owned by Kazakhstan, ")


def test_end_to_end_manifest_lists_duplicates_and_skipped_files(tmp_path: Path, nlp) -> None:
    import gzip

    corpus = write_corpus(tmp_path / "corpus", 2)
    first = sorted(corpus.glob("*.txt"))[0]
    (corpus / "copy.txt.gz").write_bytes(gzip.compress(first.read_bytes()))  # same content, packed
    (corpus / "slides.pdf").write_bytes(b"%PDF-1.4")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "table.csv").write_text("a,b\n")
    (corpus / ".DS_Store").write_bytes(b"\0")  # hidden: neither read nor listed
    summary = run(corpus, tmp_path / "out", nlp=nlp, use_cache=False)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert (summary.n_documents, summary.n_duplicates, summary.n_skipped, summary.exit_code) == (2, 1, 2, 0)
    assert manifest["counts"]["skipped"] == 2 and manifest["counts"]["duplicates"] == 1
    assert [s["source"] for s in manifest["skipped"]] == ["slides.pdf", "sub/table.csv"]
    assert manifest["duplicates"] == [{"source": "copy.txt.gz", "duplicate_of": first.name,
                                       "doc_id": manifest["duplicates"][0]["doc_id"]}]
    assert "2 other files skipped (see manifest.json)" in summary.line()


def test_end_to_end_ctrl_c_exits_130_and_keeps_the_previous_outputs(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 24)
    for i in range(1200):  # enough work that the run is still going when it is interrupted, on a loaded machine too
        (corpus / f"x{i:03d}.txt").write_text(f"Story {i}: the council said on Monday that rents rose by {i % 9}% "
                                              f"in district {i}, the {i}th rise since records began.\n",
                                              encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text('{"counts": {"documents": 5}}', encoding="utf-8")  # an earlier run's
    proc = subprocess.Popen([sys.executable, "-m", "claimpipe", "run", str(corpus), "-o", str(out), "-q",
                             "--batch-size", "2", "-j", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.time() + 60
    while not ((out / ".claimpipe.lock").exists() and (out / ".claimpipe.lock").read_text().strip()):
        assert time.time() < deadline and proc.poll() is None
        time.sleep(0.05)
    while not (out / ".claimpipe-staging").exists():  # articles are being written: mid-run for sure
        assert time.time() < deadline and proc.poll() is None
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert stderr.splitlines()[-1] == "claimpipe: interrupted"
    assert (out / "manifest.json").read_text(encoding="utf-8") == '{"counts": {"documents": 5}}'
    assert not (out / ".claimpipe-staging").exists()
