"""Markdown, email and Word drafts, made by the tests, linted through the real command."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import docx
from conftest import run_cli

from thankyou_lint.formats import mask_markdown

MARKDOWN = """---
company: Brightwave
interviewer: Dana Reyes
---
# Thank you

Dear **Ms. Reyes**,

Thank you for the [analyst role](https://example.com/jobs/42) interview at *Brightwave*.
At Parcelly I led the dbt rebuild that cut our close from four days to one!!!

<!-- thankyou-lint: disable=tone.emoji -->
I enjoyed meeting the team 😊
<!-- thankyou-lint: enable=tone.emoji -->
The demo was great 😊

Best regards,
Sam Lee
"""


def _findings(result_stdout: str) -> list[dict[str, object]]:
    return json.loads(result_stdout)["files"][0]["findings"]  # type: ignore[no-any-return]


def test_markdown_is_masked_in_place() -> None:
    masked = mask_markdown(MARKDOWN)
    assert len(masked) == len(MARKDOWN)
    assert masked.count("\n") == MARKDOWN.count("\n")
    assert "Dear   Ms. Reyes  ," in masked
    assert "https" not in masked and " analyst role " in masked


def test_markdown_findings_point_at_the_source(tmp_path: Path) -> None:
    draft = tmp_path / "letter.md"
    draft.write_text(MARKDOWN)
    findings = _findings(run_cli("--format", "json", "--no-cache", str(draft)).stdout)
    rules = [f["rule"] for f in findings]
    assert "generic.wrong-name" not in rules  # "**Ms. Reyes**" is still the right name
    bang = next(f for f in findings if f["rule"] == "tone.exclamations")
    assert MARKDOWN[bang["start"] : bang["end"]] == "!!!"  # type: ignore[misc]
    start = MARKDOWN.index("!!!")
    expected = (MARKDOWN[:start].count("\n") + 1, start - MARKDOWN.rindex("\n", 0, start))
    assert (bang["line"], bang["column"]) == expected == (10, 75)
    # The emoji inside the disabled region is silenced; the one after it is not.
    emoji = [f for f in findings if f["rule"] == "tone.emoji"]
    assert [f["line"] for f in emoji] == [15]


def test_per_file_ignores_in_config(tmp_path: Path) -> None:
    (tmp_path / "acme.txt").write_text("Hey Dana,\n\nThanks!!!\n\nCheers,\nSam\n")
    (tmp_path / "other.txt").write_text("Hey Dana,\n\nThanks!!!\n\nCheers,\nSam\n")
    (tmp_path / ".thankyou-lint.toml").write_text(
        '[per-file-ignores]\n"acme*.txt" = ["tone.exclamations", "structure"]\n'
    )
    data = json.loads(run_cli("--format", "json", "--no-cache", ".", cwd=tmp_path).stdout)
    rules = {Path(f["path"]).name: {x["rule"] for x in f["findings"]} for f in data["files"]}
    assert "tone.exclamations" not in rules["acme.txt"]
    assert not any(r.startswith("structure.") for r in rules["acme.txt"])
    assert "tone.exclamations" in rules["other.txt"]


def test_email_subject_and_plain_text_part(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Following up"
    message["From"] = "sam@example.com"
    message["To"] = "dana@example.com"
    message.set_content(
        "Hey Dana,\n\nThank you for the analyst interview at Brightwave!!!\n\nBest,\nSam Lee\n"
    )
    message.add_alternative("<p>Hey Dana,</p><p>Thank you!!!</p>", subtype="html")
    path = tmp_path / "sent.eml"
    path.write_bytes(bytes(message))
    rules = {f["rule"] for f in _findings(run_cli("--format", "json", str(path)).stdout)}
    assert {"structure.vague-subject", "tone.casual-greeting", "tone.exclamations"} <= rules


def test_email_with_only_html(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Thank you for the Data Analyst interview"
    message.set_content(
        "<html><body><p>Dear Dana,</p><p>Thank you, I bombed the SQL part, sorry.</p>"
        "<script>alert(1)</script><p>Best regards,<br>Sam Lee</p></body></html>",
        subtype="html",
    )
    path = tmp_path / "sent.eml"
    path.write_bytes(bytes(message))
    findings = _findings(run_cli("--format", "json", str(path)).stdout)
    assert "excuses.self-deprecation" in {f["rule"] for f in findings}
    assert "alert" not in json.dumps(findings)


def test_word_document_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    for paragraph in [
        "Dear Ms. Reyes,",
        "",
        "Thank you. I bombed the SQL part, sorry.",
        "",
        "Best regards,",
        "Sam Lee",
    ]:
        document.add_paragraph(paragraph)
    path = tmp_path / "letter.docx"
    document.save(str(path))
    findings = _findings(run_cli("--format", "json", str(path)).stdout)
    bombed = next(f for f in findings if f["rule"] == "excuses.self-deprecation")
    assert bombed["line"] == 3  # the third paragraph


def test_unreadable_word_document_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "broken.docx").write_text("not a zip")
    result = run_cli(str(tmp_path / "broken.docx"))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("not a readable Word document (BadZipFile)")


def test_fix_refuses_converted_formats(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Hey Dana,")
    path = tmp_path / "letter.docx"
    document.save(str(path))
    before = path.read_bytes()
    result = run_cli("--fix", str(path))
    assert result.returncode == 2 and "--diff" in result.stderr
    assert path.read_bytes() == before


SILENCED_EMOJI = """Dear Ms. Reyes,

Thank you for meeting with me on Tuesday about the Data Analyst role at Brightwave. I enjoyed \
hearing how your team rebuilt the churn dashboard, and our talk about cohort retention stayed \
with me. At Northwind I automated the weekly sales report in SQL and Python, which saved the \
team six hours a week and removed a class of double-counted refunds. I would bring the same \
habits, and the same patience with stakeholders, to the warehouse migration you described. I \
would also enjoy pairing with your analysts on the retention forecasts you showed me.

<!-- thankyou-lint: disable=tone.emoji -->
I look forward to hearing from you 🙂
<!-- thankyou-lint: enable=tone.emoji -->

Best regards,
Sam Lee
"""


def test_a_silenced_emoji_leaves_no_cross_on_the_card(tmp_path: Path) -> None:
    """The card and the findings never contradict: the emoji the draft silences crosses
    nothing, whether the report is fresh or answered from the cache."""
    draft = tmp_path / "letter.md"
    draft.write_text(SILENCED_EMOJI, encoding="utf-8")
    cache = ["--cache-dir", str(tmp_path / "cache")]
    for _ in ("fresh", "cached"):
        out = run_cli(*cache, str(draft)).stdout
        assert "No findings" in out and "✓ professional" in out
    draft.write_text(SILENCED_EMOJI.replace("disable=", "enable="), encoding="utf-8")
    out = run_cli(*cache, str(draft)).stdout
    assert "tone.emoji" in out and "✗ professional" in out


PLAIN_WITH_DIRECTIVES = """# thankyou-lint: disable=tone.emoji
Dear Ms. Reyes,

Thank you for meeting with me on Tuesday about the Data Analyst role at Brightwave 🙂 I \
enjoyed hearing how your team rebuilt the churn dashboard, and our talk about cohort \
retention stayed with me.
# thankyou-lint: enable=tone.emoji
At Northwind I automated the weekly sales report in SQL and Python, which saved the team six \
hours a week and removed a class of double-counted refunds 🙂 I would bring the same habits \
to the warehouse migration you described, and I look forward to hearing from you.

Best regards,
Sam Lee
"""


def test_plain_text_disable_lines_silence_rules_and_are_not_the_letter(tmp_path: Path) -> None:
    draft = tmp_path / "letter.txt"
    draft.write_text(PLAIN_WITH_DIRECTIVES, encoding="utf-8")
    data = json.loads(run_cli("--format", "json", "--no-cache", str(draft)).stdout)["files"][0]
    # Only the emoji after `enable` is reported, at its place in the source.
    emoji = [f for f in data["findings"] if f["rule"] == "tone.emoji"]
    second = PLAIN_WITH_DIRECTIVES.rindex("🙂")
    lines = PLAIN_WITH_DIRECTIVES.splitlines()
    assert [(f["start"], f["line"]) for f in emoji] == [(second, 6)]
    assert lines[5].startswith("At Northwind")
    # The directive lines are neither greeting, body nor a finding of their own.
    directives = [n for n, line in enumerate(lines, start=1) if line.startswith("#")]
    assert directives == [1, 5]
    assert all(f["line"] not in directives for f in data["findings"])
    structure = [f for f in data["findings"] if f["family"] == "structure"]
    assert [f["rule"] for f in structure] == ["structure.length-advice"]  # a hint on length
    letter = "".join(line for line in PLAIN_WITH_DIRECTIVES.splitlines(True) if "#" not in line)
    draft.write_text(letter, encoding="utf-8")
    plain = json.loads(run_cli("--format", "json", "--no-cache", str(draft)).stdout)["files"][0]
    assert data["metrics"]["words"] == plain["metrics"]["words"]


def test_fix_keeps_plain_text_disable_lines(tmp_path: Path) -> None:
    draft = tmp_path / "letter.txt"
    draft.write_text(PLAIN_WITH_DIRECTIVES, encoding="utf-8")
    run_cli("--fix", "--no-cache", str(draft))
    fixed = draft.read_text(encoding="utf-8")
    assert fixed.count("🙂") == 1  # the silenced one stays; the other is removed
    assert fixed.startswith("# thankyou-lint: disable=tone.emoji\nDear Ms. Reyes,\n")
    assert "retention stayed with me.\n# thankyou-lint: enable=tone.emoji\nAt Northwind" in fixed
