"""Links to other stories that read like story text (`clean.teasers`) and the lexicon lines added
with them (issue #19's kinds of modern chrome): small hand-written pages, every block's decision checked."""

from __future__ import annotations

import pytest

from claimpipe.clean import explain, match_lexicon, normalise
from claimpipe.records import Article
from claimpipe.settings import Settings

STORY = [
    "The city council voted on Tuesday to rebuild the old harbour bridge, which has been closed to traffic "
    "since the spring floods damaged its supports.",
    "Engineers told the council that the work would take two years and cost about twelve million pounds, "
    "most of it paid for by a national grant.",
    "Residents who live near the bridge said they were relieved that a decision had finally been made after "
    "months of delay.",
]
TITLE = "Council votes to rebuild harbour bridge"
FERRY = ("Last winter the ferry that links the two towns stopped running for a week, and nobody could say why "
         "it had happened.")
PARK = ("The park will have a playground, a pond and a path along the river, and it is expected to open to the "
        "public next summer.")
COPYRIGHT = "© 2020 Harbour News. All rights reserved."
HEADER = ["Skip to content", "Home", "News", "Sport"]
HEADER_DECISIONS = [(False, "site navigation", "Skip to content"), (False, "site navigation", "Home"),
                    (False, "before the story (page header)", "News"),
                    (False, "before the story (page header)", "Sport"),
                    (True, "title (headline before the story)", TITLE)]
STORY_DECISIONS = [(True, "story text", p) for p in STORY]


def _decisions(*blocks: str) -> list[tuple[bool, str, str]]:
    text = "\n\n".join(blocks)
    article = Article(source="page.txt", text=text, doc_id="d", sha256="")
    return [(d.kept, d.reason, d.text) for d in explain(article, settings=Settings())]


def test_clean_teasers_blurbs_closed_by_read_more():
    blurb = 'related stories (a blurb closed by "Read more")'
    got = _decisions("\n".join(HEADER), TITLE, *STORY, "Share on\nTwitter\nFacebook", "Keep Reading",
                     "The Curious Case of the Missing Ferry", FERRY, "Read More",
                     "A New Park for the East Side", PARK, "Read More", COPYRIGHT)
    assert got == HEADER_DECISIONS + STORY_DECISIONS + [
        (False, "share bar", "Share on"), (False, "share bar", "Twitter"), (False, "share bar", "Facebook"),
        (False, "read more", "Keep Reading"),
        (False, blurb, "The Curious Case of the Missing Ferry"), (False, blurb, FERRY), (False, "read more", "Read More"),
        (False, blurb, "A New Park for the East Side"), (False, blurb, PARK), (False, "read more", "Read More"),
        (False, "copyright line", COPYRIGHT)]


def test_clean_teasers_one_learn_more_link_keeps_the_last_paragraph():
    """One closing link is no list; "Learn more at ..." closes the story's own last paragraph."""
    last = ("The council will publish the full plans for the bridge on its website next month, with a map of "
            "the diversions.")
    got = _decisions("\n".join(HEADER), TITLE, *STORY, last, "Learn more at the council website.", COPYRIGHT)
    assert got == HEADER_DECISIONS + STORY_DECISIONS + [
        (True, "story text", last), (False, "read more", "Learn more at the council website."),
        (False, "copyright line", COPYRIGHT)]


def test_clean_teasers_headline_and_blurb_pairs_under_a_label():
    pair = "related stories (headline and blurb under a label)"
    got = _decisions("\n".join(HEADER), TITLE, *STORY, "DW recommends", "Ferry service halted for a week", FERRY,
                     "East side to get a new park", PARK, f"Privacy Policy\nTerms of Use\n{COPYRIGHT}")
    assert got == HEADER_DECISIONS + STORY_DECISIONS + [
        (False, "related stories", "DW recommends"),
        (False, pair, "Ferry service halted for a week"), (False, pair, FERRY),
        (False, pair, "East side to get a new park"), (False, pair, PARK),
        (False, "copyright line", "Privacy Policy"), (False, "copyright line", "Terms of Use"),
        (False, "copyright line", COPYRIGHT)]


