"""`thankyou-lint server`: the language server, over stdio (pygls 2).

Linting runs in one background thread, so the server keeps answering while a letter is
parsed and spaCy is only ever used by one thread. The thread's first job, queued at
start-up, loads the pipeline; a document opened or edited before it is ready is simply
queued behind it. Each edit waits `debounce` seconds for the next one; a result that
comes back for an older version of a document, or for a closed one, is dropped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from .. import __version__
from ..config import find_config_file
from ..errors import ThankyouLintError
from ..formats import MARKDOWN_SUFFIXES
from ..models import Draft
from . import render
from .positions import Positions
from .render import Linted
from .settings import SettingsCache, add_accepted, add_ignored, default_config_path

DEBOUNCE = 0.3  # seconds of quiet after an edit before the letter is linted again
MAX_DEBOUNCE = 10.0
LANGUAGES = ("plaintext", "markdown")
SUFFIXES = (".txt", *MARKDOWN_SUFFIXES)
CONFIG_GLOB = "**/{pyproject.toml,.thankyou-lint.toml}"
WARM_UP = "Dear Dana,\n\nThank you for your time today.\n\nBest regards,\nSam\n"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """initializationOptions: `debounce` in seconds; `rulesUrl`, a link to a rule's
    documentation with `{rule}` for its id (no link without it: there is no hosted site)."""

    debounce: float = DEBOUNCE
    rules_url: str | None = None

    @classmethod
    def from_client(cls, given: Any) -> Options:
        """What the client sent; anything malformed is left at its default."""
        given = given if isinstance(given, dict) else {}
        debounce, url = given.get("debounce"), given.get("rulesUrl")
        valid = isinstance(debounce, int | float) and 0 <= debounce <= MAX_DEBOUNCE
        return cls(
            debounce=float(debounce) if valid else DEBOUNCE,
            rules_url=url if isinstance(url, str) and "{rule}" in url else None,
        )


class LetterServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("thankyou-lint", __version__, lsp.TextDocumentSyncKind.Full)
        # Full sync: pygls splits lines for incremental edits with str.splitlines, which
        # breaks at U+2028 and form feeds where the client does not.
        self.options = Options()
        self.settings = SettingsCache()  # used by the linter thread only
        self.linter_thread = ThreadPoolExecutor(1, thread_name_prefix="thankyou-lint")
        self.documents: set[str] = set()  # open letters (other documents are left alone)
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.linted: dict[str, Linted] = {}

    # --- which documents, and where -------------------------------------------------------

    def wanted(self, document: TextDocument) -> bool:
        return document.language_id in LANGUAGES or document.uri.lower().endswith(SUFFIXES)

    def root(self) -> Path:
        root = self.workspace.root_path
        return Path(root) if root else Path.cwd()

    def folder_of(self, uri: str) -> Path:
        file = file_of(uri)
        return file.parent if file else self.root().resolve()

    def workspace_root_of(self, uri: str) -> Path:
        """The deepest workspace folder holding the document (where a new config file
        goes), or else the document's own folder."""
        document = self.folder_of(uri)
        roots = [Path(p) for f in self.workspace.folders.values() if (p := to_fs_path(f.uri))]
        roots = [r.resolve() for r in [*roots, self.root()]]
        holding = [r for r in roots if document.is_relative_to(r)]
        return max(holding, key=lambda r: len(r.parts), default=document)

    # --- linting ---------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint `uri` after `delay` seconds, replacing a lint not yet started."""
        if (task := self.pending.pop(uri, None)) is not None:
            task.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        markdown = document.language_id == "markdown" or uri.lower().endswith(MARKDOWN_SUFFIXES)
        encoding = str(self.workspace.position_encoding or "utf-16")
        loop = asyncio.get_running_loop()
        outcome = await loop.run_in_executor(
            self.linter_thread, self._lint, uri, text, version, markdown, encoding
        )
        if self.pending.get(uri) is not asyncio.current_task():
            return  # closed, or edited again meanwhile: a newer lint is on its way
        del self.pending[uri]
        if isinstance(outcome, Linted):
            self.linted[uri] = outcome
            shown = render.diagnostics(outcome, self.options.rules_url)
        else:
            self.linted.pop(uri, None)
            shown = [render.problem_diagnostic(outcome)]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=shown, version=version)
        )

    def _lint(
        self, uri: str, text: str, version: int | None, markdown: bool, encoding: str
    ) -> Linted | str:
        """In the linter thread: the report, or the one line that says why there is none."""
        try:
            settings = self.settings.for_folder(self.folder_of(uri))
            file = file_of(uri)
            draft = Draft(text, settings.draft_path(file) if file else None, markdown=markdown)
            (report,) = settings.linter.lint_drafts([draft])
            rules = {rule.meta.id: rule.meta for rule in settings.linter.rules}
        except ThankyouLintError as exc:
            return f"thankyou-lint: {exc}"
        except Exception as exc:  # a bug must cost one document its diagnostics, not the server
            log.exception("linting %s failed", uri)
            return f"thankyou-lint: internal error: {type(exc).__name__}: {exc}"
        return Linted(uri, version, Positions(text, encoding), report, rules, markdown)

    def warm_up(self) -> None:
        """In the linter thread, first thing: load the pipeline and the rules."""
        try:
            self.settings.for_folder(self.root()).linter.lint(WARM_UP)
        except Exception as exc:  # reported again, per document, when one is linted
            log.warning("thankyou-lint could not load: %s", exc)

    def open(self, uri: str) -> None:
        if self.wanted(self.workspace.get_text_document(uri)):
            self.documents.add(uri)
            self.schedule(uri, 0)

    def relint_all(self) -> None:
        for uri in self.documents:
            self.schedule(uri, 0)

    def close(self, uri: str) -> None:
        self.documents.discard(uri)
        if (task := self.pending.pop(uri, None)) is not None:
            task.cancel()
        self.linted.pop(uri, None)
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def current(self, uri: str) -> Linted | None:
        """The last report, if it is of the document as it is now (offsets still valid)."""
        linted = self.linted.get(uri)
        if linted is None or linted.version != self.workspace.get_text_document(uri).version:
            return None
        return linted


