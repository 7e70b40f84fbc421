"""Bad input through the real command: a report or a one-line error, never a crash or a hang.

The contract: a linter runs on whatever is in a folder and inside other tools. Every bad
input ends in a report or in one line on stderr (`thankyou-lint: error: <file>: <why>`),
with exit code 0, 1 or 2 (2 whenever something was refused), never a traceback or a hang;
the other files of the same run are still linted and reported; no input file is changed.

Most tests lint a copy of examples/good-letter.txt in the same run as the bad input and
check that it is still reported.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import re
import resource
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_cli

from thankyou_lint.config import DEFAULT_MAX_SIZE

GOOD = ROOT / "examples" / "good-letter.txt"
GOOD_NAME = "good-letter.txt"
ERROR_PREFIX = "thankyou-lint: error: "
HANG_TIMEOUT = 60  # seconds; a normal run (spaCy load included) takes a few
BIG_TIMEOUT = 300  # seconds; only for the inputs at the size limit

# A letter with one known finding: the "!!!" run (tone.exclamations).
EXCLAIMING = """Dear Ms. Reyes,

Thank you for meeting with me on Tuesday to discuss the Data Analyst role on the
retention team. I enjoyed hearing how your analysts work with the product managers!!!

At Parcelly I rebuilt our subscription reporting in dbt, which cut the monthly close
from four days to one. I would bring the same habits to the warehouse migration.

I look forward to hearing about the next steps.

Best regards,
Sam Lee
"""

GERMAN = """Sehr geehrte Frau Wagner,

herzlichen Dank für das angenehme Gespräch am Donnerstag und für die Zeit, die Sie sich
für meine Fragen genommen haben. Ihre Schilderung, wie das Team die Kündigungsquote mit
eigenen Auswertungen senken möchte, hat mich noch lange beschäftigt.

Bei meinem jetzigen Arbeitgeber habe ich die monatlichen Berichte auf dbt umgestellt und
damit den Abschluss von vier Tagen auf einen einzigen Tag verkürzt. Diese Erfahrung würde
ich gerne in Ihr Team einbringen.

Ich freue mich darauf, bald von Ihnen zu hören.

Mit freundlichen Grüßen
Sam Lee
"""

SPANISH = """Estimada señora Ramírez:

Le agradezco mucho la conversación del jueves y el tiempo que dedicó a explicarme cómo
trabaja su equipo de análisis con los responsables de producto. Me quedé pensando en su
idea de estudiar las bajas por cohortes de suscripción anual.

En mi empresa actual reconstruí los informes mensuales con dbt y reduje el cierre de
cuatro días a uno solo. Me encantaría aportar esa experiencia a la migración del almacén
de datos que me describió.

Quedo a la espera de sus noticias.

