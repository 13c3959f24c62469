"""Tests for HTML extraction: trafilatura's text as the source text, with its metadata."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from claimpipe.clean import clean
from claimpipe.htmltext import HtmlText, extract_html, glued_words
from claimpipe.ingest import read_corpus
from claimpipe.records import Article
from claimpipe.settings import Settings

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

PARA1 = ("The city council voted on Monday to close the old bridge for repairs, a decision that will send "
         "thousands of commuters on a longer route for at least six months.")
PARA2 = ("Engineers found cracks in two of the bridge's supports during an inspection in March, according "
         "to a report published by the council.")
PAGE = f"""<html><head><title>Old bridge to close for repairs | Example Times</title>
<meta name="author" content="Ann Lee"><meta property="article:published_time" content="2024-03-05">
<meta name="description" content="Commuters face months of detours."></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Old bridge to close for repairs</h1>
<p>{PARA1}</p><h2>Cracks found</h2><p>{PARA2}</p>
<p>Share this article</p></article>
<footer>© 2024 Example Times. All rights reserved.</footer></body></html>"""


def test_htmltext_extracts_text_and_metadata():
    got = extract_html(PAGE, url="https://example.com/bridge")
    assert isinstance(got, HtmlText)
    assert got.title.startswith("Old bridge to close for repairs")
    assert got.author == "Ann Lee"
    assert got.published == "2024-03-05"
    assert PARA1 in got.text and PARA2 in got.text
    assert got.text.startswith("# Old bridge to close for repairs\n\n")
    assert "\n\n## Cracks found\n\n" in got.text
    assert "Home" not in got.text.split("\n\n")


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<p>", "not html at all"])
def test_htmltext_never_raises(html):
    got = extract_html(html)
    assert isinstance(got.text, str)


def test_htmltext_clean_drops_leftovers():
    got = extract_html(PAGE, url="https://example.com/bridge")
    art = Article(source="p.html", text=got.text, doc_id="d_x", sha256="", format="html", title=got.title,
                  author=got.author)
    cleaned = clean(art, settings=Settings())
    assert "Share this article" not in cleaned.text
    assert PARA1 in cleaned.text and PARA2 in cleaned.text
    assert cleaned.headings == ["Cracks found"]
    assert cleaned.title == got.title and cleaned.text.startswith("Old bridge to close for repairs\n\n")
    assert [b.kind for b in cleaned.blocks] == ["title", "paragraph", "heading", "paragraph"]
    for b in cleaned.blocks:
        assert cleaned.text[b.start_char:b.end_char] == got.text[b.source_start:b.source_end]


def test_htmltext_real_pages_extract():
    data = SHARED / "data" / "boilerplate-dev"
    if not data.is_dir():
        pytest.skip("../shared/data/boilerplate-dev is absent")
    meta = json.loads((data / "evaldata_en.json").read_text(encoding="utf-8"))
    url, item = next(iter(meta.items()))
    html = gzip.open(data / "html" / f"{item['file']}.gz").read().decode("utf-8", "replace")
    got = extract_html(html, url=url)
    assert got.text and "\n\n\n" not in got.text


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<html><body><article><h2>Section</h2><p>" + PARA1 + "</p><h3>Sub</h3><p>" + PARA2 + "</p></article></body></html>",
         ["## Section", PARA1, "### Sub", PARA2]),
        ("<html><body><article><p>" + PARA1 + "</p><ul><li>First point here</li><li>Second point here</li></ul><p>"
         + PARA2 + "</p></article></body></html>", [PARA1, "First point here", "Second point here", PARA2]),
    ],
)
def test_htmltext_blocks(html, expected):
    got = extract_html(html)
    assert [b for b in got.text.split("\n\n") if not b.startswith("# ")] == expected


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["<p>", "</p>", "<h2>", "</h2>", "<div>", "</div>", "<br>", "<li>", PARA1, "x\n\n\ny",
                                 "&amp;", "<script>var a;</script>", "\u2028", "<table><tr><td>1</td></tr></table>"]),
                max_size=30).map("".join))
def test_htmltext_text_never_holds_empty_blocks(html):
    got = extract_html(html)
    assert "\n\n\n" not in got.text
    assert all(block.strip() for block in got.text.split("\n\n")) if got.text else True


# -- table layouts, fallbacks, failures, metadata (issue 19) ---------------------------------------

TABLE_PAGE = """<html><head><title>Spurs win - The Paper</title></head><body>
<table><tr><td><p>Home</p></td><td>
<table><tr><td><h1>Redknapp hails Spurs</h1></td></tr>
<tr><td><p>The team kept running</p><p>By Patrick Barclay at White Hart Lane Park.</p>Redknapp said the players
were superb in every way on Saturday afternoon.</td></tr>
<tr><td>Score</td><td>2-1</td></tr></table></td></tr></table></body></html>"""


def test_htmltext_table_cells_and_rows_are_block_boundaries() -> None:
    got = extract_html(TABLE_PAGE)
    assert got.text.split("\n\n") == [
        "Home", "# Redknapp hails Spurs", "The team kept running", "By Patrick Barclay at White Hart Lane Park.",
        "Redknapp said the players were superb in every way on Saturday afternoon.", "Score | 2-1"]
    assert got.extractor == "trafilatura"
    assert glued_words(TABLE_PAGE, got.text) == []


def test_htmltext_glued_words_counts_joins_across_a_boundary() -> None:
    glued = "The team kept runningBy Patrick Barclay at White Hart Lane Park.Redknapp said"
    assert glued_words(TABLE_PAGE, glued) == ["runningBy", "Park.Redknapp"]
    # inline markup is not a boundary: "<b>run</b>ning" is one word of the page
    assert glued_words("<p>He was <b>run</b>ning home.</p>", "He was running home.") == []


def test_htmltext_empty_and_unextractable_pages_say_why() -> None:
    assert extract_html("   ").failure == "the page is empty"
    got = extract_html("<html><body><form><input name=q></form></body></html>")
    assert got.text == ""
    assert got.failure.startswith("no article text found: trafilatura, its fallback extractors and jusText found")


def test_htmltext_justext_fallback_is_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimpipe.htmltext as htmltext

    monkeypatch.setattr(htmltext, "_trafilatura", lambda html, url, favor_recall: (None, None))
    page = f"<html><body><div><p>{PARA1}</p><p>{PARA2}</p></div></body></html>"
    got = extract_html(page)
    assert (got.extractor, got.text) == ("justext", PARA1 + "\n\n" + PARA2)


def test_htmltext_article_metadata_is_normalised(tmp_path: Path) -> None:
    page = PAGE.replace("<head>", '<head><link rel="canonical" href="http://news.example.co.uk/a/1.html">')
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (article,) = read_corpus(tmp_path)
    assert (article.title, article.author, article.published, article.site, article.extractor) == (
        "Old bridge to close for repairs", "Ann Lee", "2024-03-05", "example.co.uk", "trafilatura")


def test_htmltext_no_text_is_an_error_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "form.html").write_text("<html><body><form><input name=q></form></body></html>", encoding="utf-8")
    (error,) = read_corpus(tmp_path)
    assert error.error == "EmptyInput"
    assert error.message.startswith("no article text found: trafilatura, its fallback extractors and jusText")


def test_htmltext_source_offsets_slice_the_rebuilt_source_text(tmp_path: Path) -> None:
    from claimpipe.ingest import source_texts

    (tmp_path / "a.html").write_text(TABLE_PAGE, encoding="utf-8")
    (article,) = read_corpus(tmp_path)
    source = source_texts(tmp_path)["a.html"]
    cleaned = clean(article, settings=Settings())
    assert source == article.text
    for block in cleaned.blocks:
        assert source[block.source_start:block.source_end] == cleaned.text[block.start_char:block.end_char]
    for removal in cleaned.removals:
        assert source[removal.source_start:removal.source_end] == removal.text


def test_htmltext_a_tag_with_too_many_attributes_loses_them_not_the_page() -> None:
    from claimpipe.htmltext import MAX_ATTRIBUTES, tame_attributes

    crowded = "<div " + " ".join(f'a{i}="{i}"' for i in range(MAX_ATTRIBUTES + 1)) + ">"
    page = f'<html><body>{crowded}<p class="x">Hi</p></div></body></html>'
    assert tame_attributes(page) == ('<html><body><div><p class="x">Hi</p></div></body></html>', 1)
    few = '<p class="x" id="y">Hi</p>'
    assert tame_attributes(few) == (few, 0)
    text = ("The council said on Monday that the budget grew by 2% this year, its largest rise since 2010. "
            "Officials said more money would go to schools and to roads next year, and to the harbour.")
    extracted = extract_html(f"<html><head><title>Budget grows</title></head><body>{crowded}<p>{text}</p></div>"
                             "</body></html>")
    assert text in extracted.text
    assert extracted.notes == [f"1 tag(s) with over {MAX_ATTRIBUTES:,} attributes kept without them (the HTML "
                               "parser compares a tag's attributes pairwise: 100,000 took minutes)"]
