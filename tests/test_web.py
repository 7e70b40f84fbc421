"""`thankyou-lint serve`: the real command on a free port, its JSON API through a real HTTP
client, and the page in a real headless Chromium (Debian's `chromium` and `chromium-driver`;
without them the browser tests skip, except in CI, where they fail).

The page test that shows a checked letter saves its screenshot as docs/images/web.png.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import ROOT, headless_chromium, run_cli

from thankyou_lint import LetterContext, Linter
from thankyou_lint.fixes import apply_fixes
from thankyou_lint.formats import read_docx

EXAMPLE = (ROOT / "examples" / "needs-work.txt").read_text(encoding="utf-8")
CONTEXT = {"company": "Brightwave", "interviewer": "Jordan Lee", "role": "Data Analyst"}
SCREENSHOT = ROOT / "docs" / "images" / "web.png"
CHECK_TIMEOUT = 120  # seconds; a 100,000-character letter takes a while on a busy machine


def lowercase(headers: Any) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Server:
    url: str

    def request(
        self,
        path: str,
        body: bytes | None = None,
        content_type: str | None = "application/json",
        method: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        sent = {**({"Content-Type": content_type} if content_type else {}), **(headers or {})}
        address = self.url + path.lstrip("/")
        request = urllib.request.Request(address, body, sent, method=method)
        try:
            with urllib.request.urlopen(request, timeout=CHECK_TIMEOUT) as response:
                return Answer(response.status, lowercase(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, lowercase(error.headers), error.read())

    def post(self, path: str, data: object) -> Answer:
        return self.request(path, json.dumps(data).encode())


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The real command, as a user starts it, in a folder with no configuration."""
    process = subprocess.Popen(
        [sys.executable, "-m", "thankyou_lint", "serve", "--port", "0"],
        cwd=tmp_path_factory.mktemp("serve"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/", first)
        assert found, f"no address in {first!r}: {process.stderr.read() if process.stderr else ''}"
        yield Server(found.group(0))
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- the JSON API --------------------------------------------------------------------------


def test_lint_answers_with_the_report_lint_returns(server: Server, linter: Linter) -> None:
    text = "Hey Jordan,\n\nthx for the chat 😀!!! I bombed the SQL question.\n\nCheers,\nSam\n"
    answer = server.post("/api/lint", {"text": text, "context": CONTEXT})
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/json"
    expected = linter.lint(text, context=LetterContext(**CONTEXT))
    assert answer.json == expected.model_dump(mode="json")
    assert {f["rule"] for f in answer.json["findings"]} >= {"tone.text-speak", "tone.emoji"}
    # Without a context, and as Markdown (its markup is not linted).
    assert server.post("/api/lint", {"text": text}).json == linter.lint(text).model_dump(
        mode="json"
    )
    markdown = "---\ncompany: Brightwave\n---\nDear Jordan,\n\n**Thank you** for today.\n"
    answer = server.post("/api/lint", {"text": markdown, "markdown": True})
    assert answer.status == 200
    assert not any(f["rule"] == "tone.shouting" for f in answer.json["findings"])


def test_rules_lists_every_rule_with_its_metadata(server: Server, linter: Linter) -> None:
    answer = server.request("/api/rules", content_type=None)
    assert answer.status == 200
    assert [r["id"] for r in answer.json] == [r.meta.id for r in linter.rules]
    first = answer.json[0]
    assert {"family", "severity", "message", "rationale", "suggestion", "good", "bad"} <= set(first)


def test_schema_describes_request_and_report(server: Server) -> None:
    schema = server.request("/api/schema", content_type=None).json
    assert set(schema["lint_request"]["properties"]) == {"text", "context", "markdown"}
    assert schema["lint_request"]["required"] == ["text"]
    assert "only" in schema["fix_request"]["properties"]
    assert {"findings", "metrics", "reasons"} <= set(schema["report"]["properties"])


def test_fix_applies_one_safe_fix_or_all(server: Server, linter: Linter) -> None:
    report = linter.lint(EXAMPLE)
    fixable = [f for f in report.findings if f.fix]
    assert len(fixable) >= 2
    one = fixable[-1]
    answer = server.post(
        "/api/fix",
        {"text": EXAMPLE, "only": {"rule": one.rule, "start": one.start, "end": one.end}},
    )
    assert answer.status == 200
    assert answer.json["text"] == apply_fixes(EXAMPLE, [one])
    assert answer.json["report"] == linter.lint(answer.json["text"]).model_dump(mode="json")

    every = server.post("/api/fix", {"text": EXAMPLE}).json
    assert every["text"] == apply_fixes(EXAMPLE, report.findings) != EXAMPLE
    assert not any(f["fix"] for f in every["report"]["findings"])


LONG = "x" * 100_001
BAD_REQUESTS = [
    # (path, body, content type, method, status, words in the error)
    ("/api/lint", b"{not json", "application/json", None, 400, "json"),
    ("/api/lint", b'{"text": 42}', "application/json", None, 400, "text: Input should be"),
    ("/api/lint", b'{"text": "hi", "colour": 1}', "application/json", None, 400, "colour"),
    ("/api/lint", b'{"text": "hi", "context": {"boss": 1}}', "application/json", None, 400, "boss"),
    ("/api/lint", b'{"text": "hi"}', "text/plain", None, 415, "application/json"),
    ("/api/lint", b'{"text": "hi"}', None, None, 415, "application/json"),
    ("/api/lint", json.dumps({"text": LONG}).encode(), "application/json", None, 422, "max-size"),
    ("/api/lint", b'{"text": "---\\n[broken\\n---\\nHi"}', "application/json", None, 422, "YAML"),
    ("/api/lint", b" " * 2_000_001, "application/json", None, 413, "2 MB"),
    ("/api/lint", None, None, "GET", 405, "Method Not Allowed"),
    ("/api/nothing", None, None, "GET", 404, "Not Found"),
    ("/api/fix", b'{"text": "Dear Sam,", "only": {"rule": "tone.emoji", "start": 0, "end": 1}}',
     "application/json", None, 409, "no fix"),
    ("/api/read", b"Dear Sam,", "text/plain", None, 400, "name the file"),
    ("/api/read?name=a.txt", b"caf\xe9", "text/plain", None, 422, "a.txt: not valid UTF-8"),
    ("/api/read?name=a.docx", b"PK not a zip", None, None, 422, "not a readable Word document"),
    ("/api/read?name=a.txt", LONG.encode(), None, None, 422, "max-size"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "body", "content_type", "method", "status", "words"), BAD_REQUESTS
)
def test_bad_requests_get_a_4xx_and_one_line_of_json(
    server: Server,
    path: str,
    body: bytes | None,
    content_type: str | None,
    method: str | None,
    status: int,
    words: str,
) -> None:
    answer = server.request(path, body, content_type, method)
    assert answer.status == status
    error = answer.json["error"]
    assert list(answer.json) == ["error"] and isinstance(error, str)
    assert "\n" not in error and words.lower() in error.lower()
    assert "Traceback" not in error


def test_a_20_mb_upload_is_refused_with_its_size(server: Server) -> None:
    answer = server.request("/api/read?name=big.docx", b"\0" * 20_000_000, None)
    assert answer.status == 413
    assert answer.json == {
        "error": "the file is 20.0 MB, more than the 10 MB this page accepts;"
        " a letter is a few kilobytes"
    }


def test_files_are_read_as_the_command_line_reads_them(server: Server, tmp_path: Path) -> None:
    document = docx.Document()
    for paragraph in EXAMPLE.split("\n"):
        document.add_paragraph(paragraph)
    document.save(tmp_path / "letter.docx")
    data = (tmp_path / "letter.docx").read_bytes()
    answer = server.request("/api/read?name=letter.docx", data, None)
    assert answer.json == {"name": "letter.docx", "text": read_docx(data), "markdown": False}
    answer = server.request("/api/read?name=Letter.MD", "# Hi 👋\n".encode(), None)
    assert answer.json == {"name": "Letter.MD", "text": "# Hi 👋\n", "markdown": True}
    bom = server.request("/api/read?name=a.txt", b"\xef\xbb\xbfDear Sam,\r\n", None)
    assert bom.json["text"] == "Dear Sam,\r\n"


def test_every_answer_forbids_other_hosts_and_sniffing(server: Server) -> None:
    for path in ("", "static/app.js", "static/app.css", "api/rules", "api/nothing"):
        headers = server.request(path, content_type=None).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "http" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["cache-control"] == "no-store"


def test_a_page_under_another_host_name_is_refused(server: Server) -> None:
    """DNS rebinding: a web site whose name points at 127.0.0.1 cannot use the API."""
    answer = server.request("/api/rules", content_type=None, headers={"Host": "evil.example"})
    assert answer.status == 400
    local = server.request("/api/rules", content_type=None, headers={"Host": "localhost:1"})
    assert local.status == 200


def test_serve_binds_127_0_0_1_only(server: Server) -> None:
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    assert server.url.startswith("http://127.0.0.1:")
    addresses = {
        info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    } - {"127.0.0.1", "127.0.1.1"}
    for address in addresses:  # this machine's other addresses do not answer
        with pytest.raises(OSError), socket.create_connection((address, port), timeout=5):
            pass


# --- the command ---------------------------------------------------------------------------


def test_a_busy_port_is_one_line_of_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--port", str(port))
    assert result.returncode == 2
    assert result.stderr.startswith(f"thankyou-lint: error: cannot listen on 127.0.0.1:{port}: ")
    assert "--port N" in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("port", ["http", "-1", "65536", "123456"])
def test_a_bad_port_is_a_usage_error(port: str) -> None:
    result = run_cli("serve", "--port", port)
    assert result.returncode == 2
    assert "expected a port from 0 to 65535" in result.stderr


def test_without_the_extra_serve_says_what_to_install() -> None:
    # As if uvicorn were not installed: an import of it fails.
    code = (
        "import sys; sys.modules['uvicorn'] = None; from thankyou_lint.cli import main;"
        " sys.exit(main(['serve']))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == (
        "thankyou-lint: error: serve needs the [web] extra (uvicorn is missing):"
        ' pip install "thankyou-lint[web]"\n'
    )


# --- the page in a real browser ------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from headless_chromium(
        tmp_path_factory.mktemp("chromium-profile"), "--window-size=1280,1000"
    )


def open_page(driver: Any, server: Server) -> None:
    """A fresh page: nothing kept from the previous test's letter."""
    driver.set_window_size(1280, 1000)
    driver.get(server.url)
    driver.execute_script("sessionStorage.clear()")
    driver.get(server.url)
    driver.get_log("browser")  # start the console log afresh


def put_letter(driver: Any, text: str) -> None:
    """As a paste does: the whole text at once, then an input event."""
    driver.execute_script(
        "const box = document.getElementById('letter'); box.value = arguments[0];"
        " box.dispatchEvent(new Event('input', {bubbles: true}));",
        text,
    )


def wait_checked(driver: Any, text: str) -> None:
    """Until the checked letter shows exactly `text` and no check is running."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, CHECK_TIMEOUT).until(
        lambda d: d.execute_script(
            "return document.getElementById('checked').textContent === arguments[0]"
            " && !document.getElementById('status').textContent.startsWith('Checking')",
            text,
        )
    )


def console_errors(driver: Any) -> list[dict[str, Any]]:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


MARK_TEXTS = """
const texts = {};
for (const mark of document.querySelectorAll('#checked mark[data-finding]')) {
  const key = mark.dataset.finding;
  texts[key] = (texts[key] || '') + mark.textContent;
}
return texts;
"""


def assert_highlights_match(driver: Any, text: str, findings: list[Any]) -> None:
    """Each finding's highlights, read in order, are exactly the characters it flags."""
    texts = driver.execute_script(MARK_TEXTS)
    for i, finding in enumerate(findings):
        assert texts.get(str(i), "") == text[finding.start : finding.end], finding.rule
    assert driver.execute_script("return document.getElementById('checked').textContent") == text


def test_typing_a_letter_highlights_its_findings(
    browser: Any, server: Server, linter: Linter
) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, server)
    for key, value in CONTEXT.items():
        browser.find_element(By.ID, key).send_keys(value)
    browser.find_element(By.ID, "letter").send_keys(EXAMPLE)
    wait_checked(browser, EXAMPLE)
    report = linter.lint(EXAMPLE, context=LetterContext(**CONTEXT))
    items = browser.find_elements(By.CSS_SELECTOR, "#findings li.finding")
    assert [i.find_element(By.TAG_NAME, "code").text for i in items] == [
        f.rule for f in report.findings
    ]
    assert_highlights_match(browser, EXAMPLE, report.findings)

    # Each highlight has its family's colour, and an icon and a label besides colour.
    first = report.findings[0]
    mark = browser.find_element(By.CSS_SELECTOR, 'mark[data-finding="0"]')
    assert f"fam-{first.family.value}" in (mark.get_attribute("class") or "")
    icon = browser.execute_script("return getComputedStyle(arguments[0], '::before').content", mark)
    assert icon not in ("none", "normal", '""')
    assert first.family.value.capitalize() in items[0].find_element(By.CLASS_NAME, "tag").text
    # Hover shows the message and suggestion; a tap shows them under the letter.
    title = mark.get_attribute("title") or ""
    assert first.message in title and (first.suggestion or "") in title
    mark.click()
    detail = browser.find_element(By.ID, "detail")
    assert detail.is_displayed() and first.message in detail.text
    assert first.suggestion is None or first.suggestion in detail.text

    # The report card, the word count and readability.
    reasons = browser.find_elements(By.CSS_SELECTOR, "#reasons li")
    assert len(reasons) == 5 == len(report.reasons)
    metrics = browser.find_element(By.ID, "metrics").text
    assert f"Words\n{report.metrics.words}" in metrics and "Reading ease" in metrics
    status = browser.find_element(By.ID, "status").text
    assert status.startswith(f"{len(report.findings)} findings")

    # Nothing came from anywhere but this server, and nothing failed.
    origins = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)"
    )
    assert set(origins) <= {server.url.rstrip("/")}
    assert console_errors(browser) == []
    SCREENSHOT.parent.mkdir(exist_ok=True)
    browser.save_screenshot(str(SCREENSHOT))


