"""Turn GUM's coreference annotation (news and interviews, Wikinews, CC-BY) into the reference format.

    python3 devsets/references/gum_convert.py GUM_DIR [--seed 20261206]

GUM_DIR holds, per document, `NAME.conll` (GUM's `coref/conll/NAME.conll`) and either `NAME.conllu` (GUM's
`dep/NAME.conllu`) or `NAME.sents` (only its `# text = ` lines). The text is rebuilt from the sentence
texts, in GUM's paragraphs where the version marks them (`# newpar`), else the headline, the dateline and
the body each one paragraph; every
third-person pronoun and every short definite description ("the" and up to three lower-case words) becomes a
reference whose antecedent is the name of its GUM chain, or null when the chain holds no name. The
annotators were GUM's (see PROTOCOL.md, round 28): no one here chose an antecedent. Writes
`gumtune.jsonl` and `gumheldout.jsonl` beside this file, the documents split at random by `--seed`, or with
`--one-part gumheldout2` every document to one part (the 16 other interviews, round 13).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their", "theirs",
            "themselves", "it", "its", "itself"}
NOT_NAMES = PRONOUNS | {"i", "me", "my", "we", "us", "our", "you", "your", "this", "that", "these", "those",
                        "who", "which", "what", "one", "the", "a", "an"}
TYPES = {"person": "PERSON", "organization": "ORG", "place": "GPE"}
TITLES = {"President", "Prime", "Minister", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Senator", "Sen", "Rep",
          "Secretary", "General", "Major", "Governor", "Gov", "Chief", "Judge", "Justice", "Professor", "Prof",
          "Rev", "Reverend", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Pope", "Mayor", "Captain",
          "Officer", "Deputy", "Vice", "Chairman", "Director", "Detective", "Sergeant", "Lieutenant", "Colonel",
          "Admiral", "Emeritus", "Foreign", "Defence", "Defense", "State", "Saint", "St", "Father", "Sister"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
AUDIT = Path(__file__).resolve().parent / "gum_audit"
LICENCE = "GUM corpus (Zeldes 2017), annotations CC-BY 4.0; Wikinews text CC-BY 2.5"
LICENCE_BIO = "GUM corpus (Zeldes 2017), annotations CC-BY 4.0; Wikipedia text CC-BY-SA 3.0 (this record is CC-BY-SA 3.0)"


@dataclass
class Mention:
    start: int  # token indices, inclusive
    end: int
    chain: str  # "person-37"
    wiki: str  # "Najib_Razak" or ""


def read_tokens(path: Path) -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [(html.unescape(word), col) for _, word, col in rows]  # some versions write '"' as &quot;


def read_mentions(tokens: list[tuple[str, str]]) -> list[Mention]:
    """GUM's bracket column: "(person-2" opens, "person-2)" closes, "(place-13-Indonesia)" is one token."""
    opened: dict[str, list[tuple[int, str]]] = {}
    mentions = []
    for k, (_, col) in enumerate(tokens):
        if col == "_":
            continue
        for opn, label, close in re.findall(r"(\(?)([^()]+)(\)?)", col):
            chain = "-".join(label.split("-")[:2])
            if opn:
                opened.setdefault(chain, []).append((k, label))
            if close:
                start, full = opened[chain].pop()
                mentions.append(Mention(start, k, chain, full[len(chain) + 1:]))
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def read_sentences(folder: Path, name: str) -> list[tuple[str, bool]]:
    """Each sentence's text, and whether a `# newpar` line (GUM's paragraph mark, in later versions) opens it."""
    path = folder / f"{name}.conllu"
    if not path.exists():
        path = folder / f"{name}.sents"
    sentences, newpar = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            newpar = True
        elif line.startswith("# text = "):
            sentences.append((line[len("# text = "):], newpar))
            newpar = False
    return sentences


