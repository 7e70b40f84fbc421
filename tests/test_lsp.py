"""`thankyou-lint server` end to end: the real command, driven over stdio by a real LSP
client (pytest-lsp, on pygls) with the capabilities of real editors."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from cattrs import Converter
from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from thankyou_lint import Draft, Linter, lint
from thankyou_lint.fixes import apply_fixes
from thankyou_lint.lsp.positions import Positions
from thankyou_lint.registry import all_rules

LETTER = textwrap.dedent("""\
    Dear Mr. Müller,

    Thank you for the interview on Tuesday about the data analyst role at Brightwave 😀. Thx again 🎉🎉 for walking me through the Zoë dashboard project!!!

    I enjoyed our talk about the SQL migration I led at Acme, which cut report times by 40%. I am gonna send the slides tomorrow.

    Best regards,
    Renée Dubois
    """)  # noqa: E501 - one paragraph is one line
WAIT = 120  # seconds: a guard against a hang, never a measure of speed
# The console script an editor runs (installed beside this Python), with the flag some
# editors add.
SERVER = [str(Path(sys.executable).with_name("thankyou-lint")), "server", "--stdio"]


# --- the client --------------------------------------------------------------------------


def _converter() -> Converter:
    """lsprotocol reads any code action that carries a command as a bare Command; editors
    tell them apart as the protocol says, by whether `command` is a string."""
    converter = default_converter()

    def command_or_action(data: dict[str, Any], _: type) -> lsp.Command | lsp.CodeAction:
        kind = lsp.Command if isinstance(data.get("command"), str) else lsp.CodeAction
        return converter.structure(data, kind)  # type: ignore[no-any-return]

    converter.register_structure_hook(lsp.Command | lsp.CodeAction, command_or_action)
    return converter


def _recording_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics in order (with its
    document version), so a test can wait for the one that answers its edit."""
    client = LanguageClient(converter_factory=_converter)
    published: list[lsp.PublishDiagnosticsParams] = []

    def record(client: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
        published.append(params)
        client.diagnostics[params.uri] = params.diagnostics

    def register(client: LanguageClient, params: lsp.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    features = {
        **DEFAULT_CLIENT_FEATURES,
        lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: record,
        lsp.CLIENT_REGISTER_CAPABILITY: register,
    }
    register_lsp_features(client, features)
    client.registrations = []  # type: ignore[attr-defined]
    client.published = published  # type: ignore[attr-defined]
    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=_recording_client)


def _published(client: LanguageClient) -> list[lsp.PublishDiagnosticsParams]:
    return client.published  # type: ignore[attr-defined, no-any-return]


async def next_diagnostics(
    client: LanguageClient, uri: str, after: int, version: int | None = None
) -> list[lsp.Diagnostic]:
    """The first diagnostics for `uri` published after the first `after` notifications
    (and for `version`, if given)."""

    async def arrived() -> list[lsp.Diagnostic]:
        while True:
            for params in _published(client)[after:]:
                if params.uri == uri and version in (None, params.version):
                    return list(params.diagnostics)
            await asyncio.sleep(0.02)

    return await asyncio.wait_for(arrived(), WAIT)


def _initialize_params(root: Path, **options: Any) -> lsp.InitializeParams:
    return lsp.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=from_fs_path(str(root)),
        workspace_folders=[lsp.WorkspaceFolder(from_fs_path(str(root)) or "", root.name)],
        initialization_options={"debounce": 0.05, **options},
    )