def test_emoji_and_accents_before_a_finding_keep_highlights_in_place(
    browser: Any, server: Server, linter: Linter
) -> None:
    text = "Hey Zoë 👋🏽,\n\nThank you 🙏 for the chat!!! I bombed it.\n\nCheers,\nSam\n"
    open_page(browser, server)
    put_letter(browser, text)
    wait_checked(browser, text)
    report = linter.lint(text)
    assert any(f.rule == "tone.exclamations" for f in report.findings)
    assert_highlights_match(browser, text, report.findings)


def test_fixes_apply_one_at_a_time_or_all_and_undo(
    browser: Any, server: Server, linter: Linter, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(browser, server)
    put_letter(browser, EXAMPLE)
    wait_checked(browser, EXAMPLE)
    report = linter.lint(EXAMPLE)
    greeting = next(i for i, f in enumerate(report.findings) if f.rule == "tone.casual-greeting")
    button = browser.find_element(By.CSS_SELECTOR, f"#finding-{greeting} button.fix")
    assert button.text == "Fix: “Hey” → “Dear”"
    button.click()
    once = apply_fixes(EXAMPLE, [report.findings[greeting]])
    wait_checked(browser, once)
    assert browser.find_element(By.ID, "letter").get_attribute("value") == once

    fix_all = browser.find_element(By.ID, "fix-all")
    left = [f for f in linter.lint(once).findings if f.fix]
    assert fix_all.text == f"Apply all safe fixes ({len(left)})"
    fix_all.click()
    fixed = apply_fixes(once, left)
    wait_checked(browser, fixed)
    assert fixed == apply_fixes(EXAMPLE, report.findings)
    assert not fix_all.is_enabled()

    # The fixed letter can be downloaded (and copied).
    browser.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
    )
    browser.find_element(By.ID, "download").click()
    WebDriverWait(browser, 30).until(lambda _: (tmp_path / "letter.txt").is_file())
    WebDriverWait(browser, 30).until(
        lambda _: (tmp_path / "letter.txt").read_text(encoding="utf-8") == fixed
    )
    browser.find_element(By.ID, "copy").click()
    assert browser.find_element(By.ID, "status").text in (
        "Copied the letter.",
        "The letter is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
    )

    # Undo takes back each change, one at a time: nothing the user wrote is lost.
    undo = browser.find_element(By.ID, "undo")
    undo.click()
    wait_checked(browser, once)
    undo.click()
    wait_checked(browser, EXAMPLE)
    assert browser.find_element(By.ID, "letter").get_attribute("value") == EXAMPLE
    assert not undo.is_enabled()
    assert console_errors(browser) == []


