"""The `thankyou-lint` command."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from . import __version__
from .errors import ThankyouLintError

if TYPE_CHECKING:
    from .cache import ReportCache
    from .config import Config
    from .inputs import Source
    from .layout import Layout
    from .models import Report
    from .registry import RuleMeta

from .output import FORMATS  # a light module: `--help` must not load pydantic or spaCy

SEVERITIES = ("error", "warning", "info")
SUBCOMMANDS = ("rules", "explain", "schema", "eval", "batch", "serve", "server")
PROGRESS_FROM = 50  # drafts
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(ThankyouLintError):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors raise (one line, exit 2) instead of printing usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


MAX_JOBS = 256  # far more processes than any machine here has cores


def _whole_number(low: int, high: int, digits: int, expected: str) -> Callable[[str], int]:
    """An argparse type for a whole number from `low` to `high`; at most `digits` digits
    are converted, so a thousand-digit value is refused before it costs anything."""

    def parse(value: str) -> int:
        if not value.isdigit() or len(value) > digits or not low <= int(value) <= high:
            raise argparse.ArgumentTypeError(f"expected {expected}, got '{value}'")
        return int(value)

    return parse


_jobs = _whole_number(1, MAX_JOBS, 6, f"a whole number from 1 to {MAX_JOBS}")
_positive = _whole_number(1, 9_999_999, 7, "a whole number of at least 1")
_port = _whole_number(0, 65_535, 5, "a port from 0 to 65535")


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="config file (default: discovered)")
    parser.add_argument(
        "--select",
        type=_csv,
        action="extend",
        default=[],
        help="only these rule ids or families (comma-separated)",
    )
    parser.add_argument(
        "--ignore",
        type=_csv,
        action="extend",
        default=[],
        help="skip these rule ids or families (comma-separated)",
    )
    parser.add_argument("--model", help="spaCy pipeline name or path")


def lint_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="thankyou-lint",
        description="Lint job-interview thank-you letters. "
        "Other commands: `thankyou-lint rules`, `thankyou-lint explain RULE`,"
        " `thankyou-lint schema`, `thankyou-lint eval DIR`,"
        " `thankyou-lint batch INPUT... --out DIR` (on a Dask cluster).",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, directories (*.txt, *.md, *.eml, *.docx) or - for stdin",
    )
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        help="lowest severity that makes the exit code 1 (default: warning)",
    )
    parser.add_argument("--company", help="the company you interviewed with")
    parser.add_argument("--interviewer", help="the interviewer's name")
    parser.add_argument("--role", help="the role you interviewed for")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    parser.add_argument(
        "--jobs", type=_jobs, default=1, metavar="N", help="lint in N processes (default 1)"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="lint every draft again, ignoring the cache"
    )
    parser.add_argument(
        "--cache-dir", type=Path, help="where cached reports live (default: user cache dir)"
    )
    parser.add_argument(
        "--fix", action="store_true", help="apply safe fixes to the files (atomically)"
    )
    parser.add_argument(
        "--diff", action="store_true", help="print the safe fixes as a unified diff; change nothing"
    )
    parser.add_argument(
        "--show-why", action="store_true", help="print each rule's rationale under its finding"
    )
    parser.add_argument(
        "--explain-layout",
        action="store_true",
        help="print each line with the part of the letter it was read as; lint nothing",
    )
    parser.add_argument("--version", action="version", version=f"thankyou-lint {__version__}")
    _common(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # pydantic plugins (validation observers that other packages install) have nothing to
    # watch in this command, and finding them scans every installed package: ~35 ms, a
    # tenth of a cached re-run. The user's own setting of the variable wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        if args and args[0] in SUBCOMMANDS:
            return SUBCOMMAND_RUNNERS[args[0]](args[1:])
        return cmd_lint(args)
    except ThankyouLintError as exc:
        print(f"thankyou-lint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as command-line tools do.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return EXIT_FINDINGS


def _config(args: argparse.Namespace) -> Config:
    from .config import Config, find_config_file, load_config
    from .models import Severity
    from .registry import all_rules, check_rule_ids, names_rules

    path = args.config or find_config_file(Path.cwd().resolve())
    config = load_config(path) if path else Config()
    if path and names_rules(config):  # name the file when its settings are wrong, before flags
        check_rule_ids(config, all_rules(config.rule_packs), where=f"{path}: ")
    update: dict[str, object] = {}
    if args.select:
        update["select"] = tuple(args.select)
    if args.ignore:
        update["ignore"] = tuple(args.ignore)
    if args.model:
        update["model"] = args.model
    if getattr(args, "fail_on", None):
        update["fail_on"] = Severity(args.fail_on)
    return config.model_copy(update=update)


def cmd_lint(argv: list[str]) -> int:
    args = lint_parser().parse_args(argv)  # before the heavy imports: `--help` stays instant
    from .engine import Linter
    from .inputs import expand, read_source, shown
    from .models import Draft, LetterContext
    from .output import RenderContext, RuleCatalogue, renderer
    from .runner import lint_all

    if args.paths.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once")
    config = _config(args)
    if args.explain_layout:
        return _explain_layouts(args.paths, config)
    # Flags describe this run's interview: they win over front matter and config.
    flags = {"company": args.company, "interviewer": args.interviewer, "role": args.role}
    given = LetterContext(**{k: v for k, v in flags.items() if v}) if any(flags.values()) else None
    linter = Linter(config)  # rule ids the settings name are checked here, before any file is read
    sources, failed = [], False
    for path in expand(args.paths):
        source = read_source(path, config.max_size)
        if source.error is not None:
            print(f"thankyou-lint: error: {shown(path)}: {source.error}", file=sys.stderr)
            failed = True
        else:
            sources.append(source)
    if args.fix and "-" in (s.path for s in sources):
        raise UsageError("--fix cannot write to standard input; use --diff")
    if args.fix and any(s.encoding is None for s in sources):
        raise UsageError("--fix cannot rewrite .eml or .docx drafts; use --diff to see the fixes")
    cache = _cache(args, config)
    drafts = [Draft(s.text or "", shown(s.path), given, s.markdown) for s in sources]
    # No more workers than drafts or cores: a process costs a loaded pipeline (~190 MB).
    jobs = max(1, min(args.jobs, len(drafts), os.cpu_count() or 1))
    reports = list(_progress(lint_all(drafts, linter, jobs=jobs, cache=cache), len(drafts)))
    if args.diff:
        changed = _print_diffs(sources, reports)
        return EXIT_ERROR if failed else changed
    fixed, refused = _apply_fixes(sources, reports) if args.fix else (0, False)
    failed = failed or refused
    if fixed:
        # Report what is left after the fixes, on the fixed text.
        sources = [read_source(s.path, config.max_size) for s in sources]
        drafts = [Draft(s.text or "", shown(s.path), given, s.markdown) for s in sources]
        reports = list(lint_all(drafts, linter, jobs=jobs, cache=cache))
    context = RenderContext(
        sources={shown(s.path): s.text or "" for s in sources},
        rules=RuleCatalogue(lambda: linter.rules),
        colour=args.color == "always" or (args.color == "auto" and sys.stdout.isatty()),
        show_why=args.show_why,
    )
    renderer(args.format)(reports, sys.stdout, context)
    if failed:
        return EXIT_ERROR
    threshold = config.fail_on.rank
    failing = any(f.severity.rank >= threshold for r in reports for f in r.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _explain_layouts(paths: list[str], config: Config) -> int:
    """Each line of each draft beside the part it was read as (header, greeting, ...)."""
    from .analysed import analysed_text
    from .inputs import expand, read_source, shown
    from .layout import parse_layout
    from .models import Draft

    failed = False
    for path in expand(paths):
        source = read_source(path, config.max_size)
        if source.error is not None or source.text is None:
            print(f"thankyou-lint: error: {shown(path)}: {source.error}", file=sys.stderr)
            failed = True
            continue
        print(f"{shown(path)}:")
        layout = parse_layout(analysed_text(Draft(source.text, path, markdown=source.markdown)))
        hidden = "markup" if source.markdown else "directive"
        for number, (text, part) in enumerate(_shown_lines(source.text, layout, hidden), 1):
            print(f"{number:>4} {part:<18} | {text}".rstrip())
    return EXIT_ERROR if failed else EXIT_OK


def _shown_lines(source: str, layout: Layout, hidden: str) -> Iterator[tuple[str, str]]:
    """Each line as the user wrote it, beside its part: a line the analysis blanked (a
    disable comment, say) is shown with what it was, not as an empty line."""
    from .layout import split_lines

    parts = layout.line_parts()
    written = split_lines(source)
    if len(written) != len(parts):  # the analysis cut a long run: show what it read
        yield from ((line.text, part) for line, part in parts)
        return
    for own, (line, part) in zip(written, parts, strict=True):
        yield own.text, (hidden if own.stripped and not line.stripped else part)


def _changes(sources: list[Source], reports: list[Report]) -> Iterator[tuple[Source, str, str]]:
    """(source, text before, text after) for each draft its safe fixes would change."""
    from .fixes import apply_fixes

    for source, report in zip(sources, reports, strict=True):
        before = source.text or ""
        after = apply_fixes(before, report.findings)
        if after != before:
            yield source, before, after


def _print_diffs(sources: list[Source], reports: list[Report]) -> int:
    """Exit code 1 when there is something to fix, as `ruff --diff` does."""
    from .fixes import unified_diff
    from .inputs import shown

    changed = 0
    for source, before, after in _changes(sources, reports):
        sys.stdout.write(unified_diff(shown(source.path), before, after))
        changed += 1
    return EXIT_FINDINGS if changed else EXIT_OK


def _apply_fixes(sources: list[Source], reports: list[Report]) -> tuple[int, bool]:
    """Write the safe fixes, each file on its own: (files fixed, whether any was refused).
    Files with nothing to fix are not touched at all."""
    from .fixes import FixRefused, write_fixed
    from .inputs import shown

    fixed, refused = 0, False
    for source, before, after in _changes(sources, reports):
        if source.encoding is None:
            continue  # converted formats (.eml, .docx) are refused before linting
        try:
            write_fixed(Path(source.path), before, after, source.encoding, source.bom)
        except (FixRefused, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            print(
                f"thankyou-lint: error: {shown(source.path)}: fixes not written: {reason}",
                file=sys.stderr,
            )
            refused = True
        else:
            fixed += 1
    if fixed:
        print(f"thankyou-lint: fixed {fixed} file{'s' if fixed != 1 else ''}", file=sys.stderr)
    return fixed, refused


def _cache(args: argparse.Namespace, config: Config) -> ReportCache | None:
    from .cache import ReportCache, default_cache_dir

    if args.no_cache:
        return None
    return ReportCache(args.cache_dir or default_cache_dir(), config)


def _progress(reports: Iterator[Report], total: int) -> Iterator[Report]:
    """A progress bar on stderr for long batches, only when a person is watching."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        return reports
    from tqdm import tqdm

    return iter(tqdm(reports, total=total, unit="letter", leave=False, file=sys.stderr))


