"""The claims stage stays linear in an article's length, checked without timing anything.

The look-up indexes (`OverlapIndex`, the continued-quotation walk, `QuoteIndex`) must give exactly the
answers of the scans they replace, on generated inputs; and the work per sentence must not grow with
the number of attributions in the whole article (counted calls, not seconds)."""

from __future__ import annotations

import copy

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimpipe.claims import phrases, units
from claimpipe.claims.phrases import _Claimed, _continue_quotes, _Paragraphs
from claimpipe.claims.quotes import Quote, find_quotes, paragraphs
from claimpipe.claims.spans import Attribution, ContentIndex, OverlapIndex, QuoteIndex, overlapping_brute_force

extent = st.one_of(st.none(), st.tuples(st.integers(0, 3000), st.integers(0, 3000)))


@settings(max_examples=200, deadline=None)
@given(st.lists(extent, max_size=40), st.integers(0, 3100), st.integers(0, 400), st.sampled_from([1, 7, 64, 512]))
def test_claims_scale_overlap_index_equals_the_scan(extents, start, length, bucket):
    index = OverlapIndex(extents, bucket=bucket)
    assert index.overlapping(start, start + length) == overlapping_brute_force(extents, start, start + length)
    assert index.containing(start) == overlapping_brute_force(extents, start, start + 1)


def test_claims_scale_overlap_index_small_cases():
    index = OverlapIndex([(0, 10), None, (5, 6), (10, 20), (3, 3)], bucket=4)
    assert index.overlapping(5, 6) == [0, 2]
    assert index.overlapping(9, 11) == [0, 3]
    assert index.containing(10) == [3]
    assert index.containing(3) == [0]  # the empty extent (3, 3) holds nothing
    assert index.overlapping(20, 30) == []


pieces = st.lists(st.tuples(st.integers(0, 2000), st.integers(-5, 300)), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(pieces, max_size=12), st.integers(0, 2400), st.integers(-3, 500))
def test_claims_scale_content_index_equals_the_scan(contents, start, length):
    atts = [Attribution("direct", (0, 1), None, [(s, s + n) for s, n in c]) for c in contents]
    index = ContentIndex(atts)
    end = start + length
    # shown: exactly the attributions with a character of the range in their content, in list order
    assert index.touching(start, end) == [a for a in atts if a.covers(start, end) > 0]
    assert [index.covers(a, start, end) for a in atts] == [a.covers(start, end) for a in atts]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 500), st.integers(1, 60)), max_size=30), st.integers(0, 560),
       st.integers(1, 60))
def test_claims_scale_claimed_ranges_equal_the_scan(ranges, start, length):
    ranges = [(s, s + n) for s, n in ranges]
    claimed = _Claimed(ranges)
    expected = any(s < start + length and start < e for s, e in ranges)
    assert claimed.overlaps(start, start + length) == expected


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab \n", max_size=80), st.integers(0, 85))
def test_claims_scale_paragraph_of_a_character_equals_the_scan(text, char):
    paras = _Paragraphs(text)
    spans = paragraphs(text)
    assert paras.of(char) == next((i for i, (s, e) in enumerate(spans) if s <= char < e), -1)
    for p, (s, _) in enumerate(spans):
        assert paras.blank_before(p, char) == (text[s:char].strip() == "")


# -- continued quotations: the indexed walk against the walk it replaced --------------------------

_PIECES = ['"We will win this election whatever they say," ', "Smith said. ", "He said so. ", "Others agreed. ",
           '"And it goes on for a good while longer', '"Short," ', "\n\n", "\n\n", '“A curly quote of some length” ',
           "— Jones ", "The plan works. ", 'Smith said. "It runs on over the break\n\n"and on into the next one," ']


