"""Nothing at run time touches the network."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

NO_NETWORK = """
import socket, sys

def refuse(*args, **kwargs):
    raise RuntimeError("network access attempted")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from thankyou_lint.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_cli_runs_with_sockets_blocked() -> None:
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, "--format", "json", str(ROOT / "examples")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert "network access attempted" not in result.stderr
    assert '"flesch_reading_ease"' in result.stdout  # textstat ran, on local data


def test_textstat_does_not_need_nltk() -> None:
    import textstat

    assert textstat.syllable_count("appreciation") > 3
    assert "nltk" not in sys.modules
