"""Who speaks a direct quotation, and so who its he and she are not: for `Resolver` (`resolve.py`), which inherits
these checks beside `binding.py`'s and keeps their state.

- `person_speaking`: the entity a speaker word stands for ("said the German": a person, UNNAMED_SPEAKER when
  unresolved, not the nation); build.py reads it for the speaker column;
- `_speaker_around`: a quotation's speaker, named or a pronoun before it already resolved, is not its he/she;
- `_quoted_by_the_other_gender`: nor is anyone of unknown gender when a he/she of the other gender speaks it;
- `_speaker_before_its_quote`: when a he/she of the same gender after the quotation speaks it ('"He can stick up
  whatever he likes," he said'), the subject just before the quotation is most likely that speaker;
- `_last_speaker_talked_about`: the last '"...," he said' is rarely who the next speaker's report is about.
"""

from __future__ import annotations

from spacy.tokens import Token

from .reference_rules import PRONOUN_GENDER, Ref, clause_of

_NOT_NOMINATIVE = frozenset({"her", "him", "them"})  # an object the parser made a subject: "caused her to feel"
UNNAMED_SPEAKER = "?"  # a quotation's speaker that no word names: "said the German", the German unresolved


class QuoteSpeakerRules:
    """Mixed into `Resolver`: what a quotation's speaker says about its he and she."""

    def person_speaking(self, source_i: int) -> str | None:
        """The entity a quotation's speaker word stands for. "said the German" is a person the demonym describes,
        not the nation: that person when resolved, else UNNAMED_SPEAKER, who may be the "she" of the quote."""
        eid = self.token_entity.get(source_i)
        if eid is not None and self._label(eid) == "NORP" and self.doc[source_i].tag_ in ("NNP", "NN", "JJ"):
            return self.resolved.get(source_i, UNNAMED_SPEAKER)
        return eid

    def _speaker_around(self, t: Token) -> str | None:
        """The entity of the speaker of the direct quotation that holds `t`: a name, or a pronoun
        before the quotation already resolved. A pronoun after it ("..., he said") is not resolved
        ahead of the pass: tried on 150 BBC articles, that changed 12 more texts, several for the
        worse (one wrong speaker then pushed the right antecedent out)."""
        if not self.quotes.inside(t):  # "Mr Blunkett said he wanted "to go ..."": he may be the speaker
            return None
        around = [self.quoted_speech[n] for n in self.speech_at.containing(t.idx)]
        if t.dep_ == "nsubj" and t.lower_ not in _NOT_NOMINATIVE and t.head.lemma_.lower() in self.lex.speech and not any(
                w.lower_ in ("i", "we") for w in self.doc[self.sents[self.sent_of[t.i]].start:t.i]) and not any(
                source_i < t.i and self.sent_of[source_i] == self.sent_of[t.i] and start >= self.doc[max(t.i - 1, 0)].idx
                for start, _, source_i in around):
            return None  # "He said that ..." is the writer's narration: the quote marks around it are mispaired
            # (not after "I think this is another case where he hasn't thought", tune14; not "caused her to feel";
            # not opening a quotation its speaker introduced: 'Carl Emmerson told BBC News: "He thinks ..."', unseen BBC)
        for start, end, source_i in around:
            if start <= self.doc[source_i].idx < end:
                continue
            if source_i in self.token_entity:
                return self.person_speaking(source_i)
            return self.resolved.get(source_i) if source_i < t.i else None
        return None

    def _quoted_by_the_other_gender(self, t: Token, gender: str) -> bool:
        """`t` is inside a direct quotation whose speaker is a he/she of the other gender: the person that
        pronoun stands for, who may be a candidate of unknown gender, is not `t`."""
        for n in self.speech_at.containing(t.idx):
            said = PRONOUN_GENDER.get(self.doc[self.quoted_speech[n][2]].lower_)
            if said is not None and said != gender:
                return True
        return False

    def _speaker_before_its_quote(self, t: Token, gender: str) -> str | None:
        """For `t` inside a direct quotation that a he/she of its gender after it attributes ('"He can stick up
        whatever he likes," he said'), the last person that is an active subject before the quotation, in its sentence
        or the one before ("Mr Blair dismissed the talk of splits and said ..."; not "Mr Howard was attacked by ..."):
        most likely the speaker, who says "I", not "he" (unseen BBC, twelfth round; the passive from the review)."""
        for n in self.speech_at.containing(t.idx):
            start, _, source_i = self.quoted_speech[n]
            if source_i < t.i or PRONOUN_GENDER.get(self.doc[source_i].lower_) != gender:
                continue
            before = self._words_before_opening(self.quotes.token_at(start))
            for u in reversed([u for u in before if u.dep_ == "nsubj"]):
                if self._label(eid := self.entity_of(u)) == "PERSON":
                    return eid
        return None

    def _words_before_opening(self, opening: int):
        """The words before the token that opens a quotation: the rest of its sentence before it, or, when it opens its
        sentence, the sentence before (empty at the doc's start)."""
        k = self.sent_of[opening]
        if opening > self.sents[k].start:
            return self.doc[self.sents[k].start:opening]
        return self.sents[k - 1] if k > 0 else ()

    def _last_speaker_talked_about(self, ref: Ref, t: Token) -> bool:
        """The candidate was last read as the "he" of '"...," he said', and `t` is what someone else says ("But local
        group Victims and Citizens Against Crime said he should not be working behind bars"): a new speaker mostly
        talks about the story's subject, not the last speaker (tune12, twelfth round)."""
        head = self.doc[ref.head]
        if head.i in self.token_entity or head.pos_ != "PRON" or not self.quotes.closing_before(head):
            return False
        k = clause_of(t)
        verb = self.doc[k].head if k >= 0 and self.doc[k].dep_ == "ccomp" else None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
        return subject is not None and verb.lemma_.lower() in self.lex.speech and subject.pos_ != "PRON" \
            and head.i < subject.i < t.i and self.entity_of(subject) != ref.entity_id
