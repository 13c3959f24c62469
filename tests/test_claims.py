"""The claims stage through its API (`claimpipe.claims.doc_claims`) and its spaCy component.

Model-based: claimpipe's pipeline is loaded once per session (conftest's `nlp`), with the real
entities stage (`annotate.doc_entities`). Rule logic on fixed parses is in `test_claims_attribution.py`,
`test_claims_structure.py` and `test_claims_resolve.py`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimpipe.annotate import doc_entities
from claimpipe.claims import claim_content_spans, doc_claims, find_attributions, find_claims
from claimpipe.records import Block, Cleaned, make_claim_id, make_entity_id
from claimpipe.settings import Settings

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "annotations" / "claims.jsonl"


def cleaned_of(text: str, kinds: dict[int, str] | None = None) -> Cleaned:
    """Blocks split at blank lines, all paragraphs unless `kinds` says otherwise (by block index)."""
    blocks, pos = [], 0
    for i, part in enumerate(text.split("\n\n")):
        kind = (kinds or {}).get(i, "paragraph")
        blocks.append(Block(kind, pos, pos + len(part), pos, pos + len(part)))
        pos += len(part) + 2
    return Cleaned(text=text, blocks=blocks, removals=[])


def claims_of(nlp, text: str, kinds: dict[int, str] | None = None, settings: Settings | None = None):
    cleaned = cleaned_of(text, kinds)
    doc = nlp(text)
    mentions, entities = doc_entities(doc, doc_id="d_test", cleaned=cleaned)
    return doc, doc_claims(doc, doc_id="d_test", cleaned=cleaned, mentions=mentions, entities=entities,
                           settings=settings or Settings())


@pytest.fixture(scope="module")
def rules_only(floor_at) -> Settings:
    """The rules' own picks, before the calibrated floor (tests/test_claims_calibration.py tests the floor)."""
    return floor_at(0.0)


@pytest.mark.parametrize(
    "text,expected",
    [
        # indirect speech, speaker named with an apposition
        ("Serik Zhumangarin, the trade minister, said that exports would grow.",
         [("Serik Zhumangarin, the trade minister, said that exports would grow.", "indirect", "Serik Zhumangarin", "said")]),
        # a pronoun speaker resolves to the person
        ("Serik Zhumangarin spoke in Astana on Monday. He said that exports would grow.",
         [("Serik Zhumangarin spoke in Astana on Monday.", "none", "", ""),
          ("He said that exports would grow.", "indirect", "Serik Zhumangarin", "said")]),
        # a role speaker resolves to the person the article gave that role
        ("Serik Zhumangarin is Kazakhstan's trade minister. The minister said that exports would grow.",
         [("Serik Zhumangarin is Kazakhstan's trade minister.", "none", "", ""),
          ("The minister said that exports would grow.", "indirect", "Serik Zhumangarin", "said")]),
        # a direct quotation with the speaker after the verb
        ("“Exports will grow this year,” said Serik Zhumangarin.",
         [("“Exports will grow this year,” said Serik Zhumangarin.", "direct", "Serik Zhumangarin", "said")]),
        # a quotation continued in the next paragraph keeps its speaker
        ("Serik Zhumangarin said: “Exports will grow this year.\n\n“Trade with China will double.”",
         [("Serik Zhumangarin said: “Exports will grow this year.", "direct", "Serik Zhumangarin", "said"),
          ("“Trade with China will double.”", "direct", "Serik Zhumangarin", "said")]),
        # mixed: indirect speech with a quoted stretch
        ("Serik Zhumangarin said exports had “grown very fast” last year.",
         [("Serik Zhumangarin said exports had “grown very fast” last year.", "mixed", "Serik Zhumangarin", "said")]),
        ("According to the World Bank, exports grew by 5% last year.",
         [("According to the World Bank, exports grew by 5% last year.", "according_to", "World Bank", "According to")]),
        # dash attribution after a quotation
        ("“Exports will grow this year.” ― Serik Zhumangarin",
         [("“Exports will grow this year.”", "direct", "Serik Zhumangarin", "―")]),
        # a transcript's speaker label
        ("ZHUMANGARIN: Exports will grow this year.",
         [("Exports will grow this year.", "direct", "ZHUMANGARIN", ":")]),
        # an opening mark that is never closed
        ("Serik Zhumangarin said: “Exports will grow this year.",
         [("Serik Zhumangarin said: “Exports will grow this year.", "direct", "Serik Zhumangarin", "said")]),
        ("Exports grew by 5% last year.", [("Exports grew by 5% last year.", "none", "", "")]),
    ],
    ids=["indirect", "pronoun-speaker", "role-speaker", "direct", "continued-paragraph", "mixed", "according-to",
         "dash", "colon-speaker", "unbalanced", "none"],
)
def test_claims_attribution_through_doc_claims(nlp, text, expected):
    _, claims = claims_of(nlp, text)
    assert [(c.text, c.attribution, c.speaker, c.cue) for c in claims] == expected