Un cordial saludo,
Sam Lee
"""

# The first eight bytes of every PNG file, then the start of an IHDR chunk.
PNG_HEADER = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


# --- helpers ------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one run produced: reports by path, refusals by path."""

    result: subprocess.CompletedProcess[str]
    reports: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def run_within(
    timeout: float,
    *args: str,
    cwd: Path,
    stdin: int | str | None = "",
    preexec_fn: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Like conftest.run_cli, with a chosen timeout and stdin (a hang fails the test)."""
    return subprocess.run(
        [sys.executable, "-m", "thankyou_lint", *args],
        cwd=cwd,
        input=stdin if isinstance(stdin, str) else None,
        stdin=None if isinstance(stdin, str) else stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
        preexec_fn=preexec_fn,
    )


def outcome(result: subprocess.CompletedProcess[str]) -> Outcome:
    """Checks the shape every run must have and splits it into reports and refusals."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr)
    out = Outcome(result)
    for line in result.stderr.splitlines():
        assert line.startswith(ERROR_PREFIX), f"not a one-line error: {line!r}"
        path, sep, reason = line[len(ERROR_PREFIX) :].partition(": ")
        assert sep and path and reason.strip(), f"error line names no file: {line!r}"
        assert path not in out.errors, f"two error lines for {path}: {result.stderr!r}"
        out.errors[path] = reason
    if result.stdout.strip():
        data = json.loads(result.stdout)
        paths = [f["path"] for f in data["files"]]
        assert len(paths) == len(set(paths)), f"a file reported twice: {paths}"
        out.reports = {f["path"]: f["findings"] for f in data["files"]}
        assert data["summary"]["files"] == len(paths)
    assert not set(out.reports) & set(out.errors), "a file both reported and refused"
    if out.errors:
        assert result.returncode == 2, "a refused file must make the exit code 2"
    return out


def reported_or_refused(out: Outcome, path: str) -> str:
    """Each bad input ends in a report or a one-line error; says which."""
    assert (path in out.reports) != (path in out.errors), (path, out.result.stderr)
    return "report" if path in out.reports else "error"


def good_still_reported(out: Outcome, path: str = GOOD_NAME) -> None:
    assert path in out.reports, f"the good letter was not reported: {out.result.stderr!r}"
    assert out.reports[path] == [], out.reports[path]


def one_line_config_error(result: subprocess.CompletedProcess[str], *must_name: str) -> str:
    """A usage or configuration error: exit 2 and exactly one readable line on stderr."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(ERROR_PREFIX), lines[0]
    for word in must_name:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def snapshot(root: Path) -> dict[str, tuple[object, ...]]:
    """Every entry under root (links not followed): type, bytes (as a hash) and mtime."""
    entries: dict[str, tuple[object, ...]] = {}
    paths = [root]
    for top, dirs, files in os.walk(root):  # does not follow directory links
        paths += [Path(top, name) for name in [*dirs, *files]]
    for path in paths:
        info = os.lstat(path)
        content: object = None
        if stat.S_ISREG(info.st_mode):
            try:
                content = hashlib.sha256(path.read_bytes()).hexdigest()
            except PermissionError:
                content = "unreadable"
        elif stat.S_ISLNK(info.st_mode):
            content = os.readlink(path)
        entries[str(path)] = (stat.S_IFMT(info.st_mode), info.st_size, info.st_mtime_ns, content)
    return entries


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The run's folder, with a copy of the good letter in it."""
    (tmp_path / GOOD_NAME).write_bytes(GOOD.read_bytes())
    return tmp_path


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, counting CRLF, CR and LF as line breaks."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    line = max(i for i, s in enumerate(starts) if s <= offset)
    return line + 1, offset - starts[line] + 1


def run_checked(
    folder: Path, run: Callable[[], subprocess.CompletedProcess[str]], good: str = GOOD_NAME
) -> Outcome:
    """Runs the CLI with the good letter among its drafts: the good letter must still be
    reported, and nothing in the folder may change."""
    before = snapshot(folder)
    out = outcome(run())
    good_still_reported(out, good)
    assert snapshot(folder) == before
    return out


def lint_beside_good(folder: Path, *names: str) -> Outcome:
    """Lints the named drafts after the good letter (see `run_checked`)."""
    return run_checked(folder, lambda: run_cli("--format", "json", GOOD_NAME, *names, cwd=folder))


def assert_exclamation_found(findings: list[dict[str, Any]], text: str) -> None:
    start = text.index("!!!")
    line, column = position(text, start)
    hits = [f for f in findings if f["rule"] == "tone.exclamations"]
    assert hits, findings
    assert (hits[0]["start"], hits[0]["end"]) == (start, start + 3), hits[0]
    assert (hits[0]["line"], hits[0]["column"]) == (line, column), hits[0]
    assert (hits[0]["end_line"], hits[0]["end_column"]) == (line, column + 3), hits[0]


# --- empty and odd text -------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"", b"   \n\t\n  \r\n \n"],
    ids=["empty", "whitespace-only"],
)
def test_empty_and_whitespace_only_files(folder: Path, content: bytes) -> None:
    (folder / "blank.txt").write_bytes(content)
    out = lint_beside_good(folder, "blank.txt")
    reported_or_refused(out, "blank.txt")