def test_a_word_document_is_read_into_the_box(
    browser: Any, server: Server, linter: Linter, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    document = docx.Document()
    for paragraph in EXAMPLE.split("\n"):
        document.add_paragraph(paragraph)
    path = tmp_path / "thanks.docx"
    document.save(path)
    text = read_docx(path.read_bytes())
    open_page(browser, server)
    put_letter(browser, "My own draft.")
    wait_checked(browser, "My own draft.")
    browser.find_element(By.ID, "file").send_keys(str(path))
    wait_checked(browser, text)
    assert browser.find_element(By.ID, "letter").get_attribute("value") == text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#findings li")) == len(
        linter.lint(text).findings
    )
    browser.find_element(By.ID, "undo").click()  # what was in the box before is kept
    wait_checked(browser, "My own draft.")


INJECTION = (
    'Dear <b>Sam</b> & "team",\n\n<script>window.pwned = 1</script> thx!!! '
    '<img src=x onerror="window.pwned = 2"> </textarea><svg onload="window.pwned = 3">\n\n'
    "Best regards,\nAlex\n"
)


def test_html_in_a_letter_is_shown_as_text(browser: Any, server: Server, linter: Linter) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, server)
    browser.find_element(By.ID, "company").send_keys('<img src=x onerror="window.pwned = 4">')
    put_letter(browser, INJECTION)
    wait_checked(browser, INJECTION)
    report = linter.lint(
        INJECTION, context=LetterContext(company='<img src=x onerror="window.pwned = 4">')
    )
    assert_highlights_match(browser, INJECTION, report.findings)
    assert browser.execute_script("return window.pwned") is None
    assert browser.execute_script("return document.querySelectorAll('img, svg, b').length") == 0
    assert browser.execute_script("return document.scripts.length") == 1
    for item in browser.find_elements(By.CSS_SELECTOR, "#findings li"):
        assert not item.find_elements(By.CSS_SELECTOR, "img, script, svg, b")
    assert console_errors(browser) == []