def test_claims_speaker_and_cue_offsets(nlp):
    text = "Kazakhstan's government has made it clear that it will not blindly follow the sanctions."
    doc, (claim,) = claims_of(nlp, text)
    assert (text[claim.speaker_start:claim.speaker_end], text[claim.cue_start:claim.cue_end]) == (
        "Kazakhstan's government", "made it clear")
    assert (claim.speaker, claim.cue, claim.attribution, claim.negated) == (
        "Kazakhstan's government", "made it clear", "indirect", True)
    assert claim.speaker_entity_id != ""  # the government acts for Kazakhstan
    assert claim.subject_entity_id == ""  # "it" with one named thing in reach is left as written
    assert claim_content_spans(doc, claim) == [(text.index("that it"), len(text) - 1)]


def test_claims_continued_quote_content_spans(nlp):
    text = "Serik Zhumangarin said: “Exports will grow this year.\n\n“Trade with China will double.”"
    doc, claims = claims_of(nlp, text)
    atts = find_attributions(doc)
    assert [[text[s:e] for s, e in claim_content_spans(doc, c, attributions=atts)] for c in claims] == [
        ["“Exports will grow this year."], ["“Trade with China will double.”"]]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("China has already become Kazakhstan’s largest individual trade partner, and there are plans to "
         "further enhance this relationship.",
         [("China has already become Kazakhstan’s largest individual trade partner", "China", False),
          ("there are plans to further enhance this relationship.", "plans", True)]),
        ("Exports rose in May, but imports fell sharply in June.",
         [("Exports rose in May", "Exports", False), ("imports fell sharply in June.", "imports", False)]),
        # one subject, two verbs: one claim
        ("Exports rose in May and fell in June.", [("Exports rose in May and fell in June.", "Exports", False)]),
    ],
    ids=["and-there-are", "but", "shared-subject"],
)
def test_claims_atomic_splits(nlp, text, expected):
    doc, claims = claims_of(nlp, text)
    assert [(c.text, c.subject, c.hedged) for c in claims] == expected
    for c in claims:
        assert doc.text[c.start_char:c.end_char] == c.text
        assert c.claim_id == make_claim_id("d_test", c.start_char, c.end_char)


@pytest.mark.parametrize(
    "text,kinds",
    [
        ("Will exports grow this year?", None),
        ("Sign up for our newsletter today.", None),
        ("Photo: Reuters", None),
        ("Kazakhstan’s Strategic Repositioning In Central Asia", None),
        ("Exports will grow this year.", {0: "heading"}),
        ("Exports will grow this year.", {0: "title"}),
        ("Prices rose.", None),  # under min_claim_tokens (4)
    ],
    ids=["question", "call-to-action", "fragment", "title-case-heading", "heading-block", "title-block", "too-short"],
)
def test_claims_non_claims(nlp, text, kinds):
    _, claims = claims_of(nlp, text, kinds)
    assert claims == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Other Central Asian countries may take cues from Kazakhstan’s approach.", ["may"]),
        ("Kazakhstan’s trade with China could further diminish Russia’s influence.", ["could"]),
        ("The company reportedly lost half of its sales.", ["reportedly"]),
        ("Exports are expected to grow this year.", ["are expected to"]),
        ("The government plans to build a new railway.", ["plans to"]),
        ("Exports are likely to grow this year.", ["are likely to"]),
        ("The minister said that exports would grow this year.", []),
    ],
)
def test_claims_hedging(nlp, text, expected):
    _, (claim,) = claims_of(nlp, text)
    assert (claim.hedge_cues, claim.hedged) == (expected, bool(expected))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Kazakhstan will not follow the sanctions.", True),
        ("Kazakhstan has never followed the sanctions.", True),
        ("Officials found no evidence of fraud.", True),
        ("The minister did not say that exports fell.", True),
        ("Kazakhstan will follow the sanctions.", False),
    ],
)
def test_claims_negation(nlp, text, expected):
    _, (claim,) = claims_of(nlp, text)
    assert claim.negated is expected


