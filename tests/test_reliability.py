"""Issue 18's cases, through the real command and library: each ends in a report or a
one-line error (exit 2), the other drafts of the run are still linted, nothing hangs."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from thankyou_lint import Linter, lint
from thankyou_lint.analysed import LONG_RUN, analysed_text
from thankyou_lint.errors import InputError
from thankyou_lint.fixes import TEMP_PREFIX, FixRefused, write_fixed
from thankyou_lint.models import Draft

GOOD = ROOT / "examples" / "good-letter.txt"
ERROR = "thankyou-lint: error: "


def _one_line_error(stderr: str, *words: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(ERROR), stderr
    assert "Traceback" not in stderr
    assert all(w in lines[0] for w in words), lines[0]


def _deep_multipart(depth: int) -> bytes:
    head = b"Subject: Thank you\nMIME-Version: 1.0\n"
    parts, closes = b"", b""
    for i in range(depth):
        parts += f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n'.encode()
        closes = f"\n--b{i}--\n".encode() + closes
    return head + parts + b"Content-Type: text/plain\n\nThank you for the interview.\n" + closes


def _unknown_charset() -> bytes:
    return (
        b"Subject: Thank you\nMIME-Version: 1.0\n"
        b'Content-Type: text/plain; charset="x-no-such-charset"\n\n'
        b"Dear Dana,\n\nThank you for the interview on Tuesday.\n\nBest,\nSam\n"
    )


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("deep.eml", _deep_multipart(1000), ("deep.eml", "nested")),
        ("late-nul.txt", b"Dear Dana,\n\n" + b"Thank you. " * 500 + b"\x00tail", ("NUL",)),
    ],
)
def test_bad_drafts_are_refused_in_one_line(
    tmp_path: Path, name: str, content: bytes, words: tuple[str, ...]
) -> None:
    draft = tmp_path / name
    draft.write_bytes(content)
    result = run_cli("--no-cache", str(draft), str(GOOD))
    assert result.returncode == 2
    _one_line_error(result.stderr, *words)
    assert "good-letter.txt" in result.stdout  # the other draft is still reported


def test_unknown_charset_is_read_with_replacement(tmp_path: Path) -> None:
    draft = tmp_path / "odd.eml"
    draft.write_bytes(_unknown_charset())
    result = run_cli("--no-cache", "--format", "json", str(draft))
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr


def test_standard_input_twice_is_a_usage_error() -> None:
    result = run_cli("-", "-", stdin="Dear Dana,\n\nThank you.\n")
    assert result.returncode == 2
    _one_line_error(result.stderr, "standard input")


def _deep_toml(path: Path) -> None:
    path.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


@pytest.mark.parametrize("make", [_deep_toml], ids=["toml-5000-deep"])
def test_unreadable_config_is_one_line(tmp_path: Path, make: Callable[[Path], None]) -> None:
    config = tmp_path / ".thankyou-lint.toml"
    make(config)
    # Named explicitly, and found by walking up from the working folder.
    for args in (("--config", str(config)), ()):
        result = run_cli("--no-cache", *args, str(GOOD), cwd=tmp_path)
        assert result.returncode == 2
        _one_line_error(result.stderr, "nested too deeply")


@pytest.mark.parametrize(
    ("pack", "words"),
    [("/dev/zero", ("not a regular file",)), ("fifo.yaml", ("not a regular file",))],
)
def test_rule_packs_get_the_checks_drafts_get(
    tmp_path: Path, pack: str, words: tuple[str, ...]
) -> None:
    if pack == "fifo.yaml":
        _fifo(tmp_path / pack)
    config = tmp_path / ".thankyou-lint.toml"
    config.write_text(f'rule-packs = ["{pack}"]\n')
    result = run_cli("--no-cache", str(GOOD), cwd=tmp_path)  # must not hang or fill memory
    assert result.returncode == 2
    _one_line_error(result.stderr, "rule pack", *words)


def test_deeply_nested_rule_pack_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "deep.yaml").write_text("rules: " + "[" * 5000 + "]" * 5000 + "\n")
    (tmp_path / ".thankyou-lint.toml").write_text('rule-packs = ["deep.yaml"]\n')
    result = run_cli("--no-cache", str(GOOD), cwd=tmp_path)
    assert result.returncode == 2
    _one_line_error(result.stderr, "rule pack")


@pytest.mark.parametrize("value", [None, b"Dear Dana, thank you."])
def test_lint_takes_str_and_says_so(value: object, linter: Linter) -> None:
    with pytest.raises(TypeError, match="takes the letter as str"):
        lint(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes the letter as str"):
        linter.lint(value)  # type: ignore[arg-type]


NEEDS_FIX = (
    "Dear Dana,\n\nThank you for the interview on Tuesday!!! I led the Parcelly migration."
    "\n\nBest,\nSam\n"
)


def _cached_entry(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A draft, its cache folder, and the one entry a first run wrote for it."""
    draft, cache = tmp_path / "draft.txt", tmp_path / "cache"
    draft.write_text(NEEDS_FIX)
    assert run_cli("--cache-dir", str(cache), str(draft)).returncode == 1
    (entry,) = cache.rglob("*.json")
    return draft, cache, entry


