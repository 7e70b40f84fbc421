"""Template slots left unfilled: "[Company Name]", "COMPANY NAME", "XYZ Corp".

Several checks ask where they are: the placeholder rule reports them, shouting skips them,
and a strength whose only detail is a slot ("my background in [field]") restates nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..letter import Letter
from .common import per_letter

if TYPE_CHECKING:
    from spacy.tokens import Token

# One `\b` before all the words: re then rules out most positions with one test, not five.
PLACEHOLDER_RE = re.compile(
    # A bracket may wrap onto a second line in hard-wrapped mail: "[a certain\npoint]".
    r"\[[^\]\n]{1,200}(?:\n[^\[\]\n]{1,200})?\]"
    r"|\{\{[^}\n]{0,40}\}\}|<(?!3)[A-Za-z][A-Za-z .'_-]{1,40}>"
    # Mail-merge fields: "#to_name#", "%FirstName%", "{company}", "${role}".
    r"|#[A-Za-z_]\w{0,40}#|%[A-Za-z_]\w{0,40}%|\$?\{[A-Za-z_][\w ]{0,40}\}"
    # A blank to fill in: "Dear _______,".
    r"|_{3,}"
    # A slot described in parentheses: "(company name)", "(insert date)".
    r"|\((?:specific|insert|enter)\s+[^()\n]{1,60}\)"
    # A lettered stand-in inside a sentence: "my (A) and (B) abilities" (not a list's "(A)").
    r"|(?<=\w )\([A-Z]\)"
    r"|\([^()\n]{0,40}\b(?:name|title)\)"
    # The stock stand-in for a person's name.
    r"|\b(?:John|Jane)\s+(?:Q\.\s+)?Doe\b"
    r"|\b(?:(?:XYZ|ABC|XX+|xx+)(?:\s+(?:Corp(?:oration)?|Company|Inc|Ltd|Co|Industries|Group))?\b"
    r"|INSERT\s+[A-Z][A-Z ]+\b|TBD\b"
    r"|(?:Company|Interviewer|Hiring\s+Manager|Recipient|Your|Candidate|First|Last)(?:'s)?\s+Name\b"
    r"|M(?:r|s|rs)\.?\s+(?:Manager|Recruiter|Interviewer|Hiring\s+Manager|Lastname|Surname)\b"
    # A slot named in capitals: "COMPANY NAME", "JOB TITLE", "HIRING MANAGER'S NAME".
    r"|(?:[A-Z]{2,}(?:'S)?\s+){0,3}"
    r"(?:NAME|TITLE|POSITION|COMPANY|ROLE|ORGANI[SZ]ATION|DEPARTMENT|INSTITUTION|EMPLOYER)\b)"
)
# How an aside in parentheses begins, unlike a slot's description.
ASIDE_OPENERS = (
    r"as|at least|or|and|but|so|if|e\.g|i\.e|almost|nearly|about|around|over|under|including"
    r"|especially|which|who|where|since|though|although|even|with|without|not|just|still"
)
# Words after which a parenthesis stands where the letter needs a word of its own, so it is
# a slot ("an interview at (name of organization)", "I neglected to mention (when you have
# more to add)"), not an aside after a complete phrase ("the Payments team (Oncology)").
SLOT_BEFORE_RE = re.compile(
    r"(?i)(?:^|\b(?:at|about|of|for|in|on|with|to|from|by|as|the|a|an|your|my|our|dear"
    r"|mention|have|enjoy|that)[ \t]+)"
    # with a letter in it (not a phone's area code), and not an aside or a hedge: "for (at
    # least) two years", "that (as you said) the team", "in (roughly) two weeks"
    r"(?P<slot>\((?=[^()\n]*[a-z])(?![a-z]+ly\))(?!(?:" + ASIDE_OPENERS + r")\b)[^()\n]{3,200}\))",
    re.MULTILINE,
)
SIGNATURE_PLACEHOLDERS = {"name", "your name", "full name", "candidate", "signature"}


@per_letter
def placeholders(letter: Letter) -> list[tuple[int, int]]:
    """Unfilled template slots, as (start, end) in the letter: other rules skip them (a
    slot in capitals is not shouting)."""
    text = letter.text
    start = letter.layout.greeting.start if letter.layout.greeting else letter.body.start
    found = [m.span() for m in PLACEHOLDER_RE.finditer(text, start)]
    found += [m.span("slot") for m in SLOT_BEFORE_RE.finditer(text, start)]
    name = letter.layout.name
    if name and letter.layout.slice(name).strip().lower() in SIGNATURE_PLACEHOLDERS:
        found.append((name.start, name.end))
    return found


def token_in_slot(letter: Letter, token: Token) -> bool:
    """Is a body token part of a slot ("[particular topic]", "Company Name")?"""
    start = letter.body.start + token.idx
    return in_slot(letter, start, start + len(token))


def in_slot(letter: Letter, start: int, end: int) -> bool:
    """Does the text from `start` to `end` (letter offsets) overlap a slot?"""
    return any(a < end and start < b for a, b in placeholders(letter))
