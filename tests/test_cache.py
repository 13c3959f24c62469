from __future__ import annotations

from pathlib import Path

from claimpipe.cache import ResultCache, result_key
from claimpipe.clean import RepeatIndex
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