def paragraphs(sentences: list[tuple[str, bool]]) -> list[list[str]]:
    """GUM's paragraphs where it marks them; else the headline, the dateline and the body, one paragraph each."""
    if any(newpar for _, newpar in sentences[1:]):
        paras: list[list[str]] = []
        for k, (sentence, newpar) in enumerate(sentences):
            if newpar or k == 0:
                paras.append([])
            paras[-1].append(sentence)
        return paras
    texts = [sentence for sentence, _ in sentences]
    body_from = 2 if len(texts) > 1 and texts[1].split(",")[0] in WEEKDAYS else 1
    return [[t] for t in texts[:body_from]] + ([texts[body_from:]] if texts[body_from:] else [])


def build_text(sentences: list[tuple[str, bool]], tokens: list[tuple[str, str]]):
    """The article text, each token's character span in it, the token index each sentence starts at, and the
    first token after the headline."""
    text = "\n\n".join(" ".join(para) for para in paragraphs(sentences))
    spans, pos = [], 0
    for word, _ in tokens:
        start = text.index(word, pos)
        end = start + len(word)
        gap = text[pos:start].strip()
        if gap and gap not in ("'", "’"):
            raise ValueError(f"token {word!r} not found where expected")
        if gap:  # a version that writes "it's" as "it" + "s": the token keeps its apostrophe
            start = text.index(gap, pos)
        spans.append((start, end))
        pos = end
    firsts, pos = set(), 0
    for sentence, _ in sentences:
        begin = text.index(sentence[:20], pos)
        firsts.add(next(k for k, (s, _) in enumerate(spans) if s >= begin))
        pos = begin + len(sentence)
    headline = len(sentences[0][0])
    headline_end = next((k for k, (s, _) in enumerate(spans) if s >= headline), len(tokens))
    return text, spans, firsts, headline_end


def name_runs(m: Mention, mentions: list[Mention], tokens, firsts: set[int], capital_words: set[str]) -> list[tuple[int, int]]:
    """Runs of capitalised words in a mention that belong to it, not to a mention nested inside it."""
    inner = {k for other in mentions if other.chain != m.chain and m.start <= other.start and other.end <= m.end
             and (other.start, other.end) != (m.start, m.end) for k in range(other.start, other.end + 1)}
    runs, run = [], []
    for k in range(m.start, m.end + 1):
        word = tokens[k][0]
        capital = word[:1].isupper() and word.lower() not in NOT_NAMES and k not in inner
        if capital and k in firsts:  # a sentence's first word is a name if capitalised elsewhere too, or if a
            following = k < m.end and k + 1 not in inner and tokens[k + 1][0][:1].isupper()  # name goes on after it
            capital = word in capital_words or following
        if capital:
            run.append(k)
        elif run:
            runs.append((run[0], run[-1]))
            run = []
    if run:
        runs.append((run[0], run[-1]))
    return runs


