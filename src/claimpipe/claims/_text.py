"""`doc_text(doc)`: `doc.text` without rebuilding it on every call.

`Doc.text` joins every token each time it is read; the claims stage slices it hundreds of times
per article, so the last doc's text is kept (with a reference to that doc, so identity is safe).
"""

from __future__ import annotations

from spacy.tokens import Doc

_last: list = [None, ""]


def doc_text(doc: Doc) -> str:
    if _last[0] is not doc:
        _last[0], _last[1] = doc, doc.text
    return _last[1]
