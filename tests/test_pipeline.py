from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimpipe.annotate import CorpusRollup
from claimpipe.records import CorpusEntity
from claimpipe.pipeline import OutputLock, RunError, effective_workers, split_for_nlp
from claimpipe.settings import Settings


@pytest.mark.parametrize("text, max_chars, pieces", [
    ("aaa bbb.\n\nccc ddd. eee fff\nggg", 12, ["aaa bbb.\n\n", "ccc ddd. ", "eee fff\nggg"]),
    ("aaa bbb.\n\nccc ddd. eee fff\nggg", 100, ["aaa bbb.\n\nccc ddd. eee fff\nggg"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
])
def test_pipeline_split_for_nlp(text: str, max_chars: int, pieces: list[str]) -> None:
    assert split_for_nlp(text, max_chars) == pieces


@given(st.text(), st.integers(1, 50))
def test_pipeline_split_for_nlp_keeps_every_character(text: str, max_chars: int) -> None:
    pieces = split_for_nlp(text, max_chars)
    assert "".join(pieces) == text
    assert all(len(p) <= max_chars for p in pieces)


@pytest.mark.parametrize("workers, total, expected", [(0, 1000, 2), (3, 1000, 3), (0, 10, 1), (1, 1000, 1)])
def test_pipeline_effective_workers(workers: int, total: int, expected: int, monkeypatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert effective_workers(Settings(workers=workers, batch_size=64), total) == expected


def test_pipeline_corpus_entities_counts_documents_and_mentions() -> None:
    counter = CorpusRollup()
    e = lambda i, n, a: {"entity_id": i, "name": "United States", "label": "GPE", "n_mentions": n, "aliases": a,
                         "kb_id": "USA"}
    counter.add("d_1", [e("e_1", 2, ["U.S."]), {**e("e_2", 1, ["Iran"]), "name": "Iran", "kb_id": "IRN"}])
    counter.add("d_2", [e("e_1", 3, ["US", "the United States"])])
    assert counter.rows() == [
        CorpusEntity("e_1", "United States", "GPE", 2, 5, ["U.S.", "US", "the United States"], "USA"),
        CorpusEntity("e_2", "Iran", "GPE", 1, 1, ["Iran"], "IRN"),
    ]


def test_pipeline_corpus_rollup_links_one_initialled_form_across_documents() -> None:
    counter = CorpusRollup()
    person = lambda i, name: {"entity_id": i, "name": name, "label": "PERSON", "n_mentions": 2, "aliases": [name],
                              "kb_id": ""}
    counter.add("d_1", [person("e_a", "Richard Burr")])
    counter.add("d_2", [person("e_b", "Richard M. Burr")])
    counter.add("d_3", [person("e_a", "Richard Burr"), person("e_c", "Burr")])
    rows = counter.rows()
    assert rows[0] == CorpusEntity("e_a", "Richard Burr", "PERSON", 3, 6, ["Richard Burr", "Richard M. Burr"], "",
                                   ["e_b"])
    assert rows[1] == CorpusEntity("e_c", "Burr", "PERSON", 1, 2, ["Burr"], "")  # a bare surname never links


def test_pipeline_lock_refuses_a_second_run(tmp_path: Path) -> None:
    with OutputLock(tmp_path):
        with pytest.raises(RunError, match="another claimpipe run is writing to"):
            with OutputLock(tmp_path):
                pass
    with OutputLock(tmp_path):  # free again once the first has finished
        pass


def test_pipeline_summary_stage_line_lists_stages_longest_first() -> None:
    from claimpipe.pipeline import RunSummary

    summary = RunSummary(out=Path("out"), timings={"claims": 1.0, "spacy": 8.0, "export": 1.0})
    assert summary.stage_line() == "time per stage: spacy 8.0 s (80%), claims 1.0 s (10%), export 1.0 s (10%)"
    assert RunSummary(out=Path("out")).stage_line() == "time per stage: none (nothing to analyse)"


def _pairs(*texts: str):
    from claimpipe.clean import clean
    from claimpipe.records import Article

    articles = [Article(source=f"{k}.txt", text=t, sha256="", doc_id=f"d{k}") for k, t in enumerate(texts)]
    return [(a, clean(a, settings=Settings())) for a in articles]


def test_analyzer_loads_its_pipeline_afresh_once_the_vocab_has_grown(monkeypatch, nlp):
    from claimpipe import analysis
    from claimpipe.analysis import Analyzer

    loads = []
    monkeypatch.setattr(analysis, "load_pipeline", lambda settings: loads.append(1) or nlp)
    analyzer = Analyzer(Settings(nlp_max_strings=10**9))
    analyzer.analyse_batch(_pairs("Zorblaxian exports to Quuxland rose by 40% in 2024, officials said."))
    analyzer.analyse_batch(_pairs("Frobnitz Holdings said its Zorblaxian sales fell."))
    assert len(loads) == 1  # below the limit: one pipeline for the whole run
    small = Analyzer(Settings(nlp_max_strings=0))
    small.analyse_batch(_pairs("Vexillary imports fell."))
    small.analyse_batch(_pairs("Brumpled exports rose."))
    assert len(loads) == 3  # the second batch found the vocab grown past 0 new strings: loaded again


def test_a_pipeline_passed_in_runs_each_batch_in_a_memory_zone(nlp):
    from claimpipe.pipeline import Analyzer

    base = len(nlp.vocab.strings)
    records = Analyzer(Settings(), nlp=nlp).analyse_batch(_pairs("Zorblaxian exports rose by 40% in 2024."))
    assert len(nlp.vocab.strings) == base  # the batch's new words left with its zone
    assert records[0]["claims"][0]["text"] == "Zorblaxian exports rose by 40% in 2024."


# ---- the run's shape: modules, imports, sizes ---------------------------------------------------------

RUN_MODULES = ["pipeline", "analysis", "engines", "manifest", "lock", "errors", "cache", "settings", "cli",
               "terminal", "show"]


def _claimpipe_imports(module: str) -> set[str]:
    """The claimpipe modules `module` imports, at the top or inside a function ("from .x import y")."""
    import ast

    import claimpipe

    path = Path(claimpipe.__file__).parent / f"{module}.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def test_run_modules_import_each_other_without_a_cycle() -> None:
    graph = {m: _claimpipe_imports(m) & set(RUN_MODULES) for m in RUN_MODULES}
    assert "pipeline" not in graph["engines"] and "pipeline" not in graph["analysis"]
    assert "engines" in graph["pipeline"] and "analysis" in graph["engines"]
    visiting: list[str] = []

    def walk(node: str) -> None:
        assert node not in visiting, f"import cycle: {' -> '.join(visiting + [node])}"
        visiting.append(node)
        for nxt in sorted(graph[node]):
            walk(nxt)
        visiting.pop()

    for module in RUN_MODULES:
        walk(module)


@pytest.mark.parametrize("module", RUN_MODULES)
def test_run_modules_stay_under_400_lines(module: str) -> None:
    import claimpipe

    lines = (Path(claimpipe.__file__).parent / f"{module}.py").read_text(encoding="utf-8").count("\n")
    assert lines <= 400, f"{module}.py has {lines} lines"


def test_pipeline_still_offers_what_callers_import() -> None:
    from claimpipe import analysis, pipeline

    assert pipeline.Analyzer is analysis.Analyzer and pipeline.split_for_nlp is analysis.split_for_nlp
    assert callable(pipeline.run) and pipeline.RunError.exit_code == 2


def test_split_for_nlp_refuses_a_piece_size_that_would_never_advance() -> None:
    with pytest.raises(ValueError, match="max_chars must be at least 1, not 0"):
        split_for_nlp("some text", 0)


# ---- the run's edges: empty corpus, fewer documents, duplicates, progress, logs ---------------------------

def _corpus(folder: Path, *texts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k, text in enumerate(texts):
        (folder / f"{k}.txt").write_text(text, encoding="utf-8")
    return folder


STORIES = ("The port of Antwerp said container traffic rose by 7% in 2023.",
           "Officials in Lyon said unemployment fell to 6% last year.")


def test_empty_corpus_exits_1_and_replaces_nothing(tmp_path: Path, nlp) -> None:
    from claimpipe.pipeline import EmptyCorpus, run

    out = tmp_path / "out"
    run(_corpus(tmp_path / "full", *STORIES), out, nlp=nlp)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(EmptyCorpus) as caught:
        run(empty, out, nlp=nlp)
    assert caught.value.exit_code == 1
    assert str(caught.value) == (f"{empty} holds no article to analyse (1 other files skipped); claimpipe reads "
                                 f".htm, .html, .jsonl, .md, .txt files, also gzip-compressed; the outputs in {out} "
                                 "were left as they were")
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}
    assert after == before


def test_a_run_with_fewer_documents_than_the_last_says_so(tmp_path: Path, nlp, caplog) -> None:
    from claimpipe.pipeline import run

    out = tmp_path / "out"
    first = run(_corpus(tmp_path / "two", *STORIES), out, nlp=nlp)
    assert (first.previous_documents, first.fewer_documents) == (None, False)
    with caplog.at_level(logging.WARNING, logger="claimpipe"):
        second = run(_corpus(tmp_path / "one", STORIES[0]), out, nlp=nlp)
    assert (second.previous_documents, second.n_documents, second.fewer_documents) == (2, 1, True)
    expected = f"this run wrote 1 documents to {out}, fewer than the 2 of the run it replaced there"
    assert second.fewer_line() == expected
    assert [r.getMessage() for r in caplog.records if r.name == "claimpipe.pipeline"] == [expected]


def test_manifest_counts_every_duplicate_and_lists_the_first_few(tmp_path: Path, nlp, monkeypatch) -> None:
    from claimpipe import manifest
    from claimpipe.pipeline import run

    monkeypatch.setattr(manifest, "MAX_LISTED_DUPLICATES", 2)
    corpus = _corpus(tmp_path / "c", STORIES[0], *[STORIES[1]] * 5)
    summary = run(corpus, tmp_path / "out", nlp=nlp)
    data = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert (summary.n_documents, summary.n_duplicates, data["counts"]["duplicates"]) == (2, 4, 4)
    assert [d["source"] for d in data["duplicates"]] == ["2.txt", "3.txt"]
    assert {d["duplicate_of"] for d in data["duplicates"]} == {"1.txt"}
    assert data["duplicates_not_listed"] == 2


def test_duplicates_keep_a_count_and_a_capped_list() -> None:
    from claimpipe.manifest import Duplicates

    dups = Duplicates(max_listed=3)
    for k in range(2_000):
        dups.add(f"feed.jsonl#L{k + 2}", "feed.jsonl#L1", "d_1")
    assert (dups.count, len(dups), len(dups.listed)) == (2_000, 2_000, 3)
    assert dups.listed[-1] == {"source": "feed.jsonl#L4", "duplicate_of": "feed.jsonl#L1", "doc_id": "d_1"}


def test_run_reports_progress_through_its_callback(tmp_path: Path, nlp) -> None:
    from claimpipe.pipeline import run

    calls: list[tuple[int, int]] = []
    run(_corpus(tmp_path / "c", *STORIES), tmp_path / "out", nlp=nlp, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 2), (2, 2)]


def test_run_logs_each_error_row_and_prints_nothing(tmp_path: Path, nlp, caplog, capsys) -> None:
    from claimpipe.pipeline import run

    corpus = _corpus(tmp_path / "c", STORIES[0])
    (corpus / "empty.txt").write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="claimpipe"):
        summary = run(corpus, tmp_path / "out", nlp=nlp)
    assert summary.exit_code == 1
    assert [r.getMessage() for r in caplog.records] == ["empty.txt: ingest: EmptyInput: empty (no text)"]
    assert capsys.readouterr() == ("", "")  # the library writes nothing to the terminal itself


def test_a_failed_batch_score_is_logged_and_redone_article_by_article(nlp, caplog) -> None:
    from claimpipe.analysis import Analyzer

    class FailsOnce:
        """The real scorer, except that its first call (the whole batch's) fails."""

        def __init__(self, real) -> None:
            self.real, self.calls = real, 0

        def score_both(self, inputs):
            self.calls += 1
            if self.calls == 1:
                raise RuntimeError("batch too big for the scorer")
            return self.real.score_both(inputs)

        def __getattr__(self, name):
            return getattr(self.real, name)

    analyzer = Analyzer(Settings(), nlp=nlp)
    analyzer._scorer = FailsOnce(analyzer.scorer)
    with caplog.at_level(logging.WARNING, logger="claimpipe"):
        records = analyzer.analyse_batch(_pairs(*STORIES))
    assert [type(r) for r in records] == [dict, dict]  # both articles still scored, one at a time
    assert all(c["checkworthiness"] is not None for r in records for c in r["claims"])
    assert analyzer._scorer.calls > 1
    assert [r.getMessage() for r in caplog.records] == [
        "scoring the claims of a batch of 2 articles failed (RuntimeError: batch too big for the scorer); "
        "scoring them one by one"]


def test_a_failed_spacy_batch_is_logged_and_redone_text_by_text(caplog) -> None:
    from claimpipe.analysis import annotate_texts

    class Fussy:
        """nlp.pipe fails for the batch; nlp(text) fails only for the bad text."""

        def pipe(self, texts, batch_size):
            raise ValueError("one bad text")

        def __call__(self, text):
            if text == "bad":
                raise ValueError("bad text")
            return text.upper()

    with caplog.at_level(logging.WARNING, logger="claimpipe"):
        results = annotate_texts(Fussy(), ["good", "bad"])  # type: ignore[arg-type]
    assert results[0] == "GOOD" and isinstance(results[1], ValueError)
    assert [r.getMessage() for r in caplog.records] == [
        "spaCy failed on a batch of 2 texts (ValueError: one bad text); annotating them one by one"]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to see the worker exit (Linux)")
def test_pool_workers_die_with_their_parent(tmp_path: Path) -> None:
    """A parent killed with SIGKILL: its pool worker, set up by the engine's own initializer, exits too
    (before, it stayed blocked on the task queue forever, holding its model)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "parent.py"
    script.write_text(
        "import multiprocessing as mp, os, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from claimpipe.engines import _init_pool_worker\n"
        "from claimpipe.settings import Settings\n"
        "if __name__ == '__main__':\n"
        "    pool = ProcessPoolExecutor(1, mp_context=mp.get_context('spawn'), initializer=_init_pool_worker,\n"
        "                              initargs=(Settings(),))\n"
        "    print(pool.submit(os.getpid).result(), flush=True)\n"
        "    time.sleep(120)\n", encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    worker = int(parent.stdout.readline())
    os.kill(worker, 0)  # alive while the parent lives
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            with open(f"/proc/{worker}/stat") as fh:
                if fh.read().split()[2] == "Z":  # exited; waiting for init to reap it
                    return
        except FileNotFoundError:
            return
        time.sleep(0.1)
    os.kill(worker, signal.SIGKILL)
    pytest.fail("the worker outlived its parent by 20 s")


def test_the_lock_names_its_holder(tmp_path: Path) -> None:
    import os

    with OutputLock(tmp_path):
        assert (tmp_path / ".claimpipe.lock").read_text() == f"{os.getpid()}\n"


def test_an_article_over_its_time_budget_gets_a_timeout_row(monkeypatch, nlp) -> None:
    import claimpipe.claims as claims_stage
    from claimpipe.analysis import Analyzer

    real = claims_stage.doc_claims

    def quadratic_on_hostile_text(doc, **kwargs):
        while "HOSTILE" in doc.text:  # the claims stage never ends on this article
            pass
        return real(doc, **kwargs)

    monkeypatch.setattr(claims_stage, "doc_claims", quadratic_on_hostile_text)
    analyzer = Analyzer(Settings(article_seconds=0.5), nlp=nlp)
    records = analyzer.analyse_batch(_pairs(STORIES[0], "HOSTILE officials said prices rose.", STORIES[1]))
    assert [type(r).__name__ for r in records] == ["dict", "DocError", "dict"]
    assert (records[1].source, records[1].stage, records[1].error, records[1].message) == (
        "1.txt", "claims", "Timeout", "the article's analysis took more than 0.5 s (the article_seconds setting)")
    import signal

    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the alarm is disarmed after the article


def test_time_budget_stands_aside_where_an_alarm_cannot_be_used() -> None:
    import signal
    import threading
    import time

    from claimpipe.analysis import time_budget

    finished = []

    def in_a_thread() -> None:
        with time_budget(0.05):  # not the main thread: no alarm, the work runs to its end
            time.sleep(0.2)
        finished.append(True)

    thread = threading.Thread(target=in_a_thread)
    thread.start()
    thread.join()
    assert finished == [True]
    signal.setitimer(signal.ITIMER_REAL, 30)  # someone else's timer is armed: left alone
    try:
        with time_budget(0.05):
            time.sleep(0.2)
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 25
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def test_the_run_imports_without_fcntl() -> None:
    """As on Windows: no module of the run needs fcntl (filelock picks the platform's lock)."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['fcntl'] = None\n"
            "import claimpipe.pipeline, claimpipe.cli, claimpipe.engines\n"
            "from claimpipe.lock import OutputLock\n"
            "import tempfile, pathlib\n"
            "with OutputLock(pathlib.Path(tempfile.mkdtemp())):\n"
            "    print('locked')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "locked\n"), result.stderr


def test_pipeline_a_word_longer_than_a_piece_keeps_every_offset(tmp_path: Path, _claimpipe_nlp) -> None:
    """Review finding: a 55,000-character run without a space (an inline base64 image) was cut mid-word
    and the pieces joined with an added space, shifting every later offset by one."""
    import json

    from claimpipe.pipeline import run

    text = ("The finance minister, Jane Smith, said the economy grew by 3% last year.\n\n![chart](data:image/png;"
            "base64," + "iVBORw0KGgo" * 5000 + ")\n\nOpposition leader Tom Brown said that unemployment rose to 7% "
            "in March.\n")
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text(text, encoding="utf-8")
    run(corpus, tmp_path / "out", nlp=_claimpipe_nlp, use_cache=False)
    (doc,) = [json.loads(line) for line in (tmp_path / "out" / "documents.jsonl").read_text().splitlines()]
    assert any("Tom Brown said" in c["text"] for c in doc["claims"])
    for row in doc["claims"] + doc["mentions"] + doc["sentences"]:
        assert doc["text"][row["start_char"]:row["end_char"]] == text[row["source_start"]:row["source_end"]]
    tom = next(m for m in doc["mentions"] if m["text"] == "Tom Brown")
    assert text[tom["source_start"]:tom["source_end"]] == "Tom Brown"