def convert(folder: Path, name: str) -> dict:
    tokens = read_tokens(folder / f"{name}.conll")
    mentions = read_mentions(tokens)
    text, spans, firsts, headline_end = build_text(read_sentences(folder, name), tokens)
    # words capitalised somewhere other than a sentence's start or the headline: names, not sentence case
    capital_words = {w for k, (w, _) in enumerate(tokens) if k >= headline_end and k not in firsts and w[:1].isupper()}

    def surface(a: int, b: int) -> str:
        return text[spans[a][0]:spans[b][1]]

    spellings: dict[str, list[str]] = {}
    wiki: dict[str, str] = {}
    name_spans: dict[tuple[int, int], str] = {}  # each run of a name in the text -> its chain (`benchmarks/gum_entities.py`)
    for m in mentions:
        if m.wiki:
            wiki[m.chain] = m.wiki.replace("_", " ")
        if m.start < headline_end:
            continue
        whole = _whole_name(m, tokens, mentions)
        if whole:  # "Andy Warhol Foundation for the Visual Arts", whose first words are another mention too
            spellings.setdefault(m.chain, []).append(surface(*whole))
        for a, b in name_runs(m, mentions, tokens, firsts, capital_words):
            if tokens[b][0] in ("'s", "’s"):
                b -= 1
            if b >= a:
                spellings.setdefault(m.chain, []).append(surface(a, b))
                name_spans[(spans[a][0], spans[b][1])] = m.chain
    types = {m.chain: _chain_type(m.chain, mentions, tokens) for m in mentions}
    entities = {}
    for chain in set(spellings) | set(wiki):
        names = set(spellings.get(chain, []))
        person = types[chain] == "PERSON"
        if person:  # "Prime Minister John Key" is also "John Key" and "Key"; "Pan-democrat Gary Fan" is "Gary Fan"
            names |= {_untitled(n) for n in names} | {" ".join(n.split()[k:]) for n in names
                                                       if not any(w in CONNECTORS for w in n.split())
                                                       for k in range(1, len(n.split()))}
        names = sorted(names, key=lambda s: (-len(s.split()), s))
        plain = [n for n in names if not any(w in CONNECTORS for w in n.split())]  # "Cres Eastman", not "Chairman of"
        canonical = wiki.get(chain) or (_untitled(plain[0]) if person and plain else names[0])
        entities[chain] = {"name": canonical, "type": types[chain],
                           "spellings": sorted({canonical, *names})}

    for chain, country in _governments(mentions, tokens, entities).items():
        entities.setdefault(chain, {**entities[country], "spellings": list(entities[country]["spellings"])})
    by_token: dict[tuple[int, int], Mention] = {(m.start, m.end): m for m in mentions}
    references = []
    for k, (word, _) in enumerate(tokens):
        if word.lower() not in PRONOUNS:
            continue
        m = by_token.get((k, k))
        references.append(_reference(spans[k], word, "pronoun", m and entities.get(m.chain),
                                     "no_named_antecedent" if m else "not_a_gum_mention"))
    for m in mentions:
        words = [tokens[k][0] for k in range(m.start, m.end + 1)]
        if (words[0].lower() == "the" and 2 <= len(words) <= 4
                and not any(w[:1].isupper() or not w[:1].isalpha() for w in words[1:])):
            references.append(_reference((spans[m.start][0], spans[m.end][1]), surface(m.start, m.end), "description",
                                         entities.get(m.chain), "no_named_antecedent"))
    references = sorted(references, key=lambda r: r["start"])
    entity_list = _audited(name, references, list(entities.values()))
    used = {r["antecedent"] for r in references if r["antecedent"]}
    return {"dataset": "gum", "id": name, "text": text, "licence": LICENCE_BIO if "_bio_" in name else LICENCE,
            "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "text_length": len(text),
            "entities": sorted((e for e in entity_list if e["name"] in used), key=lambda e: (e["name"], e["spellings"], e["type"])),
            "references": references, "speakers": [],
            "names": [{"start": a, "end": b, "text": text[a:b], "chain": chain, "type": types[chain]}
                      for (a, b), chain in sorted(name_spans.items())]}


def _audited(name: str, references: list[dict], entities: list[dict]) -> list[dict]:
    """Apply the blind audit of the converted gold (`gum_audit/NAME.tsv`, PROTOCOL round 28): `REF` lines set a
    reference's antecedent (checked against its words), `SPELLING` lines give an entity's complete list of forms
    (merging entities of that name, or adding one). Returns the entities."""
    path = AUDIT / f"{name}.tsv"
    if not path.exists():
        return entities
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if fields[0] == "REF":
            k, antecedent, words, reason = int(fields[1]), fields[2], fields[3], fields[4]
            ref = references[k]
            if ref["text"] != words:
                raise ValueError(f"{name}: audit line for reference {k} is about {words!r}, not {ref['text']!r}")
            ref["antecedent"] = None if antecedent == "null" else antecedent
            ref["why"] = f"audit: {reason}" if antecedent == "null" else None
            ref["antecedent_type"] = "OTHER"  # a name's type is its entity's, set below
            ref["audited"] = True
        elif fields[0] == "SPELLING":
            entity, forms = fields[1], [f for f in fields[2].split("|") if f]
            same = [e for e in entities if e["name"] == entity]
            kind = same[0]["type"] if same else "OTHER"
            entities = [e for e in entities if e["name"] != entity]
            entities.append({"name": entity, "type": kind, "spellings": sorted({entity, *forms})})
    types = {e["name"]: e["type"] for e in entities}
    for ref in references:  # an audited name's type is its entity's (OTHER for one the audit added)
        if ref.get("audited") and ref["antecedent"] is not None:
            ref["antecedent_type"] = types.get(ref["antecedent"], "OTHER")
    return entities


