"""The HTML report: rendering, escaping, charts, and the page as headless Chromium shows it.

The browser tests need Debian's `chromium` (scripts/install_browser.sh installs it; `make test` runs
that first). Without one they skip and say so. `--update-golden` rewrites docs/report-screenshot.png.
"""

from __future__ import annotations

import base64
import dataclasses
import fcntl
import hashlib
import json
import os
import re
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimpipe.export import CORPUS_ENTITY_COLUMNS, OutputWriter
from claimpipe.loader import load
from claimpipe.records import Claim, Entity, Mention, Quantity, make_claim_id, make_mention_id
from claimpipe.report import render_report, write_report
from claimpipe.report.article import Span, band, claims_table, render_removed, render_spans
from claimpipe.report.charts import claims_by_speaker, claims_by_type, cooccurrence, top_entities
from claimpipe.report.page import CSP, SCRIPT, clean_text, esc, safe_url, script_hash

REPO = Path(__file__).resolve().parent.parent
SCREENSHOT = REPO / "docs" / "report-screenshot.png"

# ---- outputs built by hand -----------------------------------------------------------------------

XSS_TITLE = 'Evil <script>document.title="PWNED"</script> Corp'
XSS_IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
XSS_NAME = "<script>window.pwned=1</script>$x$"


def _record(doc_id: str, blocks: list[tuple[str, str]], *, mentions=(), claims=(), boilerplate=(), url=None,
            source: str = "x.txt") -> dict[str, Any]:
    """A documents.jsonl record whose clean text is `blocks` (kind, text) joined by blank lines, and
    whose source text is the same (so source offsets equal clean offsets)."""
    text = "\n\n".join(t for _, t in blocks)
    out_blocks, at = [], 0
    for kind, t in blocks:
        out_blocks.append({"kind": kind, "start_char": at, "end_char": at + len(t), "source_start": at,
                           "source_end": at + len(t)})
        at += len(t) + 2
    ms, ents = [], {}
    for surface, label, name in mentions:  # every occurrence of `surface` is a mention
        eid = "e_" + hashlib.sha256(f"{label}{name}".encode()).hexdigest()[:16]
        for found in re.finditer(re.escape(surface), text):
            start, end = found.span()
            ms.append(dataclasses.asdict(Mention(make_mention_id(doc_id, start, end), doc_id, eid, surface, label,
                                                 start, end, start, end, 0)))
            e = ents.setdefault(eid, Entity(doc_id, eid, name, label, 0, [surface]))
            e.n_mentions += 1
    cs = []
    for sentence, kw in claims:
        start = text.index(sentence)
        cs.append(dataclasses.asdict(Claim(make_claim_id(doc_id, start, start + len(sentence)), doc_id, 0, sentence,
                                           start, start + len(sentence), start, start + len(sentence),
                                           kw.pop("standalone_text", sentence), **kw)))
    return {"doc_id": doc_id, "source": source, "title": blocks[0][1], "subtitle": None, "author": None,
            "published": None, "url": url, "headings": [], "format": "text", "site": ".", "sha256": "0" * 64,
            "notes": [], "n_words": len(text.split()), "n_sentences": 1, "text": text, "blocks": out_blocks,
            "boilerplate": list(boilerplate), "mentions": ms, "entities": [dataclasses.asdict(e) for e in ents.values()],
            "claims": cs}


def write_outputs(out: Path, records: list[dict[str, Any]]) -> Path:
    """A run's output folder holding `records`, written by the real writer."""
    writer = OutputWriter(out)
    corpus: dict[str, dict[str, Any]] = {}
    for r in records:
        writer.add_record(r)
        for e in r["entities"]:
            row = corpus.setdefault(e["entity_id"], {**e, "n_documents": 0, "n_mentions": 0})
            row["n_documents"] += 1
            row["n_mentions"] += e["n_mentions"]
    writer.write_table("corpus_entities.csv", CORPUS_ENTITY_COLUMNS, corpus.values())
    writer.commit({"schema_version": 1, "claimpipe_version": "test", "spacy_version": "3.8",
                   "model": {"name": "test_model", "version": "1"}, "finished_at": "2026-01-01T00:00:00+00:00",
                   "counts": {"documents": len(records)}})
    return out


