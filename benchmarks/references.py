"""Score stand-alone rewrites and speakers against the blind reference set (`devsets/references/`).

    .venv/bin/python benchmarks/references.py --split tune      # the part the rules may be tuned on
    .venv/bin/python benchmarks/references.py --split heldout   # the part they may not
    .venv/bin/python benchmarks/references.py --split tune2     # fifth round, BBC: a second part to tune on
    .venv/bin/python benchmarks/references.py --split heldout2  # and its held-out half
    .venv/bin/python benchmarks/references.py --split tune3     # tune3 ... tune16: each was a held-out part of 24 to 32
                                                               # articles, measured once, then tuned on
    .venv/bin/python benchmarks/references.py --split heldout15 # ninth round; measured once
    .venv/bin/python benchmarks/references.py --split heldout18 # tenth round: held out for good (news pages, PolNeAR, BBC)
    .venv/bin/python benchmarks/references.py --split heldout19 # end of the tenth round: 2 PolNeAR + 22 BBC, the shipped code
    .venv/bin/python benchmarks/references.py --split heldout20 # eleventh round: 24 BBC, drawn before the round's rules
    .venv/bin/python benchmarks/references.py --split heldout21 # eleventh round: the last two unread PolNeAR (NYT, climate)
    .venv/bin/python benchmarks/references.py --split heldout22 # end of the eleventh round: 24 BBC, the shipped code
    .venv/bin/python benchmarks/references.py --split gumtune   # thirteenth round: GUM's news and interviews,
    .venv/bin/python benchmarks/references.py --split gumheldout # annotated by GUM's annotators (PROTOCOL round 28)
    .venv/bin/python benchmarks/references.py --split gumheldout2 # the 16 other GUM interviews, held out for good
    .venv/bin/python benchmarks/references.py --split gumbio      # GUM's 20 Wikipedia biographies, held out for good
    .venv/bin/python benchmarks/references.py --split all --show-errors

The articles (BBC, PolNeAR dev and, from the tenth round, news pages of boilerplate-dev, drawn at random, see `devsets/references/PROTOCOL.md`) were
annotated by reading the text, without claimpipe's output in view. Each article goes through
`claimpipe.pipeline.run` as a plain-text file; the claims' `rewrites` and speakers are then compared with
the gold by source offsets (the GUM parts carry their text in the gold, CC-BY or, for gumbio, CC-BY-SA, and need no
../shared):

- rewrite precision: rewrites that put in the gold antecedent / rewrites of a gold reference;
- rewrite recall: right rewrites / gold references with a named antecedent that lie inside a claim;
- wrong-name claims: claims holding a gold reference that got at least one wrong name / those claims;
- speaker precision: pronoun or role speakers resolved to the gold speaker / those resolved to a name;
  speaker coverage: right / gold speakers with a name that are the speaker of some claim.

A rewrite over words the annotators did not mark is "unjudged" and counted apart. Needs `../shared/data`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import tarfile
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
GOLD = REPO / "devsets" / "references"
# Parts to tune on, then the held-out parts, whose errors are never shown (PROTOCOL.md tells their history).
SPLITS = ("tune", "tune2", "tune3", "tune4", "tune5", "tune6", "tune7", "tune8", "tune9", "tune10", "tune11", "tune12", "tune13", "tune14", "tune15", "tune16", "heldout", "heldout2", "heldout15", "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "heldout23",
          "gumtune", "gumheldout", "gumheldout2", "gumbio")
DATA = REPO.parent / "shared" / "data"


def held_out(split: str) -> bool:
    """A part whose errors, misses and decisions are never shown: every heldout part, and GUM's biographies."""
    return "heldout" in split or split == "gumbio"


