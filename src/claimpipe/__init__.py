"""claimpipe: news articles in, datasets of who is mentioned and what is claimed out."""

import logging

from .version import SCHEMA_VERSION, __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())


def run(corpus, out, settings=None, **kwargs):
    """Run the whole pipeline over `corpus` into `out`; see `claimpipe.pipeline.run`."""
    from .pipeline import run as _run

    return _run(corpus, out, settings=settings, **kwargs)


def load(out):
    """Load a run's outputs as typed pandas DataFrames; see `claimpipe.loader.load`."""
    from .loader import load as _load

    return _load(out)


__all__ = ["run", "load", "__version__", "SCHEMA_VERSION"]