@pytest_lsp.fixture(scope="module", config=CONFIG)
async def lsp_client(
    client: LanguageClient, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[None]:
    """One server for the module (spaCy loads once); each test works in its own folder."""
    root = tmp_path_factory.mktemp("workspace")
    client.root = root  # type: ignore[attr-defined]
    await client.initialize_session(_initialize_params(root))
    yield
    await client.shutdown_session()


class Letters:
    """Open documents of one test, each in its own folder under the workspace."""

    def __init__(self, client: LanguageClient, folder: Path) -> None:
        self.client = client
        self.folder = folder
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}

    def uri(self, name: str) -> str:
        return from_fs_path(str(self.folder / name)) or ""

    async def open(self, name: str, text: str, language: str = "plaintext") -> list[Any]:
        uri = self.uri(name)
        (self.folder / name).write_text(text, encoding="utf-8")
        after = len(_published(self.client))
        self.versions[uri], self.texts[uri] = 1, text
        self.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, language, 1, text))
        )
        return await next_diagnostics(self.client, uri, after, 1)

    async def change(self, name: str, text: str) -> list[lsp.Diagnostic]:
        uri = self.uri(name)
        after = len(_published(self.client))
        self.versions[uri] += 1
        self.texts[uri] = text
        self.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                [lsp.TextDocumentContentChangeWholeDocument(text)],
            )
        )
        return await next_diagnostics(self.client, uri, after, self.versions[uri])

    async def apply(self, name: str, edit: lsp.WorkspaceEdit) -> list[lsp.Diagnostic]:
        """What an editor does with a code action's edit: apply it, send the new text."""
        uri = self.uri(name)
        assert edit.changes is not None and list(edit.changes) == [uri]
        return await self.change(name, apply_edits(self.texts[uri], edit.changes[uri]))

    async def actions(self, name: str, start: int, end: int) -> list[lsp.CodeAction]:
        uri = self.uri(name)
        text = self.texts[uri]
        found = await self.client.text_document_code_action_async(
            lsp.CodeActionParams(
                lsp.TextDocumentIdentifier(uri),
                lsp.Range(utf16_position(text, start), utf16_position(text, end)),
                lsp.CodeActionContext(diagnostics=list(self.client.diagnostics.get(uri, []))),
            )
        )
        return [a for a in found or [] if isinstance(a, lsp.CodeAction)]


@pytest.fixture
def letters(lsp_client: LanguageClient, tmp_path: Path) -> Letters:
    folder = lsp_client.root / tmp_path.name  # type: ignore[attr-defined]
    folder.mkdir()
    # Every test has its own settings: discovery stops at this folder.
    (folder / ".thankyou-lint.toml").write_text("# this test's settings\n", encoding="utf-8")
    return Letters(lsp_client, folder)


# --- independent position arithmetic ---------------------------------------------------------


def _lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def utf16_position(text: str, offset: int) -> lsp.Position:
    before = _lines(text[:offset])
    return lsp.Position(len(before) - 1, len(before[-1].encode("utf-16-le")) // 2)


def utf16_offset(text: str, position: lsp.Position) -> int:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    offset, units = starts[position.line], 0
    while units < position.character:
        units += len(text[offset].encode("utf-16-le")) // 2
        offset += 1
    return offset


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    spans = [(utf16_offset(text, e.range.start), utf16_offset(text, e.range.end), e) for e in edits]
    for start, end, edit in sorted(spans, key=lambda s: s[0], reverse=True):
        text = text[:start] + edit.new_text + text[end:]
    return text


def by_rule(diagnostics: list[lsp.Diagnostic]) -> dict[str, list[lsp.Diagnostic]]:
    found: dict[str, list[lsp.Diagnostic]] = {}
    for d in diagnostics:
        found.setdefault(str(d.code), []).append(d)
    return found


# --- tests ---------------------------------------------------------------------------------


@pytest.mark.asyncio(loop_scope="module")
async def test_diagnostics_match_the_library_with_utf16_positions(letters: Letters) -> None:
    shown = await letters.open("letter.txt", LETTER)
    report = lint(LETTER)
    findings = [d for d in shown if d.code != "reasons"]
    assert len(findings) == len(report.findings)
    for finding, diagnostic in zip(report.findings, findings, strict=True):
        assert diagnostic.code == finding.rule
        assert diagnostic.source == "thankyou-lint"
        assert diagnostic.range.start == utf16_position(LETTER, finding.start)
        assert diagnostic.range.end == utf16_position(LETTER, finding.end)
        assert diagnostic.message.startswith(finding.message + "\n")
        assert (
            diagnostic.severity
            == {
                "error": lsp.DiagnosticSeverity.Error,
                "warning": lsp.DiagnosticSeverity.Warning,
                "info": lsp.DiagnosticSeverity.Information,
            }[finding.severity.value]
        )
    rationale = {r.meta.id: r.meta.rationale for r in all_rules()}
    assert all(d.message.endswith(rationale[str(d.code)]) for d in findings)

    # Counted by hand: on line 2, 😀 follows 80 ASCII characters and a space; it is two
    # UTF-16 units, so "Thx", after ". ", starts at 85; " again " puts the first 🎉 at 95,
    # and the second starts two units later.
    emoji = by_rule(shown)["tone.emoji"]
    assert [(d.range.start.line, d.range.start.character) for d in emoji] == [
        (2, 81),
        (2, 95),
        (2, 97),
    ]
    (thx, gonna) = by_rule(shown)["tone.text-speak"]
    assert thx.range == lsp.Range(lsp.Position(2, 85), lsp.Position(2, 88))
    assert gonna.range.start.line == 4

    (card,) = by_rule(shown)["reasons"]
    assert card.severity == lsp.DiagnosticSeverity.Information
    assert card.range == lsp.Range(lsp.Position(0, 0), lsp.Position(0, len("Dear Mr. Müller,")))
    assert card.message.splitlines()[0] == (
        "Reasons: ✓ reinforces strengths · – new information · – answers objections"
        " · ✗ professional · ✓ specific details"
    )
    assert "✓ reinforces strengths: “I enjoyed our talk about the SQL migration" in card.message


@pytest.mark.asyncio(loop_scope="module")
async def test_an_edit_brings_fresh_diagnostics(letters: Letters) -> None:
    await letters.open("letter.txt", LETTER)
    shown = await letters.change("letter.txt", LETTER.replace("Thx again", "Thank you again"))
    (gonna,) = by_rule(shown)["tone.text-speak"]
    assert gonna.range.start.line == 4
    # A burst of keystrokes, sent without waiting: the last diagnostics published are
    # those of the last version, whatever happened to the ones in between.
    uri = letters.uri("letter.txt")
    after = len(_published(letters.client))
    for n in range(1, 6):
        letters.versions[uri] += 1
        letters.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=letters.versions[uri]),
                [lsp.TextDocumentContentChangeWholeDocument(LETTER.replace("gonna", "go" * n))],
            )
        )
    shown = await next_diagnostics(letters.client, uri, after, letters.versions[uri])
    assert "tone.text-speak" in by_rule(shown)  # Thx is back
    assert len(by_rule(shown)["tone.text-speak"]) == 1
    versions = [p.version for p in _published(letters.client)[after:] if p.uri == uri]
    assert versions[-1] == letters.versions[uri] and versions == sorted(versions)


