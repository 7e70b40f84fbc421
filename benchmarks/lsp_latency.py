"""Edit to fresh diagnostics in `thankyou-lint server`, beside the library's own lint().

A real client (pygls's) starts the real server over stdio with `debounce` set to 0 (an
initialization option: the 0.3 s an editor waits for the typing to pause is a choice,
not work), opens a 200-word letter, waits for the pipeline, then makes 100 edits, one
character typed or deleted at a time, as a person types a word. Each edit's latency runs
from sending `textDocument/didChange` to receiving the `publishDiagnostics` of that
version. Between two edits, the same text goes through `Linter.lint()` in this process,
so both figures are taken under the same load. It prints a table and writes JSON; it
reports, never asserts.

    python benchmarks/lsp_latency.py [--edits 100] [--out benchmarks/lsp_latency.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from letters import generate  # the benchmark's own letters, beside this file
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

from thankyou_lint import Linter

TARGET_P95_MS = 50.0
WARM_EDITS = 10  # edits before the measured ones: caches and code paths warm
URI = "file:///benchmark/letter.txt"  # the server lints the text it is sent; no file is read
WORDS = (190, 210)


def letter_of_200_words() -> str:
    """The first letter of the benchmark's deterministic batch with about 200 words."""
    return next(t for t in generate(500) if WORDS[0] <= len(t.split()) <= WORDS[1])


def typed(base: str, count: int) -> list[str]:
    """The letter as someone types "very " into its body and deletes it again, one
    character per edit, so every text differs from the one before."""
    at = base.index(" ", len(base) // 2) + 1
    word = "very "
    cycle = [word[:n] for n in range(1, len(word) + 1)] + [word[:n] for n in range(4, -1, -1)]
    return [base[:at] + cycle[i % len(cycle)] + base[at:] for i in range(count)]


class Client(LanguageClient):
    """Notes when each version's diagnostics arrive."""

    def __init__(self) -> None:
        super().__init__("lsp-latency", "1")
        self.arrived: dict[int, float] = {}
        self.counts: dict[int, int] = {}
        self.news = asyncio.Event()

        @self.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: lsp.PublishDiagnosticsParams) -> None:
            if params.version is not None:
                self.arrived[params.version] = time.perf_counter()
                self.counts[params.version] = len(params.diagnostics)
                self.news.set()

    async def diagnostics_of(self, version: int) -> float:
        while version not in self.arrived:
            self.news.clear()
            await asyncio.wait_for(self.news.wait(), 300)
        return self.arrived[version]

    def send(self, version: int, text: str) -> float:
        sent = time.perf_counter()
        self.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=URI, version=version),
                [lsp.TextDocumentContentChangeWholeDocument(text)],
            )
        )
        return sent


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (p95 of 100 values is the 95th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))]


def summary(values_ms: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(values_ms), 2),
        "p95_ms": round(percentile(values_ms, 0.95), 2),
        "mean_ms": round(statistics.fmean(values_ms), 2),
        "min_ms": round(min(values_ms), 2),
        "max_ms": round(max(values_ms), 2),
    }


async def measure(edits: int) -> dict[str, Any]:
    load_before = os.getloadavg()
    base = letter_of_200_words()
    texts = typed(base, WARM_EDITS + edits)
    linter = Linter()
    client = Client()
    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "thankyou_lint", "server")
    await client.initialize_async(
        lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(),
            root_uri="file:///benchmark",
            initialization_options={"debounce": 0},
        )
    )
    client.initialized(lsp.InitializedParams())
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(URI, "plaintext", 1, base))
    )
    first = await client.diagnostics_of(1) - started
    linter.lint(base)  # the library's pipeline loads here, outside the figures

    server_ms, library_ms = [], []
    for number, text in enumerate(texts):
        version = number + 2
        sent = client.send(version, text)
        server = (await client.diagnostics_of(version) - sent) * 1000
        began = time.perf_counter()
        report = linter.lint(text)
        library = (time.perf_counter() - began) * 1000
        # The same findings, plus the reasons card, or the comparison means nothing.
        assert client.counts[version] == len(report.findings) + 1, (version, report.findings)
        if number >= WARM_EDITS:
            server_ms.append(server)
            library_ms.append(library)

    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    server_s, library_s = summary(server_ms), summary(library_ms)
    return {
        "letter": {"words": len(base.split()), "characters": len(base)},
        "edits": edits,
        "warm_edits_skipped": WARM_EDITS,
        "debounce_s": 0,
        "first_diagnostics_after_start_s": round(first, 2),
        "server": server_s,
        "library_lint": library_s,
        "ratio_p50": round(server_s["p50_ms"] / library_s["p50_ms"], 2),
        "ratio_p95": round(server_s["p95_ms"] / library_s["p95_ms"], 2),
        "target_p95_ms": TARGET_P95_MS,
        "meets_target": server_s["p95_ms"] <= TARGET_P95_MS,
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
    }


def table(result: dict[str, Any]) -> str:
    server, library = result["server"], result["library_lint"]
    rows = [
        f"letter: {result['letter']['words']} words; {result['edits']} edits measured "
        f"(after {result['warm_edits_skipped']} warm-up edits), debounce 0",
        "first diagnostics after the server started: "
        f"{result['first_diagnostics_after_start_s']} s",
        "",
        f"{'':<34}{'p50 ms':>9}{'p95 ms':>9}{'mean ms':>9}{'max ms':>9}",
    ]
    for label, s in (("edit -> diagnostics (server)", server), ("lint() (library)", library)):
        rows.append(f"{label:<34}{s['p50_ms']:>9}{s['p95_ms']:>9}{s['mean_ms']:>9}{s['max_ms']:>9}")
    verdict = "met" if result["meets_target"] else "NOT met"
    rows += [
        f"{'ratio server / library':<34}{result['ratio_p50']:>9}{result['ratio_p95']:>9}",
        "",
        f"target: server p95 <= {result['target_p95_ms']:g} ms: {verdict}",
    ]
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=100, help="measured edits (default 100)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "lsp_latency.json")
    args = parser.parse_args()
    result = asyncio.run(measure(args.edits))
    print(table(result))
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