def hostile_records() -> list[dict[str, Any]]:
    """Articles whose text, names and links try to inject markup, script, mathtext and escapes."""
    said = f"Profits rose 40 percent, {XSS_IMG} chief executive Jane Smith said."
    blocks = [("title", XSS_TITLE), ("paragraph", said),
              ("paragraph", "The \x1b[31m company \u202e said <b>bold</b> &amp; &lt;script&gt; \x00 \ue000 here.")]
    first = _record("d_0000000000000001", blocks, url="javascript:alert(1)", source="evil <b>.txt", mentions=[
        ("Jane Smith", "PERSON", XSS_NAME), ("Evil", "ORG", "Evil <img src=x onerror=alert(1)>"),
        ("Corp", "ORG", "Corp")],
        claims=[(said, dict(speaker=XSS_NAME, speaker_entity_id="", cue="said", attribution="indirect",
                            claim_types=["quantitative", "<i>x</i>"], checkworthiness=0.9,
                            checkworthiness_reasons=["<script>alert(2)</script>"],
                            quantities=[Quantity("40 percent", 40.0, "%", 0, 10)],
                            standalone_text=f"Evil Corp profits rose 40 percent {XSS_IMG}"))],
        boilerplate=[{"source_start": 0, "source_end": 0, "reason": "<script>x</script>",
                      "text": "<img src=x onerror=alert(3)>"}])
    return [first]


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory) -> Path:
    return write_outputs(tmp_path_factory.mktemp("hostile"), hostile_records())


@pytest.fixture(scope="module")
def seed_report(seed_run, tmp_path_factory) -> Path:
    out, _ = seed_run
    return write_report(out, tmp_path_factory.mktemp("seed_report") / "report.html")


# ---- rendering -----------------------------------------------------------------------------------

def _text_of(markup: str) -> str:
    """What a reader sees of displaCy markup: the text without the span labels."""
    tree = lxml.html.fragment_fromstring(markup, create_parent="div")
    for label in tree.xpath('//span[@class="lb"]'):
        label.drop_tree()
    return tree.text_content()


@pytest.mark.parametrize("text,spans", [
    ("Russia and the EU, said Smith.", [(11, 17, "ORG"), (0, 6, "GPE")]),
    ("Kazakhstan's economy grew 4%.", [(0, 10, "GPE"), (0, 29, "CLAIM")]),
    ('"We will," said Abenov.', [(0, 23, "CLAIM"), (16, 22, "PERSON")]),
    ("a <b>bold</b> & <script>x</script> end", [(2, 13, "X"), (16, 34, "Y")]),
    ("no spans at all", []),
    ("two  spaces\tand tab", [(5, 11, "X")]),
])
def test_report_render_spans_keeps_the_text_exact(text: str, spans: list[tuple[int, int, str]]) -> None:
    markup = render_spans(text, [Span(s, e, esc(lab), "#ddd") for s, e, lab in spans])
    shown = _text_of(markup)
    assert re.sub(r"\s+", " ", shown).strip() == re.sub(r"\s+", " ", text).strip()
    assert "<script>" not in markup and "<b>" not in markup
    assert markup.count('class="st"') == len(spans)  # one label per span


@st.composite
def _text_and_spans(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"'\n\t.,\x1b\ue000\u00a0é")), max_size=40))
    bounds = st.integers(0, len(text))
    spans = [tuple(sorted(draw(st.tuples(bounds, bounds)))) for _ in range(draw(st.integers(0, 4)))]
    return text, [(a, b) for a, b in spans if a < b]


@settings(max_examples=150, deadline=None)
@given(_text_and_spans())
def test_report_render_spans_any_text_and_spans(case) -> None:
    text, spans = case
    markup = render_spans(text, [Span(a, b, f"L{i}", "#ddd") for i, (a, b) in enumerate(spans)])
    tree = lxml.html.fragment_fromstring(markup, create_parent="div")
    assert {el.tag for el in tree.iter()} <= {"div", "span"}  # nothing in the text became markup
    expected = clean_text(text).replace("\ue000", "\ufffd")
    # one label per span, under its first word (real spans never start on whitespace)
    labels = sorted(label.text_content() for label in tree.xpath('//span[@class="lb"]'))
    assert labels == sorted(f"L{i}" for i, (a, _) in enumerate(spans) if not expected[a].isspace())
    for label in tree.xpath('//span[@class="lb"]'):
        label.drop_tree()
    assert tree.text_content().split() == expected.split()