def test_binary_file_is_refused(folder: Path) -> None:
    png = PNG_HEADER + bytes(range(256)) * 8
    (folder / "photo.txt").write_bytes(png)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04" + png)
    out = lint_beside_good(folder, "photo.txt", "broken.docx")
    assert reported_or_refused(out, "photo.txt") == "error"
    assert "binary" in out.errors["photo.txt"]
    assert reported_or_refused(out, "broken.docx") == "error"


@pytest.mark.parametrize(
    "content",
    [
        b"Dear Ms. Reyes,\n\nThank you \xff\xfe for the interview.\n",  # invalid UTF-8
        "Dear Ms. Müller,\n\nThank you for the café chat about my résumé.\n".encode("latin-1"),
    ],
    ids=["invalid-utf8", "latin-1"],
)
def test_undecodable_bytes_are_refused_with_byte_and_offset(folder: Path, content: bytes) -> None:
    (folder / "letter.txt").write_bytes(content)
    bad_at = next(i for i, b in enumerate(content) if b >= 0x80)
    out = lint_beside_good(folder, "letter.txt")
    # The README promises: refused with the offending byte and its offset.
    assert reported_or_refused(out, "letter.txt") == "error"
    assert f"0x{content[bad_at]:02x}" in out.errors["letter.txt"], out.errors
    assert str(bad_at) in out.errors["letter.txt"], out.errors


@pytest.mark.parametrize(
    ("bom", "codec", "newline"),
    [
        (b"\xff\xfe", "utf-16-le", "\n"),
        (b"\xfe\xff", "utf-16-be", "\n"),
        (b"\xff\xfe", "utf-16-le", "\r\n"),
        (b"\xef\xbb\xbf", "utf-8", "\r\n"),
    ],
    ids=["utf16le", "utf16be", "utf16le-crlf", "utf8-bom-crlf"],
)
def test_byte_order_marks_are_honoured(folder: Path, bom: bytes, codec: str, newline: str) -> None:
    text = EXCLAIMING.replace("\n", newline)
    (folder / "letter.txt").write_bytes(bom + text.encode(codec))
    out = lint_beside_good(folder, "letter.txt")
    assert reported_or_refused(out, "letter.txt") == "report"
    # Offsets count characters of the text after the BOM.
    assert_exclamation_found(out.reports["letter.txt"], text)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_endings_keep_line_and_column_right(folder: Path, newline: str) -> None:
    text = EXCLAIMING.replace("\n", newline)
    (folder / "letter.txt").write_bytes(text.encode())
    out = lint_beside_good(folder, "letter.txt")
    assert reported_or_refused(out, "letter.txt") == "report"
    assert_exclamation_found(out.reports["letter.txt"], text)


@pytest.mark.parametrize(
    "content",
    [
        b"\xef\xbb\xbfDear Sam,\n\nThank you \xff for the interview.\n",  # UTF-8 BOM, bad byte
        b"\xff\xfe" + "Dear Sam,\n".encode("utf-16-le") + b"!",  # UTF-16, odd length
        b"\xff\xfe" + "Dear Sam,\n".encode("utf-16-le") + b"\x00\xd8a\x00",  # lone surrogate
    ],
    ids=["utf8-bom-bad-byte", "utf16-odd-length", "utf16-lone-surrogate"],
)
def test_bom_with_undecodable_rest_is_refused(folder: Path, content: bytes) -> None:
    (folder / "letter.txt").write_bytes(content)
    out = lint_beside_good(folder, "letter.txt")
    assert reported_or_refused(out, "letter.txt") == "error"


def test_draft_of_header_lines_only(folder: Path) -> None:
    (folder / "subject.txt").write_text("Subject: Thank you for Tuesday\n")
    out = lint_beside_good(folder, "subject.txt")
    reported_or_refused(out, "subject.txt")


# --- size ---------------------------------------------------------------------------