@pytest.mark.asyncio(loop_scope="module")
async def test_quick_fix_and_fix_all_apply_the_safe_fixes(letters: Letters) -> None:
    await letters.open("letter.txt", LETTER)
    smiley = LETTER.index("😀")
    titles = [a.title for a in await letters.actions("letter.txt", smiley, smiley + 1)]
    assert {"Remove “😀”", "Ignore tone.emoji in this file"} <= set(titles)
    assert not [t for t in titles if t.startswith("Accept")]  # an emoji is not a word
    thx = LETTER.index("Thx")
    actions = await letters.actions("letter.txt", thx, thx + 3)
    (fix,) = [a for a in actions if a.kind == lsp.CodeActionKind.QuickFix and a.edit]
    assert fix.title == "Replace “Thx” with “Thanks”"
    assert fix.is_preferred
    assert fix.diagnostics and fix.diagnostics[0].code == "tone.text-speak"
    assert fix.edit is not None
    shown = await letters.apply("letter.txt", fix.edit)
    fixed = LETTER.replace("Thx", "Thanks")
    assert letters.texts[letters.uri("letter.txt")] == fixed
    assert [d.range.start.line for d in by_rule(shown)["tone.text-speak"]] == [4]  # gonna

    actions = await letters.actions("letter.txt", 0, 0)
    (fix_all,) = [a for a in actions if a.kind == "source.fixAll.thankyou-lint"]
    assert fix_all.kind == "source.fixAll.thankyou-lint"
    assert fix_all.edit is not None
    shown = await letters.apply("letter.txt", fix_all.edit)
    assert letters.texts[letters.uri("letter.txt")] == apply_fixes(fixed, lint(fixed).findings)
    assert not {"tone.emoji", "tone.text-speak", "tone.exclamations"} & set(by_rule(shown))


@pytest.mark.asyncio(loop_scope="module")
async def test_hover_explains_the_finding(letters: Letters, lsp_client: LanguageClient) -> None:
    await letters.open("letter.txt", LETTER)
    at = utf16_position(LETTER, LETTER.index("gonna") + 2)
    hover = await lsp_client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(letters.uri("letter.txt")), at)
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    meta = next(r.meta for r in all_rules() if r.meta.id == "tone.text-speak")
    text = hover.contents.value
    assert meta.rationale in text
    assert meta.suggestion and meta.suggestion in text
    assert all(line in text for line in meta.good[0].text.strip().splitlines())
    assert hover.range == lsp.Range(
        utf16_position(LETTER, LETTER.index("gonna")),
        utf16_position(LETTER, LETTER.index("gonna") + 5),
    )
    nothing = await lsp_client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(letters.uri("letter.txt")), lsp.Position(0, 2))
    )
    assert nothing is None