def test_report_render_spans_stacks_a_mention_inside_a_claim() -> None:
    markup = render_spans("The EU said so.", [Span(0, 15, "CLAIM", "#f00"), Span(4, 6, "ORG", "#0f0")])
    tree = lxml.html.fragment_fromstring(markup, create_parent="div")
    eu = [t for t in tree.xpath('//span[@class="tok"]') if t.text == "EU"][0]
    assert [s.get("class") for s in eu] == ["sl", "sl", "st"]  # claim slice, entity slice, entity label
    assert "top: 57px" in lxml.html.tostring(eu, encoding="unicode")  # the second slot, below the claim


@pytest.mark.parametrize("text,expected", [
    ("a\x00b\x1bc\x7fd\x9be", "a\ufffdb\ufffdc\ufffdd\ufffde"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    (None, ""),
])
def test_report_clean_text_replaces_controls_one_for_one(text, expected: str) -> None:
    assert clean_text(text) == expected


@pytest.mark.parametrize("url,expected", [
    ("https://example.com/a?b=1", "https://example.com/a?b=1"),
    ("http://example.com", "http://example.com"),
    ("javascript:alert(1)", None), ("JaVaScRiPt:alert(1)", None), ("data:text/html,<script>", None),
    ("//example.com", None), ("", None), (None, None), ("https://[bad", None),
])
def test_report_safe_url_links_only_http(url, expected) -> None:
    assert safe_url(url) == expected


def test_report_claims_table_most_checkworthy_first() -> None:
    claims = [{"claim_id": f"c_{i}", "doc_id": "d_1", "text": t, "checkworthiness": s, "start_char": i}
              for i, (t, s) in enumerate([("low", 0.1), ("high", 0.9), ("mid", 0.5)])]
    tree = lxml.html.fragment_fromstring(claims_table(claims), create_parent="div")
    rows = tree.xpath("//tbody/tr")
    assert [r.get("id") for r in rows] == ["row-c_1", "row-c_2", "row-c_0"]
    assert [r.xpath('td[@class="score"]/@data-sort')[0] for r in rows] == ["0.900000", "0.500000", "0.100000"]
    score = tree.xpath("//thead/tr/th")[1]
    assert score.get("aria-sort") == "descending" and score.get("data-type") == "number"
    assert claims_table([]) == '<p class="note">No claims found.</p>'


@pytest.mark.parametrize("score,name", [(1.0, "high"), (0.6, "high"), (0.59, "medium"), (0.3, "medium"),
                                        (0.29, "low"), (0.0, "low")])
def test_report_band(score: float, name: str) -> None:
    assert band(score)[0] == name


def test_report_removed_blocks_fold_where_they_were(tmp_path: Path) -> None:
    record = _record("d_1", [("title", "Title here"), ("paragraph", "Body text."), ("paragraph", "More text.")],
                     boilerplate=[{"source_start": 11, "source_end": 11, "reason": "byline", "text": "By Someone"},
                                  {"source_start": 40, "source_end": 40, "reason": "newsletter prompt",
                                   "text": "Sign up"}])
    write_outputs(tmp_path, [record])
    tree = lxml.html.fromstring(render_report(tmp_path))
    text = tree.xpath('//article//div[@class="text"]')[0]
    kinds = [("removed:" + c.xpath("string(summary)")) if c.tag == "details" else c.get("class") for c in text]
    assert kinds == ["block block-title", "removed:1 removed block (10 chars): byline", "block block-paragraph",
                     "block block-paragraph", "removed:1 removed block (7 chars): newsletter prompt"]
    assert render_removed([]).startswith("<details")


# ---- charts --------------------------------------------------------------------------------------

def _corpus() -> list[dict[str, Any]]:
    a = _record("d_a", [("title", "Russia and Kazakhstan"), ("paragraph", "Russia and Kazakhstan trade. Abenov spoke.")],
                mentions=[("Russia", "GPE", "Russia"), ("Kazakhstan", "GPE", "Kazakhstan"),
                          ("Abenov", "PERSON", "Nurlan Abenov")],
                claims=[("Russia and Kazakhstan trade.", dict(claim_types=["factual"], checkworthiness=0.7,
                                                              speaker="Abenov", cue="said", attribution="direct")),
                        ("Abenov spoke.", dict(claim_types=["factual", "quantitative"], checkworthiness=0.1))])
    b = _record("d_b", [("title", "Russia alone"), ("paragraph", "Russia grew 2 percent, Abenov said.")],
                mentions=[("Russia", "GPE", "Russia"), ("Abenov", "PERSON", "Nurlan Abenov")],
                claims=[("Russia grew 2 percent, Abenov said.",
                         dict(claim_types=["quantitative"], checkworthiness=0.4, speaker="Abenov", cue="said",
                              attribution="indirect"))])
    for r in (a, b):  # the title is sentence 0, the body sentence 1
        for m in r["mentions"]:
            m["sentence_index"] = 0 if m["start_char"] < r["blocks"][1]["start_char"] else 1
    speaker = a["entities"][2]["entity_id"]
    for c in a["claims"][:1] + b["claims"]:
        c["speaker_entity_id"] = speaker
    return [a, b]


def test_report_chart_tables(tmp_path: Path) -> None:
    outputs = load(write_outputs(tmp_path, _corpus()))
    top = top_entities(outputs)
    assert top[["name", "n_mentions", "n_documents"]].values.tolist() == [
        ["Russia", 4, 2], ["Nurlan Abenov", 2, 2], ["Kazakhstan", 2, 1]]
    matrix = cooccurrence(outputs)
    assert (matrix.to_numpy() == matrix.to_numpy().T).all()
    assert matrix.loc["Russia", "Kazakhstan"] == 2  # the title and the body of d_a
    assert matrix.loc["Russia", "Nurlan Abenov"] == 2  # the bodies of d_a and d_b
    assert matrix.loc["Kazakhstan", "Nurlan Abenov"] == 1
    assert matrix.loc["Russia", "Russia"] == 4
    types = claims_by_type(outputs.claims)
    assert types.loc["quantitative"].tolist() == [0, 1, 1] and types.loc["factual"].tolist() == [1, 0, 1]
    speakers = claims_by_speaker(outputs)
    assert speakers.index.tolist() == ["Nurlan Abenov"]
    assert speakers.loc["Nurlan Abenov", "direct"] == 1 and speakers.loc["Nurlan Abenov", "indirect"] == 1


def test_report_charts_are_inline_svg_with_unique_ids(seed_report: Path) -> None:
    tree = lxml.html.fromstring(seed_report.read_text(encoding="utf-8"))
    figures = tree.xpath('//figure[@class="chart"]')
    assert [f.get("id") for f in figures] == ["chart-entities", "chart-cooccurrence", "chart-types", "chart-speakers"]
    for figure in figures:
        assert len(figure.xpath(".//svg")) == 1 and figure.xpath(".//svg//text")
    ids = tree.xpath("//svg//@id")
    assert len(ids) == len(set(ids))


def test_report_empty_run_still_renders(tmp_path: Path) -> None:
    write_outputs(tmp_path, [])
    page = render_report(tmp_path)
    for message in ("No entities", "Too few entities", "No claims", "No attributed claims"):
        assert message in page


# ---- the page ------------------------------------------------------------------------------------

def test_report_default_path_and_max_docs(seed_run, tmp_path: Path) -> None:
    out, summary = seed_run
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    path = write_report(copy, max_docs=1)
    assert path == copy / "report.html"
    tree = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    assert len(tree.xpath('//article[@class="doc"]')) == 1
    assert f"{summary.n_documents - 1} more articles are not drawn" in tree.text_content()
    assert not list(copy.glob(".report.html.*"))  # no temporary file left


@pytest.mark.parametrize("kind", ["fifo", "symlink", "folder"])
def test_report_refuses_to_replace_anything_but_a_regular_file(tmp_path: Path, kind: str) -> None:
    from claimpipe.report import ReportDestinationError

    out = write_outputs(tmp_path / "out", [])
    dest = tmp_path / "dest"
    target = tmp_path / "target.txt"
    target.write_text("keep")
    {"fifo": lambda: os.mkfifo(dest), "symlink": lambda: dest.symlink_to(target), "folder": dest.mkdir}[kind]()
    name = {"fifo": "a FIFO", "symlink": "a symbolic link", "folder": "a folder"}[kind]
    with pytest.raises(ReportDestinationError) as caught:
        write_report(out, dest)
    assert str(caught.value) == f"{dest} is {name}, not a regular file: the report replaces only a regular file; give another path"
    assert target.read_text() == "keep" and not list(tmp_path.glob(".dest.*"))
    assert {"fifo": dest.is_fifo, "symlink": dest.is_symlink, "folder": dest.is_dir}[kind]()


def test_report_refuses_a_device(tmp_path: Path) -> None:
    import stat as stat_module

    from claimpipe.report import ReportDestinationError

    out = write_outputs(tmp_path / "out", [])
    with pytest.raises(ReportDestinationError, match="^/dev/null is a device, not a regular file"):
        write_report(out, Path("/dev/null"))
    assert stat_module.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_report_replaces_a_regular_file(tmp_path: Path) -> None:
    out = write_outputs(tmp_path / "out", [])
    dest = tmp_path / "page.html"
    dest.write_text("old")
    assert write_report(out, dest) == dest and dest.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def _long_records(n: int, paragraphs: int = 40) -> list[dict[str, Any]]:
    body = "Russia and Kazakhstan signed a trade deal on Monday, officials said."
    return [_record(f"d_{i:016x}", [("title", f"Article {i}")] + [("paragraph", body)] * paragraphs,
                    mentions=[("Russia", "GPE", "Russia"), ("Kazakhstan", "GPE", "Kazakhstan")],
                    claims=[(body, dict(checkworthiness=0.5))])
            for i in range(n)]


def test_report_draws_articles_only_while_they_fit_the_budget(tmp_path: Path) -> None:
    from claimpipe.report.article import render_article

    records = _long_records(5)
    out = write_outputs(tmp_path, records)
    sizes = [len(render_article(r, names={r["entities"][0]["entity_id"]: "Russia",
                                          r["entities"][1]["entity_id"]: "Kazakhstan"})) for r in records]
    budget = sizes[0] + sizes[1] + sizes[2] // 2  # two articles and a half
    tree = lxml.html.fromstring(render_report(out, budget=budget))
    assert [a.get("id") for a in tree.xpath('//article[@class="doc"]')] == [r["doc_id"] for r in records[:2]]
    notes = [p.text_content() for p in tree.xpath('//section[@id="articles"]/p[@class="note"]')]
    assert notes == [
        "Showing the first 2 of 5 articles (a page holds at most 0 MB of drawn articles, so that it opens in "
        "any browser). The charts, the counts and the most check-worthy claims cover all of them; claimpipe "
        "show DOC_ID prints any article.",
        "3 more articles are not drawn here (the page size limit); the charts and the corpus table cover them all."]
    assert len(tree.xpath('//nav[@class="toc"]//li')) == 2  # the contents list only what is drawn
    assert len(tree.xpath('//table[@id="top-claims-table"]/tbody/tr')) == 5  # the corpus table covers all


def test_report_page_size_is_bounded_whatever_the_corpus(tmp_path: Path) -> None:
    out = write_outputs(tmp_path, _long_records(60))
    empty = len(render_report(out, budget=0).encode("utf-8"))
    page_bytes = len(render_report(out, budget=200_000).encode("utf-8"))
    assert empty < 400_000  # charts, counts and the top claims: no article
    assert page_bytes - empty < 200_000 + 2_000  # the articles' markup, within the budget


def test_report_cooccurrence_is_computed_from_counts_not_a_matrix() -> None:
    """40,000 sentences x 8,000 entities: a sentence x entity table would need 2.5 GB; pairs take a few MB."""
    import random
    import tracemalloc
    from collections import Counter
    from itertools import product
    from types import SimpleNamespace

    import pandas as pd

    rng = random.Random(7)
    rows = [(f"d_{s // 20}", s % 20, f"e_{min(int(rng.paretovariate(0.8)), 7999):04d}") for s in range(40_000)
            for _ in range(3)]
    mentions = pd.DataFrame(rows, columns=["doc_id", "sentence_index", "entity_id"])
    entities = pd.DataFrame({"entity_id": sorted(set(mentions["entity_id"]))})
    entities["name"], entities["label"] = entities["entity_id"], "ORG"
    outputs = SimpleNamespace(mentions=mentions, corpus_entities=entities, entities=entities)
    tracemalloc.start()
    matrix = cooccurrence(outputs, n=12)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 100_000_000
    sentences: dict[tuple[str, int], set[str]] = {}
    for doc, sentence, entity in rows:
        sentences.setdefault((doc, sentence), set()).add(entity)
    per_entity = Counter(e for ents in sentences.values() for e in ents)
    top = [e for e, _ in sorted(per_entity.items(), key=lambda kv: (-kv[1], kv[0]))[:12]]
    expected = Counter((a, b) for ents in sentences.values() for a, b in product(sorted(ents & set(top)), repeat=2))
    assert list(matrix.index) == top
    assert {(a, b): int(matrix.loc[a, b]) for a in top for b in top if matrix.loc[a, b]} == dict(expected)


def test_report_needs_jsonl(tmp_path: Path) -> None:
    write_outputs(tmp_path, [])
    (tmp_path / "documents.jsonl").unlink()
    with pytest.raises(FileNotFoundError, match="--format including jsonl"):
        write_report(tmp_path)


def test_report_is_self_contained(seed_report: Path) -> None:
    page = seed_report.read_text(encoding="utf-8")
    tree = lxml.html.fromstring(page)
    assert not tree.xpath("//link | //iframe | //object | //embed")
    assert not tree.xpath("//*[@src and not(starts-with(@src, 'data:'))]")
    assert tree.xpath("//script") and not tree.xpath("//script[@src]")
    assert tree.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content') == [CSP]
    assert "default-src 'none'" in CSP and script_hash() in CSP
    assert tree.xpath("//script")[0].text == SCRIPT
    expected = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert script_hash() == expected


def test_report_seed_has_every_part(seed_run, seed_report: Path) -> None:
    out, summary = seed_run
    records = [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    tree = lxml.html.fromstring(seed_report.read_text(encoding="utf-8"))
    assert [a.get("id") for a in tree.xpath('//article[@class="doc"]')] == [r["doc_id"] for r in records]
    rows = tree.xpath('//article//table[contains(@class, "sortable")]/tbody/tr')
    assert len(rows) == summary.n_claims
    labels = [lb.text_content() for lb in tree.xpath('//span[@class="lb"]')]
    assert sum(x.startswith("CLAIM ") for x in labels) == summary.n_claims
    assert sum(not x.startswith("CLAIM ") for x in labels) == summary.n_mentions
    assert len(tree.xpath('//details[@class="removed"]/div')) == sum(len(r["boilerplate"]) for r in records)
    ids = tree.xpath("//@id")
    assert len(ids) == len(set(ids))
    targets = {h[1:] for h in tree.xpath('//a[starts-with(@href, "#")]/@href')}
    assert targets <= set(ids)  # every claim label, contents entry and article link lands somewhere


def test_report_escapes_hostile_text(hostile_out: Path) -> None:
    markup = write_report(hostile_out).read_text(encoding="utf-8")
    tree = lxml.html.fromstring(markup)
    assert len(tree.xpath("//script")) == 1 and tree.xpath("//script")[0].text == SCRIPT
    assert not tree.xpath("//img | //i | //iframe | //b[.='bold']")
    assert not [a for el in tree.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
    assert not tree.xpath('//a[starts-with(translate(@href, "JAVSCRIPT", "javscript"), "javascript")]')
    text = " ".join(tree.text_content().split())  # displaCy doubles the spaces between plain tokens
    for visible in (XSS_TITLE, XSS_IMG, "<b>bold</b> &amp; &lt;script&gt;", "<i>x</i>", "<script>x</script>",
                    "<script>window.pwned=1</script>$x$"):
        assert visible in text
    assert "\x1b" not in markup and "\x00" not in markup


# ---- in a real browser ---------------------------------------------------------------------------

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio"]


def find_chromium() -> str | None:
    for candidate in (os.environ.get("CLAIMPIPE_CHROMIUM"), "chromium", "chromium-browser", "google-chrome",
                      "/usr/bin/chromium"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        pytest.skip("headless Chromium not found: run scripts/install_browser.sh (apt-get install chromium) "
                    "or set CLAIMPIPE_CHROMIUM to a Chromium binary")
    return path


def run_chromium(chromium: str, profile: Path, *args: str, timeout: float = 90) -> subprocess.CompletedProcess:
    return subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def dump_dom(chromium: str, page: Path, profile: Path) -> lxml.html.HtmlElement:
    done = run_chromium(chromium, profile, "--virtual-time-budget=3000", "--dump-dom", page.resolve().as_uri())
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return lxml.html.fromstring(done.stdout.decode("utf-8"))


class DevTools:
    """Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe): no port, no
    websocket. The browser reads commands on fd 3 and writes answers on fd 4, each a JSON text ended
    by a NUL byte."""

    def __init__(self, chromium: str, profile: Path) -> None:
        to_browser, self._write = os.pipe()
        self._read, from_browser = os.pipe()

        def fds() -> None:  # in the child: the pipe ends become fds 3 and 4, whatever their numbers were
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser, from_browser)]
            for fd, target in zip(high, (3, 4)):
                os.dup2(fd, target)  # inheritable; every other fd Python opened is close-on-exec
                os.close(fd)

        # close_fds=False: Popen would close fds 3 and 4 after preexec_fn has set them up
        self.proc = subprocess.Popen([chromium, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe",
                                      "about:blank"], close_fds=False, preexec_fn=fds,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: bool = True,
             timeout: float = 30) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._read], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Page.navigate", {"url": url})
        self.evaluate("new Promise(r => document.readyState === 'complete' ? r() : addEventListener('load', r))")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False, timeout=10)
        except (OSError, RuntimeError, TimeoutError, EOFError):
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._write)
        os.close(self._read)


