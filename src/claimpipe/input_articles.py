"""Articles from decoded input: a text file's or a page's source text, checked, with its metadata."""

from __future__ import annotations

import hashlib

from .input_decoding import InputError, clean_source_text, decode_with_notes
from .metadata import normalise_metadata, url_site
from .records import Article, make_doc_id
from .settings import Settings


def text_article(data: bytes, *, source: str, settings: Settings, folder: str | None = None,
                  site: str | None = None) -> Article:
    if not data.strip():
        raise InputError("EmptyInput", "empty (no text)")
    raw, notes = decode_with_notes(data)
    text, more = clean_source_text(raw, settings)
    check_text(text, settings)
    return Article(source=source, text=text, doc_id=make_doc_id(text), sha256=sha256_hex(data), site=site,
                   folder=folder, notes=notes + more)


def html_article(data: bytes, *, source: str, folder: str | None, settings: Settings) -> Article:
    if not data.strip():
        raise InputError("EmptyInput", "empty (no HTML)")
    html, notes = decode_with_notes(data)
    return article_from_html(html, source=source, sha256=sha256_hex(data), folder=folder, settings=settings,
                              notes=notes)


def article_from_html(html: str, *, source: str, sha256: str, folder: str | None, settings: Settings,
                       notes: list[str] | None = None, **meta: str | None) -> Article:
    """An article from a page: the extracted text is its source text (see `htmltext`); metadata given
    with the page (`meta`, from a JSONL record) wins over what the page says."""
    from .htmltext import extract_html

    extracted = extract_html(html, url=meta.get("url"))
    if not extracted.text.strip():
        # the kind stays EmptyInput (what callers count on); the message says what failed
        raise InputError("EmptyInput", extracted.failure or "no article text found in the HTML")
    text, more = clean_source_text(extracted.text, settings)
    check_text(text, settings)
    found = {k: getattr(extracted, k, None) for k in ("title", "subtitle", "author", "published", "url")}
    site = url_site(meta.get("url")) or url_site(found["url"])
    found, meta_notes = normalise_metadata(found, sitename=extracted.sitename, site=site)
    given, given_notes = normalise_metadata({k: v for k, v in meta.items() if v}, validate_author=False)
    merged = {k: given.get(k) or found.get(k) for k in found}
    extractor = [f"text extracted by {extracted.extractor}"] if extracted.extractor != "trafilatura" else []
    return Article(source=source, text=text, doc_id=make_doc_id(text), sha256=sha256, format="html", site=site,
                   notes=(notes or []) + extracted.notes + extractor + more + given_notes + meta_notes, folder=folder,
                   extractor=extracted.extractor, **merged)


def check_text(text: str, settings: Settings) -> None:
    if not text.strip():
        raise InputError("EmptyInput", "only white space")
    if len(text) > settings.max_article_chars:
        raise InputError("TooLarge", f"{len(text):,} characters is over the limit of "
                         f"{settings.max_article_chars:,} (setting max_article_chars)")


def folder_of(source: str) -> str:
    """The folder of an input, relative to the corpus root ("." at the top): articles of one folder are
    taken to come from one site when no URL names theirs (`clean.repetition`). A JSONL file is its own
    folder."""
    return source.rsplit("/", 1)[0] if "/" in source else "."


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
