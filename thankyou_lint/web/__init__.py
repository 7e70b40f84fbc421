"""The local web page and its JSON API: `thankyou-lint serve` (needs the [web] extra).

A thin face over the one `Linter`: the routes parse a request, lint or fix on the server
and answer with the `Report` as JSON; the page in `static/` only draws what they return.
It listens on 127.0.0.1 only and loads nothing from anywhere else.
"""

from __future__ import annotations

import socket
import sys
import threading
import webbrowser
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import uvicorn
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..engine import Linter
from ..errors import InputError, ThankyouLintError
from ..fixes import apply_fixes
from ..inputs import source_from_bytes
from ..models import Draft, Finding, LetterContext, Report

STATIC = Path(__file__).parent / "static"
HOST = "127.0.0.1"
DEFAULT_PORT = 8765
MAX_JSON_BYTES = 2_000_000  # 100,000 characters, even escaped as \uXXXX, fit well inside
MAX_FILE_BYTES = 10_000_000  # a Word letter with a logo is well under; a letter is kilobytes
WARM_UP_LETTER = "Dear Sam,\n\nThank you for your time today.\n\nBest regards,\nAlex\n"

# Nothing but this server: no other host's fonts, scripts, images or connections, and no
# inline script or style, so letter text can never run as code even if it were misplaced.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),  # letters are not kept in the browser's disk cache
]


class LintRequest(BaseModel):
    """The body of `POST /api/lint`."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The letter.")
    context: LetterContext | None = Field(default=None, description="The interview, if known.")
    markdown: bool = Field(default=False, description="Read the text as Markdown.")


class FixTarget(BaseModel):
    """One finding, as the report names it."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    start: int
    end: int


class FixRequest(LintRequest):
    """The body of `POST /api/fix`: without `only`, every safe fix is applied."""

    only: FixTarget | None = Field(default=None, description="Apply only this finding's fix.")


class Engine:
    """The server's one Linter. spaCy is loaded in the background at start-up; a request
    that comes earlier waits for it. Letters are linted one at a time (the lock), as the
    pipeline and the linter's lazily loaded rules are not meant to be shared by threads."""

    def __init__(self, linter: Linter) -> None:
        self.linter = linter
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        try:
            self.lint(LintRequest(text=WARM_UP_LETTER))
        except ThankyouLintError as exc:  # every request will answer with it too
            print(f"thankyou-lint: error: {exc}", file=sys.stderr, flush=True)

    def lint(self, request: LintRequest) -> Report:
        draft = Draft(request.text, context=request.context, markdown=request.markdown)
        with self._lock:
            try:
                return next(self.linter.lint_drafts([draft]))
            except InputError as exc:  # the engine names the draft; here there is only one
                raise InputError(str(exc).removeprefix("draft 1: ")) from None

    def rules(self) -> list[dict[str, Any]]:
        with self._lock:
            rules = self.linter.rules
        return [r.meta.model_dump(mode="json") | {"family": r.meta.family.value} for r in rules]


def _chosen(findings: list[Finding], only: FixTarget | None) -> list[Finding]:
    if only is None:
        return findings
    chosen = [f for f in findings if (f.rule, f.start, f.end) == (only.rule, only.start, only.end)]
    if not chosen or chosen[0].fix is None:
        raise HTTPException(409, "that finding has no fix in this text; check the letter again")
    return chosen


