"""spaCy's two rule components, `attribute_ruler` and the rule `lemmatizer`, run as table lookups.

In `en_core_web_sm` 3.8 these two rule components cost about a sixth of the whole pipeline's time
(measured on BBC articles: 2.4-3.1 s and 0.6-1.6 s of 24.5 s per 300 articles), more than the neural
tagger: the attribute ruler runs a `Matcher` of 179 patterns whose `IN`/`REGEX` predicates call back
into Python for every token, then builds a `Span` per match, and the lemmatizer makes a `Token` and a
`MorphAnalysis` per token before its cache lookup. Both outputs depend on a handful of values per token
only, so the answer is computed once per distinct combination and written back with `Doc.from_array`.

The output is the same, value for value (`tests/test_rule_tables.py` compares POS, TAG, MORPH and
LEMMA with the stock components on real articles); a pattern the tables do not understand (an `OP`, an
unknown attribute or predicate) makes the component run spaCy's own code instead. Both classes are
subclasses of spaCy's, so they serialise, load and report in `nlp.config` the spaCy way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, IDS, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

# Token attributes a table pattern may test: the string-valued ones, then the boolean flags.
STRING_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "POS": POS, "DEP": DEP}
FLAG_ATTRS = ("IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "LIKE_NUM")
PREDICATES = ("IN", "NOT_IN", "REGEX")
# Remembered answers, per component, past which they are forgotten at the end of a memory zone: a long run
# meets new words forever, and memory must stay flat (the stock lemmatizer's cache only ever grows).
MAX_MEMO = 200_000

ValueTest = Callable[[Any], bool]


class UnsupportedPattern(ValueError):
    """A pattern uses something the tables do not evaluate; the component falls back to spaCy's code."""


