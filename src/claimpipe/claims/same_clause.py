"""Pronouns whose name comes in their own clause: reflexives and a phrase that opens a sentence.

`Resolver` (`resolve.py`) inherits these checks beside `BindingRules` (`binding.py`):

- a reflexive that is an argument is its own clause's subject ("Microsoft faces challenges establishing
  itself", "Mr Blair distanced himself"); one that only stresses a name stays ("Federer himself");
- a he/she or his/her in a phrase that opens the sentence is the main clause's subject named after it
  ("With her film, DuVernay documents ...");
- a subject he/she is not a name in its verb's object or in the reported words before its ", he said"; and
  a he/she and a him/her of one gender in one clause are two people;
- and two doubts about an "it" its own clause settles: the object of a verb a name's clause controls is a
  thing of that name's ("EduVision has plans to extend it"), and an "it" said to be "a/an <noun>" no entity
  could be is the thing judged ("WMC said it was an undervaluation").
"""

from __future__ import annotations

from spacy.tokens import Token

from .reference_rules import PRONOUN_GENDER, REFLEXIVES, clause_of, copula_subject, is_possessive

# links a reflexive's clause hangs from that keep the subject above ("Microsoft faces challenges establishing
# itself", "He has surrounded himself with ...")
_REFLEXIVE_CLIMB = frozenset({"xcomp", "advcl", "pcomp", "acl", "relcl", "prep", "pobj", "dobj", "dative", "conj",
                              "ccomp", "acomp"})


def _verb_of_object(t: Token) -> Token | None:
    """The verb `t` is the object of, directly or through a preposition ("meeting him", "looked at him"), else None."""
    head = t.head.head if t.dep_ == "pobj" else t.head
    return head if t.dep_ in ("dobj", "dative", "iobj", "pobj") and head.pos_ in ("VERB", "AUX") else None


# prepositions after which a him/her may be the subject itself ("He took the documents with him")
_SELF_PREPOSITIONS = frozenset({"with", "around", "behind", "beside", "near", "among", "beneath", "inside",
                                "within", "towards", "toward"})


# verbs whose object may name their subject ("He will be known as Baron Kinnock", "she was named Ms Hutt")
_NAMING_VERBS = frozenset({"know", "call", "name", "dub", "title", "crown", "elect", "appoint", "make", "become"})


def _an_other(u: Token) -> bool:
    """A him/her its clause's subject cannot be: an object, or after a preposition that is not of place or company."""
    return u.dep_ in ("dobj", "dative", "iobj") or (u.dep_ == "pobj" and u.head.lower_ not in _SELF_PREPOSITIONS)