def test_claims_standalone_text_resolves_descriptions_and_pronouns(nlp):
    text = ("One prominent example is the Eurasian Resources Group, a Kazakh company that has suffered major "
            "losses. The company, which is 40% owned by the state, has seen its sales to Russia plummet.")
    _, claims = claims_of(nlp, text)
    second = claims[1]
    assert (second.subject, second.standalone_text) == (
        "Eurasian Resources Group",
        # "its": the only organisation in reach, so not clearly the one meant: left as written
        "Eurasian Resources Group, which is 40% owned by the state, has seen its sales to Russia plummet.")
    # "The company" is no mention, so the claim's own entity_ids lack it; its subject still links to the company
    assert second.subject_entity_id == make_entity_id("ORG", "Eurasian Resources Group")
    assert second.entity_ids == [make_entity_id("GPE", "Russia")]


def test_claims_fields_follow_the_output_contract(nlp):
    text = ("Serik Zhumangarin said: “Exports will grow this year.\n\nThe minister also said that trade with "
            "China would double, and imports may fall.")
    doc, claims = claims_of(nlp, text)
    assert claims
    for c in claims:
        assert c.text == doc.text[c.start_char:c.end_char] == text[c.source_start:c.source_end]
        assert c.sentence_index == next(k for k, s in enumerate(doc.sents) if s.start_char <= c.start_char < s.end_char)
        if c.attribution == "none":
            assert (c.speaker, c.cue, c.speaker_start, c.cue_start) == ("", "", None, None)
        else:
            assert text[c.cue_start:c.cue_end] == c.cue
        assert c.claim_types == [] and c.quantities == [] and c.checkworthiness == 0.0  # left to checkworthiness


def test_claims_seed_gold(nlp):
    """The blind gold of the seed article, through the real cleaner and entities stage: every gold claim
    is found, nothing is claimed from headings, bylines or newsletter prompts, and the seed's three
    names reach the stand-alone texts that need them. Field-by-field agreement is scored by
    `claimpipe eval` against the floors in annotations/floors.json (gold is never edited to match)."""
    from claimpipe.clean import clean
    from claimpipe.records import Article, make_doc_id

    gold = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    text = gold["text"]
    article = Article(source=gold["source"], text=text, doc_id=make_doc_id(text), sha256="")
    cleaned = clean(article, settings=Settings())
    doc = nlp(cleaned.text)
    mentions, entities = doc_entities(doc, doc_id=article.doc_id, cleaned=cleaned)
    claims = doc_claims(doc, doc_id=article.doc_id, cleaned=cleaned, mentions=mentions, entities=entities,
                        settings=Settings())
    names = ("Eurasian Resources Group", "Kazakhstan", "Serik Zhumangarin")
    problems = []
    for g in gold["claims"]:
        need = 0.5 * (g["end"] - g["start"])
        match = [c for c in claims if min(c.source_end, g["end"]) - max(c.source_start, g["start"]) >= need]
        if not match:
            problems.append(("missing", g["text"]))
            continue
        for part in g["standalone_contains"]:
            if part in names and part not in match[0].standalone_text:
                problems.append(("standalone", part, match[0].standalone_text))
    assert problems == []
    assert len(claims) == len(gold["claims"])


def test_claims_component_puts_spans_in_doc(nlp):
    nlp.add_pipe("claimpipe_claims", config={"min_tokens": 4})
    doc = nlp("Will exports grow? Serik Zhumangarin said that exports would grow, and imports may fall.")
    assert [(s.text, s.label_) for s in doc.spans["claims"]] == [
        ("Serik Zhumangarin said that exports would grow", "indirect"), ("imports may fall.", "indirect")]
    assert nlp.get_pipe_config("claimpipe_claims") == {"factory": "claimpipe_claims", "spans_key": "claims", "min_tokens": 4}