def cmd_rules(argv: list[str]) -> int:
    from .registry import all_rules, check_rule_ids, select_rules

    parser = _Parser(prog="thankyou-lint rules", description="List every rule.")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    _common(parser)
    args = parser.parse_args(argv)
    config = _config(args)
    every = all_rules(config.rule_packs)
    check_rule_ids(config, every)
    rules = select_rules(every, config.select, config.ignore)
    if args.format == "json":
        data = [r.meta.model_dump(mode="json") | {"family": r.meta.family.value} for r in rules]
        print(json.dumps(data, indent=2))
        return EXIT_OK
    width = max(len(r.meta.id) for r in rules)
    for rule in rules:
        meta = rule.meta
        print(
            f"{meta.id:<{width}}  {meta.family.value:<9}  {meta.severity.value:<7}  {meta.message}"
        )
    return EXIT_OK


def cmd_explain(argv: list[str]) -> int:
    from .registry import all_rules, matches_selector

    parser = _Parser(
        prog="thankyou-lint explain",
        description="Explain a rule, or every rule of a family: why it matters, what to do,"
        " whether --fix can do it, and examples.",
    )
    parser.add_argument("rule", metavar="RULE", help="a rule id (tone.text-speak) or a family")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    _common(parser)
    args = parser.parse_args(argv)
    config = _config(args)
    rules = [r for r in all_rules(config.rule_packs) if matches_selector(r.meta.id, args.rule)]
    if not rules:
        raise UsageError(f"no rule or family '{args.rule}' (see `thankyou-lint rules`)")
    if args.format == "json":
        data = [r.meta.model_dump(mode="json") | {"family": r.meta.family.value} for r in rules]
        print(json.dumps(data, indent=2))
    else:
        print("\n\n".join(_explanation(r.meta) for r in rules))
    return EXIT_OK


