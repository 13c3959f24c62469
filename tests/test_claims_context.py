"""No per-Doc state outside the Doc: the claim rules read each Doc's own context, whatever the order.

The claims stage once kept the last Doc's text in a module global and token tables in a weak-key map
trusted by length; an article could then be read through another's cache. These tests pin that it
cannot: contexts belong to their Doc, and a run gives the same records whatever the input order.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from claimpipe.claims import find_attributions
from claimpipe.claims.context import claims_context, doc_context, doc_text
from claimpipe.pipeline import run
from claimpipe.settings import Settings
from claimpipe.token_table import token_table

from .conftest import REPO


def test_each_doc_reads_its_own_text_and_table(nlp):
    first, second = nlp("Prices rose 5% in May."), nlp("Smith said it fell.")
    assert [doc_text(d) for d in (first, second, first)] == ["Prices rose 5% in May.", "Smith said it fell.",
                                                             "Prices rose 5% in May."]
    assert token_table(first).lower == ["prices", "rose", "5", "%", "in", "may", "."]
    assert token_table(second).lower == ["smith", "said", "it", "fell", "."]


def test_the_context_lives_on_the_doc_only_while_the_stage_runs(nlp):
    doc = nlp("Smith said prices rose.")
    with claims_context(doc) as ctx:
        assert doc_context(doc) is ctx
        with claims_context(doc) as inner:  # a nested entry point reuses it and leaves it in place
            assert inner is ctx
        assert doc_context(doc) is ctx
    assert doc.user_data == {}
    find_attributions(doc)
    assert doc.user_data == {}
    doc.to_bytes()  # serialisable as it came


def test_a_retokenized_doc_gets_a_new_context(nlp):
    doc = nlp("New York Times reporters said so.")
    with claims_context(doc) as ctx:
        with doc.retokenize() as retokenizer:
            retokenizer.merge(doc[0:3])
        assert token_table(doc).lower == ["new york times", "reporters", "said", "so", "."]
        assert doc_context(doc) is not ctx


def _corpus(tmp: Path, names: list[str], order: list[int]) -> Path:
    """The same articles under file names that sort in the given order."""
    folder = tmp / ("corpus-" + "".join(map(str, order)))
    folder.mkdir()
    for rank, k in enumerate(order):
        shutil.copy(REPO / "corpus" / names[k], folder / f"{rank:02d}_{names[k]}")
    return folder


def _rows(out: Path, name: str) -> list[str]:
    return sorted((out / name).read_text(encoding="utf-8").splitlines())


def test_a_run_gives_the_same_records_whatever_the_input_order_and_batching(tmp_path, _claimpipe_nlp):
    names = sorted(p.name for p in (REPO / "corpus").glob("*.txt"))[:4]
    forward = _corpus(tmp_path, names, [0, 1, 2, 3])
    backward = _corpus(tmp_path, names, [3, 2, 1, 0])
    out_a, out_b = tmp_path / "a", tmp_path / "b"
    run(forward, out_a, nlp=_claimpipe_nlp, use_cache=False)
    run(backward, out_b, nlp=_claimpipe_nlp, use_cache=False, settings=Settings().with_overrides(batch_size=1))
    for name in ("claims.jsonl", "mentions.csv", "entities.csv"):
        assert _rows(out_a, name) == _rows(out_b, name), name
    claims = [json.loads(line) for line in _rows(out_a, "claims.jsonl")]
    assert len({c["doc_id"] for c in claims}) == 4