def test_ten_megabyte_file_is_refused_quickly(folder: Path) -> None:
    paragraph = ("Thank you for the interview on Tuesday, I enjoyed it. " * 20 + "\n\n").encode()
    big = paragraph * (10_000_000 // len(paragraph) + 1)
    assert len(big) >= 10_000_000
    (folder / "huge.txt").write_bytes(big)
    out = run_checked(
        folder,
        lambda: run_within(HANG_TIMEOUT, "--format", "json", GOOD_NAME, "huge.txt", cwd=folder),
    )
    assert reported_or_refused(out, "huge.txt") == "error"
    assert re.search(r"larg|size|KB|MB|bytes", out.errors["huge.txt"], re.I), out.errors


def test_one_megabyte_single_line_is_refused(folder: Path) -> None:
    sentence = "I enjoyed our talk about the retention dashboard and the churn model. "
    line = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    (folder / "one-line.txt").write_text(line)
    out = run_checked(
        folder,
        lambda: run_within(BIG_TIMEOUT, "--format", "json", GOOD_NAME, "one-line.txt", cwd=folder),
    )
    assert reported_or_refused(out, "one-line.txt") == "error"
    assert "max-size" in out.errors["one-line.txt"]


def test_single_line_at_the_size_limit_is_linted(folder: Path) -> None:
    # Exactly max-size: the worst case the product takes on; it must finish, bounded.
    sentence = "I enjoyed our talk about the retention dashboard and the churn model. "
    line = (sentence * (DEFAULT_MAX_SIZE // len(sentence) + 1))[:DEFAULT_MAX_SIZE]
    (folder / "one-line.txt").write_text(line)
    out = run_checked(
        folder,
        lambda: run_within(BIG_TIMEOUT, "--format", "json", GOOD_NAME, "one-line.txt", cwd=folder),
    )
    assert reported_or_refused(out, "one-line.txt") == "report"
    for finding in out.reports["one-line.txt"]:
        assert finding["line"] == finding["end_line"] == 1, finding
        assert 0 <= finding["start"] <= finding["end"] <= len(line), finding


# --- language -----------------------------------------------------------------------


def test_letter_in_another_language_gets_one_finding_not_a_flood(folder: Path) -> None:
    (folder / "brief.txt").write_text(GERMAN)
    (folder / "carta.txt").write_text(SPANISH)
    out = lint_beside_good(folder, "brief.txt", "carta.txt")
    for name in ("brief.txt", "carta.txt"):
        assert reported_or_refused(out, name) == "report"
        findings = out.reports[name]
        assert len(findings) == 1, [(f["rule"], f["message"]) for f in findings]
        assert "English" in findings[0]["message"], findings[0]


# --- many files ---------------------------------------------------------------------


def test_directory_with_3000_small_files(folder: Path) -> None:
    drafts = folder / "drafts"
    for i in range(30):
        sub = drafts / f"batch-{i:02d}"
        sub.mkdir(parents=True)
        for j in range(100):
            n = i * 100 + j
            (sub / f"letter-{n:04d}.txt").write_text(
                f"Dear Sam,\n\nThank you for the chat about ticket {n}.\n\nBest,\nAlex\n"
            )
    expected = {str(p.relative_to(folder)) for p in drafts.rglob("*.txt")}
    assert len(expected) == 3000
    out = lint_beside_good(folder, "drafts")
    assert out.result.stderr == ""
    assert out.result.returncode in (0, 1)
    assert set(out.reports) == expected | {GOOD_NAME}
    assert json.loads(out.result.stdout)["summary"]["files"] == 3001


# --- files that cannot be read ------------------------------------------------------


def test_missing_file(folder: Path) -> None:
    out = lint_beside_good(folder, "no-such-letter.txt")
    assert reported_or_refused(out, "no-such-letter.txt") == "error"
    assert "no such file" in out.errors["no-such-letter.txt"].lower()


def _without_root_file_access() -> None:
    """In the child, before exec: drop the capabilities that let root read any file."""
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for cap in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) refused")


def test_permission_denied_file(folder: Path) -> None:
    secret = folder / "secret.txt"
    secret.write_text(EXCLAIMING)
    secret.chmod(0)
    before = snapshot(folder)
    args = ("--format", "json", GOOD_NAME, "secret.txt")
    try:
        if os.geteuid() != 0:
            result = run_within(HANG_TIMEOUT, *args, cwd=folder)
        else:
            # Root reads everything; without CAP_DAC_OVERRIDE it is refused like anyone.
            try:
                result = run_within(
                    HANG_TIMEOUT, *args, cwd=folder, preexec_fn=_without_root_file_access
                )
            except subprocess.SubprocessError as exc:
                pytest.skip(f"running as root and cannot drop CAP_DAC_OVERRIDE: {exc}")
        out = outcome(result)
        assert reported_or_refused(out, "secret.txt") == "error"
        assert "permission" in out.errors["secret.txt"].lower()
        good_still_reported(out)
        assert snapshot(folder) == before
    finally:
        secret.chmod(0o644)


def test_directory_given_as_config_file(folder: Path) -> None:
    # Meaningful as root too: a directory where a file is expected.
    (folder / "settings").mkdir()
    before = snapshot(folder)
    result = run_cli("--config", "settings", GOOD_NAME, cwd=folder)
    one_line_config_error(result, "settings")
    assert snapshot(folder) == before


def test_file_used_as_a_directory(folder: Path) -> None:
    out = lint_beside_good(folder, f"{GOOD_NAME}/draft.txt")
    assert reported_or_refused(out, f"{GOOD_NAME}/draft.txt") == "error"


# --- links and special files --------------------------------------------------------


def test_symlink_loop_named_on_the_command_line(folder: Path) -> None:
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    out = run_checked(
        folder, lambda: run_within(HANG_TIMEOUT, "--format", "json", GOOD_NAME, "a.txt", cwd=folder)
    )
    assert reported_or_refused(out, "a.txt") == "error"


def test_symlink_loops_inside_a_walked_folder(folder: Path) -> None:
    drafts = folder / "drafts"
    (drafts / "sub").mkdir(parents=True)
    (drafts / GOOD_NAME).write_bytes(GOOD.read_bytes())
    (drafts / "sub" / "real.txt").write_text(EXCLAIMING)
    (drafts / "a.txt").symlink_to("b.txt")  # a -> b -> a
    (drafts / "b.txt").symlink_to("a.txt")
    (drafts / "sub" / "up").symlink_to("..", target_is_directory=True)  # directory loop
    (drafts / "sub" / "again.md").symlink_to(".", target_is_directory=True)  # a draft name
    out = run_checked(
        folder,
        lambda: run_within(HANG_TIMEOUT, "--format", "json", "drafts", cwd=folder),
        f"drafts/{GOOD_NAME}",
    )
    assert reported_or_refused(out, "drafts/sub/real.txt") == "report"
    for name in ("drafts/a.txt", "drafts/b.txt"):
        reported_or_refused(out, name)
    # Each real draft once: the directory links are not followed round and round.
    assert all(p.count("/up/") == 0 and "again.md/" not in p for p in out.reports)


def test_fifo_does_not_hang(folder: Path) -> None:
    (folder / "drafts").mkdir()
    (folder / "drafts" / GOOD_NAME).write_bytes(GOOD.read_bytes())
    os.mkfifo(folder / "drafts" / "pipe.txt")
    os.mkfifo(folder / "named.txt")
    out = run_checked(
        folder,
        lambda: run_within(HANG_TIMEOUT, "--format", "json", "drafts", "named.txt", cwd=folder),
        f"drafts/{GOOD_NAME}",
    )
    assert reported_or_refused(out, "drafts/pipe.txt") == "error"
    assert reported_or_refused(out, "named.txt") == "error"


def test_fifo_as_config_does_not_hang(folder: Path) -> None:
    os.mkfifo(folder / "settings.toml")
    result = run_within(HANG_TIMEOUT / 3, "--config", "settings.toml", GOOD_NAME, cwd=folder)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1, 2)


# --- standard input -----------------------------------------------------------------


def test_stdin_devnull(folder: Path) -> None:
    out = run_checked(
        folder,
        lambda: run_within(
            HANG_TIMEOUT, "--format", "json", "-", GOOD_NAME, cwd=folder, stdin=subprocess.DEVNULL
        ),
    )
    reported_or_refused(out, "-")


def test_stdin_closed(folder: Path) -> None:
    # `<&-` closes descriptor 0 before Python starts: sys.stdin is None.
    script = 'exec "$0" -m thankyou_lint --format json - good-letter.txt <&-'

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["sh", "-c", script, sys.executable],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=HANG_TIMEOUT,
        )

    out = run_checked(folder, run)
    reported_or_refused(out, "-")