class RuleTable:
    """An AttributeRuler's rules compiled to bit masks over the token values they read.

    Every token test (one token of one pattern) gets a bit. For each attribute a pattern reads and each
    value a token has for it, a memoised mask holds the tests that this value lets pass; a token passes
    the tests in the AND of its attributes' masks. Rule k sets its attributes on the token at
    `indices[k]` of a match, and spaCy applies matches ordered by k, so a later rule overrides an earlier.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.strings = ruler.vocab.strings
        self.rules: list[dict[int, Any]] = [dict(attrs) for attrs in ruler.attrs]
        self.out_attrs = sorted({attr for attrs in self.rules for attr in attrs})
        self.out_column = {attr: c for c, attr in enumerate(self.out_attrs)}
        self.keys: list[str] = []  # the token attributes the patterns read, in array column order
        self._equal: dict[str, dict[str, int]] = {}  # value -> tests it passes by equality or IN
        self._other: dict[str, list[tuple[int, ValueTest]]] = {}  # NOT_IN, REGEX and flag tests
        self._mentioned: dict[str, int] = {}
        self.single: list[tuple[int, int]] = []  # (test bit, rule) of one-token patterns
        self.long: list[tuple[int, list[int], int]] = []  # (rule, test bits, index) of longer patterns
        n_bits = 0
        for k, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                bits = []
                for spec in pattern:
                    self._compile_token(spec, n_bits)
                    bits.append(n_bits)
                    n_bits += 1
                if len(bits) == 1:
                    self.single.append((bits[0], k))
                else:
                    self.long.append((k, bits, ruler.indices[k]))
        every = (1 << n_bits) - 1
        self._always = {key: every & ~self._mentioned[key] for key in self.keys}
        self.columns = [STRING_ATTRS[key] if key in STRING_ATTRS else IDS[key] for key in self.keys]
        self._masks: dict[str, dict[int, int]] = {key: {} for key in self.keys}
        self._answers: dict[tuple, tuple[tuple[int, ...], tuple[bool, ...], tuple]] = {}
        self._by_mask: dict[int, tuple[tuple[int, ...], tuple[bool, ...], tuple]] = {}

    def forget_if_large(self) -> None:
        if len(self._answers) + sum(len(m) for m in self._masks.values()) > MAX_MEMO:
            self._answers.clear()
            for masks in self._masks.values():
                masks.clear()

    def _compile_token(self, spec: dict[str, Any], bit: int) -> None:
        for key, want in spec.items():
            key = key.upper()
            if key not in STRING_ATTRS and key not in FLAG_ATTRS:
                raise UnsupportedPattern(f"attribute {key}")
            if key not in self.keys:
                self.keys.append(key)
            self._mentioned[key] = self._mentioned.get(key, 0) | 1 << bit
            flag = key in FLAG_ATTRS
            members = _equal_values(want, flag=flag)
            if members is None:
                self._other.setdefault(key, []).append((bit, _value_test(want, flag=flag)))
            else:
                equal = self._equal.setdefault(key, {})
                for value in members:
                    equal[value] = equal.get(value, 0) | 1 << bit

    def _mask(self, key: str, raw: int) -> int:
        mask = self._masks[key].get(raw)
        if mask is None:
            value = bool(raw) if key in FLAG_ATTRS else self.strings[raw]
            mask = self._always[key] | self._equal.get(key, {}).get(value, 0)
            for bit, test in self._other.get(key, ()):
                if test(value):
                    mask |= 1 << bit
            self._masks[key][raw] = mask
        return mask

    def signature_answer(self, signature: tuple) -> tuple[tuple[int, ...], tuple[bool, ...], tuple]:
        """For a token with these attribute values: the one-token rules it matches, whether it passes each
        test of the longer patterns (in `long` order), and the (column, value) settings of those rules."""
        answer = self._answers.get(signature)
        if answer is None:
            mask = -1
            for key, raw in zip(self.keys, signature):
                mask &= self._mask(key, raw)
            answer = self._by_mask.get(mask)
            if answer is None:
                single = tuple(sorted({k for bit, k in self.single if mask >> bit & 1}))
                tests = tuple(bool(mask >> bit & 1) for _, bits, _ in self.long for bit in bits)
                answer = self._by_mask[mask] = (single, tests, self._settings(single))
            self._answers[signature] = answer
        return answer

    def _settings(self, rules) -> tuple[tuple[int, Any], ...]:
        """(output column, value) pairs that `rules` set on a token, applied in rule order (later wins)."""
        merged: dict[int, Any] = {}
        for k in sorted(rules):
            for attr, value in self.rules[k].items():
                merged[self.out_column[attr]] = value
        return tuple(merged.items())

    def apply(self, doc: Doc) -> None:
        """Set the rules' attributes on `doc`, as spaCy's AttributeRuler would."""
        n = len(doc)
        if not n or not self.rules:
            return
        signatures = map(tuple, doc.to_array(self.columns).reshape(n, -1).tolist())
        answers = [self.signature_answer(s) for s in signatures]
        extra: dict[int, list[int]] = {}  # token -> rules of longer patterns that set something on it
        if self.long:
            passed = numpy.array([tests for _, tests, _ in answers], dtype=bool).reshape(n, -1)
            column = 0
            for k, bits, index in self.long:
                size = len(bits)
                if n >= size:
                    starts = numpy.ones(n - size + 1, dtype=bool)
                    for j in range(size):
                        starts &= passed[j:n - size + 1 + j, column + j]
                    for start in numpy.flatnonzero(starts).tolist():
                        extra.setdefault(start + (index if index >= 0 else size + index), []).append(k)
                column += size
        values = doc.to_array(self.out_attrs).reshape(n, -1).tolist()
        for i, (single, _, settings) in enumerate(answers):
            if i in extra:
                settings = self._settings(single + tuple(extra[i]))
            row = values[i]
            for c, value in settings:
                row[c] = value
        doc.from_array(self.out_attrs, numpy.asarray(values, dtype="uint64").reshape(n, -1))


def _equal_values(want: Any, *, flag: bool) -> frozenset | None:
    """The values that pass a test of plain equality or IN; None for any other test."""
    if isinstance(want, dict):
        if set(want) == {"IN"} and not flag:
            return frozenset(want["IN"])
        return None
    if flag or not isinstance(want, str):
        return None
    return frozenset([want])


def _value_test(want: Any, *, flag: bool) -> ValueTest:
    if isinstance(want, dict):
        if set(want) - set(PREDICATES) or len(want) != 1:
            raise UnsupportedPattern(f"predicate {sorted(want)}")
        (name, arg), = want.items()
        if name == "REGEX":
            if flag:
                raise UnsupportedPattern("REGEX on a flag")
            return _Search(arg)
        return _Member(frozenset(arg), wanted=name == "IN")
    if flag != isinstance(want, bool):
        raise UnsupportedPattern(f"value {want!r}")
    return _Equal(want)


# The tests are small classes rather than closures so that a used pipeline still pickles.
@dataclass(frozen=True)
class _Search:
    pattern: str

    def __call__(self, value: str) -> bool:
        return re.search(self.pattern, value) is not None  # re caches the compiled pattern


@dataclass(frozen=True)
class _Member:
    members: frozenset
    wanted: bool

    def __call__(self, value: Any) -> bool:
        return (value in self.members) == self.wanted


@dataclass(frozen=True)
class _Equal:
    value: Any

    def __call__(self, value: Any) -> bool:
        return value == self.value


@Language.factory("claimpipe_table_attribute_ruler", default_config={"validate": False,
                  "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_table_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Callable | None) -> "TableAttributeRuler":
    return TableAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


class TableAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, answering from a `RuleTable` when its patterns allow."""

    _table: RuleTable | None = None
    _table_ok: bool | None = None  # None: not compiled since the patterns last changed

    def add(self, *args: Any, **kwargs: Any) -> None:
        super().add(*args, **kwargs)
        self._table_ok = None

    def clear(self) -> None:
        super().clear()
        self._table_ok = None

    @contextmanager
    def memory_zone(self, mem: Any = None) -> Iterator[None]:
        """Entered by `nlp.memory_zone()`: keeps the table's memory bounded over a long run."""
        try:
            yield
        finally:
            if self._table is not None:
                self._table.forget_if_large()

    def __call__(self, doc: Doc) -> Doc:
        if self._table_ok is None:
            try:
                self._table, self._table_ok = RuleTable(self), True
            except UnsupportedPattern:
                self._table, self._table_ok = None, False
        if not self._table_ok:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            self._table.apply(doc)  # type: ignore[union-attr]
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)