def _planted(entry: Path, **changes: object) -> None:
    data = json.loads(entry.read_text())
    finding = data["report"]["findings"][0]
    finding.update(changes)
    entry.write_text(json.dumps(data))


@pytest.mark.parametrize(
    "tamper",
    [
        lambda e: (e.unlink(), os.mkfifo(e)),
        lambda e: (e.unlink(), e.symlink_to("/dev/zero")),
        lambda e: e.write_bytes(b" " * 3_000_000 + e.read_bytes()),
        lambda e: _planted(e, line=999),
        lambda e: _planted(e, fix={"start": 0, "end": 1_000_000, "replacement": "PLANTED"}),
        lambda e: e.write_text(e.read_text().replace("Tuesday", "Monday")),
    ],
    ids=["fifo", "link-to-dev-zero", "oversized", "line-999", "fix-past-the-end", "other-text"],
)
def test_a_cache_entry_is_trusted_only_if_it_fits(
    tmp_path: Path, tamper: Callable[[Path], object]
) -> None:
    draft, cache, entry = _cached_entry(tmp_path)
    tamper(entry)
    result = run_cli("--cache-dir", str(cache), "--fix", str(draft))  # must not hang either
    assert "Traceback" not in result.stderr
    text = draft.read_text()
    assert "PLANTED" not in text and "Tuesday!" in text and "!!!" not in text
    assert result.returncode in (0, 1)


def test_an_entry_is_tied_to_its_text(tmp_path: Path) -> None:
    _, cache, entry = _cached_entry(tmp_path)
    data = json.loads(entry.read_text())
    assert data["text_sha256"] == hashlib.sha256(NEEDS_FIX.encode()).hexdigest()
    assert not list(cache.rglob("*.tmp"))


