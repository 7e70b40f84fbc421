"""Rules over a whole run of letters: each sees a letter's layout and the letters before it.

They run after the cache, on cached and fresh reports alike, so they never need the parse;
this module imports none of the per-letter checks, which a re-run answered from the cache
does not load.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..layout import Layout
from ..letter import Hit
from ..near_copies import EarlierLetters
from ..registry import run_rule

NEAR_COPY_LETTER = (
    "Dear Dana,\n\nThank you for meeting me on Tuesday about the analyst role at Brightwave. I"
    " enjoyed hearing about the retention work, and my dbt rebuild at Parcelly cut our monthly"
    " close from four days to one.\n\nBest regards,\nSam Lee"
)
OWN_LETTER = (
    "Dear Omar,\n\nThank you for the tour of the Leeds warehouse and for explaining the Snowflake"
    " migration. I ran a similar move at Ledgerline for the finance team last spring.\n\n"
    "Best regards,\nSam Lee"
)


@run_rule(
    id="generic.near-copy",
    severity="warning",
    message="This letter is a near-copy of another letter in the same run.",
    rationale="Each interviewer should get their own note; copies are noticed when people compare.",
    suggestion="Rewrite it around what you discussed with this interviewer.",
    needs=[],
    bad=[{"text": NEAR_COPY_LETTER.replace("Dana", "Omar"), "preceded_by": [NEAR_COPY_LETTER]}],
    good=[{"text": OWN_LETTER, "preceded_by": [NEAR_COPY_LETTER]}],
)
def near_copy(layout: Layout, earlier: EarlierLetters) -> Iterator[Hit]:
    match = earlier.most_similar(layout.body_text)
    if match:
        name, similarity = match
        message = (
            f"This letter is {similarity:.0%} the same as {name}; each interviewer"
            " should get their own note."
        )
        yield Hit(layout.body.start, layout.body.end, message=message, absence=True)