def test_claims_find_claims_is_pure(nlp):
    doc = nlp("Exports grew by 5% last year.")
    assert [s.text for s in find_claims(doc)] == [s.text for s in find_claims(doc)] == ["Exports grew by 5% last year."]
    assert "claims" not in doc.spans


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The report said that exports fell by 5% last year.", ("The report", "", "document", None)),
        ("Serik Zhumangarin spoke in Astana on Monday. He said that exports would grow.",
         ("Serik Zhumangarin", "person", 0.994)),  # calibrated (claims/calibration.py)
        ("Kazakhstan's government has made it clear that it will not follow the sanctions.",
         ("Kazakhstan's government", "organisation", 1.0)),
        # two men in reach, neither clearly meant: the words stay, with no entity and no confidence
        ("The award went to John Smith and Peter Jones. He said that exports would grow.",
         ("He", "", "", None)),
        # a person's name that only modifies the source ("The Trump campaign") does not make him the speaker
        ("Donald Trump spoke in Ohio on Monday. The Trump campaign said that exports would grow.",
         ("The Trump campaign", "", "", None)),
        # nor does one who speaks for him, or for them (sixth round, tune4: a spokesman's words are not Prescott's)
        ("John Prescott spoke in Hull on Monday. A spokesman for Mr Prescott said that the plan would go ahead.",
         ("A spokesman for Mr Prescott", "", "", None)),
        ("John Prescott spoke in Hull on Monday. Lawyers for Mr Prescott and Mr Smith said that the plan would go ahead.",
         ("Lawyers for Mr Prescott and Mr Smith", "", "", None)),
        ("A spokesman for the prime minister, Tony Blair, said that the plan would go ahead.",
         ("A spokesman for the prime minister, Tony Blair", "", "", None)),
        # research by someone is theirs; a title before a name is the name's ("the minister for civil aviation")
        ("Jakob Nielsen spoke in Hull on Monday. Research by Dr Nielsen shows that users are getting smarter.",
         ("Nielsen", "person", 1.0)),
        ("The minister for civil aviation Praful Patel said that fares would fall.", ("Praful Patel", "person", 1.0)),
        # a party's members speak as written, with the party's entity: not "Democrat" (ninth round, tune14)
        ("The panel voted on Thursday. Democrats said that the vote was a stunt.", ("Democrats", "organisation", 1.0)),
        # ... but a country owning a firm's name is no title: "Germany's Volkswagen" names the carmaker (from a review)
        ("Sales fell. The carmaker, Germany's Volkswagen, said that it would cut jobs.",
         ("Volkswagen", "organisation", 1.0)),
        # a document is its author's, not that of a person or place its title names (ninth round, tune12)
        ("Gordon Brown spoke in Hull. A new book, Brown's Britain by journalist Robert Peston, says that Mr Blair "
         "went back on a pledge.", ("Robert Peston", "person", 1.0)),
        ("Gordon Brown spoke in Hull. A new book, Brown's Britain, says that Mr Blair went back on a pledge.",
         ("A new book, Brown's Britain", "", "document", None)),
        # ... its own "by", not one deeper in the phrase (from a review)
        ("A report from the committee chaired by John Smith says that the plan failed.",
         ("A report from the committee chaired by John Smith", "", "document", None)),
        # "X quoted Y as saying": Y speaks; "X quoted Y as a model and said": X
        ("Prince Saud spoke on Monday. The paper quoted him as saying that taxes would rise by ten percent next year.",
         ("Prince Saud", "person", 0.995)),
        ("Tony Blair quoted Churchill as a model and said that the government would raise taxes by ten percent next year.",
         ("Tony Blair", "person", 1.0)),
    ],
    ids=["document", "pronoun", "institution", "unclear", "name-as-modifier", "spokesman-for", "lawyers-for",
         "spokesman-for-apposition", "research-by", "minister-for", "party-members", "owned-by-a-country", "book-by", "book-titled", "chaired-by", "quoted-as-saying",
         "quoted-as-a-model"],
)
def test_claims_speaker_kind_and_confidence(nlp, text, expected):
    _, claims = claims_of(nlp, text)
    claim = next(c for c in claims if c.attribution != "none")
    if len(expected) == 4:
        assert (claim.speaker, claim.speaker_entity_id, claim.speaker_kind, claim.speaker_confidence) == expected
    else:
        assert (claim.speaker, claim.speaker_kind, claim.speaker_confidence) == expected
        assert claim.speaker_entity_id != ""


