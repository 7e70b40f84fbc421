"""Safe fixes: --diff shows them, --fix writes them atomically, nothing else is touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT, SHARED_CORPUS, TEAM_CORPUS, run_cli

from thankyou_lint import Finding, Linter, lint
from thankyou_lint.fixes import applied, apply_fixes, write_fixed

CASUAL = (
    "Hey Sam,\n\nthx so much for the chat about the Brightwave analyst role 😊 At Parcelly I"
    " led the dbt rebuild that cut our monthly close from four days to one. THANK YOU SO"
    " MUCH!!!\n\nCheers,\nAna Ruiz\n"
)


def test_safe_fixes_rewrite_the_casual_parts() -> None:
    fixed = apply_fixes(CASUAL, lint(CASUAL).findings)
    assert fixed.startswith("Dear Sam,\n\nthanks so much")
    assert "😊" not in fixed and "!!!" not in fixed and "THANK YOU" not in fixed
    assert "analyst role At Parcelly" in fixed  # the emoji went with the space before it
    assert "Thank you so much!" in fixed
    assert fixed.endswith("Best regards,\nAna Ruiz\n")
    remaining = {f.rule for f in lint(fixed).findings}
    assert not remaining & {
        "tone.casual-greeting",
        "tone.text-speak",
        "tone.emoji",
        "tone.shouting",
        "tone.exclamations",
        "tone.casual-signoff",
    }


@pytest.mark.parametrize(
    ("shouted", "fixed"),
    [
        ("I LOVED THE SQL DEMO AND THE NASA STORY.", "I loved the SQL demo and the NASA story."),
        ("THE PM AND THE HR TEAM WERE GREAT.", "The PM and the HR team were great."),
    ],
)
def test_shouting_is_lowered_but_its_acronyms_are_kept(
    linter: Linter, shouted: str, fixed: str
) -> None:
    """One run of capitals, 'AND' included, written in normal case; the acronyms in it
    ("SQL", "NASA", "PM") keep their capitals."""
    letter = LETTER.format(greeting="Dear Dana,", extra=" " + shouted)
    shouting = [f for f in linter.lint(letter).findings if f.rule == "tone.shouting"]
    assert len(shouting) == 1
    assert fixed in apply_fixes(letter, shouting)


def test_judgement_calls_are_only_suggested() -> None:
    report = lint((ROOT / "examples" / "needs-work.txt").read_text())
    for finding in report.findings:
        if finding.family.value in {"excuses", "strengths", "thanks"}:
            assert finding.fix is None and finding.suggestion


def test_diff_prints_and_changes_nothing(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(CASUAL)
    before = letter.stat().st_mtime_ns
    result = run_cli("--diff", str(letter))
    assert result.returncode == 1
    assert "-Hey Sam," in result.stdout and "+Dear Sam," in result.stdout
    assert letter.read_text() == CASUAL and letter.stat().st_mtime_ns == before


def test_fix_writes_the_file_and_reports_what_is_left(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_bytes(CASUAL.replace("\n", "\r\n").encode())
    result = run_cli("--fix", "--format", "json", str(letter))
    assert "fixed 1 file" in result.stderr
    text = letter.read_bytes().decode()
    assert text.startswith("Dear Sam,\r\n\r\nthanks")  # line endings kept
    assert '"tone.casual-greeting"' not in result.stdout
    assert not list(tmp_path.glob(".letter.txt.*"))  # no temporary file left behind


def test_fix_leaves_a_clean_file_byte_identical(tmp_path: Path) -> None:
    letter = tmp_path / "good.txt"
    letter.write_bytes((ROOT / "examples" / "good-letter.txt").read_bytes())
    before = letter.stat()
    result = run_cli("--fix", str(letter))
    assert result.returncode == 0
    after = letter.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_failed_write_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(CASUAL)

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_fixed(letter, CASUAL, "half-written", "utf-8")
    assert letter.read_text() == CASUAL
    assert [p.name for p in tmp_path.iterdir()] == ["letter.txt"]


def test_fix_refuses_stdin() -> None:
    result = run_cli("--fix", "-", stdin=CASUAL)
    assert result.returncode == 2 and "--diff" in result.stderr


# Every corpus we have: the team's, the real letters and, where present, the shared ones.
CORPORA = (
    TEAM_CORPUS,
    ROOT / "tests" / "corpus-real" / "dev",
    ROOT / "tests" / "corpus-real" / "holdout",
    SHARED_CORPUS,
    SHARED_CORPUS.parent / "corpus-real",
)
LETTER = (
    "{greeting}\n\nThank you for meeting me on Tuesday about the analyst role. I enjoyed"
    " hearing how the team rebuilt its reporting, and my three years of SQL at Parcelly would"
    " help with the migration you described.{extra}\n\nBest regards,\nSam Lee\n"
)


def _fixed_places(findings: list[Finding]) -> list[tuple[str, int, int]]:
    """(rule, start, end) of each applied fix's new text in the fixed letter."""
    places, shift = [], 0
    for finding in applied(findings):
        assert finding.fix is not None
        start = finding.fix.start + shift
        places.append((finding.rule, start, start + len(finding.fix.replacement)))
        shift += len(finding.fix.replacement) - (finding.fix.end - finding.fix.start)
    return places


