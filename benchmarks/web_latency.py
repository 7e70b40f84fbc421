"""The `POST /api/lint` round trip of `thankyou-lint serve` for a 200-word letter, warm,
beside the library's own `Linter.lint()` of the same text in this process.

    pip install -e ".[web]"
    python benchmarks/web_latency.py                    # 100 requests of each
    python benchmarks/web_latency.py --requests 10      # a quick check (CI runs this)

The server is the real command (`thankyou-lint serve --port 0`) in its own process; the
client keeps one HTTP connection open, as the page's browser does. Each request is an
edit: the letter's last word before the sign-off changes every time, so nothing can be
answered from memory. The two are timed in turns (one lint, one request) so both see the
same machine. Target: p95 <= 50 ms for the round trip. It reports, never asserts.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from letters import generate

TARGET_P95_MS = 50.0
WARM_UP = 10  # requests before timing: the pipeline loaded, the first-call costs paid
EDITS = ("today", "again", "soon", "warmly", "gladly")


def letter_of_about(words: int) -> str:
    """The first generated letter (a fixed seed) with words ± 5% words."""
    for text in generate(2000):
        if abs(len(text.split()) - words) <= words * 0.05:
            return text
    raise SystemExit(f"no generated letter has about {words} words")


def edited(text: str, n: int) -> str:
    """The letter with one word added to the end of a sentence in its middle."""
    middle = text.index(". ", len(text) // 2)
    return f"{text[:middle]} {EDITS[n % len(EDITS)]}{text[middle:]}"


def start_server(folder: str) -> tuple[subprocess.Popen[str], str, int]:
    process = subprocess.Popen(
        [sys.executable, "-m", "thankyou_lint", "serve", "--port", "0"],
        cwd=folder,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    found = re.search(r"http://(127\.0\.0\.1):(\d+)/", process.stdout.readline())
    if not found:
        process.kill()
        raise SystemExit("the server did not print its address")
    return process, found.group(1), int(found.group(2))


def post_lint(connection: http.client.HTTPConnection, text: str) -> dict[str, Any]:
    body = json.dumps({"text": text})
    connection.request("POST", "/api/lint", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status != 200:
        raise SystemExit(f"POST /api/lint answered {response.status}: {data[:200]!r}")
    answer: dict[str, Any] = json.loads(data)
    return answer


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def summary(samples: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {
        "p50_ms": statistics.median(samples),
        "p95_ms": cuts[94],
        "mean_ms": statistics.fmean(samples),
        "max_ms": max(samples),
    }


def run(requests: int) -> dict[str, Any]:
    from thankyou_lint import Linter

    load_before = os.getloadavg()[0]
    text = letter_of_about(200)
    linter = Linter()
    linter.lint(text)  # loaded before the server's connection opens (it closes when idle 5 s)
    with tempfile.TemporaryDirectory() as folder:  # no configuration: the defaults
        process, host, port = start_server(folder)
        try:
            connection = http.client.HTTPConnection(host, port, timeout=120)
            for n in range(WARM_UP):
                assert post_lint(connection, edited(text, n)) == linter.lint(
                    edited(text, n)
                ).model_dump(mode="json"), "the server and the library disagree"
            library, server = [], []
            for n in range(requests):
                letter = edited(text, n)
                library.append(timed(lambda: linter.lint(letter)))  # noqa: B023 - called now
                server.append(timed(lambda: post_lint(connection, letter)))  # noqa: B023
            connection.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    lib, api = summary(library), summary(server)
    return {
        "letter_words": len(text.split()),
        "letter_characters": len(text),
        "requests": requests,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg()[0],
        "library_lint": lib,
        "post_api_lint": api,
        "ratio_p50": api["p50_ms"] / lib["p50_ms"],
        "ratio_p95": api["p95_ms"] / lib["p95_ms"],
        "target_p95_ms": TARGET_P95_MS,
        "target_met": api["p95_ms"] <= TARGET_P95_MS,
    }


def table(result: dict[str, Any]) -> str:
    lines = [
        f"{result['letter_words']}-word letter, {result['requests']} edits, warm"
        f" (load average {result['load_average_before']:.1f} before,"
        f" {result['load_average_after']:.1f} after)",
        f"{'':<18}{'p50 ms':>9}{'p95 ms':>9}{'mean ms':>9}{'max ms':>9}",
    ]
    for label, key in (("Linter.lint()", "library_lint"), ("POST /api/lint", "post_api_lint")):
        row = result[key]
        lines.append(
            f"{label:<18}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}"
            f"{row['mean_ms']:>9.1f}{row['max_ms']:>9.1f}"
        )
    lines.append(
        f"ratio (API / library): p50 {result['ratio_p50']:.2f}x, p95 {result['ratio_p95']:.2f}x;"
        f" target p95 <= {TARGET_P95_MS:g} ms: {'met' if result['target_met'] else 'NOT met'}"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100, help="timed requests (default 100)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "web_latency.json")
    args = parser.parse_args()
    result = run(args.requests)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