CONNECTORS = {"of", "for", "the", "and", "de", "du", "la", "von", "van", "&", "-", "on", "in", "at"}


def _whole_name(m: Mention, tokens, mentions: list[Mention] = ()) -> tuple[int, int] | None:
    """The mention's span (without "the" and "'s") when it is one name throughout: capitalised words joined by
    connectors, ending in a capitalised word; not two named things joined by "and" ("Endeavour and Atlantis")."""
    nested = [o for o in mentions if o.chain != m.chain and m.start <= o.start and o.end <= m.end]
    if len(nested) >= 2 and any(tokens[k][0] == "and" for k in range(m.start, m.end + 1)):
        return None
    a, b = m.start, m.end
    if tokens[a][0].lower() == "the":
        a += 1
    if tokens[b][0] in ("'s", "’s"):
        b -= 1
    words = [tokens[k][0] for k in range(a, b + 1)]
    if (len(words) < 3 or not words[-1][:1].isupper() or words[0].lower() in NOT_NAMES
            or not all(w[:1].isupper() or w.lower() in CONNECTORS for w in words)):
        return None
    return a, b


def _chain_type(chain: str, mentions: list[Mention], tokens) -> str:
    """GUM's entity type; in versions that number chains without a type, a chain a he or she refers to is a person."""
    if chain.split("-")[0] in TYPES:
        return TYPES[chain.split("-")[0]]
    gendered = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
    if any(m.chain == chain and m.start == m.end and tokens[m.start][0].lower() in gendered for m in mentions):
        return "PERSON"
    return "OTHER"


def _untitled(name: str) -> str:
    """A person's name without the titles before it: "Prime Minister John Key" is John Key."""
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def _governments(mentions: list[Mention], tokens, entities: dict) -> dict[str, str]:
    """An unnamed chain holding "the <named place> government" stands for that place: PROTOCOL rule 3 ("the
    government" gets the country whose government is meant), applied to GUM's chains."""
    found = {}
    for m in mentions:
        if m.chain in entities or tokens[m.end][0].lower() != "government":
            continue
        inner = [o for o in mentions if o.chain in entities and m.start < o.start <= o.end < m.end]
        if len(inner) == 1 and entities[inner[0].chain]["type"] in ("GPE", "OTHER"):
            found[m.chain] = inner[0].chain
    return found


def _reference(span: tuple[int, int], text: str, kind: str, entity: dict | None, why_null: str) -> dict:
    return {"start": span[0], "end": span[1], "text": text, "kind": kind,
            "antecedent": entity["name"] if entity else None,
            "antecedent_type": entity["type"] if entity else "OTHER", "why": None if entity else why_null}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--one-part", metavar="SPLIT", help="write every document to SPLIT.jsonl, unshuffled")
    args = parser.parse_args()
    names = sorted(p.stem for p in args.folder.glob("*.conll"))
    records = [convert(args.folder, name) for name in names]
    here = Path(__file__).resolve().parent
    if args.one_part:
        parts = [(args.one_part, records)]
    else:
        random.Random(args.seed).shuffle(records)
        half = len(records) // 2
        parts = [("gumtune", records[:half]), ("gumheldout", records[half:])]
    for split, part in parts:
        (here / f"{split}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part),
                                             encoding="utf-8")
        print(split, len(part), sum(len(r["references"]) for r in part), "references")


if __name__ == "__main__":
    main()
