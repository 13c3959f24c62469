"""Plain-text pages (issue #19, ninth round): a call to action that a node-per-line scraper cut out of a story
sentence at its link is story text. Small hand-written pages, every block's decision checked."""

from __future__ import annotations

from claimpipe.clean import clean, explain
from claimpipe.records import Article
from claimpipe.settings import Settings

from .test_clean_teasers import HEADER, HEADER_DECISIONS, STORY, STORY_DECISIONS, TITLE  # the same page

SHARE = "Share\nTwitter\nFacebook"
SHARE_DECISIONS = [(False, "share bar", "Share"), (False, "share bar", "Twitter"), (False, "share bar", "Facebook")]
LINKED = "story text (a link inside a sentence)"


def _article(*blocks: str) -> Article:
    return Article(source="page.txt", text="\n".join(blocks), doc_id="d", sha256="")


def _decisions(*blocks: str) -> list[tuple[bool, str, str]]:
    """One text node a line, no blank lines: what a scraper's get_text("\\n") gives."""
    return [(d.kept, d.reason, d.text) for d in explain(_article(*blocks), settings=Settings())]


def test_clean_plaintext_link_inside_a_sentence_is_story_text():
    """"... check back for updates and <a>subscribe to our YouTube channel</a> for video updates.": the link's
    line is kept, and the clean text holds the sentence whole."""
    before = "The council will publish its plans for the bridge next month, so check back for updates and"
    link, after = "subscribe to our YouTube channel", "for video of the meeting."
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], before, link, after, *STORY[1:], SHARE)
    assert got == HEADER_DECISIONS + STORY_DECISIONS[:1] + [
        (True, "story text", before), (True, LINKED, link), (True, "story text", after),
    ] + STORY_DECISIONS[1:] + SHARE_DECISIONS
    text = clean(_article("\n".join(HEADER), TITLE, STORY[0], before, link, after, *STORY[1:], SHARE),
                 settings=Settings()).text
    assert f"{before}\n{link}\n{after}" in text


def test_clean_plaintext_link_opening_a_sentence_is_story_text():
    """"<a>Follow us</a> to stay up to date on the works. In this edition ...": after a full stop, a linked call to
    action followed by a lower-case line of prose opens the story's next sentence."""
    link = "Follow us"
    after = ("to stay up to date on the works. In this edition of our roundup, news on the bridge, the ferry and "
             "the new park.")
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], link, after, *STORY[1:], SHARE)
    assert got == HEADER_DECISIONS + STORY_DECISIONS[:1] + [(True, LINKED, link), (True, "story text", after)] \
        + STORY_DECISIONS[1:] + SHARE_DECISIONS


def test_clean_plaintext_call_to_action_on_its_own_stays_dropped():
    """The same words as a button between paragraphs, or before a few lower-case words that end no sentence
    ("Follow us" / "on social media"), are still dropped."""
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], "Follow us", STORY[1], "Follow us", "on social media",
                     STORY[2], SHARE)
    assert got == HEADER_DECISIONS + STORY_DECISIONS[:1] + [(False, "share bar", "Follow us")] \
        + STORY_DECISIONS[1:2] + [(False, "share bar", "Follow us"), (True, "story text", "on social media")] \
        + STORY_DECISIONS[2:] + SHARE_DECISIONS


def test_clean_plaintext_link_after_a_short_list_item_stays_dropped():
    """A list of tools, each with a "home page" link ("fzf" / "home page" / "the original fuzzy finder ..."): no
    sentence of prose runs into the link, so it is not taken for part of one."""
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], "fzf", "home page",
                     "the original fuzzy finder. It searches files by name.", *STORY[1:], SHARE)
    assert [d for d in got if d[2] == "home page"] == [(False, "site navigation", "home page")]


def test_clean_plaintext_field_labels_over_their_values_are_a_table():
    """A nutrition panel, one text node a line ("Calories:" / "291 kcal" / ...): each label counts as data with
    the value under it, so the run is a table, not a menu."""
    panel = ["Nutrition", "Calories:", "291 kcal", "Carbohydrates:", "31 g", "Protein:", "5 g", "Saturated Fat:",
             "2 g", "Sodium:", "4 mg"]
    got = _decisions("\n".join(HEADER), TITLE, *STORY, *panel, SHARE)
    assert got == HEADER_DECISIONS + STORY_DECISIONS + [(True, "story text", line) for line in panel] + SHARE_DECISIONS


def test_clean_plaintext_labels_without_values_stay_a_menu():
    """Labels over words, not values ("Towns:" / "Harbour" / "Ferries:" / "Weather"), are still a menu."""
    menu = ["Towns:", "Harbour", "Ferries:", "Weather", "Roads:", "Sport"]
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], *menu, *STORY[1:], SHARE)
    assert got == HEADER_DECISIONS + STORY_DECISIONS[:1] + [
        (False, "run of short lines (menu or tag list)", line) for line in menu] + STORY_DECISIONS[1:] + SHARE_DECISIONS