def test_clean_teasers_pairs_followed_by_more_story_are_kept():
    """Headline + paragraph pairs that lead back into the story are its sections, not a list of links."""
    more = ("The council also agreed to pay for a temporary footbridge, which should open within six weeks "
            "and will be lit at night.")
    got = _decisions("\n".join(HEADER), TITLE, *STORY, "Related", "Ferry service halted for a week", FERRY,
                     "East side to get a new park", PARK, more, COPYRIGHT)
    kept = [text for ok, _, text in got if ok]
    assert kept[-3:] == ["East side to get a new park", PARK, more]
    assert FERRY in kept


def test_clean_teasers_video_player_label_length_and_title():
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], STORY[1], "Watch video", "02:17",
                     "Flood waters close the harbour bridge", STORY[2], COPYRIGHT)
    assert got == HEADER_DECISIONS + STORY_DECISIONS[:2] + [
        (False, "video player", "Watch video"), (False, "video player (its length)", "02:17"),
        (False, "video player (its title)", "Flood waters close the harbour bridge"),
        (True, "story text", STORY[2]), (False, "copyright line", COPYRIGHT)]


@pytest.mark.parametrize("line, reason", [
    ("BVINEWS.COM", "site name (a bare domain)"),
    ("www.example.co.uk", "site name (a bare domain)"),
    ("Datenschutzerklärung · Impressum", "copyright line"),
    ("Search for articles and topics on Wevolver", "site navigation"),
    ("Learn how to build fast, production-ready Docker images—read the rest of the Docker packaging guide.",
     "read more"),
    ("Join the hundreds of developers who get new code and links delivered to their inbox.", "newsletter prompt"),
    ("DW recommends", "related stories"),
    ("We recommend", "related stories"),
    ("Watch video", "video player"),
    ("Published:", "date line"),
    ("Manage consent preferences", "cookie notice"),
    ("Do Not Sell My Personal Information", "cookie notice"),
    ("This article is for subscribers only.", "subscription prompt"),
    ("Pin it", "share bar"),
    ("Follow", "share bar"),
    ("Read in app", "app promotion"),
    ("Around the web", "related stories"),
    ("File photo", "image credit"),
    ("Report an error", "feedback prompt"),
    ("Have a story idea? Let us know.", "feedback prompt"),
    ("Please enable JavaScript to view the comments powered by Disqus.", "browser notice"),
    ("Español", "site navigation"),
    ("Share this: Facebook Twitter Email", "share bar"),
    ("Tweet Share Pin Email", "share bar"),
    ("Leave a Reply Cancel reply", "comment prompt"),
    ("This entry was posted in News and tagged bridge. Bookmark the permalink.", "tag list"),
    ("(AP Photo/Jane Doe)", "image credit"),
    ("Already have an account? Sign in", "sign-in prompt"),
    ("Continue with Google", "sign-in prompt"),
    ("We value your privacy", "cookie notice"),
    ("A A A", "site navigation"),
    ("Start your free trial", "promotion"),
    ("Get 50% off your first month", "promotion"),
    ("Download our free guide to home buying", "promotion"),
    ("Shop now", "promotion"),
    ("Unlock this article", "subscription prompt"),
    ("Was this article helpful?", "feedback prompt"),
    ("Thanks for reading!", "end of article marker"),
    ("Listen on Apple Podcasts", "app promotion"),
    ("Buy me a coffee", "donation appeal"),
    ("Presented by: Anthony Morgan", "advertisement"),
    ("Powered by WordPress", "copyright line"),
    # a credit for the reporting is part of the record, as a correction is
    ("Associated Press writer Jane Doe contributed to this report.", None),
    ("This content was produced by our partner.", "advertisement"),
    # story lines that must stay
    ("The minister said she would follow the advice of her officials.", None),
    ("Spanish and English are both spoken in the town.", None),
    ("A photo taken by an AP photographer shows the bridge.", None),
    ("Powered by wind, the town has cut its bills.", None),
    ("Only $5 was raised by the appeal.", None),
    ("Shop now, pay later schemes are growing fast.", None),
    ("Try it for yourself, she said.", None),
    ("Share this with your friends, the mayor told the crowd, and the bridge will be built.", None),
    ("The report was published on Tuesday after a long delay.", None),
    ("He said the company, example.com, had lost money.", None),
    ("Read the rest of the report and you will see that the minister was right about the budget, the schools "
     "and the roads, all of which were cut last year while the council raised its own pay twice.", None),
    ("The council recommends that residents avoid the bridge.", None),
])
def test_clean_teasers_lexicon_lines(line, reason):
    norm = normalise(line)
    assert match_lexicon(norm, len(norm.split())) == reason


