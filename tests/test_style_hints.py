"""Style hints (tone.intensifier, structure.passive-voice, structure.long-sentence) on real
parses: where they fire, the look-alikes they leave alone, the cap, and that they stay hints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from thankyou_lint import Linter
from thankyou_lint.evaluate import evaluate
from thankyou_lint.models import Family, Finding, Reason, Severity

HINTS = ("tone.intensifier", "structure.passive-voice", "structure.long-sentence")


def letter(body: str) -> str:
    return f"Dear Dana,\n\n{body}\n\nBest regards,\nSam Lee"


def hints(linter: Linter, text: str, rule: str) -> list[Finding]:
    return [f for f in linter.lint(text).findings if f.rule == rule]


def spans(linter: Linter, body: str, rule: str) -> list[str]:
    text = letter(body)
    return [text[f.start : f.end] for f in hints(linter, text, rule)]


# A letter a reviewer would pass on every family, with one of each hint in it.
ONLY_HINTS = letter(
    "Thank you for meeting me on Tuesday to talk about the data analyst role at Brightwave. "
    "I am very excited about how your team builds its weekly reports, and I was given a tour "
    "of the new warehouse system by Priya. At Northwind I rebuilt our sales dashboard in SQL "
    "and cut the monthly close from five days to two, which is the kind of work you described "
    "for the first quarter, and I would be glad to bring the same habits of testing every "
    "query against last month's numbers to your cloud migration next year. "
    "I look forward to hearing about the next steps."
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I am very excited about the role.", ["very"]),
        ("I really enjoyed meeting the team.", ["really"]),
        ("It was truly a pleasure to meet the team.", ["truly"]),
        ("I was so impressed by the new dashboard.", ["so"]),
        ("I just wanted to say thank you for the interview.", ["just"]),
        ("I'm just writing to thank you for the interview.", ["just"]),
        ("I really really want to join the team.", ["really really"]),
        ("I really, really want to join the team.", ["really, really"]),
        ("It was a really really good day.", ["really really"]),
    ],
)
def test_intensifier_points_at_the_words(linter: Linter, body: str, expected: list[str]) -> None:
    assert spans(linter, body, "tone.intensifier") == expected


def test_a_doubled_intensifier_is_one_hint_that_names_it(linter: Linter) -> None:
    (found,) = hints(linter, letter("I really really need this job."), "tone.intensifier")
    assert found.message == "'really really' adds emphasis, not meaning."
    assert found.severity is Severity.INFO and found.fix is None


@pytest.mark.parametrize(
    "body",
    [
        "I just finished the SQL course you recommended.",  # time: recently
        "I have just completed the certificate.",
        "The schedule is just as flexible as I had hoped.",  # exactly
        "It is just what I need.",
        "If you need anything else, just say the word.",  # simply
        "Thank you so much for your time.",  # the formula of thanks
        "Thank you very much for your time.",
        "So far I have read the onboarding guide.",
        "I rearranged my week so that I could visit the site.",  # conjunction
        "I enjoyed it, so I wrote to Priya about it.",
        "I was not very confident about the budgeting question.",  # a hedge under negation
        "I don't really know Airflow yet, but I have started the course.",
        "On the very first day I rebuilt the dashboard.",  # identity, not degree
        'Your motto, "really really good coffee", made me smile.',  # quoted
    ],
)
def test_intensifier_leaves_look_alikes_alone(linter: Linter, body: str) -> None:
    assert spans(linter, body, "tone.intensifier") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I was given a tour of the plant.", ["was given"]),
        ("We were asked to solve a scheduling puzzle.", ["were asked"]),
        ("The quarterly report was written by me.", ["was written"]),
        ("I have been asked to present the audit.", ["have been asked"]),
        ("The role was described to me as hybrid, and I was shown the lab.", None),
    ],
)
def test_passive_voice_spans_auxiliary_to_participle(
    linter: Linter, body: str, expected: list[str] | None
) -> None:
    found = spans(linter, body, "structure.passive-voice")
    assert found == (expected or ["was described", "was shown"])


@pytest.mark.parametrize(
    "body",
    [
        "I was impressed by the way your team runs its stand-ups.",  # feelings
        "I am interested in the analyst role.",
        "I am excited about the analyst role.",
        "I was pleased to hear about the mentoring programme.",
        "I was thrilled to meet the team.",
        "I would be thrilled to join the team.",
        "I was deeply moved by the story of the founders.",
        "I was honored to be considered for the role.",  # and the stock "to be considered"
        "I am based in Leeds and can start in May.",  # states with no active form
        "I was born in Lagos and moved to Leeds in 2015.",
        "I am used to working under deadline pressure.",
        "I was supposed to bring my portfolio, so here it is.",
        "Thank you for the chance to be interviewed for the role.",
        "Please let me know whether a decision has been reached.",  # the doer is the reader's
        "If the role is filled, I would be glad to hear about others.",
        "I know it's been a busy week for your team.",  # 'been' is the copula
        "Your team showed me the plant.",  # active
    ],
)
def test_passive_voice_leaves_feelings_states_and_stock_phrases_alone(
    linter: Linter, body: str
) -> None:
    assert spans(linter, body, "structure.passive-voice") == []


LONG = (
    "I wanted to thank you for taking the time to meet with me on Tuesday afternoon to talk"
    " about the data analyst role, the way your team builds its weekly reports for the"
    " regional managers, and the plans you have for moving the whole reporting stack to the"
    " cloud over the next year."
)  # 53 words


def test_long_sentence_spans_the_sentence_and_counts_words(linter: Linter) -> None:
    text = letter(f"Thank you for the interview. {LONG} I look forward to hearing from you.")
    (found,) = hints(linter, text, "structure.long-sentence")
    assert text[found.start : found.end] == LONG
    assert found.message == "This sentence has 53 words; over 40 is hard to follow."


PUNCTUATED = (
    "I enjoyed the tour, the demo, the stand-up, the lunch, the Q&A — and, above all, the talk"
    " with Priya (the lead) about SQL, dbt, Airflow, Looker, Snowflake, and the cloud move,"
    " the rota, the on-call and the budget."
)  # 39 words in 59 tokens


def test_long_sentence_counts_words_not_punctuation(linter: Linter) -> None:
    assert spans(linter, PUNCTUATED, "structure.long-sentence") == []
    longer = PUNCTUATED.replace("and the budget.", "the budget and the roadmap.")  # 41 words
    (found,) = hints(linter, letter(longer), "structure.long-sentence")
    assert found.message == "This sentence has 41 words; over 40 is hard to follow."


def test_long_sentence_splits_paragraphs_the_parser_ran_together(linter: Linter) -> None:
    # Two paragraphs with no full stop between them: neither is over 40 words.
    first = "I enjoyed hearing about the reporting stack and " + " ".join(["the plans"] * 12)
    second = "I look forward to hearing from you about the next steps " + "and the team " * 8
    assert spans(linter, f"{first}\n\n{second}", "structure.long-sentence") == []
    # An emoji before a capital ends a sentence too, though the parser runs on.
    assert spans(linter, f"{first} 🙂 {second}.", "structure.long-sentence") == []
    assert spans(linter, f"{first} and {second}.", "structure.long-sentence") != []


CAPPED_BODY = (
    "I am very excited about the role. The team was really welcoming. I truly enjoyed the tour."
    " The dashboard demo was extremely clear. I am so keen to start."
)


def test_each_hint_is_shown_at_most_three_times_a_letter(linter: Linter) -> None:
    assert spans(linter, CAPPED_BODY, "tone.intensifier") == ["very", "really", "truly"]
    passives = " ".join(
        f"I was {p} the {n}." for p, n in [("given", "plan"), ("shown", "lab"), ("told", "rota")]
    )
    assert len(spans(linter, passives + " I was sent the brief.", "structure.passive-voice")) == 3
    longs = " ".join([LONG] * 4)
    assert len(spans(linter, longs, "structure.long-sentence")) == 3


def test_hints_skip_header_greeting_signoff_and_signature(linter: Linter) -> None:
    header = "Subject: Really really grateful, I was given a tour"
    greeting = "Dear Dana, I was very glad to meet you,"
    signoff = "Very best regards, yours truly,\nSam Lee, who was given a badge"
    text = f"{header}\n\n{greeting}\n\nThank you for the interview.\n\n{signoff}"
    assert [f.rule for f in linter.lint(text).findings if f.rule in HINTS] == []
    # The same words in the body are hinted at.
    body = "Really really grateful, I was given a tour. I was very glad to meet you."
    assert {f.rule for f in linter.lint(letter(body)).findings} >= set(HINTS[:2])


def test_only_hints_do_not_flag_any_family_or_fail_the_run(linter: Linter) -> None:
    report = linter.lint(ONLY_HINTS)
    assert {f.rule for f in report.findings} == {
        "tone.intensifier",
        "structure.passive-voice",
        "structure.long-sentence",
    }
    assert all(f.severity is Severity.INFO for f in report.findings)
    assert report.flagged_families() == set()
    professional = next(r for r in report.reasons if r.reason is Reason.PROFESSIONAL)
    assert professional.done  # a hint never crosses the card


def test_the_command_exits_0_with_only_hints(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(ONLY_HINTS, encoding="utf-8")
    result = run_cli("--format", "json", str(path))
    assert result.returncode == 0, result.stderr
    (entry,) = json.loads(result.stdout)["files"]
    assert {f["rule"] for f in entry["findings"]} == set(HINTS)
    assert run_cli("--fail-on", "info", str(path)).returncode == 1  # they are findings


def test_eval_does_not_count_hints(linter: Linter, tmp_path: Path) -> None:
    (tmp_path / "hints.txt").write_text(ONLY_HINTS, encoding="utf-8")
    labels = {"hints.txt": {family.value: False for family in Family}}
    (tmp_path / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    result = evaluate(tmp_path, linter)
    assert result.mistakes == []
    assert all(score.fp == 0 and score.tn == 1 for score in result.scores)
