"""Helpers to turn hand-chosen strings into offsets. Plain Python; no claimpipe."""
import json, re, unicodedata
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def source_text(name):
    raw = (CORPUS / name).read_bytes().decode("utf-8")
    return unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))


def find_unique(text, s, occurrence=None):
    hits = [m.start() for m in re.finditer(re.escape(s), text)]
    if occurrence is None:
        assert len(hits) == 1, (s, len(hits))
        i = hits[0]
    else:
        i = hits[occurrence - 1]
    return i, i + len(s)


def C(text, att="none", spk=None, cue=None, subj=None, neg=False, hedge=False, sa=()):
    return dict(text=text, attribution=att, speaker=spk, cue=cue, subject=subj, negated=neg, hedged=hedge,
                standalone_contains=list(sa))


def place_claims(text, claims):
    out = []
    for c in claims:
        s, e = find_unique(text, c["text"])
        out.append(dict(start=s, end=e, **c))
    out.sort(key=lambda c: c["start"])
    return out


def _is_word(ch):
    return ch.isalnum()


def place_entities(text, ents, removed):
    """ents: (surface, label, canonical) in text order; each is found after the previous one,
    as a whole word (no letter or digit on either side), outside removed ranges."""
    cursor, out = 0, []
    for surface, label, canonical in ents:
        i = cursor
        while True:
            i = text.find(surface, i)
            assert i >= 0, (surface, cursor)
            j = i + len(surface)
            ok = (i == 0 or not _is_word(text[i - 1])) and (j == len(text) or not _is_word(text[j]))
            if ok and not any(s <= i < e for s, e in removed):
                break
            i += 1
        out.append(dict(start=i, end=j, text=surface, label=label, canonical=canonical))
        cursor = j
    return out


def place_boilerplate(text, blocks):
    out = []
    for block, reason, *occ in blocks:
        s, e = find_unique(text, block, occ[0] if occ else None)
        out.append(dict(start=s, end=e, reason=reason))
    out.sort(key=lambda b: b["start"])
    return out
