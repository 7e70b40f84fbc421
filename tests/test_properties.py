"""Property tests: whatever text comes in, the library returns a sound, stable report.

For any text the linter returns a Report whose findings lie inside the text, whose
line/column agree with the offsets (LF, CRLF and CR all end a line), which are sorted
and unique, and which is the same on a second run. The renderers turn any such report
into output without failing.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from thankyou_lint import Linter
from thankyou_lint.errors import InputError, ThankyouLintError
from thankyou_lint.models import Report
from thankyou_lint.output import FORMATS, RenderContext, renderer

LINE_BREAK = re.compile(r"\r\n|\r|\n")

# The session-scoped `linter` fixture is shared on purpose (spaCy loads once); it holds
# no per-example state, so reusing it across examples is safe.
FIXTURE_OK = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
MAIN = settings(max_examples=150, deadline=None, suppress_health_check=FIXTURE_OK)
CHEAP = settings(max_examples=60, deadline=None, suppress_health_check=FIXTURE_OK)

# --- strategies ---------------------------------------------------------------------

ODD = [
    "\u0301",  # combining acute accent
    "\u0308",  # combining diaeresis
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\u00a0",  # no-break space
    "\u2028",  # line separator (not a line break for the linter)
    "\u2029",  # paragraph separator
    "\u0085",  # next line (C1)
    "\u000b",  # vertical tab
    "\u000c",  # form feed
    "\u0000",
    "\u001b",
    "\u007f",
    "\ufeff",  # BOM in the middle of the text
    "\ufffd",
    "\u202e",  # right-to-left override
    "😀",
    "👍🏽",
    "👩‍💻",
    "🇩🇪",
    "İ",  # lower() changes the length
    "ß",
    "ﬁ",
    "Ⅻ",
    "١٢٣",
    "日本語",
    "\U0010ffff",
]
# Lone surrogates: a str can hold them (open(..., errors="surrogateescape") makes them),
# UTF-8 cannot encode them.
SURROGATES = ["\ud800", "\udcff", "\udfff", "\udce9"]
LINE_ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])

broad_text = st.lists(
    st.one_of(
        st.characters(exclude_categories=("Cs",)),  # anything but lone surrogates
        st.sampled_from(ODD),
        st.sampled_from([*" \t\n\r!?.,'\"-—:;*_#>()[]", "\r\n", "!!!", "Dear ", "Best,", "lol"]),
    ),
    max_size=300,
).map("".join)

long_token = st.builds(
    lambda ch, n, pad: pad + ch * n + pad,
    st.sampled_from(["a", "!", "A", "😀", "\u0301", "x\u0301", "-", "."]),
    st.integers(min_value=200, max_value=5000),
    st.sampled_from(["", " ", "\n", "\r\n"]),
)

GREETINGS = [
    "Dear Ms. Reyes,",
    "Hi Tom,",
    "Hey Jordan,",
    "Yo!!",
    "To whom it may concern,",
    "Rob,",
    "Dear Hiring Manager:",
    "",
]
SENTENCES = [
    "Thank you for meeting with me on Tuesday.",
    "Thanks so much for the interview!!!",
    "Sorry I was so nervous, I know I bombed the SQL question.",
    "At Parcelly I rebuilt our subscription reporting in dbt, which cut the close to one day.",
    "I REALLY REALLY want this job lol 😀",
    "I look forward to hearing about the next steps.",
    "Your point about churn in the annual-plan cohort stayed with me.",
    "I am a hard worker and a team player.",
    "What salary range did you have in mind?",
    "u r the best, thx",
    "[Company name] is my dream employer.",
    "Vielen Dank für das freundliche Gespräch am Dienstag.",
    "I'd bring the same patience with stakeholders to the warehouse migration you described.",
    '"Great question," you said.',
    "P.S. I forgot to mention my SQL certificate.",
]
SIGNOFFS = ["Best regards,", "Sincerely,", "Cheers!", "Thanks again, Dana", "xoxo", "— Sam", ""]
NAMES = ["Sam Lee", "Alex", "sam", "", "Sam Lee\nsam@example.com\n+1 555 010 9999"]
HEADERS = ["Subject: Thank you", "Subject:", "To: dana@example.com", "Re: interview"]
FRONT_MATTER = [
    "---\ncompany: Brightwave\ninterviewer: Dana Reyes\n---\n",
    "---\n---\n",
    "---\nrole: Data Analyst\n---\n",
]


@st.composite
def letters(draw: st.DrawFn) -> str:
    """Letter-shaped text: headers, greeting, paragraphs, sign-off, name, odd bits."""
    noise = st.one_of(st.sampled_from(ODD), st.text(max_size=8))
    paragraph = st.lists(
        st.one_of(st.sampled_from(SENTENCES), st.sampled_from(SENTENCES).map(str.upper), noise),
        min_size=1,
        max_size=6,
    ).map(" ".join)
    parts: list[str] = []
    parts += draw(st.lists(st.sampled_from(HEADERS), max_size=2))
    parts.append(draw(st.sampled_from(GREETINGS)))
    parts += draw(st.lists(paragraph, min_size=0, max_size=5))
    parts.append(draw(st.sampled_from(SIGNOFFS)))
    parts.append(draw(st.sampled_from(NAMES)))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from([SENTENCES[-1], "PS: one more thing!!"])))
    gap = draw(st.sampled_from(["\n\n", "\n", "\n \n", "\n\n\n", " "]))
    text = gap.join(parts)
    if draw(st.booleans()):
        text = draw(st.sampled_from(FRONT_MATTER)) + text
    newline = draw(LINE_ENDINGS)
    text = text.replace("\n", newline)
    lead = draw(st.sampled_from(["", "\ufeff", "  ", "\n", "\t"]))
    tail = draw(st.sampled_from(["", "\n", newline * 3, "   ", "\r"]))
    return lead + text + tail


any_text = st.one_of(broad_text, letters(), long_token)

FRONT_MATTER_BLOCK = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)
HEADERS_ONLY = "Subject: Thank you"  # once made parse_layout index past its lines


# --- the oracle ---------------------------------------------------------------------


def line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of a 0-based offset; written independently of LineIndex."""
    line = 0
    while line + 1 < len(starts) and starts[line + 1] <= offset:
        line += 1
    return line + 1, offset - starts[line] + 1


