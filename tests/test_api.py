"""The library API on real letters and real parses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thankyou_lint import Config, LetterContext, Linter, Report, lint
from thankyou_lint.errors import ConfigError
from thankyou_lint.output.json import json_schema, to_json_output

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
GOOD = (EXAMPLES / "good-letter.txt").read_text(encoding="utf-8")
BAD = (EXAMPLES / "needs-work.txt").read_text(encoding="utf-8")


def rules_of(report: Report) -> set[str]:
    return {f.rule for f in report.findings}


def test_lint_returns_a_report_with_metrics() -> None:
    report = lint(GOOD)
    assert isinstance(report, Report)
    assert report.findings == []
    assert report.metrics.body_words > 100
    assert report.metrics.sentences >= 5
    assert report.metrics.flesch_reading_ease is not None
    assert report.metrics.flesch_kincaid_grade is not None


def test_findings_locate_the_words_that_triggered_them() -> None:
    report = lint(BAD)
    families = {f.family.value for f in report.findings if f.severity.value != "info"}
    assert families == {"excuses", "thanks", "strengths", "tone", "generic", "structure"}
    for finding in report.findings:
        lines = BAD.splitlines()
        assert 0 <= finding.start <= finding.end <= len(BAD)
        assert lines[finding.line - 1][finding.column - 1 :].startswith(
            BAD[finding.start : finding.end].split("\n")[0]
        )
    bombed = next(f for f in report.findings if f.rule == "excuses.self-deprecation")
    assert BAD[bombed.start : bombed.end] == "I bombed"


def test_generic_self_praise_is_one_finding_over_the_whole_claim() -> None:
    """The claim with no concrete strength behind it is a strengths finding over the whole
    clause, asking for evidence; its clichés are generic findings over their own words,
    asking for other wording. No words are explained twice in the same way."""
    report = lint(BAD)
    claims = [f for f in report.findings if f.rule == "strengths.generic-only"]
    assert [BAD[f.start : f.end] for f in claims] == ["I'm a team player and a hard worker"]
    cliches = [f for f in report.findings if f.rule == "generic.cliche"]
    assert [BAD[f.start : f.end] for f in cliches] == ["team player", "hard worker"]
    assert claims[0].suggestion not in {f.suggestion for f in cliches}


def test_findings_are_sorted_and_unique() -> None:
    report = lint(BAD)
    keys = [(f.start, f.end, f.rule) for f in report.findings]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))


def test_lint_many_streams_reports_in_order(linter: Linter) -> None:
    reports = list(linter.lint_many([GOOD, BAD, GOOD]))
    assert [bool(r.findings) for r in reports[:2]] == [False, True]
    # The same letter twice in one run: the second is a near-copy of the first.
    assert {f.rule for f in reports[2].findings} == {"generic.near-copy"}


def test_traps_are_not_findings() -> None:
    text = (
        "Dear Ms. Park,\n\n"
        "Thank you for meeting me at Yo! Sushi's head office on Monday. I'm not sorry I left"
        " retail for operations: at Dockside I cut food waste by 30% in one year. Thanks to the"
        " new ordering system you described, the LOL Analytics dashboards would help the Team"
        " Player Coach programme too. I was sorry to hear about the office move, and I"
        " appreciate that the role involves weekend shifts. I am excited about the role!\n\n"
        "I look forward to hearing from you.\n\nBest regards,\nAlex Kim"
    )
    report = lint(text)
    assert [f for f in report.findings if f.severity.value != "info"] == []


def test_context_checks_the_interviewer_and_company() -> None:
    text = GOOD.replace("Ms. Reyes", "Ms. Reyez")
    context = LetterContext(company="Ledgerline", interviewer="Dana Reyes", role="Data Analyst")
    found = rules_of(lint(text, context=context))
    assert {"generic.wrong-name", "generic.company-missing"} <= found
    assert "generic.role-missing" not in found


def test_front_matter_gives_context() -> None:
    text = "---\ninterviewer: Dana Reyes\ncompany: Brightwave\n---\n" + GOOD.replace(
        "Ms. Reyes", "Mr. Okafor"
    )
    assert "generic.wrong-name" in rules_of(lint(text))


def test_front_matter_does_not_name_the_company_or_role_for_the_letter() -> None:
    """The front matter gives the context; only the letter below it can name them."""
    front = "---\ncompany: {}\ninterviewer: Dana Reyes\nrole: {}\n---\n"
    other = rules_of(lint(front.format("Ledgerline", "Risk Analyst") + GOOD))
    assert {"generic.company-missing", "generic.role-missing"} <= other
    named = rules_of(lint(front.format("Brightwave", "Data Analyst") + GOOD))
    assert not {"generic.company-missing", "generic.role-missing"} & named


def test_config_selects_ignores_and_overrides_severity() -> None:
    only_tone = lint(BAD, config=Config(select=("tone",)))
    assert rules_of(only_tone) and all(r.startswith("tone.") for r in rules_of(only_tone))
    no_tone = lint(BAD, config=Config(ignore=("tone", "excuses.nerves")))
    assert not any(r.startswith("tone.") or r == "excuses.nerves" for r in rules_of(no_tone))
    softened = lint(BAD, config=Config(severity={"tone.begging": "info", "tone.emoji": "off"}))
    begging = [f for f in softened.findings if f.rule == "tone.begging"]
    assert begging and all(f.severity.value == "info" for f in begging)


def test_accept_list_silences_names() -> None:
    text = BAD.replace("Hey Jordan", "Dear Jordan")
    assert "generic.cliche" in rules_of(lint(text))
    accepted = lint(text, config=Config(accept=("team player", "hard worker")))
    assert "generic.cliche" not in rules_of(accepted)


def test_json_output_follows_the_contract() -> None:
    report = lint(BAD).model_copy(update={"path": "needs-work.txt"})
    data = json.loads(to_json_output([report]).model_dump_json())
    assert set(data) == {"files", "summary"}
    entry = data["files"][0]
    assert entry["path"] == "needs-work.txt" and "metrics" in entry
    required = {
        "rule",
        "family",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "suggestion",
    }
    for finding in entry["findings"]:
        assert required <= set(finding)
        assert finding["severity"] in {"error", "warning", "info"}
        assert finding["rule"].startswith(finding["family"] + ".")
    assert data["summary"]["findings"] == len(entry["findings"])
    assert "Finding" in json.dumps(json_schema())


def test_reasons_card_recognises_the_positive_side() -> None:
    text = (
        "Dear Ms. Park,\n\nThank you for Tuesday's conversation about the operations role at"
        " Dockside. You mentioned a concern about my limited SQL experience; since our talk I"
        " have completed the Mode SQL course and rebuilt our stock report in it. I didn't get"
        " the chance to mention that I also led the 2024 warehouse move for 40 staff.\n\n"
        "I look forward to hearing from you.\n\nBest regards,\nAlex Kim"
    )
    report = lint(text)
    card = {c.reason.value: c for c in report.reasons}
    assert len(card) == 5 and all(c.done for c in card.values())
    for check in card.values():
        if check.start is not None and check.end is not None:
            assert text[check.start : check.end] == check.evidence
    # Both news since the talk and the point left out are new information.
    shared = card["shares-new-information"].evidence or ""
    assert "I didn't get the chance" in shared or "since our talk" in shared
    assert "concern" in (card["confronts-objections"].evidence or "")
    assert not [f for f in report.findings if f.family.value == "excuses"]


@pytest.mark.parametrize(
    ("sentence", "shares"),
    [
        # Sympathy is not an apology: the sentence still shares what was left out.
        (
            "I was sorry to hear about the office move, and I didn't get the chance to"
            " mention that I also led the 2024 warehouse move for 40 staff.",
            True,
        ),
        # The writer's own apology makes it an excuse, as `excuses.apology` finds it.
        (
            "I am so sorry that I forgot to mention that I also led the 2024 warehouse move"
            " for 40 staff.",
            False,
        ),
    ],
)
def test_new_information_is_shared_only_without_an_apology(sentence: str, shares: bool) -> None:
    text = (
        "Dear Ms. Park,\n\nThank you for Tuesday's conversation about the operations role at"
        f" Dockside. {sentence}\n\nI look forward to hearing from you.\n\nBest regards,\nAlex Kim"
    )
    report = lint(text)
    card = {c.reason.value: c.done for c in report.reasons}
    assert card["shares-new-information"] is shares
    excuses = [f for f in report.findings if f.rule == "excuses.apology"]
    assert bool(excuses) is not shares


@pytest.mark.parametrize(
    ("sentence", "confronts"),
    [
        ("You mentioned that my experience is more in research than in production.", True),
        ("You asked whether my SQL is strong enough for the reporting work.", True),
        # Not objections: news about their side, and the writer's own question.
        ("You mentioned that the board has approved twenty more hires for next year.", False),
        (
            "I asked a lot about your crane lift, because I like to understand a crew first.",
            False,
        ),
    ],
)
def test_confronting_an_objection_needs_the_interviewers_doubt(
    sentence: str, confronts: bool
) -> None:
    text = (
        "Dear Ms. Park,\n\nThank you for Tuesday's conversation about the operations role at"
        f" Dockside. {sentence} Since our talk I have completed the Mode SQL course and rebuilt"
        " our stock report in it.\n\nI look forward to hearing from you.\n\nBest regards,"
        "\nAlex Kim"
    )
    card = {c.reason.value: c for c in lint(text).reasons}
    assert card["confronts-objections"].done is confronts
    if confronts:
        assert card["confronts-objections"].evidence == sentence


LOOKING_BACK = (
    "Dear Ms. Park,\n\nThank you for Tuesday's conversation about the analyst role at"
    " Dockside. {sentence}\n\nI look forward to hearing from you.\n\nBest regards,\nAlex Kim"
)


@pytest.mark.parametrize(
    ("sentence", "dwells", "confronts"),
    [
        # Looking back at a weak answer and leaving it there is an excuse ...
        ("I know the technical questions did not go as well as I wanted.", True, False),
        ("I didn't explain it well on the spot, and I wish I had answered better.", True, False),
        # ... giving the better answer now is answering the objection (issue 15).
        (
            "I did not answer the ranking question well. I would now use a window function"
            " over the weekly sales.",
            False,
            True,
        ),
        (
            "I'd like to clarify how I would rank the stores: a window function over weekly"
            " sales, partitioned by region.",
            False,
            True,
        ),
        # Neither: a reason for wanting the job, and an interviewer's plain question.
        ("The reason I'm drawn to this job is the inventory work your team does.", False, False),
        ("You asked about the bus schedule, and I enjoyed the tour of the depot.", False, False),
    ],
)
def test_a_weak_answer_is_an_excuse_until_the_better_answer_is_given(
    sentence: str, dwells: bool, confronts: bool
) -> None:
    report = lint(LOOKING_BACK.format(sentence=sentence))
    card = {c.reason.value: c.done for c in report.reasons}
    assert [f.family.value for f in report.findings].count("excuses") == dwells
    assert card["confronts-objections"] is confronts


def test_the_card_is_the_same_whichever_rules_are_selected(linter: Linter) -> None:
    """The card reads the whole parse: selecting only parse-free rules (tone.emoji) once
    crashed the process, the card's clauses read from a pipeline without a parser."""
    full = linter.lint(GOOD).reasons
    emoji_only = Linter(Config(select=("tone.emoji",)))
    assert emoji_only.lint(GOOD).reasons == full
    assert {"parser", "ner", "lemmatizer"} <= set(emoji_only.nlp.pipe_names)