async def _run(client: LanguageClient, action: lsp.CodeAction) -> None:
    """What an editor does when the user picks an action that carries a command."""
    assert action.command is not None
    await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(action.command.command, action.command.arguments)
    )


@pytest.mark.asyncio(loop_scope="module")
async def test_accept_word_writes_the_config_and_keeps_its_comments(
    letters: Letters, lsp_client: LanguageClient
) -> None:
    config = letters.folder / ".thankyou-lint.toml"
    config.write_text(
        '# House style for my drafts\nignore = ["structure"]  # length is my call\n\n'
        '[severity]\n"tone.emoji" = "info"  # I like a smiley\n',
        encoding="utf-8",
    )
    await letters.open("letter.txt", LETTER)
    gonna = LETTER.index("gonna")
    actions = await letters.actions("letter.txt", gonna, gonna + 5)
    (accept,) = [a for a in actions if a.title.startswith("Accept")]
    assert accept.title == "Accept “gonna” in this workspace"
    assert config.read_text(encoding="utf-8").count("gonna") == 0  # only on the user's action

    after = len(_published(lsp_client))
    await _run(lsp_client, accept)
    written = config.read_text(encoding="utf-8")
    assert written == (
        '# House style for my drafts\nignore = ["structure"]  # length is my call\n'
        'accept = ["gonna"]\n\n[severity]\n"tone.emoji" = "info"  # I like a smiley\n'
    )
    assert not list(letters.folder.glob(".thankyou-lint-*"))  # no temporary file left
    shown = await next_diagnostics(lsp_client, letters.uri("letter.txt"), after)
    assert [d.range.start.line for d in by_rule(shown)["tone.text-speak"]] == [2]  # Thx only
    assert Linter().config.accept == ()  # the library's defaults are untouched

    # Accepting it again changes nothing.
    await _run(lsp_client, accept)
    assert config.read_text(encoding="utf-8") == written


@pytest.mark.asyncio(loop_scope="module")
async def test_a_config_that_cannot_be_edited_is_left_alone(
    letters: Letters, lsp_client: LanguageClient
) -> None:
    await letters.open("letter.txt", LETTER)
    gonna = LETTER.index("gonna")
    (accept,) = [
        a for a in await letters.actions("letter.txt", gonna, gonna) if a.title.startswith("Acc")
    ]
    config = letters.folder / ".thankyou-lint.toml"
    config.write_text('accept = "gonna"  # a string, not a list\n', encoding="utf-8")
    shown = len(lsp_client.messages)
    await _run(lsp_client, accept)
    (message,) = lsp_client.messages[shown:]
    assert message.type == lsp.MessageType.Error
    assert message.message == f"thankyou-lint: {config}: accept is not a list"
    assert config.read_text(encoding="utf-8") == 'accept = "gonna"  # a string, not a list\n'


@pytest.mark.asyncio(loop_scope="module")
async def test_accept_word_in_pyproject(letters: Letters, lsp_client: LanguageClient) -> None:
    (letters.folder / ".thankyou-lint.toml").unlink()
    pyproject = letters.folder / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "my-letters"\n\n[tool.thankyou-lint]\n# words I use on purpose\n'
        'accept = ["Yo! Sushi"]\n',
        encoding="utf-8",
    )
    await letters.open("letter.txt", LETTER)
    gonna = LETTER.index("gonna")
    (accept,) = [
        a for a in await letters.actions("letter.txt", gonna, gonna) if a.title.startswith("Acc")
    ]
    after = len(_published(lsp_client))
    await _run(lsp_client, accept)
    assert pyproject.read_text(encoding="utf-8").endswith(
        '# words I use on purpose\naccept = ["Yo! Sushi", "gonna"]\n'
    )
    shown = await next_diagnostics(lsp_client, letters.uri("letter.txt"), after)
    assert len(by_rule(shown)["tone.text-speak"]) == 1