@pytest.fixture
def devtools(chromium: str, tmp_path: Path):
    browser = DevTools(chromium, tmp_path / "profile")
    yield browser
    browser.close()


def test_report_in_chromium_shows_highlights_tables_and_charts(chromium: str, seed_run, seed_report: Path,
                                                               tmp_path: Path) -> None:
    _, summary = seed_run
    dom = dump_dom(chromium, seed_report, tmp_path / "profile")
    assert "js" in dom.get("class", "").split()  # the page's script ran: the policy allows it
    assert len(dom.xpath('//article[@class="doc"]')) == summary.n_documents
    assert len(dom.xpath('//article//div[@class="spans"]//span[@class="tok"]')) > summary.n_mentions
    assert any(lb.text_content().startswith("CLAIM ") for lb in dom.xpath('//span[@class="lb"]'))
    assert any(lb.text_content() == "GPE" for lb in dom.xpath('//span[@class="lb"]'))
    assert len(dom.xpath('//table[contains(@class, "sortable")]')) == summary.n_documents + 1
    assert len(dom.xpath('//article//table/tbody/tr')) == summary.n_claims
    charts = dom.xpath('//figure[@class="chart"]//svg')
    assert len(charts) == 4 and all(len(svg.xpath(".//*")) > 20 for svg in charts)
    names = " ".join(dom.xpath('//figure[@id="chart-entities"]//svg//text//text()'))
    assert "Kazakhstan" in names


