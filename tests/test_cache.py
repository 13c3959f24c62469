from __future__ import annotations

from pathlib import Path

from claimpipe.cache import ResultCache, result_key
from claimpipe.clean import RepeatIndex
from claimpipe.export import json_text
from claimpipe.records import Article, make_doc_id

FOOTER = "Sign up for the Daily Brief, delivered every morning."


def _article(text: str, source: str, site: str = "site") -> Article:
    return Article(source=source, text=text, doc_id=make_doc_id(text), sha256="x", site=site)


def test_cache_repeat_signature_moves_only_with_the_articles_repeated_blocks() -> None:
    a = _article(f"Story A says the port grew.\n\n{FOOTER}", "a.txt")
    b = _article(f"Story B says exports fell.\n\n{FOOTER}", "b.txt")
    c = _article("Story C has nothing in common.", "c.txt")
    index = RepeatIndex()
    for article in (a, c):
        index.add(article)
    assert index.signature(a) == "" and index.signature(c) == ""
    index.add(b)  # now the footer recurs: a's cleaning may change, c's cannot
    assert index.signature(a) != "" and index.signature(a) != index.signature(c) == ""
    before = index.signature(a)
    index.add(_article("Story D, unrelated.", "d.txt", site="other"))
    assert index.signature(a) == before


def test_cache_key_and_store_round_trip(tmp_path: Path) -> None:
    article = _article("Story.", "a.txt")
    key = result_key(article, repeats="", fingerprint="f", model={"name": "m", "version": "1"}, version="0.1")
    assert key != result_key(article, repeats="r", fingerprint="f", model={"name": "m", "version": "1"}, version="0.1")
    assert key != result_key(article, repeats="", fingerprint="g", model={"name": "m", "version": "1"}, version="0.1")
    assert key != result_key(article, repeats="", fingerprint="f", model={"name": "m", "version": "2"}, version="0.1")
    first = ResultCache(tmp_path)
    first.put("stale", {"doc_id": "old"})
    first.finish()
    second = ResultCache(tmp_path)
    second.put(key, {"doc_id": article.doc_id})
    second.finish()
    again = ResultCache(tmp_path)
    assert again.get(key) == {"doc_id": article.doc_id}
    assert again.get("stale") is None  # a finished run prunes what it did not use
    again.close()


def test_cache_damaged_file_is_logged_and_rebuilt(tmp_path: Path, caplog) -> None:
    import logging

    (tmp_path / ".claimpipe-cache.sqlite").write_bytes(b"this is not a database, just junk bytes " * 40)
    with caplog.at_level(logging.WARNING, logger="claimpipe"):
        cache = ResultCache(tmp_path)
    assert cache.db is not None and cache.get("any") is None
    cache.put("k", {"doc_id": "d"})
    cache.finish()
    assert ResultCache(tmp_path).get("k") == {"doc_id": "d"}  # the rebuilt cache works
    (message,) = [r.getMessage() for r in caplog.records]
    assert message.startswith(f"the result cache {tmp_path / '.claimpipe-cache.sqlite'} is damaged (")
    assert message.endswith("); deleting it and starting an empty one, so every article is analysed again")


def test_cache_truncated_database_is_rebuilt(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    for k in range(500):
        cache.put(f"k{k}", {"doc_id": f"d{k}", "text": "x" * 200})
    cache.finish()
    path = tmp_path / ".claimpipe-cache.sqlite"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # cut mid-file, like a full disk
    again = ResultCache(tmp_path)
    assert again.db is not None and again.get("k1") is None
    again.close()


def test_cache_damaged_record_is_a_miss(tmp_path: Path, caplog) -> None:
    import logging

    cache = ResultCache(tmp_path)
    cache.put_text("bad", '{"doc_id": "d", "claims": [')
    cache.put_text("list", "[1, 2]")
    cache.put("good", {"doc_id": "g"})
    with caplog.at_level(logging.WARNING, logger="claimpipe"):
        assert cache.get_record("bad") is None and cache.get_record("list") is None
    record, text = cache.get_record("good")
    assert record == {"doc_id": "g"} and text == json_text(record)
    assert cache.used == {"good"}  # damaged records are not kept by the pruning of a finished run
    assert len(caplog.records) == 2
    cache.close()


def test_cache_that_fails_mid_run_is_dropped_not_fatal(tmp_path: Path, caplog) -> None:
    import logging

    cache = ResultCache(tmp_path)
    cache.db.close()  # any later call raises sqlite3.ProgrammingError, as a vanished file would
    with caplog.at_level(logging.WARNING, logger="claimpipe"):
        assert cache.get_text("k") is None
        cache.put_text("k", "{}")
        cache.finish()
    assert cache.db is None
    assert caplog.records[0].getMessage().startswith(f"the result cache {tmp_path / '.claimpipe-cache.sqlite'} "
                                                     "failed while reading (")


def test_cache_that_cannot_be_opened_runs_without_it(tmp_path: Path, caplog) -> None:
    import logging

    with caplog.at_level(logging.WARNING, logger="claimpipe"):
        cache = ResultCache(tmp_path / "no" / "such" / "folder")
    assert cache.db is None and cache.get("k") is None
    assert "running without it" in caplog.records[0].getMessage()