def test_a_100000_character_letter_is_checked_and_one_more_is_refused(
    browser: Any, server: Server, linter: Linter
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    paragraph = "I enjoyed our talk about the data pipeline and the quarterly reports. "
    body = paragraph * (100_000 // len(paragraph) + 1)
    text = f"Dear Jordan,\n\n{body}"
    text = text[: 100_000 - len("\n\nBest regards,\nAlex\n")] + "\n\nBest regards,\nAlex\n"
    assert len(text) == 100_000
    open_page(browser, server)
    put_letter(browser, text)
    wait_checked(browser, text)
    report = linter.lint(text)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#findings li")) == len(report.findings)
    assert_highlights_match(browser, text, report.findings)

    put_letter(browser, text + "!")
    error = browser.find_element(By.ID, "error")
    WebDriverWait(browser, CHECK_TIMEOUT).until(lambda _: error.is_displayed())
    assert error.text == "100,001 characters, more than max-size (100,000); is this a letter?"
    assert browser.find_element(By.ID, "letter").get_attribute("value") == text + "!"


def test_a_20_mb_file_is_refused_with_a_clear_message(
    browser: Any, server: Server, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    big = tmp_path / "huge.docx"
    big.write_bytes(b"\0" * 20_000_000)
    open_page(browser, server)
    put_letter(browser, "My own draft.")
    wait_checked(browser, "My own draft.")
    browser.find_element(By.ID, "file").send_keys(str(big))
    error = browser.find_element(By.ID, "error")
    WebDriverWait(browser, CHECK_TIMEOUT).until(lambda _: error.is_displayed())
    assert error.text == (
        "the file is 20.0 MB, more than the 10 MB this page accepts; a letter is a few kilobytes"
    )
    assert browser.find_element(By.ID, "letter").get_attribute("value") == "My own draft."


def test_keyboard_only(browser: Any, server: Server, linter: Linter) -> None:
    """Tab to every control, type the letter, show a finding and fix it, without a mouse."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, server)
    keys = ActionChains(browser)

    def tab_to(wanted: Any) -> None:
        for _ in range(200):
            if browser.switch_to.active_element == wanted:
                return
            keys.send_keys(Keys.TAB).perform()
        raise AssertionError(f"Tab never reached {wanted.get_attribute('outerHTML')[:80]}")

    letter = browser.find_element(By.ID, "letter")
    tab_to(browser.find_element(By.ID, "company"))
    keys.send_keys("Brightwave").perform()
    tab_to(letter)
    keys.send_keys(EXAMPLE).perform()
    wait_checked(browser, EXAMPLE)
    report = linter.lint(EXAMPLE, context=LetterContext(company="Brightwave"))
    greeting = next(i for i, f in enumerate(report.findings) if f.rule == "tone.casual-greeting")

    # Every control is a real button or field with a name a screen reader can say.
    for button in browser.find_elements(By.TAG_NAME, "button"):
        assert button.get_attribute("type") == "button"
        assert (button.get_attribute("aria-label") or button.text).strip()
    show = browser.find_element(By.CSS_SELECTOR, f"#finding-{greeting} button.show")
    tab_to(show)
    keys.send_keys(Keys.ENTER).perform()
    detail = browser.find_element(By.ID, "detail")
    assert browser.switch_to.active_element == detail
    assert report.findings[greeting].message in detail.text
    tab_to(detail.find_element(By.CSS_SELECTOR, "button.fix"))
    keys.send_keys(Keys.ENTER).perform()
    fixed = apply_fixes(EXAMPLE, [report.findings[greeting]])
    wait_checked(browser, fixed)
    # A visible focus ring on whatever has focus.
    tab_to(browser.find_element(By.ID, "copy"))
    outline = browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_a_phone_sized_window_is_usable(browser: Any, server: Server, linter: Linter) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, server)
    browser.set_window_size(390, 844)
    width = browser.execute_script("return window.innerWidth")
    put_letter(browser, EXAMPLE)
    wait_checked(browser, EXAMPLE)
    # No sideways scrolling, and every control fits the width.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    for element in browser.find_elements(By.CSS_SELECTOR, "input, textarea, button, pre, li"):
        if element.is_displayed():
            box = element.rect
            assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, element.tag_name
    # The letter box comes first, the findings below, and a tap shows a finding.
    letter = browser.find_element(By.ID, "letter").rect
    checked = browser.find_element(By.ID, "checked").rect
    assert letter["y"] < checked["y"] and letter["width"] > width * 0.7
    mark = browser.find_element(By.CSS_SELECTOR, 'mark[data-finding="1"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    detail = browser.find_element(By.ID, "detail")
    assert detail.is_displayed()
    assert linter.lint(EXAMPLE).findings[1].message in detail.text