def test_reasons_card_of_a_weak_letter() -> None:
    report = lint(BAD)
    marks = {c.reason.value: c.mark for c in report.reasons}
    assert marks["reinforces-strengths"] == marks["professional"] == "✗"
    # Nothing to add or answer is no fault: a neutral mark, not a cross.
    assert marks["shares-new-information"] == marks["confronts-objections"] == "–"
    # Every cross is a finding's to explain: "the SQL question" and Jordan are specific.
    assert marks["sets-apart"] == "✓" and "generic.nothing-specific" not in rules_of(report)


def test_settings_naming_an_unknown_rule_fail_when_the_linter_is_made() -> None:
    # Rules load lazily, but a misspelt id in the settings must not wait for a letter.
    for config in (
        Config(select=("tone.nonsense",)),
        Config(severity={"tone.nonsense": "off"}),
        Config(per_file_ignores={"*.md": ("nonsense",)}),
    ):
        with pytest.raises(ConfigError, match="nonsense"):
            Linter(config)


COPIED_LETTER = """Dear Ms. Reyes,

Thank you for meeting with me on Tuesday about the Store Lead role. At Patagonia I ran the \
stockroom for two years, and since joining Trailhead Co-op I have cut our restock time by a \
third. I would love to join {company} and bring the same care to your flagship store.

Best regards,
Sam Lee
"""


@pytest.mark.parametrize("copied", ["Trailhead Co-op", "Patagonia", "Google"])
def test_other_company_named_where_this_one_belongs(copied: str) -> None:
    """A letter copied from another application names that company as the one to join; the
    writer's past employers, named as experience, are not the mistake."""
    context = LetterContext(company="Brightwave", interviewer="Dana Reyes")
    findings = lint(COPIED_LETTER.format(company=copied), context=context).findings
    named = [COPIED_LETTER.format(company=copied)[f.start : f.end] for f in findings]
    flagged = [n for f, n in zip(findings, named, strict=True) if f.rule == "generic.other-company"]
    assert flagged == [copied]
    fixed = lint(COPIED_LETTER.format(company="Brightwave"), context=context)
    assert "generic.other-company" not in rules_of(fixed)
