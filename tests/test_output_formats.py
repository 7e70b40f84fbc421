"""SARIF, GitHub and HTML output, on the example letters with real parses.

The HTML page is checked in a real headless Chromium (Debian's `chromium` and
`chromium-driver`); without them the browser tests skip, except in CI, where they fail.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema
import pytest
from conftest import ROOT, headless_chromium, run_cli

from thankyou_lint import Draft, Family, Finding, Linter, Metrics, Report, Severity
from thankyou_lint.output import FORMATS, RenderContext, renderer
from thankyou_lint.output.github import render_github
from thankyou_lint.output.html import render_html
from thankyou_lint.output.sarif import sarif_log

SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
GOOD = "examples/good-letter.txt"
BAD = "examples/needs-work.txt"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def text_of(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def expected(linter: Linter) -> dict[str, Report]:
    """The reports the CLI should render, from the public API, in the CLI's order."""
    reports = linter.lint_drafts(Draft(text_of(p), p) for p in (GOOD, BAD))
    return {r.path or "": r for r in reports}


def context_for(linter: Linter, sources: dict[str, str]) -> RenderContext:
    return RenderContext(sources=sources, rules={r.meta.id: r.meta for r in linter.rules})


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset (LF line ends)."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def finding(rule: str, severity: Severity, text: str, phrase: str, **extra: Any) -> Finding:
    """A hand-built finding on the first occurrence of `phrase` in `text`."""
    start = text.index(phrase)
    end = start + len(phrase)
    (line, column), (end_line, end_column) = position(text, start), position(text, end)
    return Finding(
        rule=rule,
        family=Family(rule.split(".")[0]),
        severity=severity,
        message=extra.pop("message", f"{rule} message"),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=start,
        end=end,
        **extra,
    )


METRICS = Metrics(words=10, sentences=2, body_words=8)


# --- SARIF -------------------------------------------------------------------------------