def check_report(report: Report, text: str) -> None:
    """Every finding inside the text, line/column right, sorted by (start, end, rule), unique."""
    assert isinstance(report, Report)
    starts = line_starts(text)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert (f.line, f.column) == position(starts, f.start), f
        assert (f.end_line, f.end_column) == position(starts, f.end), f
    keys = [f.sort_key for f in report.findings]
    assert keys == sorted(keys), keys
    assert len(set(keys)) == len(keys), keys


def lint(linter: Linter, text: str) -> Report | None:
    """The report; None for the one refusal allowed: a broken YAML front matter."""
    try:
        return linter.lint(text)
    except InputError as exc:
        assert FRONT_MATTER_BLOCK.match(text), (text, exc)
        assert "\n" not in str(exc)
        return None


def lint_soundly(linter: Linter, text: str) -> None:
    report = lint(linter, text)
    if report is not None:
        check_report(report, text)


# A postscript after an empty body (greeting, then straight to the sign-off): the layout's
# body span comes out inverted (start > end), the parsed text is shifted by the blank lines
# between them, and everything found in the P.S. points that many characters too far.
PS_AFTER_EMPTY_BODY = "Dear Ms. Reyes,\n\nBest regards,\n\nSam Lee\n\nP.S. I loved it lol!!!"
EXAMPLES = [
    "",
    "\r\n",
    "\r",
    "Dear Sam,\r\rThanks!!!\r\rBest,\rAlex\r",
    "Dear Sam,\r\n\r\nThanks!!!\r\n\r\nBest,\r\nAlex\r\n",
    "---\n---\n",
    "---\ncompany: [\n---\nDear Sam,\n",
    "\ufeffDear Sam,\n\n\u0301\u0301!!!",
    PS_AFTER_EMPTY_BODY,
]


