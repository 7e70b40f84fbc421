"""Finding the parts of a letter, and positions under every line ending."""

from __future__ import annotations

import pytest

from thankyou_lint import lint
from thankyou_lint.layout import LineIndex, match_signoff, parse_layout

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