async def _body(request: Request, limit: int, what: str) -> bytes:
    """The request body, refused past `limit`. The rest is still read (and dropped): a
    server that stops reading makes the browser report a network error, not this reason."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size <= limit:
            chunks.append(chunk)
    if size > limit:
        raise HTTPException(
            413,
            f"{what} is {size / 1_000_000:.1f} MB, more than the {limit // 1_000_000} MB"
            " this page accepts; a letter is a few kilobytes",
        )
    return b"".join(chunks)


Body = TypeVar("Body", bound=BaseModel)


async def _parsed(request: Request, model: type[Body]) -> Body:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise HTTPException(415, "send the request as application/json")
    data = await _body(request, MAX_JSON_BYTES, "the request")
    try:
        return model.model_validate_json(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "body"
        raise HTTPException(400, f"{where}: {error['msg']}") from None


async def _lint(engine: Engine, request: LintRequest) -> Report:
    try:
        return await run_in_threadpool(engine.lint, request)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    except ThankyouLintError as exc:  # the pipeline is missing, say
        raise HTTPException(500, str(exc)) from None


def _routes(engine: Engine) -> list[Route | Mount]:
    async def lint(request: Request) -> Response:
        report = await _lint(engine, await _parsed(request, LintRequest))
        return JSONResponse(report.model_dump(mode="json"))

    async def fix(request: Request) -> Response:
        wanted = await _parsed(request, FixRequest)
        report = await _lint(engine, wanted)
        fixed = apply_fixes(wanted.text, _chosen(report.findings, wanted.only))
        if fixed != wanted.text:
            report = await _lint(engine, wanted.model_copy(update={"text": fixed}))
        return JSONResponse({"text": fixed, "report": report.model_dump(mode="json")})

    async def read(request: Request) -> Response:
        name = request.query_params.get("name", "")
        if not name:
            raise HTTPException(400, "name the file: POST /api/read?name=letter.docx")
        data = await _body(request, MAX_FILE_BYTES, "the file")
        max_size = engine.linter.config.max_size
        source = await run_in_threadpool(source_from_bytes, name, data, max_size)  # unzips
        if source.error is not None or source.text is None:
            raise HTTPException(422, f"{name}: {source.error}")
        return JSONResponse({"name": name, "text": source.text, "markdown": source.markdown})

    async def rules(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(engine.rules))

    async def page(request: Request) -> Response:
        return FileResponse(STATIC / "index.html")

    async def schema(request: Request) -> Response:
        return JSONResponse(
            {
                "lint_request": LintRequest.model_json_schema(),
                "fix_request": FixRequest.model_json_schema(),
                "report": Report.model_json_schema(),
            }
        )

    return [
        Route("/api/lint", lint, methods=["POST"]),
        Route("/api/fix", fix, methods=["POST"]),
        Route("/api/read", read, methods=["POST"]),
        Route("/api/rules", rules, methods=["GET"]),
        Route("/api/schema", schema, methods=["GET"]),
        Route("/", page, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC)),
    ]


async def _error(request: Request, exc: Exception) -> Response:
    """Every error is one line of JSON, whatever the route."""
    assert isinstance(exc, HTTPException)
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code)


class SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(linter: Linter | None = None) -> Starlette:
    """The web app over one Linter (default settings if none is given)."""
    engine = Engine(linter or Linter())

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # A daemon thread: Ctrl-C while spaCy loads still stops the server at once.
        threading.Thread(target=engine.warm_up, name="thankyou-lint-load", daemon=True).start()
        yield

    middleware = [
        # Only these names: a web site that points its own name at 127.0.0.1 (DNS
        # rebinding) cannot reach the API from the user's browser.
        Middleware(TrustedHostMiddleware, allowed_hosts=[HOST, "localhost"]),
        Middleware(SecurityHeaders),
    ]
    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]]
    handlers = {HTTPException: _error}
    return Starlette(
        routes=_routes(engine),
        middleware=middleware,
        exception_handlers=handlers,
        lifespan=lifespan,
    )


def listening_socket(port: int) -> socket.socket:
    """Bound and listening before uvicorn starts, so a busy port is one line of error and
    the browser opened by --open finds the page."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        hint = "; choose another with --port N (0: any free port)" if port else ""
        raise ThankyouLintError(f"cannot listen on {HOST}:{port}: {exc.strerror}{hint}") from None
    return sock


def serve(linter: Linter, port: int = DEFAULT_PORT, open_browser: bool = False) -> None:
    """Serve the page until Ctrl-C; the first line on standard output is its address."""
    sock = listening_socket(port)
    url = f"http://{HOST}:{sock.getsockname()[1]}/"
    print(f"thankyou-lint: the page is at {url} (Ctrl-C to stop)", flush=True)
    if open_browser:
        webbrowser.open(url)
    config = uvicorn.Config(create_app(linter), log_level="warning", access_log=False)
    with sock:
        uvicorn.Server(config).run(sockets=[sock])