def test_clean_story_end_carried_over_a_sentence_broken_by_a_link():
    """A scraper that puts each text node on its own line breaks the last sentence at a link: the
    story's last block ends on a lower-case word, and the short block that finishes it is kept."""
    last = "An earlier version of the essay appeared as a chapter in the book entitled"
    got = _decisions("\n".join(HEADER), TITLE, *STORY, last, "Beautiful Code, O'Reilly.",
                     "Newer Post\nOlder Post", COPYRIGHT)
    assert got == HEADER_DECISIONS + STORY_DECISIONS + [
        (True, "story text", last), (True, "story text", "Beautiful Code, O'Reilly."),
        (False, "related stories", "Newer Post"), (False, "related stories", "Older Post"),
        (False, "copyright line", COPYRIGHT)]


def test_clean_story_end_not_carried_over_chrome_after_a_full_stop():
    """After a story that ends on a full stop, a short line with no sentence of its own stays out."""
    got = _decisions("\n".join(HEADER), TITLE, *STORY, "Posted by\nJane Doe", "Newer Post\nOlder Post", COPYRIGHT)
    assert [text for ok, _, text in got if ok] == [TITLE, *STORY]


def test_clean_columnist_box_name_follow_button_and_blurb():
    """A columnist's box above the story: the name, its "Follow" button and a blurb opening on the name."""
    blurb = ("Jane Doe fell into politics aged 12, when she ran her first campaign, and has written about the "
             "council ever since.")
    got = _decisions("\n".join(HEADER), TITLE, "Jane Doe", "+ FOLLOW", blurb, *STORY, COPYRIGHT)
    assert got == HEADER_DECISIONS + [
        (False, "byline", "Jane Doe"), (False, "share bar", "+ FOLLOW"), (False, "author bio", blurb),
        *STORY_DECISIONS, (False, "copyright line", COPYRIGHT)]


def test_clean_columnist_box_needs_the_same_name():
    """A paragraph that opens on another name after a follow button is story text."""
    lead = "John Smith fell from the harbour bridge in May, the accident that led to its closure."
    got = _decisions("\n".join(HEADER), TITLE, "Jane Doe", "+ FOLLOW", lead, *STORY, COPYRIGHT)
    assert (True, "story text", lead) in got


@pytest.mark.parametrize("line", [
    "I'm Amy and I'm so glad you've stopped by! I write about sleep, babies and everything in between.",
    "My blog is full of things to help you celebrate motherhood, from nursery ideas to sleep schedules.",
    "Hi, welcome to my blog! I share recipes from my grandmother's kitchen.",
])
def test_clean_blogger_about_me_box(line):
    norm = normalise(line)
    assert match_lexicon(norm, len(norm.split())) == "author bio"


def test_clean_photo_caption_line_between_paragraphs():
    caption = "Jane Doe, speaking at a council meeting in March"
    got = _decisions("\n".join(HEADER), TITLE, STORY[0], caption, STORY[1], STORY[2], COPYRIGHT)
    assert got == HEADER_DECISIONS + STORY_DECISIONS[:1] + [(False, "image caption", caption)] + \
        STORY_DECISIONS[1:] + [(False, "copyright line", COPYRIGHT)]


@pytest.mark.parametrize("line, caption", [
    ("Jane Doe, speaking at a council meeting in March", True),
    ("Prime Minister Boris Johnson, speaking at the conference", True),
    ("Jane Doe pictured in 2019", True),
    # a sentence about the same scene, a headline with "seen", an organisation: not captions
    ("Jane Doe, speaking at a council meeting in March, said the bridge would be rebuilt.", False),
    ("Joe Biden seen as frontrunner", False),
    ("New York Times", False),
])
def test_clean_photo_caption_pattern(line, caption):
    from claimpipe.clean.patterns import CAPTION

    assert bool(CAPTION.fullmatch(line)) is caption
