"""Plain-text pages (issue #19, eighth round): a link under a "Related" label that a node-per-line scraper
splits over lines is still one listed link; a German line is no headline for its capitalised nouns; links to
other stories between paragraphs come in runs, and list items are none; a caption glued to its photo's
credit is a caption. Small hand-written pages, every block's decision checked."""

from __future__ import annotations

from claimpipe.clean import explain
from claimpipe.records import Article
from claimpipe.settings import Settings

from .test_clean_teasers import HEADER, HEADER_DECISIONS, STORY, STORY_DECISIONS, TITLE  # the same page

SHARE = "Share\nTwitter\nFacebook"
SHARE_DECISIONS = [(False, "share bar", "Share"), (False, "share bar", "Twitter"), (False, "share bar", "Facebook")]


def _decisions(*blocks: str, sep: str = "\n\n") -> list[tuple[bool, str, str]]:
    article = Article(source="page.txt", text=sep.join(blocks), doc_id="d", sha256="")
    return [(d.kept, d.reason, d.text) for d in explain(article, settings=Settings())]


def test_clean_plaintext_link_split_at_its_inline_link_is_still_listed():
    """"The latest on <a>harbour news</a>, from ..." under "Keep Reading", one text node a line: the three
    lines read as one sentence and are one block, and that block is the listed link."""
    link = "The latest on\nharbour news\n, from ferries to bridges and more"
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], "Keep Reading", link, *STORY[1:], SHARE, sep="\n")
    assert got == HEADER_DECISIONS + STORY_DECISIONS[:1] + [
        (False, "read more", "Keep Reading"), (False, "related stories (listed under a label)", link),
    ] + STORY_DECISIONS[1:] + SHARE_DECISIONS


def test_clean_plaintext_second_of_two_links_between_paragraphs():
    """Two headline-shaped lines between body paragraphs ("One virus, two Americas" / "Four out of five jobs
    affected by virus globally", as a news site lists links inside the story): the long one, which the text
    around it never mentions, is a link although its neighbour above is another link, not prose."""
    link = "Four out of five schools in the county need new roofs"
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], STORY[1], "One town, two mayors", link, STORY[2], SHARE)
    assert got == HEADER_DECISIONS + STORY_DECISIONS[:2] + [
        (True, "story text", "One town, two mayors"), (False, "related stories (headline inside the story)", link),
        STORY_DECISIONS[2]] + SHARE_DECISIONS


def test_clean_plaintext_list_items_after_a_paragraph_are_no_links():
    """Items of a bulleted list are no run of links, whatever their words."""
    intro = "The council set the contractor two conditions for the new contract."
    items = ["- Hire apprentices from the local college for every crew", "- Publish weekly progress reports on its website"]
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], intro, *items, *STORY[1:], SHARE)
    assert got == HEADER_DECISIONS + STORY_DECISIONS[:1] + [
        (True, "story text", intro), (True, "story text", items[0]),
        (True, "heading (short line before body text)", items[1])] + STORY_DECISIONS[1:] + SHARE_DECISIONS


def test_clean_plaintext_caption_ending_in_its_credit():
    """A browser's copy glues a caption to its credit ("... in April.Photograph: Jane Doe/Harbour News"): the block
    is a caption, and it does not cut the story's opening line off from the rest."""
    dek = "The bridge has been closed since the spring floods."
    caption = "Workers inspect the damaged supports of the harbour bridge in April.Photograph: Jane Doe/Harbour News"
    got = _decisions("\n".join(HEADER), TITLE, SHARE, dek, caption, *STORY, SHARE)
    assert got == HEADER_DECISIONS + SHARE_DECISIONS + [(True, "story text", dek), (False, "image caption", caption)] \
        + STORY_DECISIONS + SHARE_DECISIONS


def test_clean_plaintext_sentence_about_a_photo_is_no_caption():
    """Only a credit at the very end makes a caption: a paragraph that mentions a photo stays."""
    para = ("The council showed residents a photo: the supports of the bridge had cracked in two places, and one of "
            "them had moved.")
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], para, *STORY[1:], SHARE)
    assert got == HEADER_DECISIONS + STORY_DECISIONS[:1] + [(True, "story text", para)] + STORY_DECISIONS[1:] \
        + SHARE_DECISIONS


GERMAN_STORY = [
    "Der Stadtrat von Hamburg hat am Dienstag beschlossen, die alte Brücke am Hafen neu zu bauen, die seit dem "
    "Hochwasser im Frühjahr gesperrt ist.",
    "Nach Angaben der Ingenieure dauern die Arbeiten zwei Jahre, und die Kosten von rund zwölf Millionen Euro trägt "
    "zum größten Teil der Bund.",
    "Die Anwohner am Hafen zeigten sich erleichtert, dass nach Monaten endlich eine Entscheidung gefallen ist.",
]


def test_clean_plaintext_german_line_is_no_headline_for_its_nouns():
    """German writes every noun with a capital: the story's closing line without a full stop ("Die Pläne für den
    Neubau der Brücke liegen ...") reads as prose, as it would in English, not as a headline after the story."""
    last = "Die Pläne für den Neubau der Brücke liegen ab Montag im Rathaus aus"
    copyright_ = "© 2020 Hafen Zeitung. Alle Rechte vorbehalten."
    got = _decisions("\n".join(HEADER), "Neue Brücke für den Hafen", "By Anna Schmidt", "3rd August 2017", "Share",
                     *GERMAN_STORY, last, "Share\nTweet", copyright_, sep="\n")
    assert got == HEADER_DECISIONS[:-1] + [
        (True, "title (headline before the story)", "Neue Brücke für den Hafen"), (False, "byline", "By Anna Schmidt"),
        (False, "date line", "3rd August 2017"), (False, "share bar", "Share"),
    ] + [(True, "story text", p) for p in GERMAN_STORY + [last]] + [
        (False, "share bar", "Share"), (False, "share bar", "Tweet"), (False, "copyright line", copyright_)]