def test_report_in_chromium_sorts_the_claims_table(devtools: DevTools, seed_report: Path) -> None:
    devtools.open(seed_report.resolve().as_uri())
    scores = ("Array.from(document.querySelectorAll('#top-claims-table tbody tr'))"
              ".map(r => parseFloat(r.cells[1].dataset.sort))")
    first = devtools.evaluate(scores)
    assert first == sorted(first, reverse=True) and len(first) > 3
    devtools.evaluate("document.querySelectorAll('#top-claims-table th button')[1].click()")
    assert devtools.evaluate(scores) == sorted(first)
    assert devtools.evaluate("document.querySelectorAll('#top-claims-table th')[1].getAttribute('aria-sort')") \
        == "ascending"
    devtools.evaluate("document.querySelectorAll('#top-claims-table th button')[2].click()")
    texts = devtools.evaluate("Array.from(document.querySelectorAll('#top-claims-table tbody tr'))"
                              ".map(r => r.cells[2].textContent.trim().toLowerCase())")
    # the script's order for a text column: ascending by localeCompare of the lower-cased text
    expected = devtools.evaluate(f"{json.dumps(sorted(texts))}.sort((a, b) => a.localeCompare(b))")
    assert texts == expected and len(set(texts)) > 3
    assert not [e for e in devtools.events if e.get("method") == "Runtime.exceptionThrown"]