def with_examples(test: Callable[..., None]) -> Callable[..., None]:
    for text in EXAMPLES:
        test = example(text=text)(test)
    return test


# --- properties ---------------------------------------------------------------------


@MAIN
@given(text=any_text)
@example(text=HEADERS_ONLY)
@with_examples
def test_any_text_gives_a_sound_report(linter: Linter, text: str) -> None:
    lint_soundly(linter, text)


@MAIN
@given(text=any_text)
@example(text=PS_AFTER_EMPTY_BODY)
def test_linting_is_deterministic(linter: Linter, text: str) -> None:
    first, second = lint(linter, text), lint(linter, text)
    assert (first and first.model_dump()) == (second and second.model_dump())


@CHEAP
@given(text=any_text)
@example(text=PS_AFTER_EMPTY_BODY)
def test_built_in_rules_never_fail(linter: Linter, text: str) -> None:
    report = lint(linter, text)
    findings = report.findings if report else []
    assert [f for f in findings if f.message.startswith("internal error")] == []


@CHEAP
@given(text=any_text)
@example(text=PS_AFTER_EMPTY_BODY.replace("I loved it lol!!!", "I forgot my SQL certificate."))
# A sentence with no full stop runs on through the blanked sign-off into the P.S.
@example(
    text="Dear Ms. Reyes,\r\n\r\nU R THE BEST, THX\r\n\r\nBest regards,\r\n\r\nSam Lee"
    "\r\n\r\nP.S. I forgot to mention my SQL certificate."
)
def test_report_card_evidence_is_where_it_says(linter: Linter, text: str) -> None:
    report = lint(linter, text)
    for reason in report.reasons if report else []:
        if reason.start is None and reason.end is None:
            continue
        assert reason.start is not None and reason.end is not None, reason
        assert 0 <= reason.start <= reason.end <= len(text), reason
        if reason.evidence is not None:
            assert text[reason.start : reason.end] == reason.evidence, reason


@CHEAP
@given(
    text=st.builds(
        lambda a, s, b: a + s + b,
        st.sampled_from(["", "Dear Sam,\n\nThanks "]),
        st.sampled_from(SURROGATES),
        any_text,
    )
)
@example(text="\ud800")
def test_lone_surrogates_are_linted_or_refused_cleanly(linter: Linter, text: str) -> None:
    try:
        report = linter.lint(text)
    except ThankyouLintError:
        return  # a clear, catchable refusal is fine
    check_report(report, text)


@CHEAP
@given(text=st.one_of(letters(), broad_text))
def test_renderers_accept_any_report(linter: Linter, text: str) -> None:
    path = "drafts/letter.txt"
    linted = lint(linter, text)
    if linted is None:
        return
    report = linted.model_copy(update={"path": path})
    context = RenderContext(
        sources={path: text}, rules={r.meta.id: r.meta for r in linter.rules}, colour=False
    )
    outputs = {}
    for name in FORMATS:
        out = io.StringIO()
        renderer(name)([report], out, context)
        outputs[name] = out.getvalue()

    data = json.loads(outputs["json"])
    assert data["summary"]["files"] == 1
    assert data["summary"]["findings"] == len(report.findings)
    assert [(f["rule"], f["start"], f["end"]) for f in data["files"][0]["findings"]] == [
        (f.rule, f.start, f.end) for f in report.findings
    ]

    sarif = json.loads(outputs["sarif"])
    results = sarif["runs"][0]["results"]
    assert len(results) == len(report.findings)
    for result, finding in zip(results, report.findings, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == finding.line
        assert region["startColumn"] == finding.column
        assert region["charOffset"] == finding.start
        assert region["charLength"] == finding.end - finding.start
        assert region["snippet"]["text"] == text[finding.start : finding.end]

    summary = outputs["text"].rstrip("\n").splitlines()[-1]
    assert summary.startswith(("Found ", "No findings")), summary