def article_texts(items: list[dict]) -> dict[tuple[str, str], str]:
    """The texts of the gold articles, read from ../shared/data (never copied into the repo)."""
    texts = {("gum", g["id"]): g["text"] for g in items if g["dataset"] == "gum"}  # CC-BY, carried in the gold
    wanted = {(g["dataset"], g["id"]) for g in items} - set(texts)
    if not wanted:
        return texts
    with gzip.open(DATA / "bbc-news" / "bbc_news_2225.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if ("bbc", rec["id"]) in wanted:
                texts[("bbc", rec["id"])] = rec["text"]
    with tarfile.open(DATA / "polnear-dev" / "polnear_dev.tar.gz") as tar:
        for member in tar.getmembers():
            name = Path(member.name).name
            if ("polnear", name) in wanted and "/text/" in member.name:
                texts[("polnear", name)] = tar.extractfile(member).read().decode("utf-8")
    for dataset, ident in sorted(wanted):
        if dataset == "pages":
            texts[(dataset, ident)] = page_text(ident)
    return texts


def page_text(ident: str) -> str:
    """A boilerplate-dev page's article text as trafilatura extracts it (comments left out): the `pages`
    dataset, from round 21 on. Each gold record's `text_sha256` catches a trafilatura that extracts otherwise."""
    import trafilatura

    with gzip.open(DATA / "boilerplate-dev" / "html" / (ident + ".gz"), "rt", encoding="utf-8", errors="replace") as f:
        return trafilatura.extract(f.read(), include_comments=False) or ""


def _norm(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).lower().strip()
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.removeprefix("the ").strip()


def same_entity(replacement: str, antecedent: str | None, entities: list[dict], aliases: list[str] = ()) -> bool:
    """True when the name put in, or a spelling the article used for that entity (`aliases`, from the
    run's entity table: "U.S." for "United States"), is a spelling of the gold antecedent."""
    if antecedent is None:
        return False
    spellings = {_norm(antecedent)}
    for ent in entities:
        if ent["name"] == antecedent:
            spellings.update(_norm(s) for s in ent.get("spellings", []))
    return any(_norm(name) in spellings for name in [replacement, *aliases])


def kind_of(original: str) -> str:
    """The breakdown a rewrite is counted under: he/she, it, they, or a description."""
    word = original.lower()
    if word in ("he", "him", "his", "himself", "she", "her", "hers", "herself"):
        return "he/she"
    if word in ("it", "its", "itself"):
        return "it"
    if word in ("they", "them", "their", "theirs", "themselves"):
        return "they"
    return "description"


@dataclass
class Tally:
    rewrites: int = 0
    right: int = 0
    unjudged: int = 0
    gold_named_in_claims: int = 0
    claims_with_refs: int = 0
    claims_with_wrong_name: int = 0
    speakers_resolved: int = 0
    speakers_right: int = 0
    gold_speakers_named: int = 0
    errors: list[str] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [right, judged]
    decisions: list[tuple[str, float, bool]] = field(default_factory=list)  # (kind, confidence, right)

    def figures(self) -> dict[str, float | int]:
        judged = self.rewrites - self.unjudged
        return {
            "rewrite_precision": round(self.right / judged, 3) if judged else 0.0,
            "rewrite_recall": round(self.right / self.gold_named_in_claims, 3) if self.gold_named_in_claims else 0.0,
            "rewrites_judged": judged, "rewrites_right": self.right, "rewrites_unjudged": self.unjudged,
            "gold_named_refs_in_claims": self.gold_named_in_claims,
            "wrong_name_claim_rate": round(self.claims_with_wrong_name / self.claims_with_refs, 3)
            if self.claims_with_refs else 0.0,
            "claims_with_refs": self.claims_with_refs, "claims_with_wrong_name": self.claims_with_wrong_name,
            "speaker_precision": round(self.speakers_right / self.speakers_resolved, 3) if self.speakers_resolved else 0.0,
            "speaker_coverage": round(self.speakers_right / self.gold_speakers_named, 3)
            if self.gold_speakers_named else 0.0,
            "speakers_resolved": self.speakers_resolved, "speakers_right": self.speakers_right,
            "gold_speakers_named": self.gold_speakers_named,
            "precision_by_kind": {k: f"{r}/{n}" for k, (r, n) in sorted(self.by_kind.items())},
        }


def score_article(gold: dict, doc: dict, tally: Tally) -> None:
    claims = doc["claims"]
    aliases = {e["entity_id"]: e.get("aliases", []) for e in doc.get("entities", [])}
    refs = gold["references"]
    entities = gold.get("entities", [])
    by_start = {}
    for ref in refs:
        by_start[(ref["start"], ref["end"])] = ref
    for claim in claims:
        inside = [r for r in refs if claim["source_start"] <= r["start"] and r["end"] <= claim["source_end"]]
        tally.gold_named_in_claims += sum(r["antecedent"] is not None for r in inside)
        rewritten = [(claim["source_start"] + rw["start"], claim["source_start"] + rw["end"])
                     for rw in claim.get("rewrites", [])]
        for ref in inside:
            if ref["antecedent"] is not None and not any(s < ref["end"] and ref["start"] < e for s, e in rewritten):
                before = claim["text"][: ref["start"] - claim["source_start"]]
                named = any(_norm(sp) in _norm(before) for ent in entities if ent["name"] == ref["antecedent"]
                            for sp in ent.get("spellings", [ent["name"]]))
                tally.errors.append(f"MISSED {gold['id']}: {ref['text']!r} = {ref['antecedent']} "
                                    f"({'named earlier in the claim' if named else 'not in the claim'}) in: "
                                    f"{claim['text'][:140]!r}")
        wrong = False
        for rw in claim.get("rewrites", []):
            start, end = claim["source_start"] + rw["start"], claim["source_start"] + rw["end"]
            ref = next((r for r in inside if r["start"] < end and start < r["end"]), None)
            tally.rewrites += 1
            if ref is None:
                tally.unjudged += 1
                tally.errors.append(f"UNJUDGED {gold['id']}: {rw['original']!r} -> {rw['replacement']!r}")
                continue
            counts = tally.by_kind.setdefault(kind_of(rw["original"]), [0, 0])
            counts[1] += 1
            right = same_entity(rw["replacement"], ref["antecedent"], entities, aliases.get(rw["entity_id"], []))
            tally.decisions.append((kind_of(rw["original"]), rw["confidence"], right))
            if right:
                tally.right += 1
                counts[0] += 1
                tally.errors.append(f"RIGHT {gold['id']}: {rw['original']!r} -> {rw['replacement']!r} "
                                    f"({rw['confidence']})")
            else:
                wrong = True
                tally.errors.append(f"WRONG {gold['id']}: {rw['original']!r} -> {rw['replacement']!r} "
                                    f"(gold {ref['antecedent'] or 'none: ' + str(ref['why'])}) in: {claim['text'][:120]!r}")
        if inside:
            tally.claims_with_refs += 1
            tally.claims_with_wrong_name += wrong
    score_speakers(gold, claims, tally, aliases)


def score_speakers(gold: dict, claims: list[dict], tally: Tally, aliases: dict[str, list[str]]) -> None:
    entities = gold.get("entities", [])
    for sp in gold["speakers"]:
        said = [c for c in claims if c.get("speaker_start") is not None
                and c["speaker_start"] + c["source_start"] - c["start_char"] < sp["speaker_end"]
                and sp["speaker_start"] < c["speaker_end"] + c["source_start"] - c["start_char"]]
        if not said:
            continue
        if sp["speaker"] is not None:
            tally.gold_speakers_named += 1
        claim = said[0]
        words = sp["speaker_text"]
        if not claim.get("speaker_entity_id") or _norm(claim["speaker"]) == _norm(words):
            continue  # left as written
        tally.speakers_resolved += 1
        if same_entity(claim["speaker"], sp["speaker"], entities, aliases.get(claim["speaker_entity_id"], [])):
            tally.speakers_right += 1
        else:
            tally.errors.append(f"SPEAKER {gold['id']}: {words!r} -> {claim['speaker']!r} (gold {sp['speaker']})")


@contextmanager
def pipeline_over(texts: dict[str, str], nlp, lexicon: str | None = None) -> Iterator[Path]:
    """Each text as a plain-text file of a temporary corpus (named by its key), run through claimpipe (with
    `lexicon`'s settings over the shipped ones, if given): the output folder, while the block runs. Shared by
    `gum_entities.py` and `gap.py`."""
    from claimpipe.pipeline import run
    from claimpipe.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        for name, text in texts.items():
            (corpus / name).write_text(text, encoding="utf-8")
        run(corpus, out, nlp=nlp, use_cache=False, settings=Settings(claims_lexicon=lexicon))
        yield out


def run_split(split: str, nlp, lexicon: str | None = None) -> Tally:
    """Run one part through the pipeline (with `lexicon`'s settings over the shipped ones, if given) and score it."""
    items = [json.loads(line) for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    texts = article_texts(items)
    tally = Tally()
    names = {}
    for k, g in enumerate(items):
        if hashlib.sha256(texts[(g["dataset"], g["id"])].encode("utf-8")).hexdigest() != g["text_sha256"]:
            raise SystemExit(f"{g['id']}: the text differs from the annotated one")
        names[f"{k:02d}.txt"] = g
    with pipeline_over({name: texts[(g["dataset"], g["id"])] for name, g in names.items()}, nlp, lexicon) as out:
        docs = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    for doc in docs:
        score_article(names[Path(doc["source"]).name], doc, tally)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--show-misses", action="store_true",
                        help="list gold references with a named antecedent inside a claim that were left as written")
    parser.add_argument("--show-right", action="store_true", help="also list the rewrites that were right")
    parser.add_argument("--lexicon", metavar="TOML", help="claims lexicon settings over the shipped ones (an experiment)")
    parser.add_argument("--dump-decisions", metavar="PATH", help="write (kind, confidence, right) per rewrite")
    args = parser.parse_args()
    if not DATA.is_dir() and not args.split.startswith("gum"):
        raise SystemExit(f"{DATA} is absent: the articles are read from ../shared/data")
    from claimpipe.annotate import load_nlp
    from claimpipe.settings import Settings

    nlp = load_nlp(Settings())
    for split in (SPLITS if args.split == "all" else [args.split]):
        tally = run_split(split, nlp, args.lexicon)
        print(json.dumps({"split": split, **tally.figures()}))
        if held_out(split) and (args.show_errors or args.show_misses or args.show_right or args.dump_decisions):
            print(f"({split} is held out: its errors, misses and decisions are never shown)")
            continue
        if args.show_errors:
            print("\n".join(e for e in tally.errors if not e.startswith(("RIGHT", "MISSED"))))
        if args.show_misses:
            print("\n".join(e for e in tally.errors if e.startswith("MISSED")))
        if args.show_right:
            print("\n".join(e for e in tally.errors if e.startswith("RIGHT")))
        if args.dump_decisions:
            Path(args.dump_decisions).with_suffix(f".{split}.json").write_text(json.dumps(tally.decisions))


if __name__ == "__main__":
    main()
