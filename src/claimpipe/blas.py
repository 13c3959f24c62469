"""Matrix products through numpy's BLAS for the thinc layers claimpipe runs.

thinc's `NumpyOps` multiplies with its bundled blis unless it is made with `use_blis=False`, when its
`gemm` hands the product to numpy (OpenBLAS). On this project's benchmark machine (AMD EPYC with AVX-512)
blis runs these products about 2.4 times slower on one core. `use_numpy_blas` gives a loaded pipeline's
layers that thinc backend: everything that multiplies through `Ops.gemm` (the tok2vec layers, the
parser's and NER's precomputed input layer, the classifiers' layers) switches; the parser's per-step
state loop keeps calling blis through `ops.cblas()`. `en_core_web_sm` ran its `nlp.pipe` in about 30-40%
less time and gave the same tags, parses, entities and sentence starts on all 1,008,443 tokens of the
2,225 BBC articles.

numpy's BLAS may start a thread per core, where blis used one: a worker owns one core, so
`single_blas_thread` holds BLAS to one thread while a batch is analysed.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from spacy.language import Language
from thinc.api import NumpyOps

__all__ = ["single_blas_thread", "use_numpy_blas"]


def use_numpy_blas(nlp: Language) -> Language:
    """Give every layer of the pipeline that runs on thinc's blis-backed `NumpyOps` a `NumpyOps` that
    multiplies with numpy instead, in place; other backends (GPU, Apple) are left alone. Returns `nlp`."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                if type(node.ops) is NumpyOps and node.ops.use_blis:
                    node.ops = ops
    return nlp


@contextmanager
def single_blas_thread() -> Iterator[None]:
    """Keep numpy's BLAS on one thread: a worker process owns one core, and a run with one worker means
    one core. Entered once per batch of articles (threadpoolctl's lookup of the libraries costs a few ms).
    The limit is process-wide: two threads of one process must not analyse batches at once (the Dask
    engine takes a lock per worker process)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield
