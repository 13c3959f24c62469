"""Plain-text pages (issue #19): the page's copyright notice ends the story, an English headline is not
joined to a Japanese one after it, a video label may carry its length, a long disclaimer is a legal
notice, a corrections policy is no correction, and "Read more" / ":" lists one link. Small hand-written
pages, every block's decision checked."""

from __future__ import annotations

from claimpipe.clean import explain
from claimpipe.records import Article
from claimpipe.settings import Settings

from .test_clean_teasers import HEADER, HEADER_DECISIONS, STORY, STORY_DECISIONS, TITLE  # the same page

SHARE = "Share\nTwitter\nFacebook"
SHARE_DECISIONS = [(False, "share bar", "Share"), (False, "share bar", "Twitter"), (False, "share bar", "Facebook")]
# Another page's text that a scraper picks up below the footer (a pop-up, a hidden panel): long prose.
MODAL = ["The museum of the old prison tells how the inmates slept, ate, worked and sometimes escaped, in rooms "
         "that have been kept as they were a hundred years ago.",
         "Visitors can walk through the wooden cell blocks and see the bath house, the workshops and the farm where "
         "the prisoners grew their own food for most of the year."]


def _decisions(*blocks: str, sep: str = "\n\n") -> list[tuple[bool, str, str]]:
    article = Article(source="page.txt", text=sep.join(blocks), doc_id="d", sha256="")
    return [(d.kept, d.reason, d.text) for d in explain(article, settings=Settings())]


def test_clean_plaintext_page_copyright_ends_the_story():
    """Prose after the page's copyright notice, among footer links, is not the story however long."""
    got = _decisions("\n".join(HEADER), TITLE, *STORY, "About us\nContact\n© 2020 Harbour News. All rights reserved.",
                     *MODAL)
    assert got == HEADER_DECISIONS + STORY_DECISIONS + [
        (False, "copyright line", "About us"), (False, "copyright line", "Contact"),
        (False, "copyright line", "© 2020 Harbour News. All rights reserved."),
        (False, "after the story (page footer)", MODAL[0]), (False, "after the story (page footer)", MODAL[1])]


def test_clean_plaintext_photo_copyright_inside_the_story_does_not_end_it():
    """A photo's copyright between paragraphs is not the page's footer: the story goes on after it."""
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], "Photo © 2019 Jane Doe", *STORY[1:], SHARE)
    assert got == HEADER_DECISIONS + [STORY_DECISIONS[0], (False, "copyright line", "Photo © 2019 Jane Doe")] \
        + STORY_DECISIONS[1:] + SHARE_DECISIONS


def test_clean_plaintext_english_line_not_joined_to_a_japanese_line():
    """A line opening on Japanese after an English line is a new item (two teaser links), not the rest
    of its sentence; Japanese lines still join each other."""
    teaser = "The Old Prison Museum: How Inmates Slept, Ate and Worked"
    japanese = "カニの爪オブジェ: A Giant Crab Claw by the Sea"
    got = _decisions("\n".join(HEADER), TITLE, *STORY, "Up next", teaser, japanese, "About\nContact", sep="\n")
    assert got == HEADER_DECISIONS + STORY_DECISIONS + [
        (False, "related stories", "Up next"), (False, "after the story (page footer)", teaser),
        (False, "after the story (page footer)", japanese),
        (False, "copyright line", "About"), (False, "copyright line", "Contact")]
    article = Article(source="page.txt", text="東京の\n天気は晴れです。", doc_id="d", sha256="")
    assert [d.text for d in explain(article, settings=Settings())] == ["東京の\n天気は晴れです。"]


def test_clean_plaintext_video_label_with_its_length_on_one_line():
    """"Watch video 02:17" (label and length on one line, as a browser copies them) and the video's title."""
    got = _decisions("\n".join(HEADER), TITLE, *STORY[:2], "Watch video 02:17", "Divers inspect the bridge supports",
                     STORY[2], SHARE)
    assert got == HEADER_DECISIONS + STORY_DECISIONS[:2] + [
        (False, "video player", "Watch video 02:17"),
        (False, "video player (its title)", "Divers inspect the bridge supports"),
        STORY_DECISIONS[2]] + SHARE_DECISIONS


DISCLAIMER = ("Disclaimer (varies by section): Articles on this site may contain the opinions of their authors, which "
              "are not necessarily those of the site or its owners. For more on our editorial policies, see our "
              "guidelines, our fact-checking policy and our terms of service. Links on this site may earn the "
              "publisher a commission when readers buy something through them. Please see the advertising disclosure "
              "in the sidebar for the full list of our partners and for how we choose the products that we write "
              "about.")
POLICY = ("Corrections: If you are aware of an inaccuracy or would like to report a correction, we would like to know "
          "about it. Please email our editors.")
CORRECTION = ("Correction: An earlier version of this story misstated the cost of the bridge, which is twelve million "
              "pounds, not twenty.")


def test_clean_plaintext_long_disclaimer_and_corrections_policy():
    """A disclaimer with its scope in brackets, longer than 60 words, is a legal notice; a site's standing
    invitation to report errors is a feedback prompt, while this story's own correction stays a note."""
    got = _decisions("\n".join(HEADER), TITLE, *STORY, CORRECTION, SHARE, DISCLAIMER, POLICY)
    assert got == HEADER_DECISIONS + STORY_DECISIONS + [
        (True, "correction or editor's note (kept: part of the record)", CORRECTION)] + SHARE_DECISIONS + [
        (False, "legal notice", DISCLAIMER), (False, "feedback prompt", POLICY)]


def test_clean_plaintext_read_more_colon_takes_one_link():
    """A scraper that puts each text node on its own line splits "Read more: <link>" into three lines; the
    colon alone shows one link, so the story's next section heading after it is kept."""
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], "Read more", ":", "Ferry service halted for a week",
                     "Rebuilding plans", *STORY[1:], SHARE, sep="\n")
    listed = "related stories (listed under a label)"
    assert got == HEADER_DECISIONS + STORY_DECISIONS[:1] + [
        (False, "read more", "Read more"), (False, listed, ":"), (False, listed, "Ferry service halted for a week"),
        (True, "heading (short line before body text)", "Rebuilding plans")] + STORY_DECISIONS[1:] + SHARE_DECISIONS