def test_stdin_empty(folder: Path) -> None:
    out = run_checked(
        folder, lambda: run_cli("--format", "json", "-", GOOD_NAME, cwd=folder, stdin="")
    )
    reported_or_refused(out, "-")


# --- settings -----------------------------------------------------------------------
# A bad setting stops the run before any draft is read: exit 2 and one line that names
# the file and the key, so there is no good letter to check here.


def test_unknown_rule_in_select_flag(folder: Path) -> None:
    result = run_cli("--select", "tone,tone.no-such-rule", GOOD_NAME, cwd=folder)
    one_line_config_error(result, "tone.no-such-rule")


def test_unknown_rule_in_config_select(folder: Path) -> None:
    (folder / ".thankyou-lint.toml").write_text('select = ["tone", "tone.no-such-rule"]\n')
    result = run_cli(GOOD_NAME, cwd=folder)
    one_line_config_error(result, ".thankyou-lint.toml", "select", "tone.no-such-rule")


def test_config_with_toml_syntax_error(folder: Path) -> None:
    (folder / ".thankyou-lint.toml").write_text('select = ["tone"\nfail-on = \n')
    result = run_cli(GOOD_NAME, cwd=folder)
    line = one_line_config_error(result, ".thankyou-lint.toml")
    assert re.search(r"line \d+", line), line  # where the syntax breaks