def _continue_quotes_by_scan(text: str, found: list[Attribution], quotes: QuoteIndex) -> None:
    """The walk before the indexes: every attribution looked at for every quotation."""
    if not found:
        return
    claimed = [(s, e) for a in found for s, e in a.content]
    paras = paragraphs(text)
    para_of = lambda c: next((i for i, (s, e) in enumerate(paras) if s <= c < e), -1)  # noqa: E731
    by_order = sorted(found, key=lambda a: min(s for s, _ in a.content))
    prev_quote: Quote | None = None
    for q in quotes.quotes:
        if any(s < q.end_char and q.start_char < e for s, e in claimed):
            prev_quote = q
            continue
        if q.end_char - q.start_char < 20:
            prev_quote = q
            continue
        p = para_of(q.start_char)
        owner = None
        for att in by_order:
            end = max(e for _, e in att.content)
            if end > q.start_char:
                break
            if att.form == "phrase":
                continue
            pa = para_of(att.cue[0])
            quoted = bool(quotes.in_range(*att.content[0]))
            if pa == p and quoted:
                owner = att
            elif pa == p - 1 and prev_quote is not None and not prev_quote.closed \
                    and para_of(prev_quote.start_char) == p - 1 and text[paras[p][0]:q.start_char].strip() == "":
                owner = att if quoted else owner
        if owner is not None:
            owner.content.append((q.start_char, q.end_char))
            claimed.append((q.start_char, q.end_char))
        prev_quote = q


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@st.composite
def article_with_attributions(draw):
    text = "".join(draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25)))
    n = len(text)
    marked = [(q.start_char, q.end_char) for q in find_quotes(text)]
    found = []
    for _ in range(draw(st.integers(0, 8))):
        if marked and draw(st.booleans()):  # a quotation and a cue shortly before or after it, as rules find them
            content = [draw(st.sampled_from(marked))]
            cue = min(n - 1, max(0, content[0][0] + draw(st.integers(-15, 60))))
        else:
            cue = draw(st.integers(0, n - 1))
            pieces = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, 80)), min_size=1, max_size=2))
            content = [(s, min(n, s + k)) for s, k in pieces]
        form = draw(st.sampled_from(["clause", "quote", "phrase"]))
        found.append(Attribution("direct", (cue, cue + 1), None, content, form=form))
    return text, found


@settings(max_examples=300, deadline=None)
@given(article_with_attributions())
def test_claims_scale_continued_quotes_equal_the_scan(blank, case):
    text, found = case
    doc = blank(text)
    quotes = QuoteIndex(doc)
    expected = copy.deepcopy(found)
    _continue_quotes_by_scan(doc.text, expected, quotes)
    _continue_quotes(doc, found, quotes, list(doc.sents) if doc.has_annotation("SENT_START") else [])
    assert [a.content for a in found] == [a.content for a in expected]


def test_claims_scale_continued_quotes_small_case(blank):
    text = 'Smith said "we will win this one". He smiled. "And the next one too, all of them."\n\n"Not this one, no."'
    doc = blank(text)
    first = text.index('"we')
    said = Attribution("direct", (6, 10), (0, 5), [(first, text.index(". He"))], form="quote")
    quotes = QuoteIndex(doc)
    _continue_quotes(doc, [said], quotes, [])
    second = text.index('"And')
    # the later quotation of the same paragraph continues it; the next paragraph's (closed before) does not
    assert said.content == [(first, text.index(". He")), (second, text.index("\n"))]


def test_claims_scale_quotation_continued_over_a_paragraph_break(blank):
    text = 'Smith said. "And it goes on for a good while longer\n\n"We will win this election whatever they say," he said. '
    doc = blank(text)
    quotes = QuoteIndex(doc)
    first, second = quotes.quotes
    assert not first.closed
    said = Attribution("direct", (6, 10), None, [(first.start_char, first.end_char)], form="quote")
    dash = Attribution("direct", (0, 1), None, [(first.start_char, first.end_char)], form="phrase")
    _continue_quotes(doc, [dash, said], quotes, [])
    assert said.content == [(12, 51), (53, 99)] and dash.content == [(12, 51)]


# -- work per sentence: linear, counted ---------------------------------------------------------

_PARAGRAPH = ('"We will not give up on the plan for the new bridge," said Mayor Anna Berg. '
              'The council said that the budget would rise by ten percent next year.\n\n')