def file_of(uri: str) -> Path | None:
    """A document's file, its folder resolved as config discovery resolves it (so the two
    agree on relative paths through a symbolic link); None for an unsaved document."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(path).parent.resolve() / Path(path).name if path else None


def create_server() -> LetterServer:
    server = LetterServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(params: lsp.InitializeParams) -> None:
        server.options = Options.from_client(params.initialization_options)

    @server.feature(lsp.INITIALIZED)
    async def initialized(params: lsp.InitializedParams) -> None:
        asyncio.get_running_loop().run_in_executor(server.linter_thread, server.warm_up)
        await _watch_config_files(server)

    @server.feature(lsp.SHUTDOWN)
    def shutdown(params: None) -> None:
        server.linter_thread.shutdown(wait=False, cancel_futures=True)  # queued lints: dropped

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: lsp.DidOpenTextDocumentParams) -> None:
        server.open(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: lsp.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri in server.documents:
            server.schedule(params.text_document.uri, server.options.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: lsp.DidCloseTextDocumentParams) -> None:
        server.close(params.text_document.uri)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def config_changed(params: lsp.DidChangeWatchedFilesParams) -> None:
        server.relint_all()

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(params: lsp.HoverParams) -> lsp.Hover | None:
        linted = server.current(params.text_document.uri)
        if linted is None:
            return None
        position = params.position
        return render.hover(linted, linted.positions.offset(position.line, position.character))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, render.FIX_ALL]),
    )
    def code_action(params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        linted = server.current(params.text_document.uri)
        if linted is None:
            return None
        start, end = params.range.start, params.range.end
        actions = render.code_actions(
            linted,
            linted.positions.offset(start.line, start.character),
            linted.positions.offset(end.line, end.character),
            params.context.diagnostics,
        )
        if params.context.only:
            actions = [a for a in actions if _kind_in(a.kind, params.context.only)]
        return actions

    @server.command(render.ACCEPT_WORD)
    def accept_word(uri: str, word: str) -> None:
        """Only ever run when the user picks the action: it writes the config file."""
        _edit_config(server, uri, lambda config, new: add_accepted(word, config, new))

    @server.command(render.IGNORE_RULE)
    def ignore_rule(uri: str, rule: str) -> None:
        def change(config: Path | None, new: Path) -> Path:
            file = file_of(uri)
            if file is None:
                raise ValueError("only a file on disk can have per-file-ignores")
            glob = file.relative_to((config or new).parent).as_posix()
            return add_ignored(glob, rule, config, new)

        _edit_config(server, uri, change)

    return server


def _edit_config(server: LetterServer, uri: str, change: Any) -> None:
    """Find the document's config (or where a new one goes), change it, lint again."""
    try:
        config = find_config_file(server.folder_of(uri))
        written = change(config, default_config_path(server.workspace_root_of(uri)))
    except (ThankyouLintError, OSError, ValueError) as exc:
        server.window_show_message(
            lsp.ShowMessageParams(lsp.MessageType.Error, f"thankyou-lint: {exc}")
        )
        return
    log.info("wrote %s", written)
    server.relint_all()


async def _watch_config_files(server: LetterServer) -> None:
    """Ask the client to report config changes, if it can; mtimes are checked anyway."""
    capabilities = server.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if not (watched and watched.dynamic_registration):
        return
    options = lsp.DidChangeWatchedFilesRegistrationOptions(
        watchers=[lsp.FileSystemWatcher(glob_pattern=CONFIG_GLOB)]
    )
    registration = lsp.Registration(
        id="thankyou-lint-config",
        method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=options,
    )
    try:
        await server.client_register_capability_async(lsp.RegistrationParams([registration]))
    except Exception as exc:  # the client said no: edits still pick up config changes
        log.info("config files are not watched: %s", exc)


def _kind_in(kind: lsp.CodeActionKind | str | None, wanted: Sequence[str]) -> bool:
    """`only: ["source.fixAll"]` asks for that kind and its sub-kinds."""
    name = kind.value if isinstance(kind, lsp.CodeActionKind) else kind or ""
    return any(name == w or name.startswith(f"{w}.") for w in wanted)


def serve() -> None:
    create_server().start_io()
