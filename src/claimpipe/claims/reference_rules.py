"""The grammar the resolver reads: which pronouns count, what is a subject, what is pleonastic.

Pure functions over spaCy Tokens, kept apart from the `Resolver` that uses them (`resolve.py`), so that
each rule can be read and tested alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..records import Mention


@dataclass(slots=True)
class Ref:
    """A stretch of text that refers to an entity: a mention, or a resolved pronoun/description."""

    start_char: int
    end_char: int
    sent: int
    entity_id: str
    label: str
    subject: bool
    head: int  # token index


# reflexives ("itself", "themselves") point at their own clause's subject (REFLEXIVES, `Resolver._reflexive`)
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
IT_PRONOUNS = {"it", "its"}
THEY_PRONOUNS = {"they", "them", "their", "theirs"}
POSSESSIVE = {"his", "her", "its", "their", "hers", "theirs"}
REACH = 40  # tokens before a binding subject searched for a competing name
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
IT_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT"})
THEY_LABELS = frozenset({"ORG", "NORP"})
# reflexives and the labels of what they may stand for: their own clause's subject, or the name they stress
REFLEXIVES = {"himself": ("m", frozenset({"PERSON"})), "herself": ("f", frozenset({"PERSON"})),
              "itself": ("", IT_LABELS), "themselves": ("", THEY_LABELS)}
WINDOW = 4  # sentences back that a pronoun or description may reach
DETERMINERS = {"the", "this", "that"}
# determiners of someone new, whom no name gives: "a federal judge", "no leader", "every candidate"
NEW_SOMEONE = frozenset({"a", "an", "another", "no", "every", "any", "each"})


def is_subject(token: Token) -> bool:
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    # "Kazakhstan's response ...": the owner of a subject is salient too
    return token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass")


def is_age_noun(token: Token) -> bool:
    """"the 25-year-old", parsed as "old" with "year" for its measure: a person named by age."""
    return token.lower_ == "old" and any(c.dep_ == "npadvmod" and c.lower_ in ("year", "years") for c in token.children)


def age_of(token: Token) -> str | None:
    """The number of an age noun: "25" of "the 25-year-old"."""
    return next((g.text for c in token.children if c.lower_ in ("year", "years") for g in c.children
                 if g.dep_ == "nummod"), None)


def is_dateline(token: Token) -> bool:
    """"ALMATY —" opening a story names where it was filed, not what it is about."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    first = token.i == token.sent.start or doc[token.i - 1].is_space
    return first and nxt is not None and nxt.text in ("—", "―", "–", "--", "-") and token.is_upper