@pytest.mark.parametrize(
    "text,speaker",
    [
        # "Sen." is the article calling him a senator: the one person so called, and the nearest
        ("Sen. Bernie Sanders spoke in Iowa on Monday. The senator said that taxes would rise.", "Bernie Sanders"),
        # the subject of the sentence between is the likelier one, though called nothing: the words stay
        ("Vermont Sen. Bernie Sanders spoke in Iowa on Monday. Donald Trump, the Republican nominee, disagreed. "
         "The senator said that taxes would rise.", "The senator"),
    ],
    ids=["abbreviated-title", "another-person-nearer"],
)
def test_claims_role_speaker_from_an_abbreviated_title(nlp, text, speaker):
    _, claims = claims_of(nlp, text)
    claim = claims[-1]
    assert (claim.speaker, bool(claim.speaker_entity_id)) == (speaker, speaker != "The senator")


@pytest.mark.parametrize(
    "text,speaker,kind,rewrites",
    [
        # an institution's spokeswoman named in apposition speaks as herself: nothing is rewritten
        ("The Scottish Green Party's health spokeswoman, Eleanor Scott, said that the ban would work.",
         "Eleanor Scott", "person", []),
        # unnamed, she speaks for the party, but her words stay: a person of the party is no party (tenth round:
        # the blind gold calls such a phrase its person or no one, never the party; tune's "The Lib Dems' Treasury
        # spokesman" was rewritten "Liberal Democrats")
        ("The Scottish Green Party's health spokeswoman said that the ban would work.",
         "The Scottish Green Party's health spokeswoman", "organisation", []),
        # a former president is not "the president" of the story
        ("Former President Bill Clinton criticised the law in Flint. The White House said that the president had "
         "signed the bill.", "White House", "organisation", []),
    ],
    ids=["spokeswoman-named", "spokeswoman-unnamed", "former-president"],
)
def test_claims_roles_that_do_not_stand_for_a_name(nlp, text, speaker, kind, rewrites):
    _, claims = claims_of(nlp, text)
    claim = claims[-1]
    assert (claim.speaker, claim.speaker_kind, [(r.original, r.replacement) for r in claim.rewrites]) == (speaker, kind, rewrites)


def test_claims_a_he_quoted_by_a_she_is_not_her(nlp):
    # Rakeyia's gender is unknown to the first-name table: "him" in her quotation was rewritten as her;
    # quoted by a "she", a he/him needs a candidate known to be a man (none here), and "she" is hers
    _, claims = claims_of(nlp, 'Rakeyia Scott yelled at the officers. "Don\'t shoot him," she says.')
    assert [(r.original, r.replacement) for r in claims[-1].rewrites] == [("she", "Rakeyia Scott")]


