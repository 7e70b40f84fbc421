"""Finding the parts of a letter, and positions under every line ending."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli

from thankyou_lint import Linter, lint
from thankyou_lint.layout import match_signoff, parse_layout
from thankyou_lint.models import LineIndex

EMAIL = """Subject: Thank you - Data Analyst interview

Dear Ms. Reyes,

Thank you for meeting me on Tuesday.

I led the Parcelly reporting rebuild.

Best regards,
Sam Lee
sam@example.com
"""


def test_parts_of_an_email() -> None:
    layout = parse_layout(EMAIL)
    assert layout.subject is not None and "Data Analyst" in layout.subject.text
    assert layout.slice(layout.greeting) == "Dear Ms. Reyes,"
    assert layout.body_text.startswith("Thank you") and layout.body_text.endswith("rebuild.")
    assert len(layout.paragraphs) == 2
    assert layout.signoff_phrase == "best regards"
    assert layout.slice(layout.name) == "Sam Lee"


def test_formal_letter_with_addresses() -> None:
    text = (
        "Sam Lee\n12 High Street\nLeeds LS1 4AB\n\n3 March 2026\n\nDana Reyes\nBrightwave Ltd\n\n"
        "Dear Ms. Reyes,\n\nThank you for the interview.\n\nYours sincerely,\nSam Lee\n"
    )
    layout = parse_layout(text)
    assert layout.slice(layout.greeting) == "Dear Ms. Reyes,"
    assert layout.body_text == "Thank you for the interview."


def test_greeting_on_the_same_line_as_the_body() -> None:
    layout = parse_layout(
        "Hi Tom, thanks so much for the tour of the plant today and the chat.\n\nBest,\nAna"
    )
    assert layout.slice(layout.greeting) == "Hi Tom,"
    assert layout.body_text.startswith("thanks so much")
    assert layout.slice(layout.name) == "Ana"


def test_a_name_run_into_the_first_line_by_two_spaces_greets() -> None:
    # Mail that flattened the greeting's line break, as an e-mail archive keeps it.
    layout = parse_layout("Wade,  Thanks once more for the coffee.\nI liked your view.\nCurtis")
    assert layout.slice(layout.greeting) == "Wade,"
    assert layout.body_text.startswith("Thanks once more")
    # One space after the comma is a sentence: "However, I ..." greets no one.
    plain = parse_layout("However, I wanted to thank you for the coffee.\n\nBest,\nCurtis")
    assert plain.greeting is None


@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        ("Best regards,", "best regards"),
        ("With appreciation and best regards,", "with appreciation and best regards"),
        ("Thanks again, Dana", "thanks again"),
        ("Cheers mate,", "cheers mate"),
        ("Thank you for your time.", None),
        ("Best of luck with the launch.", None),
    ],
)
def test_signoff_lines(line: str, phrase: str | None) -> None:
    found = match_signoff(line)
    assert (found[0] if found else None) == phrase


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_and_column_under_any_line_ending(newline: str) -> None:
    text = EMAIL.replace("\n", newline).replace("Tuesday.", "Tuesday!!!")
    finding = next(f for f in lint(text).findings if f.rule == "tone.exclamations")
    assert text[finding.start : finding.end] == "!!!"
    assert (finding.line, finding.column) == (5, 36)
    assert (finding.end_line, finding.end_column) == (5, 39)


def test_line_index() -> None:
    index = LineIndex("ab\ncd\r\nef")
    assert index.position(0) == (1, 1)
    assert index.position(3) == (2, 1)
    assert index.position(7) == (3, 1)


BODY = "Thank you for meeting with me about the planner role on Monday. I enjoyed the depot tour."


def _parts(text: str) -> dict[str, str]:
    """Part name -> the text of its lines, joined."""
    out: dict[str, list[str]] = {}
    for line, part in parse_layout(text).line_parts():
        if part:
            out.setdefault(part, []).append(line.stripped)
    return {part: "\n".join(lines) for part, lines in out.items()}


@pytest.mark.parametrize(
    ("text", "greeting", "signoff", "signature"),
    [
        # Sign-offs in any wording, a name with a full stop.
        (
            f"Dear Ms. Lee,\n\n{BODY}\n\nHave a great rest of the week,\n\nSam Okafor.\n",
            "Dear Ms. Lee,",
            "Have a great rest of the week,",
            "Sam Okafor.",
        ),
        # "Good day" with no comma; a signature block with title, phone, e-mail, LinkedIn.
        (
            f"Good day, Ms. Lee\n\n{BODY}\n\nThanking you once more,\nSam Okafor\n"
            "Logistics Planner | Harbor Freight Lines\n(555) 201-3344 | sam@example.com\n"
            "linkedin.com/in/samokafor\n",
            "Good day, Ms. Lee",
            "Thanking you once more,",
            "Sam Okafor\nLogistics Planner | Harbor Freight Lines\n"
            "(555) 201-3344 | sam@example.com\nlinkedin.com/in/samokafor",
        ),
        (
            f"Respected Mr. Harrington\n\n{BODY}\n\nYours faithfully\nS. Okafor\n",
            "Respected Mr. Harrington",
            "Yours faithfully",
            "S. Okafor",
        ),
        # Three names at once, with no greeting word.
        (
            f"Ms. Lee, Mr. Kim and Dr. Patel,\n\n{BODY}\n\nWith appreciation,\nSam\n",
            "Ms. Lee, Mr. Kim and Dr. Patel,",
            "With appreciation,",
            "Sam",
        ),
        # A sign-off in words of its own, above a name with pronouns in brackets.
        (
            f"Dear Ms. Lee,\n\n{BODY}\n\nUntil then,\nSam Okafor (they/them)\n",
            "Dear Ms. Lee,",
            "Until then,",
            "Sam Okafor (they/them)",
        ),
        # A dash ends a salutation in mail as a comma does.
        (
            f"Ms. Lee -\n\n{BODY}\n\nRespectfully submitted,\n\nSamuel J. Okafor\n",
            "Ms. Lee -",
            "Respectfully submitted,",
            "Samuel J. Okafor",
        ),
        # A template's slot where the name goes, under an inside address that is a slot too.
        (
            f"(Name and Title of Decision Maker)\n\n(Name of Decision Maker):\n\n{BODY}\n\n"
            "Sincerely,\n(Your name)\n",
            "(Name of Decision Maker):",
            "Sincerely,",
            "(Your name)",
        ),
        # A salutation paragraph of its own, longer than a usual greeting.
        (
            "To the gentleman in the grey blazer who ran the second panel (your name escaped me),"
            f"\n\n{BODY}\n\nRegards,\nSam\n",
            "To the gentleman in the grey blazer who ran the second panel (your name escaped me),",
            "Regards,",
            "Sam",
        ),
    ],
)
def test_greetings_and_closings_of_real_letters(
    text: str, greeting: str, signoff: str, signature: str
) -> None:
    parts = _parts(text)
    assert parts["greeting"] == greeting
    assert parts["body"] == BODY
    assert parts["sign-off"] == signoff
    assert parts["signature"] == signature


def test_business_letter_header_block_and_postscript() -> None:
    text = (
        "Sam Okafor\n12 Elm Road\nLeeds LS2 9JT\n\n14 March 2025\n\nDana Lee\nHead of Planning\n"
        "Northway Ltd.\n3 Quay St\nHull HU1 1AA\n\nRe: Planner interview, 12 March\n\n"
        f"Dear Ms Lee:\n\n{BODY}\n\nSincerely,\n\n\nSam Okafor\n\n"
        "P.S. I attach the route plan we discussed; thank you for suggesting it.\n"
    )
    layout = parse_layout(text)
    parts = _parts(text)
    assert (
        parts["header"].startswith("Sam Okafor\n12 Elm Road") and "Northway Ltd." in parts["header"]
    )
    assert parts["greeting"] == "Dear Ms Lee:"
    assert layout.signoff_phrase == "sincerely"
    assert layout.slice(layout.name) == "Sam Okafor"
    assert "thank you for suggesting it" in layout.parsed_text  # a P.S. is linted


def test_a_name_alone_signs_the_letter() -> None:
    report = lint(f"Dear Ms. Lee,\n\n{BODY}\n\nGregory Alston\n")
    assert not [f for f in report.findings if f.rule == "structure.missing-signoff"]
    unsigned = lint(f"Dear Ms. Lee,\n\n{BODY}\n")
    assert [f for f in unsigned.findings if f.rule == "structure.missing-signoff"]


def test_quoted_reply_below_the_letter_is_not_linted() -> None:
    text = (
        f"Hi Dana,\n\n{BODY}\n\nBest,\nSam\n\n"
        "On Mon, 3 Mar 2025 at 10:02, Dana Lee <dana@example.com> wrote:\n"
        "> Thanks for coming in!!! lol\n"
    )
    layout = parse_layout(text)
    assert layout.slice(layout.quoted).startswith("On Mon")
    assert layout.body_text == BODY
    assert not [f for f in lint(text).findings if f.family.value == "tone"]


def test_explain_layout_prints_each_line_with_its_part(tmp_path: Path) -> None:
    draft = tmp_path / "letter.txt"
    draft.write_text(f"Re: Planner interview\n\nRespected Sir,\n\n{BODY}\n\nThanking you,\nSam\n")
    result = run_cli("--explain-layout", str(draft))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{draft}:"
    assert lines[1].split("|")[0].split() == ["1", "header"]
    assert lines[3].split("|")[0].split() == ["3", "greeting"]
    assert lines[5].split("|")[0].split() == ["5", "body"]
    assert lines[7].split("|")[0].split() == ["7", "sign-off"]
    assert lines[8].split("|")[0].split() == ["8", "signature"]
    missing = run_cli("--explain-layout", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1


def test_explain_layout_shows_a_disable_line_as_written(tmp_path: Path) -> None:
    """A plain-text disable line is no part of the letter; it is shown as the user wrote it,
    marked as a directive, not as an empty line."""
    draft = tmp_path / "letter.txt"
    directive = "# thankyou-lint: disable=tone.emoji"
    draft.write_text(f"Dear Ms. Lee,\n\n{directive}\n{BODY}\n\nBest regards,\nSam Lee\n")
    lines = run_cli("--explain-layout", str(draft)).stdout.splitlines()
    assert [p.strip() for p in lines[3].split("|", 1)] == ["3 directive", directive]
    assert lines[4].split("|")[0].split() == ["4", "body"]


def test_an_address_line_is_not_a_subject_line() -> None:
    text = (
        "Dana Reyes\nSubject Matter Expert Team\nBrightwave Ltd\n\n"
        f"Dear Ms. Reyes,\n\n{BODY}\n\nBest regards,\nSam Lee\n"
    )
    assert parse_layout(text).subject is None
    assert not [f for f in lint(text).findings if f.rule.startswith("structure.vague")]
    assert not [f for f in lint(text).findings if "internal error" in f.message]


SIGNATURE_BLOCK = (
    "Sam Lee\nSenior Data Analyst, Parcelly Ltd.\n+44 7700 900123\nsam.lee@example.com\n"
    "https://samlee.dev\nParcelly Inc."
)


@pytest.mark.parametrize(
    ("closing", "signature", "postscript"),
    [
        ("Best regards,\nSam Lee\n\nI really really need this job!!!", "Sam Lee", None),
        ("Best regards,\nSam Lee\nHire me please!", "Sam Lee", None),
        (f"Best regards,\n{SIGNATURE_BLOCK}\n\nI really need this job!", SIGNATURE_BLOCK, None),
        (
            "Best regards, Sam Lee\n\nI really need this job!\n\nP.S. I attach my SQL samples.",
            "Sam Lee",
            "I really need this job!\n\nP.S. I attach my SQL samples.",
        ),
        (f"Best regards,\n{SIGNATURE_BLOCK}", SIGNATURE_BLOCK, ""),
    ],
)
def test_text_after_the_signature_is_a_postscript(
    closing: str, signature: str, postscript: str | None
) -> None:
    """What goes on under the name is linted as a postscript, "P.S." or not; the lines of a
    signature block (title, phone, e-mail, web, company) stay the signature."""
    text = f"Dear Ms. Lee,\n\n{BODY}\n\n{closing}\n"
    layout = parse_layout(text)
    assert layout.body_text == BODY
    assert layout.signoff_phrase == "best regards"
    assert layout.slice(layout.signature) == signature
    expected = closing.rsplit("\n", 1)[-1] if postscript is None else postscript
    assert layout.slice(layout.postscript) == expected
    if expected:
        assert layout.parsed_text.endswith(expected)


def test_begging_under_the_name_is_found_and_the_letter_is_signed(tmp_path: Path) -> None:
    text = (
        f"Dear Ms. Lee,\n\n{BODY}\n\nBest regards,\nSam Lee\n\nI really really need this job!!!\n"
    )
    rules = {f.rule for f in lint(text).findings}
    assert {"tone.begging", "tone.exclamations"} <= rules
    assert "structure.missing-signoff" not in rules
    draft = tmp_path / "letter.txt"
    draft.write_text(text)
    shown = run_cli("--explain-layout", str(draft)).stdout.splitlines()
    assert shown[-1].split("|")[0].split() == ["8", "postscript"]


REAL_DEV = Path(__file__).resolve().parent / "corpus-real" / "dev"


def _with_apostrophes(text: str, mark: str) -> str:
    return re.sub(r"(?<=\w)['’](?=\w)", mark, text)


def test_a_curly_apostrophe_reads_as_a_straight_one(linter: Linter) -> None:
    """Word processors write "I’ve", "don’t": the same letter with either apostrophe gets
    the same findings and the same card (the pipeline was trained on straight ones)."""
    letters = [p.read_text(encoding="utf-8") for p in sorted(REAL_DEV.glob("*.txt"))]

    def read(mark: str) -> list[tuple[object, ...]]:
        texts = [_with_apostrophes(t, mark) for t in letters]
        return [
            (
                tuple((f.rule, f.start, f.end) for f in r.findings),
                tuple(c.done for c in r.reasons),
            )
            for r in linter.lint_many(texts)
        ]

    assert read("’") == read("'")
