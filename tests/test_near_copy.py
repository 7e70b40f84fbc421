"""The near-copy index: copies with a few words changed are found, whatever the sample."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import TEAM_CORPUS

from thankyou_lint.layout import parse_layout
from thankyou_lint.near_copies import NearCopyIndex

ENDING = ["thanks", "again", "for", "everything", "today"]


def _bodies() -> list[str]:
    texts = (p.read_text(encoding="utf-8") for p in sorted(TEAM_CORPUS.glob("*.txt")))
    return [parse_layout(text).body_text for text in texts]


def test_every_lightly_edited_copy_is_found_among_all_the_letters() -> None:
    bodies = _bodies()
    index = NearCopyIndex()
    for i, body in enumerate(bodies):
        index.add(f"letter {i}", body)
    missed = []
    for i, body in enumerate(bodies):
        words = body.split()
        if len(words) < 80:  # five changed words would be too large a share of a short letter
            continue
        found = index.most_similar(" ".join(words[:-5] + ENDING))
        if found is None or found[0] != f"letter {i}":
            missed.append((i, found))
    assert missed == []


def test_letters_sharing_one_paragraph_are_not_near_copies() -> None:
    bodies = [b for b in _bodies() if b.count("\n\n") >= 2]
    index = NearCopyIndex()
    index.add("template", bodies[0])
    opening = bodies[0].split("\n\n")[0]
    for other in bodies[1:20]:
        assert index.most_similar(opening + "\n\n" + other) is None


def test_every_copy_of_a_short_letter_is_found() -> None:
    """A letter of 40 words has ~36 shingles: perhaps none is one in eight, yet it is found."""
    shorts = list(dict.fromkeys(" ".join(body.split()[:40]) for body in _bodies()))
    index = NearCopyIndex()
    for i, text in enumerate(shorts):
        index.add(f"letter {i}", text)
    edited = (text.rsplit(" ", 1)[0] + " today" for text in shorts)
    assert [i for i, text in enumerate(edited) if index.most_similar(text) is None] == []


def test_the_same_shingles_in_every_process() -> None:
    """Python salts str hashes per process; the band keys must not depend on it."""
    probe = (
        "from thankyou_lint.near_copies import band_keys, shingles;"
        " print(band_keys(shingles(' '.join(sys.argv[1:]))))"
    )
    words = "thank you for meeting me on Tuesday about the analyst role at Brightwave".split()
    runs = {
        subprocess.run(
            [sys.executable, "-c", "import sys; " + probe, *words],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1
