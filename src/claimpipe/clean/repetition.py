"""Corpus repetition: blocks that recur across the articles of one site are site chrome."""

from __future__ import annotations

import hashlib
from collections import defaultdict

from ..records import Article
from .text import repeat_key
from .units import split_units


class RepeatIndex:
    """Blocks that recur across the articles of one site: built in a first pass over the corpus.

    Like CCNet's paragraph deduplication within a shard, a block seen on many pages of one site
    (a newsletter box, a footer line) is site chrome, not story.
    """

    def __init__(self) -> None:
        self._docs: dict[str | None, int] = defaultdict(int)
        self._counts: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self._seen: set[str] = set()

    def add(self, article: Article) -> None:
        """Record the distinct block keys of one article under its site (each doc_id once).

        An article seen twice must not make its own story look like site chrome.
        """
        if article.doc_id in self._seen:
            return
        self._seen.add(article.doc_id)
        keys = {repeat_key(u.text) for u in split_units(article.text)}
        site = site_group(article)
        self._docs[site] += 1
        counts = self._counts[site]
        for key in keys:
            counts[key] += 1

    def count(self, site: str | None, block_text: str) -> tuple[int, int]:
        """(articles of `site` holding this block, articles of `site`)."""
        if site not in self._docs:
            return 0, 0
        return self._counts[site].get(repeat_key(block_text), 0), self._docs[site]

    def signature(self, article: Article, *, min_docs: int = 2) -> str:
        """What the index says about this article's blocks, as a short hash.

        Cleaning reads the index only through `count`, and a block seen in fewer than `min_docs`
        articles is never site chrome; so the cleaning of an article is fixed by its own text, the
        settings, and the counts of its blocks seen at least `min_docs` times. A result cache keyed on
        this signature stays valid while other articles of the site come and go.
        """
        docs = self._docs.get(site_group(article), 0)
        counts = self._counts.get(site_group(article), {})
        repeated = sorted((k, counts[k]) for k in {repeat_key(u.text) for u in split_units(article.text)}
                          if counts.get(k, 0) >= min_docs)
        if not repeated:
            return ""
        return hashlib.blake2b(repr((docs, repeated)).encode(), digest_size=8).hexdigest()

    def __len__(self) -> int:
        return sum(self._docs.values())


def site_group(article: Article) -> str | None:
    """The articles whose blocks are counted together: those of one site, else those of one folder."""
    return article.site or article.folder