@Language.factory("claimpipe_table_lemmatizer", assigns=["token.lemma"],
                  default_config={"model": None, "mode": "rule", "overwrite": False,
                                  "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}})
def make_table_lemmatizer(nlp: Language, model: Any, name: str, mode: str, overwrite: bool,
                          scorer: Callable | None) -> "TableLemmatizer":
    return TableLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


class TableLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, asked once per distinct (word, POS, morphology).

    The rule lemma is a function of those three (the text, `pos_` and `morph` are all it reads), so the
    first token of each combination is lemmatized by spaCy's own `rule_lemmatize` and the rest are copied.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemmas: dict[tuple[int, int, int], str] = {}
        self._base_forms: dict[tuple[int, int], bool] = {}

    def is_base_form(self, token: Token) -> bool:
        """spaCy's English `is_base_form`, which reads only the POS and the morphology, once per pair
        (it parses the morphology string on every call)."""
        key = (token.pos, token.morph.key)
        answer = self._base_forms.get(key)
        if answer is None:
            answer = self._base_forms[key] = super().is_base_form(token)
        return answer

    @contextmanager
    def memory_zone(self, mem: Any = None) -> Iterator[None]:
        """Entered by `nlp.memory_zone()`: keeps the remembered lemmas bounded over a long run."""
        try:
            yield
        finally:
            if len(self._lemmas) + len(self.cache) > MAX_MEMO:
                self._lemmas.clear()
                self.cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        error_handler = self.get_error_handler()
        try:
            self._lemmatize(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _lemmatize(self, doc: Doc) -> None:
        n = len(doc)
        if not n:
            return
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        add = self.vocab.strings.add  # strings made inside a memory zone are dropped with it: add every time
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if self.overwrite or lemma == 0:
                key = (orth, pos, morph)
                text = self._lemmas.get(key)
                if text is None:
                    text = self._lemmas[key] = self.lemmatize(doc[i])[0]
                lemmas[i] = add(text)
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64"))


def use_rule_tables(nlp: Language) -> list[str]:
    """Swap the stock attribute ruler and English rule lemmatizer of `nlp` for the table versions, with the
    same patterns and lookups. Returns the names of the components swapped (others are left alone)."""
    swapped = []
    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler:
            factory = "claimpipe_table_attribute_ruler"
        elif type(component) is EnglishLemmatizer and component.mode == "rule":
            factory = "claimpipe_table_lemmatizer"
        else:
            continue
        config = {k: v for k, v in nlp.config["components"][name].items() if k != "factory"}
        table = nlp.replace_pipe(name, factory, config=config)
        # handed over as objects: a round trip through to_bytes cost 0.2 s of every pipeline load
        if isinstance(table, TableAttributeRuler):
            table.add_patterns(component.patterns)
        else:
            table.initialize(lookups=component.lookups)
        swapped.append(name)
    return swapped


__all__ = ["RuleTable", "TableAttributeRuler", "TableLemmatizer", "UnsupportedPattern", "use_rule_tables"]