@pytest.mark.parametrize("text, standalone", [
    # a person's "its" is the one organisation their phrase names, not a country owning it, of one word or two
    ("Mukesh Ambani, who is in charge of South Africa's largest company, said that its profits would rise.",
     "Mukesh Ambani, who is in charge of South Africa's largest company, said that its profits would rise."),
    # a predicate says what something is: it is no description to rewrite
    ("Estonia has grown fast. The investment made it the fourth most digitally-savvy nation in Europe.",
     "The investment made it the fourth most digitally-savvy nation in Europe."),
    # a him after "with" may be the subject himself: one man in reach is both
    ("John Smith arrived in Leeds on Monday. He took the documents with him to the meeting.",
     "John Smith took the documents with John Smith to the meeting."),
    # from tune5: "the company" is no public body; a country inside an organisation's name is in reach
    ("The Securities and Exchange Commission is investigating deals. The company said it would cooperate fully.",
     "The company said it would cooperate fully."),
    ("The Securities and Exchange Commission is investigating Acme Insurance. The company said it would cooperate fully.",
     "Acme Insurance said Acme Insurance would cooperate fully."),
    ("The United States buys oil. The Bank of Mexico said the country's exports rose by ten percent last year.",
     "The Bank of Mexico said the country's exports rose by ten percent last year."),
    # a he is not the one named in the words he reports, nor in his verb's object; a naming verb's object may be him
    ("Tony Blair spoke in London on Monday. Mr Blair has the same passion for the job as in 1997, he said.",
     "Mr Blair has the same passion for the job as in 1997, he said."),
    ("Tony Blair spoke in London on Monday. And he confirmed Mr Blair's insistence that no date had been set.",
     "And he confirmed Mr Blair's insistence that no date had been set."),
    # a name owned by another person in the subject's phrase: his is either's; not in the words a speaker reports
    # (ninth round, read on unseen BBC and tune13)
    ("Moazzam Begg was freed on Monday. Moazzam Begg's MP Roger Godsiff welcomed his release.",
     "Moazzam Begg's MP Roger Godsiff welcomed his release."),
    ("Kostas Kenteris was charged on Monday. Kenteris' lawyer Gregory Ioannidis said he was confident.",
     "Kenteris' lawyer Gregory Ioannidis said Gregory Ioannidis was confident."),
    # a he thought of inside a quotation is not its speaker, who says "I" (ninth round, tune14)
    ('Donald Trump spoke on Monday. Michael Tanner said the plan was vague. "I think this is another case where he '
     'has not thought it out," Tanner said.',
     '"I think this is another case where Donald Trump has not thought it out," Tanner said.'),
    # someone a "who" clause describes is a person with no name between: "an architect who said he was stiffed" (tune15)
    ("Donald Trump spoke on Monday. Trump refused to pay an architect who said he was stiffed after the work.",
     "Trump refused to pay an architect who said he was stiffed after the work."),
    # ... nor the subject of the words he goes on to report (ninth round, tune9 politics/012)
    ("Tony Blair spoke in London on Monday. He said Mr Blair had spoken with great sincerity.",
     "He said Mr Blair had spoken with great sincerity."),
    ("Neil Kinnock spoke in London on Monday. He will be known Baron Kinnock of Bedwellty.",
     "Neil Kinnock will be known Baron Kinnock of Bedwellty."),
    # ... nor the owner in his predicate (eighth round, tune11); a control without the owner
    ("David Blunkett spoke in London on Monday. He is Mr Blunkett's son, the court heard.",
     "He is Mr Blunkett's son, the court heard."),
    ("David Blunkett spoke in London on Monday. He is the home secretary, the court heard.",
     "David Blunkett is the home secretary, the court heard."),
    # a quote's speaker the words do not name ("said the German") may be the "she" it reports: left as written;
    # a named speaker is not (eighth round, tune4)
    # "the bank" repeats the head of Deutsche Bank's name, but the article called ABN Amro a bank (tune9)
    ("ABN Amro, the Netherlands' largest bank, is cutting jobs after Deutsche Bank did so. The bank said profits "
     "would fall.", "ABN Amro said profits would fall."),
    ('Conchita Martinez beat Anna-Lena Groenefeld in the final. "It was my first final," said the German. '
     '"I think she played a good match."', 'the German: "I think she played a good match."'),
    ('Conchita Martinez beat Anna-Lena Groenefeld in the final. "It was my first final," said Groenefeld. '
     '"I think she played a good match."', 'Anna-Lena Groenefeld: "I think Conchita Martinez played a good match."'),
    # "Shadow foreign secretary Michael Ancram" is no foreign secretary; "DJ" is a title: Margherita Taylor is a she
    ("Shadow foreign secretary Michael Ancram spoke in London on Monday. The foreign secretary said taxes would rise.",
     "The foreign secretary said taxes would rise."),
    ("Michael Ancram, the shadow foreign secretary, spoke in London on Monday. The foreign secretary said taxes would "
     "rise.", "The foreign secretary said taxes would rise."),
    ("Capital Radio DJ Margherita Taylor will select questions to put to him.",
     "Capital Radio DJ Margherita Taylor will select questions to put to him."),
    # an object controls the clause after an "urge": the possessive is not the subject's (here, left as written) but
    # the object's; a plural object is no "his", a purpose clause no control (from a review)
    ("Tim Henman beat Alex Bogdanovic on Monday. But Henman urged Bogdanovic to seize his chance at the next tournament.",
     "But Henman urged Bogdanovic to seize his chance at the next tournament."),
    ("Alex Bogdanovic lost on Monday. The coach urged Bogdanovic to seize his chance.",
     "The coach urged Bogdanovic to seize Alex Bogdanovic's chance."),
    ("Tony Blair spoke on Monday. Blair urged voters to back his party, he said.",
     "Blair urged voters to back Tony Blair's party, he said."),
    ("Ryanair ordered 50 planes to expand its fleet, a spokesman said.",
     "Ryanair ordered 50 planes to expand Ryanair's fleet, a spokesman said."),
    # a company's name may hold a public body's word ("Service"); an association is "the group"; "Vice President
    # Dick Cheney" is "the vice president"; a state's name in a company's name is no country (from a review)
    ("United Parcel Service reported higher profits on Tuesday. The company said fuel costs rose.",
     "United Parcel Service said fuel costs rose."),
    ("The Recording Industry Association of America filed 500 lawsuits on Monday. The group said file-sharing cost "
     "billions.", "Recording Industry Association of America said file-sharing cost billions."),
    ("Vice President Dick Cheney visited Ohio on Monday. The vice president said taxes would fall.",
     "Dick Cheney said taxes would fall."),
    ("The US housing market slowed in March. US timber firm Georgia-Pacific said the country's builders had cut orders.",
     "US timber firm Georgia-Pacific said United States's builders had cut orders."),
], ids=["country-owner", "predicate", "with-him", "no-public-body", "a-company", "country-in-a-name", "reported-words",
        "object", "owner-in-subject", "owner-in-speaker", "thought-in-quote", "who-clause", "reported-subject", "naming-verb", "predicate-owner", "predicate-owner-control",
        "described-beats-named-head", "unnamed-speaker", "unnamed-speaker-control", "shadow-role", "shadow-role-apposition", "dj-title", "object-control",
        "object-control-positive", "plural-object", "purpose-clause", "company-with-service", "association-group",
        "vice-president", "state-in-a-company"])