def test_config_with_wrong_type(folder: Path) -> None:
    (folder / ".thankyou-lint.toml").write_text("fail-on = 3\n")
    result = run_cli(GOOD_NAME, cwd=folder)
    one_line_config_error(result, ".thankyou-lint.toml", "fail-on")


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        (".thankyou-lint.toml", 'fail-on = "warning"\ncolour = "red"\n', "colour"),
        ("pyproject.toml", "[tool.thankyou-lint]\nfail_on_warning = true\n", "fail_on_warning"),
        (".thankyou-lint.toml", '[context]\ncompany = "Acme"\nmood = "good"\n', "mood"),
    ],
    ids=["top-level", "pyproject", "nested"],
)
def test_config_with_unknown_key(folder: Path, name: str, content: str, key: str) -> None:
    (folder / name).write_text(content)
    result = run_cli(GOOD_NAME, cwd=folder)
    one_line_config_error(result, name, key)


def test_config_not_utf8(folder: Path) -> None:
    (folder / ".thankyou-lint.toml").write_bytes('accept = ["Café Noir"]\n'.encode("latin-1"))
    result = run_cli(GOOD_NAME, cwd=folder)
    one_line_config_error(result, ".thankyou-lint.toml")


# --- front matter: data, never code -------------------------------------------------


def test_front_matter_cannot_run_code(folder: Path) -> None:
    marker = folder / "ran"
    header = f'---\ncompany: !!python/object/apply:os.system ["touch {marker}"]\n---\n'
    (folder / "letter.md").write_text(header + GOOD.read_text())
    out = lint_beside_good(folder, "letter.md")
    reported_or_refused(out, "letter.md")
    assert not marker.exists()


def _limit_memory() -> None:
    limit = 3 * 1024**3  # a normal run needs a fraction of this
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_front_matter_alias_bomb_is_bounded(folder: Path) -> None:
    lines = ["---", "l0: &l0 [" + ", ".join(["lol"] * 10) + "]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 10)]
    lines += ["company: *l9", "---"]
    (folder / "bomb.txt").write_text("\n".join(lines) + "\n" + GOOD.read_text())
    assert (folder / "bomb.txt").stat().st_size < 5_000
    out = run_checked(
        folder,
        lambda: run_within(
            HANG_TIMEOUT,
            "--format",
            "json",
            GOOD_NAME,
            "bomb.txt",
            cwd=folder,
            preexec_fn=_limit_memory,
            env={"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"},  # small address space
        ),
    )
    reported_or_refused(out, "bomb.txt")
