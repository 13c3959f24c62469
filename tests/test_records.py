from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimpipe.records import Block, Cleaned, make_claim_id, make_doc_id, make_entity_id, make_mention_id


def _cleaned_from(source: str, spans: list[tuple[int, int]]) -> Cleaned:
    """Keep the given source spans as blocks, joined by a blank line, as the cleaner does."""
    parts, blocks, pos = [], [], 0
    for s, e in spans:
        if parts:
            pos += 2
        blocks.append(Block("paragraph", pos, pos + e - s, s, e))
        parts.append(source[s:e])
        pos += e - s
    return Cleaned(text="\n\n".join(parts), blocks=blocks, removals=[])


@pytest.mark.parametrize("make, args, prefix", [
    (make_doc_id, ("text",), "d_"), (make_entity_id, ("GPE", "Kazakhstan"), "e_"),
    (make_mention_id, ("d_0", 1, 5), "m_"), (make_claim_id, ("d_0", 1, 5), "c_"),
])
def test_records_ids_are_prefixed_hex(make, args, prefix) -> None:
    value = make(*args)
    assert value.startswith(prefix) and len(value) == len(prefix) + 16
    int(value[len(prefix):], 16)
    assert make(*args) == value  # stable


def test_records_entity_id_depends_on_label_and_name() -> None:
    assert make_entity_id("GPE", "Kazakhstan") != make_entity_id("NORP", "Kazakhstan")
    assert make_entity_id("GPE", "Kazakhstan") == "e_" + __import__("hashlib").sha256(
        "GPE\x1fKazakhstan".encode()).hexdigest()[:16]


@pytest.mark.parametrize("span, expected", [
    ((0, 5), (10, 15)),      # inside the first block
    ((7, 10), (22, 25)),     # inside the second block
    ((3, 9), None),          # crosses the blank line between blocks
    ((5, 7), None),          # the blank line itself
    ((4, 4), None),          # empty
])
def test_records_to_source(span, expected) -> None:
    source = "xxxxxxxxxxHELLOyyyyyyyWORLDzz"
    cleaned = _cleaned_from(source, [(10, 15), (22, 27)])
    assert cleaned.text == "HELLO\n\nWORLD"
    assert cleaned.to_source(*span) == expected


@st.composite
def source_and_blocks(draw):
    source = draw(st.text(min_size=1, max_size=200))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(source)), max_size=12))))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if b > a]
    return source, spans


@given(source_and_blocks(), st.data())
def test_records_every_mappable_span_slices_the_same_text(sb, data) -> None:
    source, spans = sb
    cleaned = _cleaned_from(source, spans)
    if not cleaned.text:
        return
    start = data.draw(st.integers(0, len(cleaned.text) - 1))
    end = data.draw(st.integers(start, len(cleaned.text)))
    mapped = cleaned.to_source(start, end)
    if mapped is not None:
        assert source[mapped[0]:mapped[1]] == cleaned.text[start:end]
    for b in cleaned.blocks:
        assert cleaned.to_source(b.start_char, b.end_char) == (b.source_start, b.source_end)