def test_control_characters_are_shown_not_obeyed(tmp_path: Path) -> None:
    draft = tmp_path / "letter\x1b[2J.txt"
    draft.write_text(
        "Dear Dana,\n\nThank you \x1b]0;PWNED\x07 for the interview!!! I led the \x1b[2J"
        " migration at Parcelly.\n\nBest,\nSam\n"
    )
    result = run_cli("--no-cache", "--color", "never", str(draft))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b]0;PWNED\\x07" in result.stdout and "letter\\x1b[2J.txt" in result.stdout
    # The caret still stands under the words it marks.
    shown = result.stdout.splitlines()
    at = next(i for i, line in enumerate(shown) if "tone.exclamations" in line)
    assert shown[at + 1][shown[at + 2].index("^") :].startswith("!!!")


@pytest.mark.parametrize(
    "text",
    [
        "Dear Dana,\n\nThanks for the chat!!!\u2028I led the migration.\n\nBest,\nSam",
        "Dear Dana,\r\n\r\nThanks for the chat!!!\x0cpage two\x85next\r\n\r\nBest,\r\nSam\r\n",
        "Dear Dana,\n\nThanks for the chat!!!",
    ],
    ids=["line-separator-no-final-newline", "crlf-form-feed-nel", "no-final-newline"],
)
def test_diff_applies_with_git(tmp_path: Path, text: str) -> None:
    draft = tmp_path / "letter.txt"
    draft.write_bytes(text.encode())
    # Bytes, not text: the line endings are part of what is tested.
    result = subprocess.run(
        [sys.executable, "-m", "thankyou_lint", "--no-cache", "--diff", draft.name],
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 1 and result.stdout.startswith(b"---"), result.stderr
    # The diff names the file "letter.txt (before)"; git applies it to letter.txt.
    patch = result.stdout.replace(b" (before)", b"").replace(b" (fixed)", b"")
    patch = patch.replace(b"--- letter.txt", b"--- a/letter.txt").replace(
        b"+++ letter.txt", b"+++ b/letter.txt"
    )
    (tmp_path / "fix.patch").write_bytes(patch)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    check = subprocess.run(
        ["git", "apply", "--check", "fix.patch"], cwd=tmp_path, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, check=True)
    assert b"!!!" not in draft.read_bytes()


def _docx(tmp_path: Path, change: Callable[[dict[str, bytes]], None], method: int = 8) -> bytes:
    """A real Word document (python-docx), its parts changed, zipped again."""
    from docx import Document

    document = Document()
    document.add_paragraph("Dear Dana,")
    document.add_paragraph("Thank you for the interview on Tuesday.")
    source = tmp_path / "base.docx"
    document.save(str(source))
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    change(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data, compress_type=method)
    return out.getvalue()


def _set(name: str, data: bytes) -> Callable[[dict[str, bytes]], None]:
    return lambda parts: parts.__setitem__(name, data)


def _corrupt_deflate(data: bytes) -> bytes:
    at = data.index(b"word/document.xml") + len(b"word/document.xml") + 40
    return data[:at] + bytes(b ^ 0xFF for b in data[at : at + 64]) + data[at + 64 :]


PARAGRAPHS = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'


@pytest.mark.parametrize(
    ("build", "words"),
    [
        (lambda t: _docx(t, _set("word/media/bomb.bin", b"\0" * 51_000_000)), "unpacks"),
        (lambda t: _docx(t, lambda p: None, method=zipfile.ZIP_BZIP2), "compression"),
        (lambda t: _corrupt_deflate(_docx(t, lambda p: None)), "not a readable Word"),
        (lambda t: _docx(t, _set("word/document.xml", b"<w:document><w:body><w:p>")), "readable"),
        (
            lambda t: _docx(
                t, _set("word/document.xml", PARAGRAPHS + b"<w:body>" + b"<w:p/>" * 20_001)
            ),
            "paragraphs",
        ),
        (lambda t: _docx(t, _set("word/document.xml", b"<w:t>" + b"a" * 11_000_000)), "over"),
    ],
    ids=["zip-bomb", "unknown-compression", "corrupt-deflate", "broken-xml", "flood", "11mb"],
)
def test_a_malformed_word_document_is_one_line(
    tmp_path: Path, build: Callable[[Path], bytes], words: str
) -> None:
    draft = tmp_path / "letter.docx"
    draft.write_bytes(build(tmp_path))
    result = run_cli("--no-cache", str(draft), str(GOOD))
    assert result.returncode == 2
    _one_line_error(result.stderr, "letter.docx", words)
    assert "good-letter.txt" in result.stdout


LETTER = "Dear Dana,\n\nThank you for the interview. I led the Parcelly migration.\n\nBest,\nSam"


def test_lint_many_delivers_the_reports_before_a_bad_draft(linter: Linter) -> None:
    delivered = []
    with pytest.raises(InputError, match=r"draft 3: .*max-size"):
        for report in linter.lint_many([LETTER, LETTER, "x" * 200_000, LETTER]):
            delivered.append(report)
    assert len(delivered) == 2


def test_lint_many_delivers_what_came_before_a_failing_generator(linter: Linter) -> None:
    def letters() -> Iterator[str]:
        yield from (LETTER, LETTER, LETTER)
        raise RuntimeError("the source broke")

    delivered = []
    with pytest.raises(RuntimeError, match="the source broke"):
        for report in linter.lint_many(letters()):
            delivered.append(report)
    assert len(delivered) == 3


def _fix(*paths: Path) -> subprocess.CompletedProcess[str]:
    return run_cli("--no-cache", "--fix", *map(str, paths))


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target, link = tmp_path / "real.txt", tmp_path / "link.txt"
    target.write_text(NEEDS_FIX)
    link.symlink_to(target)
    _fix(link)
    assert link.is_symlink() and "!!!" not in target.read_text()


def test_fix_refuses_a_hard_linked_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(NEEDS_FIX)
    os.link(first, second)
    result = _fix(first)
    assert result.returncode == 2
    _one_line_error(result.stderr, "a.txt", "hard links")
    assert first.read_text() == second.read_text() == NEEDS_FIX
    assert os.stat(first).st_ino == os.stat(second).st_ino


def test_fix_keeps_owner_mode_and_extended_attributes(tmp_path: Path) -> None:
    draft = tmp_path / "letter.txt"
    draft.write_text(NEEDS_FIX)
    draft.chmod(0o640)
    try:
        os.setxattr(draft, "user.note", b"keep me")
    except OSError:
        pytest.skip("no user xattrs on this file system")
    if os.geteuid() == 0:
        os.chown(draft, 1234, 5678)
    _fix(draft)
    info = draft.stat()
    assert "!!!" not in draft.read_text()
    assert info.st_mode & 0o777 == 0o640
    assert os.getxattr(draft, "user.note") == b"keep me"
    if os.geteuid() == 0:
        assert (info.st_uid, info.st_gid) == (1234, 5678)


def test_each_file_of_a_fix_run_succeeds_or_fails_on_its_own(tmp_path: Path) -> None:
    first, locked, last = (tmp_path / f"{n}.txt" for n in ("first", "locked", "last"))
    for path in (first, locked, last):
        path.write_text(NEEDS_FIX)
    locked.chmod(0o444)
    result = _fix(first, locked, last)
    assert result.returncode == 2
    _one_line_error(result.stderr.replace("thankyou-lint: fixed 2 files\n", ""), "read-only")
    assert "!!!" not in first.read_text() and "!!!" not in last.read_text()
    assert locked.read_text() == NEEDS_FIX
    assert "locked.txt" in result.stdout  # every file is still reported


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path: Path) -> None:
    draft = tmp_path / "letter.txt"
    draft.write_text(NEEDS_FIX + "A line added while the linter ran.\n")
    with pytest.raises(FixRefused, match="changed"):
        write_fixed(draft, NEEDS_FIX, NEEDS_FIX.replace("!!!", "!"), "utf-8")
    assert draft.read_text().endswith("A line added while the linter ran.\n")
    assert [p.name for p in tmp_path.iterdir()] == ["letter.txt"]


def test_a_long_file_name_and_stale_temporaries(tmp_path: Path) -> None:
    draft = tmp_path / ("d" * 240 + ".txt")
    draft.write_text(NEEDS_FIX)
    stale = tmp_path / f"{TEMP_PREFIX}killed.tmp"
    stale.write_text("left by a killed run")
    os.utime(stale, (0, 0))
    result = _fix(draft)
    assert result.returncode in (0, 1), result.stderr
    assert "!!!" not in draft.read_text()
    assert not stale.exists()


@pytest.mark.parametrize("jobs", ["100000000000000000000", "0", "257", "-3"])
def test_jobs_out_of_bounds_is_a_usage_error(jobs: str) -> None:
    result = run_cli("--jobs", jobs, str(GOOD))
    assert result.returncode == 2
    _one_line_error(result.stderr, "--jobs")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_a_file_name_that_is_not_utf8_is_escaped_in_every_format(tmp_path: Path, fmt: str) -> None:
    name = b"caf\xe9-letter.txt"  # Latin-1, as an old archive or a Windows share gives it
    with open(os.path.join(os.fsencode(tmp_path), name), "wb") as f:
        f.write(NEEDS_FIX.encode())
    result = subprocess.run(
        [sys.executable, "-m", "thankyou_lint", "--no-cache", "--format", fmt, "."],
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr
    escaped = b"caf%5Cxe9-letter.txt" if fmt == "sarif" else b"caf\\xe9-letter.txt"  # a URI
    assert escaped in result.stdout.replace(b"\\\\", b"\\")


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _jobs_run(tmp_path: Path) -> tuple[subprocess.Popen[str], set[int]]:
    """A --jobs 2 run over enough letters to be busy, and its worker processes."""
    for i in range(150):
        (tmp_path / f"letter-{i:03}.txt").write_text(
            GOOD.read_text().replace("Tuesday", f"day {i}")
        )
    run = subprocess.Popen(
        [sys.executable, "-m", "thankyou_lint", "--no-cache", "--jobs", "2", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(_children(run.pid)) < 2:
        time.sleep(0.2)
    workers = _children(run.pid)
    if len(workers) < 2:
        run.kill()
        pytest.skip("the workers did not start in time on this machine")
    return run, workers


def test_jobs_run_with_a_fork_server(tmp_path: Path) -> None:
    # Python 3.14 starts workers from a fork server on Linux: their parent is the server,
    # not the run, and the setup must not take that for an orphaned worker.
    for i in range(3):
        (tmp_path / f"letter-{i}.txt").write_text(GOOD.read_text().replace("Tuesday", f"day {i}"))
    code = (
        "import multiprocessing, sys\n"
        "if __name__ == '__main__':\n"
        "    multiprocessing.set_start_method('forkserver')\n"
        "    from thankyou_lint.cli import main\n"
        "    sys.exit(main(['--no-cache', '--jobs', '2', '--format', 'json', sys.argv[1]]))\n"
    )
    script = tmp_path / "run_with_fork_server.py"
    script.write_text(code)
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode in {0, 1} and "Traceback" not in done.stderr, done.stderr
    assert len(json.loads(done.stdout)["files"]) == 3


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_worker_orphaned_before_its_setup_ends_itself() -> None:
    # A run killed between a worker's fork and its prctl sends no signal: the worker,
    # already under another parent, must end on its own rather than wait for work.
    code = (
        "from thankyou_lint.runner import _end_with_parent\n"
        "_end_with_parent(parent=-1)\n"  # not this process's parent: as if orphaned
        "print('still running')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "still running" not in done.stdout
    # With no known forking parent (a fork server's children), the setup keeps the worker.
    kept = code.replace("parent=-1", "parent=None")
    done = subprocess.run([sys.executable, "-c", kept], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "still running"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_end_with_their_parent(tmp_path: Path) -> None:
    run, workers = _jobs_run(tmp_path)
    run.kill()  # SIGKILL: the parent cannot clean up
    run.wait()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_ctrl_c_ends_a_jobs_run_without_a_traceback(tmp_path: Path) -> None:
    run, _ = _jobs_run(tmp_path)
    os.killpg(run.pid, signal.SIGINT)  # what a terminal sends to the whole group
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == 130
    assert "Traceback" not in stderr


@pytest.mark.parametrize("run", ["😀" * 30_000, "[" * 30_000, "x" * 5_000 + "!" * 5_000])
def test_long_runs_without_spaces_reach_the_parser_cut(run: str, linter: Linter) -> None:
    # spaCy's tokenizer is quadratic in a run's length; the analysed text cuts long runs
    # one character for one (timing is for benchmarks: this checks the cut, and that the
    # letter is linted with exact offsets).
    text = f"Dear Dana,\n\n{run}\n\nBest,\nSam"
    analysed = analysed_text(Draft(text))
    assert len(analysed) == len(text)
    assert max(len(part) for part in analysed.split()) <= LONG_RUN
    assert analysed_text(Draft(LETTER)) == LETTER  # ordinary text is untouched
    report = linter.lint(text)
    assert all(0 <= f.start <= f.end <= len(text) for f in report.findings)


@pytest.mark.parametrize(
    ("hidden", "rule", "seen"),
    [
        ("He\u200by Dana,", "tone.casual-greeting", "He\u200by"),  # zero-width space
        ("th\u200dx for the chat.", "tone.text-speak", "th\u200dx"),  # zero-width joiner
        ("I know I bom\u2060bed the SQL question.", "excuses.self-deprecation", "bom\u2060bed"),
        ("\u202eHey\u202c Dana,", "tone.casual-greeting", "Hey"),  # a bidi override around it
        ("th\u00adx for the chat.", "tone.text-speak", "th\u00adx"),  # soft hyphen
    ],
)
def test_format_characters_do_not_hide_words(
    hidden: str, rule: str, seen: str, linter: Linter
) -> None:
    text = f"{hidden}\n\nI enjoyed the talk about the \ufeffdashboards on Tuesday.\n\nBest,\nSam"
    [finding] = [f for f in linter.lint(text).findings if f.rule == rule]
    assert text[finding.start : finding.end].endswith(seen)  # offsets are the writer's
    line, column = finding.line, finding.column
    assert text.splitlines()[line - 1][column - 1 :].startswith(text[finding.start : finding.end])


def test_a_fix_over_a_hidden_character_replaces_the_whole_word(tmp_path: Path) -> None:
    draft = tmp_path / "letter.txt"
    draft.write_text("Dear Dana,\n\nth\u200bx for the interview on Tuesday.\n\nBest,\nSam\n")
    run_cli("--fix", str(draft))
    assert draft.read_text() == "Dear Dana,\n\nthanks for the interview on Tuesday.\n\nBest,\nSam\n"
