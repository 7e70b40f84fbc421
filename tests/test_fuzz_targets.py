"""The fuzz targets run (without atheris) on a few seeds, so they cannot rot."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "fuzz"))
from fuzz_inputs import TARGETS, run_one

SEEDS = [
    b"",
    b"\xff\xfe\x00",
    b"Subject: x\n",
    (ROOT / "examples" / "needs-work.txt").read_bytes(),
    b"---\ncompany: [a\n---\n<!-- thankyou-lint: disable -->**x**",
    b"PK\x03\x04garbage",
]


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_fuzz_target_survives_seeds(target: str) -> None:
    for seed in SEEDS:
        run_one(target, seed)