def validate_sarif(log: dict[str, Any]) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"{SARIF_SCHEMA} is absent")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)
    # jsonschema checks "uri-reference" only with an optional package; check it here.
    for result in log["runs"][0]["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == quote(uri, safe="/:%"), uri


def test_sarif_from_cli_validates_and_matches_the_findings(expected: dict[str, Report]) -> None:
    result = run_cli("--format", "sarif", GOOD, BAD, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    log = json.loads(result.stdout)
    validate_sarif(log)
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "thankyou-lint"
    rules = driver["rules"]
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    assert {r["properties"]["family"] for r in rules} == {f.value for f in Family}
    findings = expected[BAD].findings
    assert len(run["results"]) == len(findings) > 5
    for got, want in zip(run["results"], findings, strict=True):
        assert got["ruleId"] == want.rule
        assert rules[got["ruleIndex"]]["id"] == want.rule
        assert got["level"] == LEVELS[want.severity.value]
        assert got["message"]["text"].startswith(want.message)
        location = got["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": BAD, "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        assert (region["startLine"], region["startColumn"]) == (want.line, want.column)
        assert (region["endLine"], region["endColumn"]) == (want.end_line, want.end_column)
        assert (region["charOffset"], region["charLength"]) == (want.start, want.end - want.start)
        assert region["snippet"]["text"] == text_of(BAD)[want.start : want.end]
    greeting = next(r for r in run["results"] if r["ruleId"] == "tone.casual-greeting")
    assert greeting["level"] == "warning"
    assert greeting["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "Hey"
    assert "note" in {r["level"] for r in run["results"]}  # info findings are notes


def test_sarif_for_stdin_and_awkward_paths(linter: Linter) -> None:
    result = run_cli("--format", "sarif", "-", stdin=text_of(BAD))
    log = json.loads(result.stdout)
    validate_sarif(log)
    locations = [r["locations"][0]["physicalLocation"] for r in log["runs"][0]["results"]]
    assert {loc["artifactLocation"]["uri"] for loc in locations} == {"stdin"}

    text = "Hey Sam,\n\nThanks!!!\n"
    report = Report(
        path="my drafts/50% done.txt",
        findings=[finding("tone.exclamations", Severity.ERROR, text, "!!!")],
        metrics=METRICS,
    )
    log = sarif_log([report], context_for(linter, {report.path or "": text}))
    validate_sarif(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "my%20drafts/50%25%20done.txt"
    assert location["region"]["startLine"] == 3
    assert log["runs"][0]["results"][0]["level"] == "error"


# --- GitHub ------------------------------------------------------------------------------


def test_github_from_cli_is_one_command_per_finding(expected: dict[str, Report]) -> None:
    result = run_cli("--format", "github", GOOD, BAD, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    findings = expected[BAD].findings
    assert len(lines) == len(findings)
    for line, want in zip(lines, findings, strict=True):
        command = {"error": "error", "warning": "warning", "info": "notice"}[want.severity.value]
        assert line.startswith(f"::{command} file={BAD},line={want.line},")
        assert f",title={want.rule}::" in line


def test_github_escapes_properties_and_message() -> None:
    text = "Dear Sam,\n\nI was nervous, sorry.\nReally sorry.\n"
    tricky = finding(
        "excuses.apology",
        Severity.WARNING,
        text,
        "sorry",
        message="Sorry: 100%, really,\r\nsorry",
        suggestion=None,
    )
    spanning = finding("excuses.nerves", Severity.INFO, text, "nervous, sorry.\nReally")
    report = Report(path="drafts/a,b:c.txt", findings=[tricky, spanning], metrics=METRICS)
    out = io.StringIO()
    render_github([report], out, RenderContext())
    first, second = out.getvalue().splitlines()
    assert first == (
        "::warning file=drafts/a%2Cb%3Ac.txt,line=3,col=16,endLine=3,endColumn=21,"
        "title=excuses.apology::Sorry: 100%25, really,%0D%0Asorry"
    )
    # Columns only make sense to GitHub within one line.
    assert second.startswith("::notice file=drafts/a%2Cb%3Ac.txt,line=3,endLine=4,title=")
    assert second.endswith("::excuses.nerves message")


# --- HTML in a real browser --------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from headless_chromium(tmp_path_factory.mktemp("chromium-profile"))


def open_page(driver: Any, page: Path) -> list[dict[str, Any]]:
    """Load a page; return what it wrote to the console at error level."""
    driver.get(page.as_uri())
    logs: list[dict[str, Any]] = driver.get_log("browser")
    # The log must be live, or "no errors" would prove nothing.
    driver.execute_script("console.error('probe')")
    assert any("probe" in e["message"] for e in driver.get_log("browser"))
    return [e for e in logs if e["level"] == "SEVERE"]


def assert_self_contained(driver: Any) -> None:
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    linked = "[src], [href], link, img, iframe, object, embed, video, audio, source"
    assert driver.execute_script(f"return document.querySelectorAll('{linked}').length") == 0
    assert driver.execute_script("return document.scripts.length") == 1


MARK_TEXTS = """
const texts = {};
for (const mark of document.querySelectorAll('mark[data-finding]')) {
  const key = mark.dataset.finding;
  texts[key] = (texts[key] || '') + mark.textContent;
}
return texts;
"""


def test_html_page_in_chromium(
    browser: Any, tmp_path: Path, expected: dict[str, Report], linter: Linter
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    result = run_cli("--format", "html", GOOD, BAD, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    page = tmp_path / "report.html"
    page.write_text(result.stdout, encoding="utf-8")
    assert open_page(browser, page) == []
    assert_self_contained(browser)

    sections = browser.find_elements(By.CSS_SELECTOR, "section.report")
    assert [s.find_element(By.TAG_NAME, "h2").text for s in sections] == [GOOD, BAD]
    good, bad = sections
    assert good.find_elements(By.TAG_NAME, "mark") == []
    assert "No findings" in good.text

    findings = expected[BAD].findings
    marks = bad.find_elements(By.CSS_SELECTOR, "pre.letter mark")
    keys = [m.get_attribute("data-finding") for m in marks]
    assert len(set(keys)) == len(findings)
    # Each finding's highlights, read in order, are exactly the words it flags.
    texts = browser.execute_script(MARK_TEXTS)
    source = text_of(BAD)
    rules = context_for(linter, {}).rules
    assert {texts[f"r1-{i}"] for i in range(len(findings))} == {
        source[f.start : f.end] for f in findings
    }
    for i, want in enumerate(findings):
        assert texts[f"r1-{i}"] == source[want.start : want.end]
        mark = bad.find_element(By.CSS_SELECTOR, f'mark[data-finding="r1-{i}"]')
        assert mark.get_attribute("data-rule") == want.rule
        assert f"sev-{want.severity.value}" in (mark.get_attribute("class") or "").split()
        title = mark.get_attribute("title") or ""
        meta = rules[want.rule]
        assert want.rule in title and want.message in title and meta.rationale in title
        assert want.suggestion is None or want.suggestion in title
    assert (
        browser.execute_script("return document.querySelectorAll('pre.letter')[1].textContent")
        == source
    )
    items = bad.find_elements(By.CSS_SELECTOR, "li.finding")
    assert [i.find_element(By.TAG_NAME, "code").text for i in items] == [f.rule for f in findings]

    metrics = bad.find_element(By.CSS_SELECTOR, "dl.metrics").text
    m = expected[BAD].metrics
    for label, value in (("Words", m.words), ("Body words", m.body_words)):
        assert f"{label}\n{value}" in metrics
    assert f"{m.flesch_reading_ease:g}" in metrics and "Flesch–Kincaid grade" in metrics

    summary = browser.find_element(By.CSS_SELECTOR, "section.summary table")
    rows = {
        r.find_elements(By.TAG_NAME, "td")[0].text: r.find_elements(By.TAG_NAME, "td")[-1].text
        for r in summary.find_elements(By.CSS_SELECTOR, "tbody tr")
    }
    counts = Counter(f.family.value for f in findings)
    assert rows == {family.value: str(counts[family.value]) for family in Family}

    # Hovering a listed finding outlines its highlights (the inline script works).
    ActionChains(browser).move_to_element(items[1]).perform()
    active = browser.find_elements(By.CSS_SELECTOR, "mark.active")
    assert active and {a.get_attribute("data-finding") for a in active} == {"r1-1"}
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_html_escapes_letters_and_nests_overlapping_spans(
    browser: Any, tmp_path: Path, linter: Linter
) -> None:
    text = 'Hi <b>Sam</b> & "team",\n<script>alert(1)</script> sorry I was so nervous!!!\n'
    findings = [
        finding("excuses.apology", Severity.WARNING, text, "sorry I was"),
        finding("excuses.nerves", Severity.ERROR, text, "I was so nervous"),  # crosses
        finding("tone.exclamations", Severity.INFO, text, "nervous!!!"),  # crosses again
        finding("tone.casual-greeting", Severity.WARNING, text, "<b>Sam</b> &"),
        finding("structure.too-short", Severity.INFO, text, text.rstrip("\n")),  # holds all
    ]
    report = Report(path='<draft "1">.txt', findings=findings, metrics=METRICS)
    out = io.StringIO()
    render_html([report], out, context_for(linter, {report.path or "": text}))
    page = tmp_path / "tricky.html"
    page.write_text(out.getvalue(), encoding="utf-8")
    assert open_page(browser, page) == []
    assert_self_contained(browser)
    js = browser.execute_script
    assert js("return document.querySelectorAll('pre b').length") == 0
    assert js("return document.querySelector('pre.letter').textContent") == text
    assert js("return document.querySelector('section.report h2').textContent") == report.path
    texts = browser.execute_script(MARK_TEXTS)
    assert texts == {f"r0-{i}": text[f.start : f.end] for i, f in enumerate(findings)}


def test_each_format_has_its_renderer_and_other_names_are_refused() -> None:
    assert [renderer(name).__name__ for name in FORMATS] == [f"render_{n}" for n in FORMATS]
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        renderer("pdf")