def _refixable(findings: list[Finding], places: list[tuple[str, int, int]]) -> list[str]:
    """Fixable findings of a rule at the place that rule's fix just rewrote."""
    return [
        f"{f.rule} at {f.start}"
        for f in findings
        for rule, start, end in places
        if f.fix is not None and f.rule == rule and f.start <= end and start <= f.end
    ]


def test_a_second_fix_changes_nothing_on_any_corpus_letter(linter: Linter) -> None:
    """`--fix` is idempotent: what it writes is not flagged again for the same reason."""
    paths = [p for folder in CORPORA for p in sorted(folder.glob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    fixed = {
        path: (apply_fixes(text, report.findings), _fixed_places(report.findings))
        for path, text, report in zip(paths, texts, linter.lint_many(texts), strict=True)
        if applied(report.findings)
    }
    assert len(fixed) >= 20  # the corpora hold enough casual letters to exercise the fixes
    again = linter.lint_many(text for text, _ in fixed.values())
    for (path, (text, places)), report in zip(fixed.items(), again, strict=True):
        assert apply_fixes(text, report.findings) == text, path.name
        assert not _refixable(report.findings, places), path.name


@pytest.mark.parametrize(
    ("greeting", "extra"),
    [
        ("Hey there,", ""),
        ("Hey there Dana,", ""),
        ("Yo there,", ""),
        ("Dear Dana,", " Great meeting!!! Loved the tour!! See you soon!"),
        ("Dear Dana,", " Great meeting!!! I hope the launch goes well!"),
        ("Dear Dana,", " Thanks again! I hope the launch goes well! See you soon!"),
    ],
)
def test_fixed_text_is_not_flagged_again(linter: Linter, greeting: str, extra: str) -> None:
    letter = LETTER.format(greeting=greeting, extra=extra)
    report = linter.lint(letter)
    fixed = apply_fixes(letter, report.findings)
    fixed_rules = {f.rule for f in applied(report.findings)}
    assert fixed_rules, "the letter has something to fix"
    assert not fixed_rules & {f.rule for f in linter.lint(fixed).findings}
    assert apply_fixes(fixed, linter.lint(fixed).findings) == fixed


def test_a_casual_greeting_is_made_formal_in_one_go(linter: Linter) -> None:
    letter = LETTER.format(greeting="Hey there,", extra="")
    assert apply_fixes(letter, linter.lint(letter).findings).startswith("Hello,\n")
    letter = LETTER.format(greeting="Hey there Dana,", extra="")
    assert apply_fixes(letter, linter.lint(letter).findings).startswith("Dear Dana,\n")


def test_exclamations_are_cut_to_the_first_one(linter: Linter) -> None:
    letter = LETTER.format(greeting="Dear Dana,", extra=" Great meeting!!! Loved the tour!!")
    fixed = apply_fixes(letter, linter.lint(letter).findings)
    assert "Great meeting! Loved the tour." in fixed


@pytest.mark.parametrize(
    ("sentence", "fixed"),
    [
        ("It was great to meet you lol.", "It was great to meet you."),
        ("The tour was fun, lmao.", "The tour was fun."),
        ("I loved the tour haha and the demo.", "I loved the tour and the demo."),
        ("Rofl, I was so nervous.", "I was so nervous."),
        ("The demo was fun (lol). OMG. See you soon.", "The demo was fun. See you soon."),
        ("Thanks lol. LOL. The demo was fun.", "Thanks. The demo was fun."),  # not a name
    ],
)
def test_laughter_is_left_out_cleanly(linter: Linter, sentence: str, fixed: str) -> None:
    """Text-speak that only laughs or reacts stands for no words: it is removed, with no
    space left before punctuation and no doubled space."""
    letter = LETTER.format(greeting="Dear Dana,", extra=" " + sentence)
    report = linter.lint(letter)
    laughs = [f for f in report.findings if f.rule == "tone.text-speak"]
    assert laughs and all(f.fix and (f.suggestion or "").startswith("Leave it out") for f in laughs)
    assert apply_fixes(letter, report.findings) == LETTER.format(
        greeting="Dear Dana,", extra=" " + fixed
    )


def test_abbreviations_are_still_written_out(linter: Linter) -> None:
    letter = LETTER.format(greeting="Dear Dana,", extra=" It was gr8 to meet u, thx again.")
    report = linter.lint(letter)
    speak = [f for f in report.findings if f.rule == "tone.text-speak"]
    assert len(speak) == 3
    assert all((f.suggestion or "").startswith("Write the words out") for f in speak)
    assert " It was great to meet you, thanks again." in apply_fixes(letter, report.findings)


def test_lower_case_text_speak_is_no_name_whatever_the_parser_says(linter: Linter) -> None:
    """spaCy reads "gonna" after "lol." as an organisation; names have capitals, so it is
    found on the first run, not only after --fix has removed the "lol"."""
    letter = LETTER.format(
        greeting="Dear Dana,", extra=" I am on my phone lol. gonna start on the react app."
    )
    speak = [letter[f.start : f.end] for f in linter.lint(letter).findings]
    assert "gonna" in speak
