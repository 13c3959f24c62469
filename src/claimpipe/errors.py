"""The exceptions that stop a run before it changes anything in its output folder."""

from __future__ import annotations


class RunError(Exception):
    """The run could not start (exit code 2): bad input path, unloadable model, bad settings or output
    folder in use. Nothing in the output folder was changed."""

    exit_code = 2


class EmptyCorpus(RunError):
    """The corpus holds no input at all and the output folder holds an earlier run (exit code 1, as for failed
    inputs): that run's outputs are kept rather than replaced by empty tables."""

    exit_code = 1


def short_message(exc: BaseException) -> str:
    """An exception as one line of at most 500 characters, for an error row or a log line."""
    text = " ".join(str(exc).split())
    return text[:500] or type(exc).__name__
