"""numpy's BLAS under spaCy's and the classifiers' layers: the same products, the same annotations."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy
import pytest
import spacy
from thinc.api import NumpyOps

from claimpipe.blas import single_blas_thread, use_numpy_blas

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def blas_nlp():
    """The plain model with numpy's BLAS under every layer (a second copy: the session's is left alone)."""
    from claimpipe.annotate import resolve_model

    return use_numpy_blas(spacy.load(resolve_model(None)))


def annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


def numpy_blas_ops(ops) -> bool:
    return type(ops) is NumpyOps and not ops.use_blis


def test_every_layer_of_the_pipeline_multiplies_with_numpy(blas_nlp, raw_nlp) -> None:
    nodes = [node for _, pipe in blas_nlp.pipeline if getattr(pipe, "model", None) for node in pipe.model.walk()]
    assert len(nodes) > 50 and all(numpy_blas_ops(node.ops) for node in nodes)
    raw_nodes = [node for _, pipe in raw_nlp.pipeline if getattr(pipe, "model", None) for node in pipe.model.walk()]
    assert not any(numpy_blas_ops(node.ops) for node in raw_nodes)  # another pipeline is untouched


def test_use_numpy_blas_leaves_other_backends_alone() -> None:
    class OtherOps(NumpyOps):  # stands for a GPU or Apple backend
        name = "other"

    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat")
    textcat.add_label("A")
    textcat.add_label("B")
    nlp.initialize()
    other = OtherOps()
    nodes = list(textcat.model.walk())
    nodes[0].ops = other
    use_numpy_blas(nlp)
    assert nodes[0].ops is other and all(numpy_blas_ops(node.ops) for node in nodes[1:])


def test_numpy_blas_products_equal_blis_products() -> None:
    rng = numpy.random.default_rng(0)
    x, y = rng.standard_normal((64, 288)).astype("float32"), rng.standard_normal((96, 288)).astype("float32")
    numpy.testing.assert_allclose(NumpyOps(use_blis=False).gemm(x, y, trans2=True), NumpyOps().gemm(x, y, trans2=True),
                                  rtol=1e-5, atol=1e-5)


def test_load_nlp_uses_numpy_blas_unless_asked_not_to() -> None:
    from claimpipe.annotate import load_nlp
    from claimpipe.settings import Settings

    assert numpy_blas_ops(load_nlp(Settings(), fixes=False).get_pipe("tok2vec").model.ops)
    assert load_nlp(Settings(), fixes=False, numpy_blas=False).get_pipe("tok2vec").model.ops.use_blis
    assert load_nlp(Settings(numpy_blas=False), fixes=False).get_pipe("tok2vec").model.ops.use_blis


def test_numpy_blas_gives_the_models_annotations_on_the_corpus(blas_nlp, raw_nlp) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))]
    with single_blas_thread():
        tuned = list(blas_nlp.pipe(texts))
    stock = list(raw_nlp.pipe(texts))
    assert sum(len(d) for d in stock) == 4351
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

    assert load_pipeline(Settings(numpy_blas=False)).get_pipe("ner").model.ops.use_blis
    assert numpy_blas_ops(load_pipeline(Settings()).get_pipe("ner").model.ops)
    assert Settings(numpy_blas=False).fingerprint() == Settings().fingerprint()  # same annotations


def test_a_batch_is_analysed_with_blas_on_one_thread(nlp) -> None:
    """The spaCy stage (and the stages after it) of every batch run under `single_blas_thread`."""
    from spacy.language import Language
    from threadpoolctl import threadpool_info

    from claimpipe.pipeline import Analyzer, clean_article
    from claimpipe.records import Article, make_doc_id
    from claimpipe.settings import Settings

    seen: list[int] = []

    @Language.component("test_blas_threads")
    def record_threads(doc):
        seen.append(max(lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"))
        return doc

    nlp.add_pipe("test_blas_threads", last=True)
    text = "Exports rose by 4% in May, the ministry said.\n"
    article = Article(source="a.txt", text=text, doc_id=make_doc_id(text), sha256="0" * 64)
    analyzer = Analyzer(Settings(), nlp=nlp)
    (record,) = analyzer.analyse_batch([(article, clean_article(article, settings=Settings(), repeats=None))])
    assert record["claims"] and seen == [1]
