"""Shared fixtures. The spaCy model is loaded once per session; `../shared` data is optional.

`make test` sets CLAIMPIPE_REQUIRE_BROWSER=1: then a test that needs headless Chromium (the
`chromium` fixture of test_report.py) fails instead of skipping when no browser is found, so the
report's XSS and rendering tests cannot drop out of CI unseen. A plain `pytest` still skips them,
with the reason.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = REPO / "corpus" / "000_840721b9eac7f4e6.txt"
DATA = Path(__file__).resolve().parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="also run tests marked slow")
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files instead of comparing")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


REQUIRE_BROWSER = "CLAIMPIPE_REQUIRE_BROWSER"


def browser_required() -> bool:
    return os.environ.get(REQUIRE_BROWSER, "") not in ("", "0")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A skipped browser test is a failure when the browser is required (see the module docstring)."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and browser_required() and "chromium" in getattr(item, "fixturenames", ()):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = (f"{REQUIRE_BROWSER} is set (make test) but this browser test would skip: {reason}\n"
                           "run scripts/install_browser.sh as root, or set CLAIMPIPE_CHROMIUM")


def pytest_report_header(config: pytest.Config) -> list[str]:
    """Say up front what is absent, so the skips below are expected rather than surprising."""
    lines = [f"../shared: {'present' if SHARED.is_dir() else 'absent (tests that need its data or tools skip)'}"]
    if browser_required():
        lines.append(f"{REQUIRE_BROWSER}=1: browser tests fail rather than skip without Chromium")
    return lines


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's clone): shared data and tools are not available")
    return SHARED


@pytest.fixture(scope="session")
def floor_at(tmp_path_factory):
    """Settings whose stand-alone floor ([resolution.abstain] min_confidence) is `floor`: a lexicon overlay."""
    from claimpipe.settings import Settings

    folder = tmp_path_factory.mktemp("floors")

    def settings(floor: float) -> Settings:
        path = folder / f"floor_{floor}.toml"
        path.write_text(f"[resolution.abstain]\nmin_confidence = {floor}\n", encoding="utf-8")
        return Settings(claims_lexicon=str(path))
    return settings


@pytest.fixture(scope="session")
def raw_nlp():
    """The plain spaCy model, loaded once."""
    import spacy

    from claimpipe.annotate import resolve_model

    return spacy.load(resolve_model(None))


@pytest.fixture(scope="session")
def _claimpipe_nlp():
    from claimpipe.annotate import load_nlp
    from claimpipe.settings import Settings

    return load_nlp(Settings())


@pytest.fixture
def nlp(_claimpipe_nlp):
    """claimpipe's pipeline; any pipe a test adds is removed after it (negspacy's pattern)."""
    names = list(_claimpipe_nlp.pipe_names)
    yield _claimpipe_nlp
    for name in list(_claimpipe_nlp.pipe_names):
        if name not in names:
            _claimpipe_nlp.remove_pipe(name)


@pytest.fixture(scope="session")
def seed_run(_claimpipe_nlp, tmp_path_factory):
    """One full run over the seed corpus, shared by the tests that read its outputs."""
    from claimpipe.pipeline import run

    out = tmp_path_factory.mktemp("seed_run")
    summary = run(REPO / "corpus", out, nlp=_claimpipe_nlp)
    return out, summary