@pytest.mark.asyncio(loop_scope="module")
async def test_accept_word_creates_a_config_at_the_workspace_folder(
    lsp_client: LanguageClient, tmp_path: Path
) -> None:
    """With no config anywhere, `.thankyou-lint.toml` is created in the document's
    workspace folder (here a second folder the editor added), not beside the letter."""
    folder = tmp_path / "second-workspace"
    (folder / "drafts").mkdir(parents=True)
    lsp_client.workspace_did_change_workspace_folders(
        lsp.DidChangeWorkspaceFoldersParams(
            lsp.WorkspaceFoldersChangeEvent(
                added=[lsp.WorkspaceFolder(from_fs_path(str(folder)) or "", "second")],
                removed=[],
            )
        )
    )
    letters = Letters(lsp_client, folder / "drafts")
    await letters.open("dana.txt", LETTER)
    gonna = LETTER.index("gonna")
    (accept,) = [
        a for a in await letters.actions("dana.txt", gonna, gonna) if a.title.startswith("Acc")
    ]
    await _run(lsp_client, accept)
    assert (folder / ".thankyou-lint.toml").read_text(encoding="utf-8") == 'accept = ["gonna"]\n'
    assert not (folder / "drafts" / ".thankyou-lint.toml").exists()


@pytest.mark.asyncio(loop_scope="module")
async def test_ignore_rule_in_a_markdown_file_adds_a_disable_comment(letters: Letters) -> None:
    text = "---\ncompany: Brightwave\n---\n" + LETTER
    await letters.open("letter.md", text, "markdown")
    thx = text.index("Thx")
    actions = await letters.actions("letter.md", thx, thx + 3)
    (ignore,) = [a for a in actions if a.title == "Ignore tone.text-speak in this file"]
    assert ignore.edit is not None and ignore.command is None  # an edit the user can undo
    shown = await letters.apply("letter.md", ignore.edit)
    assert letters.texts[letters.uri("letter.md")] == text.replace(
        "---\nDear", "---\n<!-- thankyou-lint: disable=tone.text-speak -->\nDear"
    )
    assert "tone.text-speak" not in by_rule(shown)
    assert "tone.emoji" in by_rule(shown)


@pytest.mark.asyncio(loop_scope="module")
async def test_ignore_rule_in_a_text_file_goes_to_per_file_ignores(
    letters: Letters, lsp_client: LanguageClient
) -> None:
    (letters.folder / "drafts").mkdir()
    await letters.open("drafts/dana.txt", LETTER)
    thx = LETTER.index("Thx")
    actions = await letters.actions("drafts/dana.txt", thx, thx + 3)
    (ignore,) = [a for a in actions if a.title == "Ignore tone.text-speak in this file"]
    after = len(_published(lsp_client))
    await _run(lsp_client, ignore)
    assert (letters.folder / ".thankyou-lint.toml").read_text(encoding="utf-8") == (
        '# this test\'s settings\n\n[per-file-ignores]\n"drafts/dana.txt" = ["tone.text-speak"]\n'
    )
    assert (letters.folder / "drafts" / "dana.txt").read_text(encoding="utf-8") == LETTER
    shown = await next_diagnostics(lsp_client, letters.uri("drafts/dana.txt"), after)
    assert "tone.text-speak" not in by_rule(shown)
    assert "tone.emoji" in by_rule(shown)