def mention_head(doc: Doc, m: Mention) -> Token | None:
    span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def is_pleonastic(token: Token, person_object: frozenset[str] = frozenset()) -> bool:
    """"it" that refers to nothing: "made it clear that", "it is likely that", "it rained".
    `person_object`: verbs whose object is a person ("it was told that ...": someone told it)."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    if head.pos_ == "ADJ" and head.dep_ in ("ccomp", "oprd", "xcomp"):
        return True  # "made it clear that", "find it hard to"
    siblings = [c for c in head.children if c != token]
    if token.dep_ == "dobj" and any(c.dep_ in ("oprd", "ccomp", "acomp") for c in siblings):
        return True
    clause_after = any(c.dep_ == "ccomp" and c.i > head.i for c in siblings)
    if token.dep_ == "nsubjpass" and clause_after and head.lemma_.lower() not in person_object:
        return True  # "it is thought that", "it was reported that"; not "it was told that"
    if token.dep_ == "nsubj":
        has_clause = any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > head.i for c in head.subtree)
        if head.lemma_ in ("be", "seem", "appear", "become", "remain") and any(c.dep_ in ("acomp", "attr") for c in siblings) and has_clause:
            return True
        if head.lemma_ in ("seem", "appear", "emerge", "transpire") and clause_after:
            return True  # "it emerged that"
        if head.lemma_ in ("take", "matter", "happen", "rain", "snow"):
            return True
        if head.lemma_ == "come" and any(c.dep_ == "prep" and c.lower_ == "to" for c in head.children) \
                and any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "if") for c in head.children):
            return True  # "when it comes to longevity"; not "it came to an agreement"
    return False


def is_possessive(token: Token) -> bool:
    """"its", "their"; "her" only as a determiner ("her knee", not "reimburse her")."""
    lower = token.lower_
    return lower in POSSESSIVE and (lower != "her" or token.tag_ == "PRP$" or token.dep_ == "poss")


def copula_subject(token: Token) -> bool:
    """"It is a landmark building", "it's a nice goal", "it was in my home town": the subject of
    "be" as the main verb is mostly a thing or a situation, rarely a name read earlier (read on 150
    BBC articles: most of the names put in its place were wrong), so it is left as written."""
    return token.dep_ == "nsubj" and token.head.lemma_ == "be"


# a role that was: "Former President Bill Clinton" is not "the president" of the story
PAST_ROLE = frozenset({"former", "ex", "ex-", "late", "then", "erstwhile"})
# a role beside another: "the shadow foreign secretary" is not "the foreign secretary" (only "shadow": a vice
# president or a deputy prime minister is called so again, "The vice president said", from a review)
OTHER_ROLE = frozenset({"shadow"})
_NOT_THIS_ROLE = PAST_ROLE | OTHER_ROLE  # a describing noun under one of these is no description of the name now


def describing_nouns(head: Token, role: str, abbreviations: dict[str, str]) -> list[str]:
    """The nouns that describe the name whose head is `head`: an apposition either way round ("ERG, a
    Kazakh company"), a copula ("Ham is a general"), and the words of its role ("Sen." as "senator");
    none from a past role ("the former president", "Former President Bill Clinton")."""
    nouns = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        nouns.append(head.head)
    if copula_subject(head):
        nouns += [a for a in head.head.children if a.dep_ == "attr" and a.pos_ == "NOUN"]
    out = [n.lemma_.lower() for n in nouns if not any(c.lower_ in _NOT_THIS_ROLE for c in n.children)]
    words = role.lower().replace("-", " ").replace(",", " ").split()  # "Culture, Media and Sport Secretary"
    if not _NOT_THIS_ROLE.intersection(words):
        out += [abbreviations.get(w, w) for w in words]
    return out


def title_words(name: Span) -> list[str]:
    """Capitalised words that may be a title of a name: the word before it, and its own first word
    when the model took the title in ("Ms Harman"). Capitalised only: "will miss Wayne Rooney"."""
    doc = name.doc
    words = [doc[name.start - 1]] if name.start > 0 else []
    words += [name[0]] if len(name) > 1 else []
    return [w.lower_ for w in words if w.text[:1].isupper()]


def own_subject(token: Token, shared: bool = False) -> Token | None:
    """The subject of the verb whose direct object `token` is: "He criticised her" (her is not he). With
    `shared`, the subject a subjectless conjoined verb shares: "Schwartz had spent months shadowing the mogul and
    portrayed him" (that one is less sure: "Jackson had shown the boy porn and plied him with wine").
    Prepositional objects may be the subject ("Halo had a depth to it"), so they are not checked."""
    verb = token.head
    if token.dep_ not in ("dobj", "dative", "iobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    if shared:
        if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX") or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        verb = verb.head
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def relative_others(t: Token) -> set[int]:
    """The noun a relative clause is about, when `t` is that clause's subject and the relative pronoun another
    of its words: "his brother Carlos, with whom he co-wrote", "the man whom she met" (he is not Carlos)."""
    verb = t.head
    if t.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "relcl":
        return set()
    # "Deutsche Bank, which it alleges to be the leader": the relative pronoun may sit in the clause it governs
    words = [c for c in verb.children] + [g for c in verb.children if c.dep_ in ("prep", "xcomp") for g in c.children]
    if any(w.lower_ in ("whom", "which", "who", "that") and w.dep_ not in ("nsubj", "nsubjpass") for w in words):
        return _with_appositions(verb.head)
    return set()


def _with_appositions(noun: Token) -> set[int]:
    return {noun.i} | {c.i for c in noun.children if c.dep_ == "appos"}


def _apposed_group(noun: Token) -> set[int]:
    """`noun`, the names in apposition to it, and the noun it is itself in apposition to."""
    return _with_appositions(noun) | ({noun.head.i} if noun.dep_ == "appos" else set())


def phrase_doubts(t: Token) -> set[int]:
    """Words a he/she may not mean, though the parse cannot say for sure that it does not: for a he/she in the
    nearest relative clause above it, a "which" clause, that clause's noun ("her autobiography, Lady Sings the
    Blues, which was credited to her": a thing); for a possessive, the noun its own phrase is in apposition to
    ("Lady Sings, her autobiography"). The parser also hangs such phrases on a person ("John Smith, his voice
    breaking", "John Smith, the bank's chief, which he has run"), so the resolver leaves the words as written
    when its best candidate is one of these, rather than taking the next one."""
    out: set[int] = set()
    if t.lower_ not in PRONOUN_GENDER:
        return out
    clause = next((a for a in t.ancestors if a.dep_ == "relcl"), None)
    if clause is not None and any(c.lower_ == "which" for c in clause.children):
        out |= _apposed_group(clause.head)
    if t.dep_ == "poss" and t.head.dep_ == "appos":
        out.add(t.head.head.i)
    return out


# Descriptions that name a whole country: with a demonym ("the Kazakh state") they mean that country.
COUNTRY_NOUNS = frozenset({"country", "nation", "state", "republic", "kingdom", "emirate"})
SOVEREIGN_NOUNS = COUNTRY_NOUNS - {"state"}  # "the state" may be a US state, which has no country code


# Links that keep a word inside the clause whose subject binds it ("Microsoft is keen to make its
# engine ...", "To generate its corpus, Microsoft has indexed ..."). Not relcl, ccomp, parataxis or
# csubj: those open a clause of their own.
_CLIMB = frozenset({"poss", "dobj", "pobj", "prep", "pcomp", "xcomp", "acomp", "advcl", "conj", "attr", "oprd",
                    "amod", "compound", "npadvmod", "dative", "agent", "nsubj", "nsubjpass", "appos", "acl", "advmod"})
_SUBJECTS = ("nsubj", "nsubjpass")
_WH = frozenset({"which", "that", "who", "whom", "whose", "what"})


# verbs whose object is the subject of the clause after it ("Henman urged Bogdanovic to seize his chance"); not
# a purpose ("Google bought Stata Labs to get its hands on ...", "Ryanair ordered 50 planes to expand its fleet")
# nor "promised them to keep his word"
_OBJECT_CONTROL = frozenset({"urge", "ask", "tell", "persuade", "force", "allow", "encourage", "invite",
                             "advise", "inspire", "compel", "require", "permit", "enable", "convince", "remind",
                             "warn", "instruct", "press", "pressure", "challenge", "implore", "beg", "prompt"})


def binding_subject(t: Token, speech: frozenset[str]) -> tuple[Token, str] | None:
    """The subject that binds the pronoun `t` by grammar alone, or None:

    - a possessive is bound by the subject of its clause: "Microsoft has unveiled its engine"; in a clause an
      object controls, by that object ("Henman urged Bogdanovic to seize his chance");
    - the subject of a clause reported by a speech verb, or of an adverbial clause, by the subject
      above: "BT Openzone told the BBC that it made every effort", "IBM said its profits rose".
    """
    if not (is_possessive(t) or t.dep_ in _SUBJECTS):
        return None
    cur, in_subject = t, False
    for _ in range(12):
        link = cur.dep_
        if cur.head.i == cur.i or (cur.i != t.i and link not in _CLIMB and not in_subject):
            return None
        cur = cur.head
        in_subject = in_subject or link in _SUBJECTS
        if cur.pos_ not in ("VERB", "AUX"):
            continue
        if not in_subject:
            if link == "xcomp" and cur.lemma_.lower() in _OBJECT_CONTROL:
                controller = next((c for c in cur.children if c.dep_ in ("dobj", "dative")), None)
                if controller is not None and not (controller.tag_ in ("NNS", "NNPS") and t.lower_ in ("his", "her", "its")):
                    # "Henman urged Bogdanovic to seize his chance": Bogdanovic's; "urged voters to back his party": not
                    return controller, "clause"
            subject = next((c for c in cur.children if c.dep_ in _SUBJECTS), None)
            if subject is not None and subject.lower_ in _WH:
                # "S Club 7, who had their own TV show": the relative pronoun stands for the noun before
                return (cur.head, "clause") if cur.dep_ == "relcl" and subject.lower_ != "what" else None
            if subject is not None:
                return subject, "clause"
            continue
        # `t` is (in) this clause's own subject: only a reporting verb's or a main clause's subject binds it
        speech_verb = cur.dep_ == "ccomp" and cur.head.lemma_.lower() in speech
        if (cur.dep_ == "advcl" and cur.head.pos_ in ("VERB", "AUX")) or speech_verb:
            subject = next((c for c in cur.head.children if c.dep_ in _SUBJECTS), None)
            if subject is None or subject.lower_ in _WH:
                return None
            return subject, "speech" if speech_verb else "adverbial"
        return None
    return None


def stands_for_no_one(t: Token) -> bool:
    """A pronoun that names no one of the article: part of a hyphenated word (`in_hyphenated_word`) or of a title
    (`_in_a_title`), or one of "he or she", "his/her", "s/he", "he, or she", "his (or her)" (anyone of the kind: "He or
    she is always an MP" had become the Speaker, Michael Martin, on unseen BBC, eleventh round)."""
    if _in_a_title(t):
        return True
    gender = PRONOUN_GENDER.get(t.lower_)
    if gender is None:
        return in_hyphenated_word(t)
    for step in (1, -1):  # "he or she", "he, or she", "his (or her)"; "she or he"
        words = [w for w in _around(t, step) if w.text not in ("(", ")", ",")][:2]
        if len(words) == 2 and words[0].lower_ in ("or", "/") and (
                PRONOUN_GENDER.get(words[1].lower_, gender) != gender or words[1].lower_ == "s"):  # "s/he"
            return True
    return in_hyphenated_word(t)


def _in_a_title(t: Token) -> bool:
    """A capitalised pronoun inside a sentence, after a word in lower case and before a capitalised one: part of a title
    ("a His Dark Materials fans' website"; unseen BBC, twelfth round); not after a quotation mark, a colon or a line
    break."""
    if t.i == 0 or t.is_sent_start or not t.text[:1].isupper() or t.text.isupper():
        return False
    before, after = t.doc[t.i - 1], t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return before.is_alpha and not before.is_sent_start and "\n" not in before.whitespace_ and before.text[:1].islower() \
        and after is not None and after.text[:1].isupper()  # not "... copyright law It added", a lost full stop


def _around(t: Token, step: int) -> list[Token]:
    """Up to five tokens after `t` (step 1) or before it (step -1), nearest first."""
    doc = t.doc
    return [doc[i] for i in range(t.i + step, t.i + 6 * step, step) if 0 <= i < len(doc)]


def in_hyphenated_word(t: Token) -> bool:
    """`t` is joined by a hyphen to the word before or after it ("go-it-alone", "hands-on-it"): part of a
    compound word, not a pronoun that stands for anything."""
    doc = t.doc
    before = t.i > 0 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_
    after = t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_
    return before or after


def restrictive_modifier(t: Token) -> bool:
    """A clause after the noun with no comma before it picks one out ("the country involved", "the court
    that hears it"): the phrase introduces a referent rather than repeating one."""
    return any(c.dep_ in ("acl", "relcl") and t.doc[c.left_edge.i - 1].text != "," for c in t.rights)


def relative_antecedents(t: Token) -> set[int]:
    """Nouns whose relative clause holds `t`, with their appositions ("ERG, a company that ... its"); not the
    noun of a clause whose subject `t` is while the relative pronoun is its object ("his brother Carlos, with
    whom he co-wrote the screenplay": he is not Carlos, see `relative_others`)."""
    out: set[int] = set()
    cur = t
    others = relative_others(t)
    for _ in range(20):
        if cur.head == cur:
            break
        if cur.dep_ == "relcl" and cur.head.i not in others \
                and not any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in cur.children):
            # "China, where it is seen as manly": a clause of place or time is about something else there
            out |= _apposed_group(cur.head)
        cur = cur.head
    return out


def clause_of(token: Token) -> int:
    """The index of the verb whose clause holds `token` (itself when it is one)."""
    w = token
    for _ in range(50):  # a chain of spliced clauses can be long; a verb is near
        if w.pos_ in ("VERB", "AUX"):
            return w.i
        if w.head.i == w.i:
            break
        w = w.head
    return -1


def possessive_owners(head: Token, token_entity: dict[int, str]) -> set[str]:
    """The entities named as owners ("Begg's", "India's") anywhere in `head`'s phrase."""
    return {token_entity[w.i] for w in head.subtree if w.dep_ == "poss" and w.i in token_entity}


def owned_apart(word: Token, token_entity: dict[int, str], label_of: Callable[[str | None], str]) -> bool:
    """A place or thing's name that a person's possessive owns is part of a longer title: "A new book, Brown's
    Britain, says" is not said by Britain (ninth round, tune12); "The carmaker, Germany's Volkswagen," is Volkswagen."""
    own = token_entity.get(word.i)
    return label_of(own) != "PERSON" and any(
        c.dep_ == "poss" and token_entity.get(c.i) not in (None, own) and label_of(token_entity[c.i]) == "PERSON"
        for c in word.children)