def test_report_in_chromium_sorts_text_columns_in_order(devtools: DevTools, tmp_path: Path) -> None:
    """Claims whose texts order the same way under any collation: the rows must come in exactly that order."""
    words = ["Delta rose.", "alpha fell.", "Charlie held.", "bravo grew.", "echo slipped."]
    scores = [0.5, 0.9, 0.1, 0.7, 0.3]
    record = _record("d_0000000000000005", [("title", "Order")] + [("paragraph", w) for w in words],
                     claims=[(w, dict(checkworthiness=s)) for w, s in zip(words, scores)])
    devtools.open(write_report(write_outputs(tmp_path, [record])).resolve().as_uri())
    rows = "Array.from(document.querySelectorAll('#top-claims-table tbody tr')).map(r => r.cells[2].textContent)"
    assert devtools.evaluate(rows) == ["alpha fell.", "bravo grew.", "Delta rose.", "echo slipped.", "Charlie held."]
    devtools.evaluate("document.querySelectorAll('#top-claims-table th button')[2].click()")
    assert devtools.evaluate(rows) == ["alpha fell.", "bravo grew.", "Charlie held.", "Delta rose.", "echo slipped."]
    devtools.evaluate("document.querySelectorAll('#top-claims-table th button')[2].click()")
    assert devtools.evaluate(rows) == ["echo slipped.", "Delta rose.", "Charlie held.", "bravo grew.", "alpha fell."]