def _explanation(meta: RuleMeta) -> str:
    fix = (
        "Safe fix: `--fix` applies it, `--diff` shows it." if meta.fixable else "No automatic fix."
    )
    lines = [
        f"{meta.id} ({meta.family.value}, {meta.severity.value})",
        "",
        meta.message,
        "",
        f"Why: {meta.rationale}",
    ]
    if meta.suggestion:
        lines.append(f"What to do: {meta.suggestion}")
    lines += [fix, "", "Flagged:"]
    lines += [_indented(example.text) for example in meta.bad]
    lines += ["Not flagged:"]
    lines += [_indented(example.text) for example in meta.good]
    lines.append(f'Silence it with `--ignore {meta.id}` or `ignore = ["{meta.id}"]`.')
    return "\n".join(lines)


def _indented(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.splitlines()) + "\n"


def cmd_schema(argv: list[str]) -> int:
    from .output.json import schema_text

    _Parser(
        prog="thankyou-lint schema", description="Print the JSON Schema of --format json output."
    ).parse_args(argv)
    print(schema_text())
    return EXIT_OK


def cmd_eval(argv: list[str]) -> int:
    from .engine import Linter
    from .evaluate import evaluate, render_evaluation

    parser = _Parser(
        prog="thankyou-lint eval", description="Score the linter against a labelled corpus folder."
    )
    parser.add_argument("corpus", type=Path, metavar="DIR")
    parser.add_argument(
        "--with-context",
        action="store_true",
        help="lint each letter with the context from labels.json",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    _common(parser)
    args = parser.parse_args(argv)
    result = evaluate(args.corpus, Linter(_config(args)), with_context=args.with_context)
    if args.format == "json":
        print(json.dumps(result.as_data(), indent=2))
    else:
        print(render_evaluation(result))
    return EXIT_OK


def _face(module: str, *, extra: str, command: str) -> ModuleType:
    """A face beyond the command line, imported only when its command runs; without its
    extra installed, one line says what to install."""
    try:
        return importlib.import_module(module, __package__)
    except ImportError as exc:
        raise UsageError(
            f"{command} needs the [{extra}] extra ({exc.name} is missing):"
            f' pip install "thankyou-lint[{extra}]"'
        ) from None


def cmd_batch(argv: list[str]) -> int:
    parser = _Parser(
        prog="thankyou-lint batch",
        description="Lint many letters on a Dask cluster and write the findings and letters"
        " tables as Parquet (needs the [dask] extra). Without --scheduler, a local cluster"
        " runs on this machine.",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, folders or fsspec URLs (s3://bucket/letters/) the workers can read",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="a running scheduler, tcp://...")
    parser.add_argument(
        "--workers", type=_jobs, metavar="N", help="local cluster: worker processes (cores)"
    )
    parser.add_argument(
        "--partition-size", type=_positive, default=100, metavar="N", help="letters a task"
    )
    _common(parser)
    args = parser.parse_args(argv)
    dask = _face(".dask", extra="dask", command="batch")
    written = [args.out / name for name in ("findings", "letters") if (args.out / name).exists()]
    if written:
        raise UsageError(f"{written[0]} already exists; choose another --out or move it away")
    urls = dask.file_urls(args.inputs)
    if not urls:
        raise UsageError("no letters found in the inputs")
    try:
        summary = dask.run_batch(
            urls,
            args.out,
            scheduler=args.scheduler,
            workers=args.workers,
            config=_config(args),
            partition_size=args.partition_size,
            progress=sys.stderr.isatty(),
        )
    except OSError as exc:  # includes the scheduler's TimeoutError and refused connections
        raise ThankyouLintError(f"cluster: {exc}") from None
    print(
        f"Linted {summary.letters - summary.failed} of {summary.letters} letters"
        f" ({summary.findings} findings); wrote {args.out / 'findings'} and {args.out / 'letters'}."
    )
    if summary.failed:
        print(
            f"thankyou-lint: error: {summary.failed} letters could not be linted"
            " (their rows in 'letters' say why)",
            file=sys.stderr,
        )
    return EXIT_ERROR if summary.failed else EXIT_OK


def cmd_serve(argv: list[str]) -> int:
    parser = _Parser(
        prog="thankyou-lint serve",
        description="Serve a local web page that lints a letter as you type, and its JSON API,"
        " on 127.0.0.1 (needs the [web] extra).",
    )
    parser.add_argument(
        "--port", type=_port, default=8765, metavar="N", help="port (default 8765; 0: any free)"
    )
    parser.add_argument("--open", action="store_true", help="open the page in a web browser")
    _common(parser)
    args = parser.parse_args(argv)
    web = _face(".web", extra="web", command="serve")
    from .engine import Linter

    web.serve(Linter(_config(args)), port=args.port, open_browser=args.open)
    return EXIT_OK


def cmd_server(argv: list[str]) -> int:
    parser = _Parser(
        prog="thankyou-lint server",
        description="The language server, over standard input and output: diagnostics, "
        "quick fixes and hovers in your editor (needs the [lsp] extra).",
    )
    parser.add_argument(
        "--stdio", action="store_true", help="talk over stdin and stdout (the default and only way)"
    )
    parser.parse_args(argv)
    _face(".lsp.server", extra="lsp", command="server").serve()
    return EXIT_OK


SUBCOMMAND_RUNNERS = {
    "rules": cmd_rules,
    "explain": cmd_explain,
    "schema": cmd_schema,
    "eval": cmd_eval,
    "batch": cmd_batch,
    "serve": cmd_serve,
    "server": cmd_server,
}

if __name__ == "__main__":
    sys.exit(main())
