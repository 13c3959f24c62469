"""numpy's BLAS under spaCy's and the classifiers' layers: the same products, the same annotations."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy
import pytest
import spacy
from thinc.api import NumpyOps, get_ops

from claimpipe.blas import MatmulOps, single_blas_thread, use_numpy_blas

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def blas_nlp():
    """The plain model with numpy's BLAS under every layer (a second copy: the session's is left alone)."""
    from claimpipe.annotate import resolve_model

    return use_numpy_blas(spacy.load(resolve_model(None)))


def annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


@pytest.mark.parametrize("trans1, trans2", [(False, False), (True, False), (False, True), (True, True)])
def test_matmul_ops_gemm_is_thincs_gemm(trans1: bool, trans2: bool) -> None:
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((7, 5) if not trans1 else (5, 7)).astype("float32")
    y = rng.standard_normal((5, 3) if not trans2 else (3, 5)).astype("float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    numpy.testing.assert_allclose(MatmulOps().gemm(x, y, trans1=trans1, trans2=trans2), expected, rtol=1e-5, atol=1e-6)
    out = numpy.zeros((7, 3), dtype="float32")
    assert MatmulOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-6)


def test_matmul_ops_is_a_registered_thinc_backend() -> None:
    assert isinstance(get_ops("claimpipe_matmul"), MatmulOps)


def test_every_layer_of_the_pipeline_gets_matmul_ops(blas_nlp, raw_nlp) -> None:
    nodes = [node for _, pipe in blas_nlp.pipeline if getattr(pipe, "model", None) for node in pipe.model.walk()]
    assert len(nodes) > 50 and all(isinstance(node.ops, MatmulOps) for node in nodes)
    raw_nodes = [node for _, pipe in raw_nlp.pipeline if getattr(pipe, "model", None) for node in pipe.model.walk()]
    assert not any(isinstance(node.ops, MatmulOps) for node in raw_nodes)  # another pipeline is untouched


def test_load_nlp_uses_numpy_blas_unless_asked_not_to() -> None:
    from claimpipe.annotate import load_nlp
    from claimpipe.settings import Settings

    assert isinstance(load_nlp(Settings(), fixes=False).get_pipe("tok2vec").model.ops, MatmulOps)
    assert type(load_nlp(Settings(), fixes=False, numpy_blas=False).get_pipe("tok2vec").model.ops) is NumpyOps


def test_numpy_blas_gives_the_models_annotations_on_the_corpus(blas_nlp, raw_nlp) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))]
    with single_blas_thread():
        tuned = list(blas_nlp.pipe(texts))
    stock = list(raw_nlp.pipe(texts))
    assert sum(len(d) for d in stock) == 2854
    for a, b in zip(stock, tuned):
        assert annotations(b) == annotations(a)


def test_numpy_blas_gives_the_models_annotations_on_bbc_articles(blas_nlp, raw_nlp, shared_dir) -> None:
    with gzip.open(shared_dir / "data" / "bbc-news" / "bbc_news_2225.jsonl.gz", "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for _, line in zip(range(60), fh)]
    with single_blas_thread():
        tuned = list(blas_nlp.pipe(texts))
    for a, b in zip(raw_nlp.pipe(texts), tuned):
        assert annotations(b) == annotations(a)


def test_single_blas_thread_holds_blas_to_one_thread() -> None:
    from threadpoolctl import threadpool_info

    with single_blas_thread():
        blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
        assert blas and all(lib["num_threads"] == 1 for lib in blas)


def test_the_numpy_blas_setting_chooses_the_ops_and_leaves_the_fingerprint_alone() -> None:
    from claimpipe.pipeline import load_pipeline
    from claimpipe.settings import Settings

    assert type(load_pipeline(Settings(numpy_blas=False)).get_pipe("ner").model.ops) is NumpyOps
    assert isinstance(load_pipeline(Settings()).get_pipe("ner").model.ops, MatmulOps)
    assert Settings(numpy_blas=False).fingerprint() == Settings().fingerprint()  # same annotations