@pytest.fixture(scope="module")
def hostile_run(_claimpipe_nlp, tmp_path_factory) -> Path:
    """A real run over one article full of markup and escape sequences."""
    from claimpipe.pipeline import run

    corpus = tmp_path_factory.mktemp("hostile_corpus")
    (corpus / "evil.txt").write_text(
        f"{XSS_TITLE}\n\nLONDON - Evil Corp said on Monday that profits rose 40 percent last year, {XSS_IMG} "
        "chief executive Jane Smith told reporters.\n\n\"We expect sales to double by 2027 <svg onload=alert(1)>,\" "
        "Smith said. <iframe src=\"javascript:alert(1)\"></iframe> The company is based in London.\n\n"
        "Britain's economy grew 2 percent in 2024, according to the Office for National Statistics "
        "<b>bold</b> &amp; &lt;script&gt;.\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile_run")
    run(corpus, out, nlp=_claimpipe_nlp)
    return write_report(out)


def test_report_in_chromium_injected_markup_stays_text(chromium: str, hostile_run: Path, hostile_out: Path,
                                                       tmp_path: Path) -> None:
    assert "<img src=x onerror" in load(hostile_run.parent).documents["text"][0]  # the run kept it as text
    for page in (hostile_run, write_report(hostile_out)):
        dom = dump_dom(chromium, page, tmp_path / "profile")
        assert "js" in dom.get("class", "").split()
        assert len(dom.xpath("//script")) == 1
        assert not dom.xpath("//img | //iframe | //i | //b[.='bold'] | //svg[not(ancestor::figure)]")
        assert not [a for el in dom.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
        assert dom.get("data-pwned") is None and not dom.xpath("//body[@data-pwned]")
        assert dom.xpath("string(//title)").startswith("claimpipe report")  # not "PWNED"
        assert XSS_IMG in dom.text_content()


def test_report_in_chromium_runs_no_injected_script(devtools: DevTools, hostile_out: Path) -> None:
    page = write_report(hostile_out)
    devtools.open(page.resolve().as_uri())
    assert devtools.evaluate("typeof window.pwned") == "undefined"
    assert devtools.evaluate("document.title").startswith("claimpipe report")
    assert devtools.evaluate("document.scripts.length") == 1
    assert not [e for e in devtools.events if e.get("method") == "Page.javascriptDialogOpening"]


def test_report_screenshot(chromium: str, seed_run, request, tmp_path: Path) -> None:
    """A screenshot of the seed's report shows the charts, the top claims and the first article.

    With --update-golden it is written to docs/report-screenshot.png."""
    from PIL import Image

    out, _ = seed_run
    page = write_report(out, tmp_path / "report.html", max_docs=1)
    shot = tmp_path / "shot.png"
    done = run_chromium(chromium, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1400,4000",
                        page.resolve().as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr.decode(errors="replace")[-2000:]
    image = Image.open(shot).convert("L")
    assert image.size == (1400, 4000)
    assert sum(1 for n in image.histogram() if n) > 20  # not a blank page
    if request.config.getoption("--update-golden"):
        # 256 colours: a page of text and flat charts loses nothing visible, and the file is a third
        Image.open(shot).convert("P", palette=Image.Palette.ADAPTIVE, colors=256).save(SCREENSHOT, optimize=True)
    assert SCREENSHOT.exists() and SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ---- the command ---------------------------------------------------------------------------------

def _cli(name: str):
    from claimpipe.cli import cli

    if name not in cli.commands:
        pytest.skip(f"`claimpipe {name}` is not registered in cli.py yet")
    return cli


def test_report_cli_writes_the_page(seed_run, tmp_path: Path) -> None:
    from click.testing import CliRunner

    cli = _cli("report")
    out, _ = seed_run
    dest = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["report", str(out), "-o", str(dest), "--max-docs", "1"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(dest)
    assert len(lxml.html.fromstring(dest.read_text(encoding="utf-8")).xpath('//article[@class="doc"]')) == 1


def test_report_cli_without_a_run(tmp_path: Path) -> None:
    from click.testing import CliRunner

    result = CliRunner().invoke(_cli("report"), ["report", str(tmp_path)])
    assert result.exit_code == 2
    assert "no complete claimpipe run (no manifest.json); run `claimpipe run` first" in result.output


def test_report_says_what_the_stand_alone_text_put_in(seed_report: Path) -> None:
    page = seed_report.read_text(encoding="utf-8")
    assert ('<div class="rewrites">The company → <b>Eurasian Resources Group</b> (0.92); the Kazakh state → '
            '<b>Kazakhstan</b> (0.92)</div>') in page
