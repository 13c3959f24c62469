"""Annotation helper for the blind reference dev set (no claimpipe import).

show SPLIT N   : print article N of SPLIT with pronoun [P#], description candidates [D#]
                 and reporting-cue candidates [S#] marked inline, for a human to read.
build SPLIT    : turn decisions/SPLIT/N.txt files into SPLIT.jsonl.
checkone SPLIT N : build article N from decisions/SPLIT/N.txt and check it, writing nothing.
check          : verify every span of the jsonl files slices its text exactly.

The texts are read from ../shared/data at run time and never written into the repo.
"""
import gzip, hashlib, json, re, sys, tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent.parent / "shared" / "data"  # ../shared/data beside the repository
LISTS = HERE / "articles.json"

PRONOUNS = ("he him his himself she her hers herself they them their theirs themselves "
            "it its itself").split()
PRON_RE = re.compile(r"\b(" + "|".join(PRONOUNS) + r")\b", re.I)
DESC_NOUNS = ("company firm country nation president minister group club side singer party government "
              "bank star actor actress chancellor premier leader team champion champions player "
              "manager coach state city court judge agency department administration campaign "
              "organisation organization corporation giant maker retailer carrier airline "
              "network broadcaster band chairman chief secretary prime governor senator candidate "
              "nominee republican democrat newspaper paper magazine fund union board committee "
              "commission council regulator watchdog body institution university school website site "
              "service studio label brand operator conglomerate insurer lender producer "
              "developer publisher channel station festival show film movie event league "
              "federation association ministry office republic kingdom region province squad "
              "striker midfielder defender keeper goalkeeper captain veteran winner "
              "businessman billionaire tycoon executive boss host comedian rapper musician "
              "director author writer politician lawmaker congressman congresswoman spokesman spokeswoman "
              "administration authorities police army military network chain group's "
              "mogul couple pair duo economy ruling gop").split()
DESC_RE = re.compile(r"\b[Tt]he\s+(?:[A-Za-z-]+\s+){0,2}?(" + "|".join(DESC_NOUNS) + r")s?\b")
CUES = ("said says say saying told tells tell added adds argued argues explained explains stated states "
        "claimed claims insisted insists warned warns noted notes wrote writes asked asks replied replies "
        "continued continues commented comments suggested suggests admitted admits acknowledged "
        "announced announces declared declares responded responds recalled recalls predicted "
        "believes believed thinks thought maintained maintains stressed stresses emphasised emphasized "
        "confirmed confirms denied denies conceded concedes urged urges revealed reveals reported "
        "reports ruled rules wrote argued countered explained insisted tweeted testified").split()
CUE_RE = re.compile(r"\b(" + "|".join(sorted(set(CUES))) + r")\b")
SUBJ_PRON = {"he", "she", "they", "it", "we", "i"}


def page_text(ident):
    """A boilerplate-dev page's article text as trafilatura (2.3.1, comments left out) extracts it: the
    `pages` dataset of round 21 (PROTOCOL.md). Needs the project's venv (`.venv/bin/python`)."""
    import trafilatura  # only this dataset needs it; the BBC and PolNeAR texts are read as they are
    with gzip.open(SHARED / "boilerplate-dev" / "html" / (ident + ".gz"), "rt", encoding="utf-8", errors="replace") as fh:
        return trafilatura.extract(fh.read(), include_comments=False) or ""