def test_claims_sixth_round_standalone(nlp, rules_only, text, standalone):
    _, claims = claims_of(nlp, text, settings=rules_only)
    assert claims[-1].standalone_text == standalone


@pytest.mark.parametrize("text, standalone", [
    # an official with no name owns the possessive of his own clause (seventh round, read on unseen BBC sport)
    ("Andy Roddick lost his serve in the first set. Roddick storms into a 40-15 lead when the umpire leaves his seat "
     "to confirm a close line-call.",
     "Roddick storms into a 40-15 lead when the umpire leaves his seat to confirm a close line-call."),
    # "Prince Charles" is not Charles Kennedy: the he of the opening phrase is the Charles named after it
    ("Prince Charles and Camilla Parker Bowles will marry in April, Charles Kennedy said. If he became king, Charles "
     "would be the supreme governor of the Church of England.",
     "If Prince Charles became king, Charles would be the supreme governor of the Church of England."),
], ids=["umpire", "prince"])
def test_claims_seventh_round_standalone(nlp, text, standalone):
    _, claims = claims_of(nlp, text)
    assert claims[-1].standalone_text == standalone


def test_claims_a_demonym_speaker_is_a_person_not_the_nation(nlp):
    # "said the German": the speaker is someone the demonym describes, left as written, not the nation's entity
    text = 'Conchita Martinez beat Anna-Lena Groenefeld in the final. "It was my first final," said the German.'
    _, claims = claims_of(nlp, text)
    assert (claims[-1].speaker, claims[-1].speaker_entity_id, claims[-1].speaker_kind) == ("the German", "", "")


def test_claims_a_reported_speaker_keeps_his_adding(nlp):
    # ", adding:" after a reported verb of saying is that speaker's, not the reporter's (from a review of the ninth
    # round's rule, which climbs from a reported clause that is no speech: "He said Mr Blair had spoken ..., adding:")
    doc = nlp('The Times reported that Mr Blair said he would stay on, adding: "I have a job to do."')
    direct = [a for a in find_attributions(doc) if a.kind == "direct"]
    assert [doc.text[a.source[0]:a.source[1]] for a in direct] == ["Mr Blair"]