def _attributions_shown_to_sentences(nlp, monkeypatch, repeats: int) -> tuple[int, int]:
    """(attributions passed to `sentence_units` over the whole article, attributions found)."""
    from claimpipe.claims import find_attributions

    doc = nlp(_PARAGRAPH * repeats)
    attributions = find_attributions(doc)
    shown = []
    real = units.sentence_units

    def counting(sent, k, atts, **kwargs):
        shown.append(len(atts))
        return real(sent, k, atts, **kwargs)

    monkeypatch.setattr(units, "sentence_units", counting)
    units.doc_units(doc, attributions, min_tokens=4)
    return sum(shown), len(attributions)


def test_claims_scale_sentences_see_only_nearby_attributions(nlp, monkeypatch):
    small, n_small = _attributions_shown_to_sentences(nlp, monkeypatch, 5)
    large, n_large = _attributions_shown_to_sentences(nlp, monkeypatch, 20)
    assert n_large == 4 * n_small > 0
    # each sentence sees the attributions that reach into it, whatever the article's length: four
    # times the text, four times the work (a scan of all attributions per sentence would be 16 times)
    assert large == 4 * small


def test_claims_scale_dash_reads_only_quotes_ending_before_it(nlp, monkeypatch):
    """`_dash` asks the quote index for the quotes ending in the spaces before a dash, not for all."""
    text = '“We will stay the course on this,” — Anna Berg\n\n' * 30
    doc = nlp(text)
    asked = []
    real = QuoteIndex.ending_between

    def counting(self, lo, hi):
        found = real(self, lo, hi)
        asked.append(len(found))
        return found

    monkeypatch.setattr(QuoteIndex, "ending_between", counting)
    quotes = QuoteIndex(doc)
    dashes = [att for sent in doc.sents for att in phrases._dash(sent, quotes)]
    assert len(dashes) == 30 and all(att.content == [(q.start_char, q.end_char)] for att, q in zip(dashes, quotes.quotes))
    assert asked and max(asked) == 1  # one quote per dash looked at, not every quote of the article


# -- the speaker before a cue: one table per Doc, the answers of the word-by-word scan ----------

_SPEAKER_TEXTS = [
    "Said to be fine. " * 40,
    '“We will win,” Rep. Anna Smith said. “It is over,” said the mayor of the town (a Democrat) - she added. '
    '"The plan," the council, which met on Monday, said, "is dead." He said. "Yes."\n\nThe BBC said it. ' * 3,
    "The dog of the man of the village said so. Said the cat of the man. " * 15,
]


@pytest.mark.parametrize("text", _SPEAKER_TEXTS)
def test_claims_scale_speaker_before_equals_the_scan(nlp, text):
    from claimpipe.claims.speakers import _SpeakersBefore, speaker_before_by_scan

    doc = nlp(text)
    quotes = QuoteIndex(doc)
    table = _SpeakersBefore(doc, quotes)
    answers = [table.speaker_before(c) for c in range(len(doc) + 1)]
    assert answers == [speaker_before_by_scan(doc, quotes, c) for c in range(len(doc) + 1)]
    # with no quotation, closing mark or space before them, the words before a cue give no speaker
    assert any(a is not None for a in answers) == ("“" in text)


def test_claims_scale_speaker_before_small_case(nlp):
    from claimpipe.claims.speakers import _SpeakersBefore

    doc = nlp('“We will win,” Rep. Anna Smith said.')
    said = next(t for t in doc if t.text == "said")
    found = _SpeakersBefore(doc, QuoteIndex(doc)).speaker_before(said.i)
    assert found is not None and doc[found].text == "Smith"


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 20), st.sampled_from("abcd")), max_size=40),
       st.integers(0, 220), st.integers(0, 60))
def test_mentions_by_start_finds_what_a_scan_finds(spans, start, width):
    from claimpipe.claims.build import MentionsByStart, mentions_in
    from claimpipe.records import Mention

    mentions = [Mention(f"m{k}", "d", eid, "x", "ORG", s, s + n, s, s + n, 0) for k, (s, n, eid) in enumerate(spans)]
    end = start + width
    assert mentions_in(MentionsByStart(mentions), start, end) == mentions_in(mentions, start, end)