def load_text(dataset, ident):
    if dataset == "pages":
        return page_text(ident)
    if dataset == "bbc":
        with gzip.open(SHARED / "bbc-news" / "bbc_news_2225.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] == ident:
                    return rec["text"]
        raise KeyError(ident)
    with tarfile.open(SHARED / "polnear-dev" / "polnear_dev.tar.gz") as tar:
        for m in tar.getmembers():
            if m.name.endswith("data/dev/text/" + ident):
                return tar.extractfile(m).read().decode("utf-8")
    raise KeyError(ident)


def candidates(text):
    prons = [(m.start(), m.end()) for m in PRON_RE.finditer(text)]
    descs = [(m.start(), m.end()) for m in DESC_RE.finditer(text)]
    cues = []
    for m in CUE_RE.finditer(text):
        left = text[max(0, m.start() - 60):m.start()]
        right = text[m.end():m.end() + 40]
        lw = re.findall(r"[A-Za-z']+", left)
        rw = re.findall(r"[A-Za-z']+", right)
        prev = [w for w in lw[-3:]]
        nxt = rw[:1]
        if (any(w.lower() in SUBJ_PRON for w in prev[-2:]) or (nxt and nxt[0].lower() in SUBJ_PRON)
                or any(w.lower() in ("the", "a", "an") for w in lw[-6:])
                or (nxt and nxt[0].lower() in ("the", "a", "an"))):
            cues.append((m.start(), m.end()))
    return prons, descs, cues


def show(split, n):
    ds, ident, _ = json.loads(LISTS.read_text())[split][n]
    text = load_text(ds, ident)
    prons, descs, cues = candidates(text)
    marks = {}
    for i, (s, e) in enumerate(prons, 1):
        marks.setdefault(e, []).append(f"[P{i}]")
    for i, (s, e) in enumerate(descs, 1):
        marks.setdefault(e, []).append(f"[D{i}]")
    for i, (s, e) in enumerate(cues, 1):
        marks.setdefault(e, []).append(f"[S{i}]")
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if i + 1 in marks:
            out.append("".join(marks[i + 1]))
    print(ds, ident, len(text))
    print("".join(out))
    print("DESCS:", {f"D{i}": text[s:e] for i, (s, e) in enumerate(descs, 1)})


def find_nth(text, needle, k, after=0):
    """Offset of the k-th (1-based) whole-word occurrence of needle at or after `after`."""
    pat = re.compile(r"(?<![A-Za-z0-9])" + re.escape(needle) + r"(?![A-Za-z0-9])")
    hits = [m.start() for m in pat.finditer(text) if m.start() >= after]
    if k > len(hits):
        raise ValueError(f"{needle!r} #{k}: only {len(hits)} hits")
    return hits[k - 1]


def parse_target(spec):
    """'Name' -> (name, None); '- why' -> (None, why)."""
    spec = spec.strip()
    if spec.startswith("-"):
        return None, spec[1:].strip() or "other"
    return spec, None


def build_article(split, n, path):
    ds, ident, _ = json.loads(LISTS.read_text())[split][n]
    text = load_text(ds, ident)
    prons, descs, cues = candidates(text)
    entities, etype = [], {}
    refs, speakers = [], []
    seen_p = set()
    for raw in path.read_text().splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("+") else raw.rstrip()
        if not line.strip():
            continue
        note = None
        if " ;; " in line:
            line, note = line.split(" ;; ", 1)
        head, _, rest = line.strip().partition(" ")
        if head == "E":
            parts = [p.strip() for p in rest.split("|")]
            entities.append({"name": parts[0], "type": parts[1], "spellings": [parts[0]] + parts[2:]})
            etype[parts[0]] = parts[1]
            continue
        if head == "T":  # type override for nulls: T TYPE applies to next? keep simple
            continue
        if re.fullmatch(r"P\d+(-P\d+)?", head):
            a, _, b = head.partition("-")
            ids = range(int(a[1:]), int((b or a)[1:]) + 1)
            for i in ids:
                s, e = prons[i - 1]
                refs.append(make_ref(text, s, e, "pronoun", rest, etype, note))
                seen_p.add(i)
            continue
        if re.fullmatch(r"D\d+", head):
            s, e = descs[int(head[1:]) - 1]
            if rest.strip() == "x":
                continue
            # optional trimming: "D3 <the company> = Name"
            refs.append(make_desc(text, s, e, rest, etype, note))
            continue
        if head == "+D":  # +D phrase@k = target
            phrase, _, tgt = rest.partition(" = ")
            phrase, _, k = phrase.partition("@")
            s = find_nth(text, phrase, int(k or 1))
            refs.append(make_ref(text, s, s + len(phrase), "description", tgt, etype, note))
            continue
        if re.fullmatch(r"S\d+", head) or head == "+S":
            # S# speaker_phrase[@k] = target     (+S adds: cue@k | speaker_phrase@k = target)
            if head == "+S":
                cue_part, _, rest = rest.partition(" | ")
                cue, _, ck = cue_part.partition("@")
                cs = find_nth(text, cue, int(ck or 1))
                ce = cs + len(cue)
            else:
                cs, ce = cues[int(head[1:]) - 1]
            phrase, _, tgt = rest.partition(" = ")
            phrase, _, k = phrase.strip().partition("@")
            ss = nearest(text, phrase, cs, int(k) if k else None)
            name, why = parse_target(tgt)
            sp = {"speaker_start": ss, "speaker_end": ss + len(phrase), "speaker_text": phrase,
                  "cue_start": cs, "cue_end": ce, "cue_text": text[cs:ce], "speaker": name}
            if note or why:
                sp["note"] = "; ".join(x for x in (why if why != "other" else None, note) if x)
            speakers.append(sp)
            continue
        raise ValueError(f"{path}: cannot parse {raw!r}")
    missing = [i for i in range(1, len(prons) + 1) if i not in seen_p]
    if missing:
        raise ValueError(f"{path}: pronouns not judged: {missing}")
    refs.sort(key=lambda r: r["start"])
    speakers.sort(key=lambda r: r["cue_start"])
    return {"dataset": ds, "id": ident,
            "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "text_length": len(text), "entities": entities, "references": refs, "speakers": speakers}


def nearest(text, phrase, cue_start, k):
    pat = re.compile(r"(?<![A-Za-z0-9])" + re.escape(phrase) + r"(?![A-Za-z0-9])")
    hits = [m.start() for m in pat.finditer(text)]
    if not hits:
        raise ValueError(f"speaker phrase {phrase!r} not found")
    if k:
        return hits[k - 1]
    return min(hits, key=lambda h: abs(h - cue_start))


def make_ref(text, s, e, kind, spec, etype, note):
    name, why = parse_target(spec.split(" :")[0])
    typ = None
    if " :" in spec:
        typ = spec.split(" :")[1].strip()
    if name is not None and name not in etype:
        raise ValueError(f"unknown entity {name!r}")
    r = {"start": s, "end": e, "text": text[s:e], "kind": kind, "antecedent": name,
         "antecedent_type": typ or (etype[name] if name else "OTHER"), "why": why}
    if note:
        r["note"] = note
    return r


def make_desc(text, s, e, rest, etype, note):
    rest = rest.strip()
    m = re.match(r"<(.+?)>\s*=?\s*(.*)", rest)
    if m:  # narrow the span to a sub-phrase of the candidate
        sub = m.group(1)
        off = text.index(sub, s, e + 40)
        s, e = off, off + len(sub)
        rest = m.group(2)
    elif rest.startswith("="):
        rest = rest[1:]
    return make_ref(text, s, e, "description", rest.strip(), etype, note)


def build(split):
    lists = json.loads(LISTS.read_text())[split]
    out = []
    for n in range(len(lists)):
        p = HERE / "decisions" / split / f"{n}.txt"
        if p.exists():
            out.append(build_article(split, n, p))
    with open(HERE / f"{split}.jsonl", "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(split, len(out), "articles")


def check():
    bad = 0
    for split in json.loads(LISTS.read_text()):
        p = HERE / f"{split}.jsonl"
        if not p.exists():
            continue
        for line in p.read_text(encoding="utf-8").splitlines():
            bad += check_record(json.loads(line))
    print("bad spans:", bad)
    return bad


def check_one(split, n):
    rec = build_article(split, n, HERE / "decisions" / split / f"{n}.txt")
    bad = check_record(rec)
    kinds = {}
    for r in rec["references"]:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"{split} {n} {rec['id']}: bad spans {bad}; references {kinds}; speakers {len(rec['speakers'])}")
    return bad


def check_record(rec):
    """Span, hash, entity and pronoun checks of one record; returns the number of bad spans."""
    bad = 0
    text = load_text(rec["dataset"], rec["id"])
    assert hashlib.sha256(text.encode()).hexdigest() == rec["text_sha256"]
    assert len(text) == rec["text_length"]
    names = {e["name"] for e in rec["entities"]}
    for r in rec["references"]:
        bad += text[r["start"]:r["end"]] != r["text"]
        assert r["antecedent"] is None or r["antecedent"] in names, r
        assert (r["antecedent"] is None) == (r["why"] is not None), r
    for sp in rec["speakers"]:
        bad += text[sp["speaker_start"]:sp["speaker_end"]] != sp["speaker_text"]
        bad += text[sp["cue_start"]:sp["cue_end"]] != sp["cue_text"]
        assert sp["speaker"] is None or sp["speaker"] in names, sp
    prons = {(m.start(), m.end()) for m in PRON_RE.finditer(text)}
    got = {(r["start"], r["end"]) for r in rec["references"] if r["kind"] == "pronoun"}
    assert prons == got, (rec["id"], prons ^ got)
    return bad


def counts():
    """Print per-article and total counts as Markdown tables (used in PROTOCOL.md)."""
    from collections import Counter
    grand = Counter()
    for split in json.loads(LISTS.read_text()):
        if not (HERE / f"{split}.jsonl").exists():
            continue
        total, why_total = Counter(), Counter()
        print(f"\n### {split}\n")
        print("| dataset | id | chars | pronouns | → name | descriptions | → name | null by reason | speakers | → name |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for line in open(HERE / f"{split}.jsonl", encoding="utf-8"):
            rec = json.loads(line)
            c, why = Counter(), Counter()
            for r in rec["references"]:
                c[r["kind"]] += 1
                if r["antecedent"]:
                    c[r["kind"] + "_named"] += 1
                else:
                    why[r["why"]] += 1
            c["speakers"] = len(rec["speakers"])
            c["speakers_named"] = sum(1 for s in rec["speakers"] if s["speaker"])
            whys = ", ".join(f"{k} {v}" for k, v in sorted(why.items())) or "-"
            print(f"| {rec['dataset']} | {rec['id']} | {rec['text_length']} | {c['pronoun']} | {c['pronoun_named']} "
                  f"| {c['description']} | {c['description_named']} | {whys} | {c['speakers']} | {c['speakers_named']} |")
            total.update(c); why_total.update(why)
        whys = ", ".join(f"{k} {v}" for k, v in sorted(why_total.items()))
        print(f"| **{split} total** | | | **{total['pronoun']}** | **{total['pronoun_named']}** | **{total['description']}** "
              f"| **{total['description_named']}** | {whys} | **{total['speakers']}** | **{total['speakers_named']}** |")
        grand.update(total); grand.update({"why_" + k: v for k, v in why_total.items()})
    print("\nboth parts:", dict(grand))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "show":
        show(sys.argv[2], int(sys.argv[3]))
    elif cmd == "build":
        build(sys.argv[2])
    elif cmd == "counts":
        counts()
    elif cmd == "checkone":
        sys.exit(1 if check_one(sys.argv[2], int(sys.argv[3])) else 0)
    elif cmd == "check":
        sys.exit(1 if check() else 0)
