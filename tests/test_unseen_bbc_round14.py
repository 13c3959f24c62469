"""Fourteenth round: wrong names and speakers read on 40 BBC articles no part holds (`claims/unnamed.py`,
`claims/quote_speakers.py`, `claims/phrases.py`, `claims/resolve.py`, `entities/called_it.py`), each cut down to a
short text with the exact rewrites, speakers or labels the whole pipeline gives, and a control where the evidence is
clear."""

from __future__ import annotations

import json

import pytest

from claimpipe.pipeline import run


def _run(nlp, tmp_path, text: str) -> tuple[list[dict], list[dict]]:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(text, encoding="utf-8")
    run(tmp_path / "c", tmp_path / "o", nlp=nlp, use_cache=False)
    claims = [json.loads(line) for line in (tmp_path / "o" / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    docs = [json.loads(line) for line in (tmp_path / "o" / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    return claims, docs


def _rewrites(claims: list[dict]) -> list[tuple[str, str]]:
    return [(r["original"], r["replacement"]) for c in claims for r in c["rewrites"]]


def _speakers(claims: list[dict]) -> list[tuple[str, str, bool]]:
    """(the claim's first words, speaker, whether the speaker was linked to an entity)."""
    return [(c["text"][:20], c["speaker"], bool(c["speaker_entity_id"])) for c in claims if c["speaker"]]


_PENSIONS = "Union leaders have warned of strikes over pension plans. "
_SPOKESMAN = (_PENSIONS + "On Monday, Tony Blair's official spokesman declined to say whether the prime minister backed "
              "the plans. He said: \"What's important is that there's a process going on.\"")
_BLAIR = (_PENSIONS + "On Monday, Tony Blair declined to say whether he backed the plans. He said: \"What's important is "
          "that there's a process going on.\"")


@pytest.mark.parametrize("text, rewrites, speakers", [
    # politics/042: "He" is the spokesman, whom no name names: neither Blair nor anyone is put in
    (_SPOKESMAN, [], [("He said: \"What's imp", "He", False)]),
    (_BLAIR, [("he", "Tony Blair"), ("He", "Tony Blair")], [("He said: \"What's imp", "Tony Blair", True)]),
    # entertainment/204: a lawyer named in apposition is someone named, and a "he" inside his quotation is not him
    ("US comedian Bill Cosby will not face charges. Cosby's lawyer, Walter M Phillips Jr, said the comedian was pleased "
     "with the decision. \"He looks forward to moving on with his life,\" he said.",
     [("He", "Bill Cosby"), ("his", "Bill Cosby's"), ("he", "Walter M Phillips Jr")],
     [("Cosby's lawyer, Walt", "Walter M Phillips Jr", True), ('"He looks forward to', "Walter M Phillips Jr", True)]),
], ids=["a-names-spokesman", "the-name-itself", "a-named-lawyer"])
def test_a_spokesman_owned_by_a_name_is_not_that_name(_claimpipe_nlp, tmp_path, text, rewrites, speakers):
    claims, _ = _run(_claimpipe_nlp, tmp_path, text)
    assert (_rewrites(claims), _speakers(claims)) == (rewrites, speakers)


def test_the_cardinal_is_someone_unnamed_before_he_will_say(_claimpipe_nlp, tmp_path):
    # politics/060: the Cardinal's words had become Rowan Williams's, the last man named before them
    text = ("Cardinal Cormac Murphy-O'Connor and Dr Rowan Williams appealed for more time. Dr Williams has since "
            "criticised the war. On Friday, the Cardinal will ask the congregation to search for peace. \"It is "
            "possible, it is real,\" he will say.")
    claims, _ = _run(_claimpipe_nlp, tmp_path, text)
    assert (_rewrites(claims), _speakers(claims)) == ([], [('"It is possible, it ', "he", False)])


def test_a_he_opening_a_quotation_is_not_who_introduced_it(_claimpipe_nlp, tmp_path):
    # politics/021: 'Carl Emmerson ... told BBC News: "He thinks ..."' had become Emmerson; he is Mr Brown
    text = ("In his pre-Budget report, Mr Brown surprised some City experts by forecasting strong growth. Many believe "
            "the figure is more likely to be under 3%. Carl Emmerson, from the Institute for Fiscal Studies, told BBC "
            "News: \"He thinks everything will come out in the wash and it will, in fact, be OK.\"")
    claims, _ = _run(_claimpipe_nlp, tmp_path, text)
    assert _rewrites(claims) == [("his", "Brown's"), ("He", "Brown")]


def test_a_quotation_after_another_person_acts_does_not_continue_the_last_speaker(_claimpipe_nlp, tmp_path):
    # politics/357: Dave Prentis's words had gone to Nick Raynsford, whose quotation came before Prentis acted
    text = ("Nick Raynsford said the changes were modest. He insisted the changes were \"very modest\" and designed to "
            "tackle the problem of workers retiring \"very early\". But Unison's general secretary Dave Prentis "
            "criticised the plans. \"If you want world class public services you don't get that by hitting people "
            "as they approach retirement.\"")
    claims, _ = _run(_claimpipe_nlp, tmp_path, text)
    assert _speakers(claims) == [("Nick Raynsford said ", "Nick Raynsford", True),
                                 ("He insisted the chan", "Nick Raynsford", True)]


@pytest.mark.parametrize("text, rewrites", [
    # business/092: "They" are the commission's members, not the firm their words name
    ("A parliamentary commission has now ruled that Turkcell's 70% controlling stake is too high. They say that "
     "Turkcell is a security risk because of alleged business ties with Israel.", []),
    # business/092: "the existing firm" is the other operator, not the one just named
    ("Turkcell signed a contract for the new network in September. The new operator planned to offer subscriptions "
     "for about $180, well below the existing firm's $500 price tag.", []),
    # politics/021: "praised his chancellor for his role": the chancellor's role, not Blair's; the first "his" is Blair's
    ("Gordon Brown presented his pre-Budget report on Thursday. Mr Blair praised his chancellor for his role in "
     "creating economic stability.", [("his", "Gordon Brown's"), ("his", "Blair's")]),
    # sport/260: an object the article names ("their Welsh striker Craig Bellamy") is a candidate like any name
    ("Newcastle have fined their Welsh striker Craig Bellamy two weeks' wages following his row with manager Graeme "
     "Souness.", [("his", "Craig Bellamy's")]),
    # the second read (the pool's 321st to 360th)
    # politics/113: a lone first name has the gender the first-name table gives it, so "his" is not Lucy's
    ("Labour MP Stephen Pound has told of his shock on learning he fathered a daughter.\n\nLucy, 36, tracked down Mr "
     "Pound after her birth mother told her he was known as \"Precious\" at school. Mr Pound found out about it last "
     "year. That happened when Lucy wrote to his Parliamentary office saying she believed he was her father.",
     [("his", "Stephen Pound's"), ("he", "Stephen Pound"), ("her", "Lucy's"), ("her", "Lucy"), ("his", "Stephen Pound's"),
      ("she", "Lucy"), ("he", "Stephen Pound"), ("her", "Lucy's")]),
    # sport/354: "like O'Sullivan, he" is someone compared with O'Sullivan, not O'Sullivan
    ("Ireland coach Eddie O'Sullivan rested his players. We will say nothing of Mike Ruddock poaching eight of the "
     "Dragons side. But, like O'Sullivan, he was well within his rights.", [("his", "Eddie O'Sullivan's")]),
    # the third read (the pool's 361st to 400th)
    # business/331: "the wife of current Disney director John Bryson, and that she" is the wife, whom no name names
    ("The three Disney directors in question - Reveta Bowers, Stanley Gold and Raymond Watson - have all since left the "
     "company, with Ms Bowers and Mr Watson both retiring. The SEC also found that Disney did not disclose that a "
     "subsidiary employed the wife of current Disney director John Bryson, and that she earned more than $1m a year.",
     [("the company", "Disney")]),
    # sport/347: in "With injuries depriving him of key players, coach Andy Robinson has ...", him may be Robinson
    ("Brian Moore believes the England captain should not be a full-back. \"Their creativity depends on quick ball,\" he "
     "explained.\n\nWith injuries depriving him of key players like Wilkinson, coach Andy Robinson has given youngsters "
     "such as Harry Ellis and Jamie Noon a chance.", []),
    # politics/294: "Our correspondent said that ... he added" is the writer's correspondent, not John Prescott
    ("Deputy Prime Minister John Prescott held a private meeting with senior union figures on Thursday night. Our "
     "correspondent said that the talks had been friendly. There was \"some possibility\" of the strike action being "
     "avoided, he added.", []),
], ids=["named-in-what-they-say", "the-existing-firm", "his-chancellor-for-his-role", "a-named-object",
        "a-lone-first-name", "like-someone", "the-wife-of-a-name", "him-before-the-subject", "our-correspondent"])
def test_references_read_on_unseen_bbc(_claimpipe_nlp, tmp_path, text, rewrites):
    claims, _ = _run(_claimpipe_nlp, tmp_path, text)
    assert _rewrites(claims) == rewrites


@pytest.mark.parametrize("text, labels", [
    # business/324: the model's PERSON "Yukos" (ten mentions) is the company its own "it" and "its" say it is
    ("Yukos will return to a US court on Wednesday. Yukos has said it will sue Baikal for $20bn in damages. Yukos "
     "claims its downfall was punishment for the ambitions of its founder.",
     [("Yukos", "ORG"), ("United States", "GPE"), ("Baikal", "PERSON")]),
    # a surname the article gives in full stays a person, whatever "its" follows it
    ("John Smith runs the company's European arm. On Wednesday Smith said its profits rose by 5%.",
     [("John Smith", "PERSON"), ("European", "NORP")]),
], ids=["called-it", "a-full-names-surname"])
def test_a_one_word_person_the_article_calls_it(_claimpipe_nlp, tmp_path, text, labels):
    _, docs = _run(_claimpipe_nlp, tmp_path, text)
    assert [(e["name"], e["label"]) for d in docs for e in d["entities"]] == labels


@pytest.mark.parametrize("text, speakers", [
    # politics/042: "the proposed overhaul" is no cue, and its "the" no speaker; the quotation after the Cabinet
    # Office's statement is not given to it
    ("It is thought the proposed overhaul, due on Thursday, could mean pensions could be based on a \"career "
     "average\" salary. Ministers will be anxious to avoid mass strike action. In a statement on Sunday, the Cabinet "
     "Office said it was reviewing the Civil Service Pension Scheme. \"Unions will of course be consulted about any "
     "proposed changes.\"", [("In a statement on Su", "Cabinet Office", True)]),
    # "On Wednesday Smith said": the parser put Smith in the date's phrase; "its profits" is what Smith reports, not
    # the speaker, so none is given
    ("Acme makes widgets. On Wednesday Smith said its profits rose by 5%.", []),
    # the inverted speaker after the verb is still found
    ("Acme makes widgets. \"Our profits rose by 5%,\" said Smith.", [('"Our profits rose by', "Smith", True)]),
    # ... and so is one set off by commas that the parser made the subject of what is said (tech/281)
    ("Viruses spread fast. By contrast, said Mr Hogan, the code for viruses such as Gaobot were commonly held by many "
     "people.", [("By contrast, said Mr", "Hogan", True)]),
], ids=["proposed-overhaul", "what-smith-reports", "said-smith", "said-mr-hogan-set-off"])
def test_no_speaker_from_an_adjective_or_from_what_is_reported(_claimpipe_nlp, tmp_path, text, speakers):
    claims, _ = _run(_claimpipe_nlp, tmp_path, text)
    assert _speakers(claims) == speakers


def test_a_first_name_alone_stays_a_person_whatever_it_is_called(_claimpipe_nlp, tmp_path):
    # on 2,092 BBC articles a first draft relabelled lone first names ("Robbie", "Emily") whose speech verb reports an
    # "it" (entertainment/137); a clear first name is a person's
    text = ("Michael Eavis runs the festival. When the ID card idea was floated, Mr Eavis' daughter Emily said it would "
            "be \"quite a big step\" for the festival.")
    _, docs = _run(_claimpipe_nlp, tmp_path, text)
    assert [(e["name"], e["label"]) for d in docs for e in d["entities"]] == [("Michael Eavis", "PERSON"), ("Emily", "PERSON")]


def test_a_quotation_goes_on_from_the_speaker_right_before_it(_claimpipe_nlp, tmp_path):
    # politics/198: after Mr Hayman's reported words, his quotation had gone to Mark Oaten, whose quotation came first
    text = ("Lib Dem spokesman Mark Oaten said: \"We must act on binge drinking now.\" Norwich North MP Ian Hayman "
            "acknowledged that binge drinking did cause problems. \"If you come to Norwich on a Friday night you will see "
            "things going on that will make you feel ashamed.\"")
    claims, _ = _run(_claimpipe_nlp, tmp_path, text)
    assert _speakers(claims) == [("Lib Dem spokesman Ma", "Mark Oaten", True), ("Norwich North MP Ian", "Ian Hayman", True),
                                 ('"If you come to Norw', "Ian Hayman", True)]


def test_a_quotation_goes_on_from_a_belief_named_right_before_it(_claimpipe_nlp, tmp_path):
    # sport/003: "But Greene believes he lost the race ..." and then his quotation: his, through the belief; the quotation
    # had kept him only by chance, and the first rule of the round (no one) had lost him
    text = ("Maurice Greene won bronze. \"I will be back,\" he said. But Greene believes he lost the race and his title in "
            "the semi-finals. \"In my semi-final race, I should have won the race but I was conserving energy.\"")
    claims, _ = _run(_claimpipe_nlp, tmp_path, text)
    assert _speakers(claims) == [('"I will be back," he', "Maurice Greene", True), ("But Greene believes ", "Maurice Greene", True),
                                 ('"In my semi-final ra', "Maurice Greene", True), ("I was conserving ene", "Maurice Greene", True)]


def test_a_name_the_model_did_not_tag_is_someone_before_he_said(_claimpipe_nlp, tmp_path):
    # business/004: the analyst's '"...," he said' had become BA's chairman, the last man the model tagged
    text = ("BA chairman Martin Broughton said revenue was better than forecast. Aviation analyst Nick Van den Brul of BNP "
            "Paribas described BA's latest quarterly results as \"pretty modest\". \"It is quite good on the revenue side "
            "but operating margins are down,\" he said.")
    claims, _ = _run(_claimpipe_nlp, tmp_path, text)
    assert [r for r in _rewrites(claims) if r[0] == "he"] == []


def test_a_portfolio_word_must_be_the_persons_own(_claimpipe_nlp, tmp_path):
    # politics/040 (the fourth read, after its measurement): "The foreign secretary" had become Charles Clarke, whom the
    # article called Home Secretary; a portfolio's word before the noun must be one the article gave the person
    text = ("New Home Secretary Charles Clarke vowed the nine men would remain in prison while the law was reviewed. The "
            "foreign secretary insisted it was for Parliament, and not judges, to decide.")
    claims, _ = _run(_claimpipe_nlp, tmp_path, text)
    assert (_rewrites(claims), _speakers(claims)) == ([], [("New Home Secretary C", "Charles Clarke", True),
                                                           ("The foreign secretar", "The foreign secretary", False)])
