"""A code check for thankyou-lint, loaded through the `thankyou_lint.rules` entry point."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from thankyou_lint import Hit, Letter, code_rule

if TYPE_CHECKING:
    from spacy.tokens import Token  # for annotations only: importing the plugin stays cheap

MAX_THANKS = 2
BODY = "Thank you for the interview on Tuesday. I led the Brightwave billing migration."


@code_rule(
    id="thanks.repeated",
    severity="info",
    message="More than two thank-yous in the body read as gushing.",
    rationale=(
        "One clear thank-you, and perhaps a second at the close, is warm. "
        "A third starts to sound anxious and crowds out what you have to say."
    ),
    suggestion="Keep the first thank-you; turn the others into what you valued and why.",
    needs=[],  # token text only: no tagger, parser or entity recogniser
    bad=[
        "Dear Dana,\n\nThank you for the interview. Thanks for the tour of the lab, too. "
        "Thank you again for your time.\n\nBest regards,\nSam Lee"
    ],
    good=[
        f"Dear Dana,\n\n{BODY} Thanks again for your time.\n\nThanks again,\nSam Lee",
        f"Dear Dana,\n\n{BODY} Thanks to the new rota, I could start in May.\n\nBest,\nSam Lee",
        f'Dear Dana,\n\n{BODY} You said "thank you" to every nurse you passed.\n\nBest,\nSam Lee',
    ],
)
def repeated_thanks(letter: Letter) -> Iterator[Hit]:
    # letter.doc is the body only: the greeting and the sign-off ("Thanks again,") are not in it.
    count = 0
    for token in letter.doc:
        if _is_thanks(token) and not letter.in_quotes(token):
            count += 1
            if count > MAX_THANKS:
                last = token.nbor(1) if token.lower_ == "thank" else token  # "Thank you"
                yield letter.hit(token, last, message=f"Thank-you number {count} in the body.")


def _is_thanks(token: Token) -> bool:
    """ "thank you", "thanks", but not "thanks to the new rota" (a cause, not gratitude)."""
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if token.lower_ == "thank":
        return following in {"you", "u"}
    return token.lower_ == "thanks" and following != "to"


# The entry point names this list; a single rule object works as well.
RULES = [repeated_thanks]