@pytest.mark.parametrize("text, expected", [
    # a man with no name is the last sentence's subject: the "he" after is his, not the named owner's (tenth round,
    # from tune16's abc13 page, where five of his he/his were written as the owner)
    ("Usman Hasib runs the salon. The man in red shorts led employees to believe his girlfriend was on the way. "
     "In the video, he says she wanted an appointment.", []),
    # the control: a subject that is no person leaves the named man in reach
    ("Usman Hasib runs the salon. The video in the lobby showed that the room was empty. "
     "In the video, he says she wanted an appointment.", [("he", "Usman Hasib")]),
])
def test_claims_an_unnamed_man_before_keeps_his_he(nlp, text, expected):
    _, claims = claims_of(nlp, text)
    assert [(r.original, r.replacement) for r in claims[-1].rewrites] == expected


def test_claims_an_object_of_a_conjoined_verb_is_not_its_shared_subject(nlp):
    # "him" is the object of "portrayed", whose subject is Schwartz's through "spent ... and": not Schwartz, and who
    # else is unclear (the mogul has no name here), so the words stay (tenth round, from tune16's villagevoice page)
    _, claims = claims_of(nlp, "Tony Schwartz met Donald Trump in 1985. Schwartz had spent 18 months closely shadowing "
                               "the real estate mogul and portrayed him in the book as a brash charmer.")
    assert [(r.original, r.replacement) for r in claims[-1].rewrites] == []


@pytest.mark.parametrize("before, expected", [
    # someone new with no name speaks before a quotation of two sentences: its "he said" is his, not Mr Mennear's
    # (tenth round, from tune16's politics/228)
    ("A Labour spokesman denied the campaign was anti-Semitic. ", ("he", "")),
    # the control: no one new before the quotation
    ("Mr Mennear spoke again. ", ("Andrew Mennear", "person")),
])
def test_claims_someone_new_before_a_quotation_is_its_he(nlp, before, expected):
    text = ('Andrew Mennear said the campaign was insensitive. ' + before +
            '"As we said at the time, pigs will fly. This poster is making a serious point," he said.')
    _, claims = claims_of(nlp, text)
    assert (claims[-1].speaker, claims[-1].speaker_kind) == expected



def test_claims_an_unnamed_subject_whose_the_hangs_on_a_compound_keeps_the_he(nlp):
    # "the Queens native": the parser hangs "the" on "Queens", not on "native"; a person with no name is still the
    # sentence's subject, so the "he" after is not Tony Schwartz (tenth round, from tune16's villagevoice page)
    _, claims = claims_of(nlp, "Tony Schwartz disavowed the book due to remorse about his role in making the future "
                               "president a national figure. “I put lipstick on a pig,” he told the New Yorker’s Jane "
                               "Mayer. If Trump actually read it, Schwartz would have been surprised, telling Mayer, “I "
                               "seriously doubt that Trump has ever read a book straight through in his adult life.” "
                               "However, back in the ’80s the Queens native did at least send back the manuscript of "
                               "The Art of the Deal with a few red Magic Marker corrections, mostly crossing out "
                               "criticisms of some powerful people he apparently had second thoughts about offending.")
    assert [(r.original, r.replacement) for r in claims[-1].rewrites] == []


@pytest.mark.parametrize("text", [
    # a possessive the parser reads as an apposition to the name before it ("his voice breaking"): the name may be
    # the owner (here it is: John Smith) or a thing the model tagged PERSON ("Lady Sings, her autobiography"), so the
    # words stay; leaving it out put in the next man in reach, Peter Jones (a review finding)
    "Peter Jones chaired the meeting on Monday. John Smith, his voice breaking, said the plant would close.",
    # a "which" clause hung on an apposition to a person: the words stay rather than the next man's name
    "Peter Jones praised the deal. John Smith, the bank's chief, which he has run since 2001, said profits would rise.",
])
def test_claims_a_phrase_the_parse_may_misplace_leaves_the_words(nlp, text):
    _, claims = claims_of(nlp, text)
    assert [(r.original, r.replacement) for r in claims[-1].rewrites] == []