class SameClauseRules:
    """Mixed into `Resolver`: a name later in the pronoun's own clause, or its own clause's subject."""

    def _reflexive(self, t: Token) -> str | None:
        """himself/herself/itself/themselves as an argument: the subject of its own clause ("Microsoft faces
        challenges establishing itself", "Mr Blair distanced himself"), found through the verbs with no
        subject of their own above it; None when that is no entity of its kind or gender, when a verb on
        the way has another object, and for a reflexive that only stresses a name ("Federer himself").
        Inside a quotation too: "itself" is bound within its clause, whoever speaks."""
        gender, labels = REFLEXIVES[t.lower_]
        if t.dep_ not in ("dobj", "pobj", "dative", "iobj") or any(c.dep_ == "auxpass" for c in t.head.children):
            return None  # only an argument ("defend himself"): a name in place of "Federer himself" or
            # "to avoid being targeted itself" would not read as the sentence meant
        target = None
        verb, link = t.head, t.dep_
        own_verb = True  # the first verb up from `t` is its own
        for _ in range(5):
            if target is not None:
                break
            if verb.pos_ in ("VERB", "AUX"):
                # its own verb's other object, or the object of a verb that controls it; a verb higher up
                # is about something else ("In defending himself, Trump offered insights")
                if (own_verb or link in ("xcomp", "ccomp")) and any(
                        c.dep_ in ("dobj", "dative") and not (c.left_edge.i <= t.i <= c.right_edge.i)
                        for c in verb.children):
                    return None  # "let a person's gadgets swap data amongst themselves", "Acme protected
                    # Bolt from itself": the object may be meant
                target = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if target is not None and target.lower_ in ("who", "which", "that"):
                    if verb.dep_ != "relcl":
                        return None
                    if target.lower_ == "who":
                        labels = labels & {"PERSON"}  # "the owners of Rover, who ... themselves": people
                    target = verb.head  # "the man who hurt himself"
                own_verb = False
            if target is None:
                if verb.head.i == verb.i or verb.dep_ not in _REFLEXIVE_CLIMB:
                    return None
                verb, link = verb.head, verb.dep_
        # the target itself must be a name or a resolved pronoun: "the four owners of Rover, who ...
        # awarded themselves" are the owners, not Rover
        if target is not None and target.i not in self.token_entity and target.i not in self.resolved:
            # "the court's chief judge, Merrick Garland, recused himself": the name in apposition
            target = next((c for c in target.children if c.dep_ == "appos" and c.i in self.token_entity), target)
        eid = (self.token_entity.get(target.i) or self.resolved.get(target.i)) if target is not None else None
        if eid is None or self._label(eid) not in labels or (gender and self.gender.get(eid, gender) != gender):
            return None
        self._note_bound(t, target)
        return eid

    def _subject_ahead(self, t: Token) -> str | None:
        """The person `t` (he/his/she/her) stands for when it opens its sentence in a phrase before the main
        clause, whose subject is that person's name: "With her film, DuVernay documents ...", "As he
        welcomed guests, Scott launched ...". The name comes after the pronoun, so no earlier name may be
        put in; "" (leave the words) when the subject's gender disagrees or another person stands between."""
        root = self.sents[self.sent_of[t.i]].root
        # an object of a verb with its own subject may be the main clause's subject ("With injuries depriving him of
        # key players, coach Andy Robinson has ...", unseen BBC): then the words stay
        verb = _verb_of_object(t)
        its_own_subject = verb is not None and (any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
                                                or (verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN")))
        if t.i > root.i or self.quotes.inside(t) or (verb is not None and not its_own_subject):
            return None  # an object ("After meeting him, Scott ...") is not the one who meets; in a noun's
            # phrase it may be ("In spite of the allegations against him, Mr Botin continues ...")
        opener = next((a for a in t.ancestors if a.head.i == root.i), None)
        if opener is None or opener.dep_ not in ("prep", "advcl", "npadvmod") or opener.i > root.i:
            return None
        comma = opener.right_edge.i + 1  # the opening phrase ends in a comma, and the subject follows it
        if self.doc[opener.right_edge.i].text == ",":  # the parser may hang the comma inside the phrase
            comma = opener.right_edge.i
        subject = next((c for c in root.lefts if c.dep_ in ("nsubj", "nsubjpass", "dep") and c.i > opener.i), None)
        if subject is None or comma >= len(self.doc) or self.doc[comma].text != "," or subject.left_edge.i != comma + 1:
            return None
        eid = self.token_entity.get(subject.i)
        if eid is None or self._label(eid) != "PERSON":
            return None
        # another person in the opening phrase, before or after `t` ("When Obama met his wife, Biden ...")
        between = {self.token_entity.get(i) for i in range(opener.left_edge.i, subject.i)} - {None, eid}
        if any(self._label(other) == "PERSON" for other in between) \
                or self.gender.get(eid, PRONOUN_GENDER[t.lower_]) != PRONOUN_GENDER[t.lower_]:
            return ""
        if its_own_subject:
            return ""
        self._note_bound(t)
        return eid

    def _controller_of(self, t: Token) -> str | None:
        """For an "it" object of a verb with no subject of its own ("plans to extend it", "decided to sell it"),
        the entity of the subject of the clause that verb hangs from."""
        verb = t.head
        if t.dep_ not in ("dobj", "dative") or verb.pos_ != "VERB":
            return None
        for _ in range(4):
            if verb.dep_ not in ("xcomp", "acl", "advcl", "conj") or verb.head.i == verb.i:
                return None
            verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return self.entity_of(subject)
        return None

    def _says_what_it_is(self, t: Token) -> bool:
        """"it" as the subject of "be" with a noun after it that no named entity could be: "it was an
        undervaluation", "it is a mistake" (a thing or a situation; "it was a leader", "it is the largest
        bank" may still be the company)."""
        if not copula_subject(t):
            return False
        attr = next((c for c in t.head.children if c.dep_ == "attr"), None)
        if attr is None or attr.pos_ != "NOUN" or attr.i in self.token_entity \
                or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in attr.children):
            return False  # "it is open-source" may still be Firefox
        lemma = attr.lemma_.lower()
        return lemma not in self.lex.descriptions and lemma not in self.lex.name_heads and not self._person_noun(attr)

    def _named_below(self, t: Token) -> set[str]:
        """The entities a subject he/she cannot be, by grammar: one named in its verb's object ("And he confirmed
        Mr Blair's insistence"), in the reported words its speech verb follows ("Mr Blair has the same passion
        ..., he said") or as the subject of those it goes on to report ("He said Mr Blair had spoken"), or as the
        owner in its predicate ("She denies he is Mr Blunkett's"). Not the rest of its clause: a predicate ("he was
        back to the Trump of the primaries") or a clause set apart may name the same person."""
        if t.dep_ not in ("nsubj", "nsubjpass"):
            return set()
        verb = t.head
        below = [] if verb.lemma_.lower() in _NAMING_VERBS else [
            w for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > t.i for w in c.subtree]
        if verb.lemma_.lower() in self.lex.speech and t.i > 0 and self.doc[t.i - 1].text in (",", "”", "’", "\""):
            # "[the reported words], he said", the words right before the comma; from their last full stop on: a
            # misparse may hang the sentence before on them ("..., said Nick Ross. Apple's work would help, he said")
            reported = [w for c in verb.children if c.dep_ == "ccomp" and t.i - 3 <= c.right_edge.i < t.i
                        for w in c.subtree]
            stop = max((w.i for w in reported if w.text in (".", "!", "?")), default=-1)
            below += [w for w in reported if w.i > stop]
        if verb.lemma_.lower() in self.lex.speech:  # "He said Mr Blair had spoken ...", "he said the panel were not
            # snubbing Moore's film", "he insisted he still trusted Mr Blair": whoever the words he reports name is another
            below += [w for c in verb.children if c.dep_ == "ccomp" and c.i > t.i for w in c.subtree]
        if verb.lemma_.lower() == "be":  # "he is Mr Blunkett's (son)": no one is his own
            below += [w for c in verb.children if c.dep_ == "attr" for w in c.subtree
                      if w.dep_ == "poss" or any(k.dep_ == "case" for k in w.children)]
        # one compared with: "But, like O'Sullivan, he was well within his rights" is someone else (unseen BBC)
        below += [w for c in verb.children if c.dep_ == "prep" and c.lower_ in ("like", "unlike") for w in c.subtree]
        appositions = {w.i for c in t.children if c.dep_ == "appos" for w in c.subtree}
        return {self.token_entity[w.i] for w in below if w.i in self.token_entity and w.i not in appositions}

    def _two_of_one_gender(self, t: Token, gender: str) -> bool:
        """A subject he/she and a him/her object of one gender in `t`'s clause, `t` one of them ("he also heaped
        praise on him"): two people, so one candidate in reach cannot be both, and which one it is is unclear."""
        clause = clause_of(t)
        if t.dep_ in ("nsubj", "nsubjpass"):
            others = [u for u in self.doc[t.i + 1:min(len(self.doc), t.i + 40)] if u.lower_ in ("him", "her")
                      and not is_possessive(u) and _an_other(u)]
        elif t.lower_ in ("him", "her") and not is_possessive(t) and _an_other(t):
            others = [u for u in self.doc[max(0, t.i - 40):t.i] if u.dep_ in ("nsubj", "nsubjpass")
                      and u.lower_ in ("he", "she") and u.i not in self.resolved]
        else:
            return False
        return any(PRONOUN_GENDER[u.lower_] == gender and clause_of(u) == clause for u in others)