@pytest.mark.asyncio(loop_scope="module")
async def test_ignore_rule_through_a_symbolic_link(
    letters: Letters, lsp_client: LanguageClient, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A folder opened through a link: the config is found where the files are, and the
    letter is named relative to it, as the command line run there names it."""
    alias = tmp_path_factory.mktemp("links") / "letters"
    alias.symlink_to(letters.folder, target_is_directory=True)
    linked = Letters(lsp_client, alias)
    await linked.open("dana.txt", LETTER)
    thx = LETTER.index("Thx")
    actions = await linked.actions("dana.txt", thx, thx)
    (ignore,) = [a for a in actions if a.title == "Ignore tone.text-speak in this file"]
    after = len(_published(lsp_client))
    await _run(lsp_client, ignore)
    assert (
        (letters.folder / ".thankyou-lint.toml")
        .read_text(encoding="utf-8")
        .endswith('[per-file-ignores]\n"dana.txt" = ["tone.text-speak"]\n')
    )
    shown = await next_diagnostics(lsp_client, linked.uri("dana.txt"), after)
    assert "tone.text-speak" not in by_rule(shown)


@pytest.mark.asyncio(loop_scope="module")
async def test_config_is_reloaded_and_a_bad_one_is_one_diagnostic(
    letters: Letters, lsp_client: LanguageClient
) -> None:
    uri = letters.uri("letter.txt")
    config = letters.folder / ".thankyou-lint.toml"
    assert "tone.emoji" in by_rule(await letters.open("letter.txt", LETTER))

    async def config_written(text: str) -> list[lsp.Diagnostic]:
        """As an editor reports a watched file it saw change."""
        config.write_text(text, encoding="utf-8")
        after = len(_published(lsp_client))
        lsp_client.workspace_did_change_watched_files(
            lsp.DidChangeWatchedFilesParams(
                [lsp.FileEvent(from_fs_path(str(config)) or "", lsp.FileChangeType.Changed)]
            )
        )
        return await next_diagnostics(lsp_client, uri, after)

    # The server asked the editor to watch config files (VS Code can, dynamically).
    (registration,) = lsp_client.registrations  # type: ignore[attr-defined]
    assert registration.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES
    assert registration.register_options["watchers"] == [
        {"globPattern": "**/{pyproject.toml,.thankyou-lint.toml}"}
    ]
    shown = await config_written('ignore = ["tone"]\n')
    assert not any(str(d.code).startswith("tone.") for d in shown)
    assert "structure.too-short" in by_rule(shown)

    (problem,) = await config_written('fail-on = "loud"\n')
    assert problem.severity == lsp.DiagnosticSeverity.Error
    assert problem.message == (
        f"thankyou-lint: {config}: fail-on: Input should be 'error', 'warning' or 'info'"
    )
    (problem,) = await config_written('select = ["tone.emojis"]\n')
    assert "unknown rule or family 'tone.emojis'" in problem.message
    (problem,) = await config_written("ignore = [\n")
    assert problem.message.startswith(f"thankyou-lint: {config}: ")

    # Without a notification, the next edit still reads the file as it is now.
    config.write_text('ignore = ["tone.emoji"]\n', encoding="utf-8")
    shown = await letters.change("letter.txt", LETTER + "\n")
    assert "tone.emoji" not in by_rule(shown)
    assert "tone.text-speak" in by_rule(shown)


@pytest.mark.asyncio(loop_scope="module")
async def test_front_matter_gives_the_context(letters: Letters) -> None:
    text = "---\ninterviewer: Dana Reyes\ncompany: Northwind\n---\n" + LETTER
    shown = await letters.open("letter.md", text, "markdown")
    (report,) = Linter().lint_drafts([Draft(text, markdown=True)])
    assert [d.code for d in shown if d.code != "reasons"] == [f.rule for f in report.findings]
    assert "generic.wrong-name" in by_rule(shown)  # "Mr. Müller" is not Dana Reyes


@pytest.mark.asyncio(loop_scope="module")
async def test_a_100000_character_letter(letters: Letters) -> None:
    paragraph = LETTER.split("\n\n")[1] + "\n\n"
    body = paragraph * (100_000 // len(paragraph))
    text = (LETTER.split("\n\n")[0] + "\n\n" + body)[: 100_000 - 40] + "\n\nBest regards,\nRenée\n"
    text = text + " " * (100_000 - len(text))
    assert len(text) == 100_000
    shown = await letters.open("long.txt", text)
    report = lint(text)
    assert len([d for d in shown if d.code != "reasons"]) == len(report.findings)
    last = max(report.findings, key=lambda f: f.end)
    assert any(d.range.end == utf16_position(text, last.end) for d in shown)

    (problem,) = await letters.open("longer.txt", text + "x")
    assert problem.message == (
        "thankyou-lint: longer.txt: 100,001 characters, more than max-size (100,000);"
        " is this a letter?"
    )


@pytest.mark.asyncio(loop_scope="module")
async def test_a_letter_closed_while_it_is_linted(
    letters: Letters, lsp_client: LanguageClient
) -> None:
    big = (LETTER.split("\n\n")[1] + "\n\n") * 400
    uri = letters.uri("big.txt")
    (letters.folder / "big.txt").write_text(big, encoding="utf-8")
    after = len(_published(lsp_client))
    lsp_client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "plaintext", 1, big))
    )
    lsp_client.text_document_did_close(
        lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri))
    )
    # The linter works in order: once a letter opened later is answered, the closed one
    # has had every chance to be published, and it must not have been.
    assert await letters.open("small.txt", LETTER)
    for_big = [p for p in _published(lsp_client)[after:] if p.uri == uri]
    assert [list(p.diagnostics) for p in for_big] == [[]]  # cleared on close, nothing after
    # Hover and code actions on a closed document answer nothing rather than fail.
    hover = await lsp_client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 0))
    )
    assert hover is None


@pytest.mark.asyncio(loop_scope="module")
async def test_other_documents_are_left_alone(letters: Letters, lsp_client: LanguageClient) -> None:
    uri = letters.uri("script.py")
    after = len(_published(lsp_client))
    lsp_client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "python", 1, "print('thx')\n"))
    )
    assert await letters.open("letter.txt", LETTER)
    assert all(p.uri != uri for p in _published(lsp_client)[after:])


# --- start-up, on a server of its own --------------------------------------------------------


@pytest.mark.parametrize("editor", ["neovim", "emacs"])
@pytest.mark.asyncio
async def test_a_letter_edited_before_the_pipeline_is_ready(tmp_path: Path, editor: str) -> None:
    """Opened and edited the moment the server starts (spaCy still loading), by a client
    with the capabilities of Neovim or Emacs: the diagnostics come when the pipeline is
    ready, for the letter as it is then."""
    client = await CONFIG.start()
    try:
        params = _initialize_params(tmp_path, rulesUrl="http://127.0.0.1:8000/rules/#{rule}")
        params.capabilities = client_capabilities(editor)
        await client.initialize_session(params)  # type: ignore[attr-defined]
        assert isinstance(client, LanguageClient)
        letters = Letters(client, tmp_path)
        uri = letters.uri("letter.txt")
        letters.versions[uri] = 1
        client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "plaintext", 1, "Hi"))
        )
        shown = await letters.change("letter.txt", LETTER)
        assert len([d for d in shown if d.code != "reasons"]) == len(lint(LETTER).findings)
        assert _published(client)[-1].version == 2
        # With `rulesUrl` set, each diagnostic links its rule's documentation.
        emoji = by_rule(shown)["tone.emoji"][0]
        assert emoji.code_description is not None
        assert emoji.code_description.href == "http://127.0.0.1:8000/rules/#tone.emoji"
        await client.shutdown_session()  # type: ignore[attr-defined]
    finally:
        await client.stop()


# --- positions, the command line -------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_positions_round_trip_in_every_encoding(encoding: str) -> None:
    text = "Renée 😀 Zoë\r\nline\u2028same line\rnext\n\nlast 🎉"
    positions = Positions(text, encoding)
    codec = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}[encoding]
    width = {"utf-8": 1, "utf-16": 2, "utf-32": 4}[encoding]
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] == "\r\n":
            continue  # between the two characters of one line break: no position
        line, character = positions.position(offset)
        before = _lines(text[:offset])
        assert line == len(before) - 1  # U+2028 does not break an LSP line
        assert character == len(before[-1].encode(codec, "surrogatepass")) // width
        assert positions.offset(line, character) == offset
    assert positions.line_end(0) == positions.position(text.index("\r\n"))
    assert positions.offset(99, 0) == len(text)
    assert positions.offset(0, 999) == text.index("\r\n")


def test_server_exits_when_the_editor_goes_away() -> None:
    server = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert server.stdin is not None
    server.stdin.close()  # the editor quit without a word
    assert server.wait(timeout=WAIT) == 0
    assert server.stdout is not None and server.stdout.read() == b""


def test_server_help_and_bad_flags() -> None:
    command = [sys.executable, "-m", "thankyou_lint", "server"]
    shown = subprocess.run([*command, "--help"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "--stdio" in shown.stdout
    bad = subprocess.run([*command, "--tcp"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
    assert bad.stderr == "thankyou-lint: error: unrecognized arguments: --tcp\n"


def test_server_without_the_extra_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['pygls'] = None\n"  # as if pygls were not installed
        "from thankyou_lint.cli import main; sys.exit(main(['server']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=os.environ
    )
    assert result.returncode == 2
    assert re.fullmatch(
        r"thankyou-lint: error: server needs the \[lsp\] extra \(pygls[.\w]* is missing\):"
        r' pip install "thankyou-lint\[lsp\]"\n',
        result.stderr,
    )
