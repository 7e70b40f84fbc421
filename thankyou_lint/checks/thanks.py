"""Thanks: the body of the letter should thank the reader."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..letter import Hit, Letter
from ..registry import code_rule
from .common import FIRST_PERSON, SECOND_PERSON, per_letter, subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

THANK_WORDS = {"thank", "thanks", "thx", "thanku", "ty", "thank-you"}
GRATEFUL_WORDS = {"grateful", "thankful", "appreciative", "indebted", "gratitude", "appreciation"}
# The words and lemmas `is_gratitude` answers for: any other word is not thanks.
GRATITUDE_WORDS = THANK_WORDS | GRATEFUL_WORDS | {"cheers", "obliged"}
GRATITUDE_LEMMAS = {"thank", "appreciate", "mean"}
# Thanks for something bad is sarcasm: "thanks for keeping me waiting".
SARCASM_AFTER = {
    "nothing",
    "wasting",
    "ghosting",
    "ignoring",
    "keeping",
    "making",
    "checking",
    "leaving",
    "cancelling",
    "canceling",
    "interrupting",
    "forgetting",
}

# "Thank the panel for me" still thanks the reader's side; a named third person does not.
THIRD_PERSON = {"him", "her", "them", "he", "she", "they", "his"}
# A sign-off of four words or more ("Thank you for your time,") is a sentence of thanks.
SIGNOFF_SENTENCE_WORDS = 4


def is_gratitude(token: Token, addressee: frozenset[str] = frozenset()) -> bool:
    """Does this word express the writer's gratitude to the reader (named in `addressee`)?"""
    word, lemma = token.lower_, token.lemma_.lower()
    if word in THANK_WORDS or lemma == "thank":
        return _thanks_the_reader(token, addressee)
    if word == "cheers" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "for":
        return not is_sarcastic_thanks(token)  # British "cheers for today" is thanks
    if lemma == "appreciate":
        return _appreciates_the_reader(token)
    if word in GRATEFUL_WORDS:
        return not _is_request(token) and not _to_someone_else(token)
    if word == "obliged":
        return not any(c.dep_ in {"xcomp", "ccomp"} for c in token.children)  # not "obliged to"
    if lemma == "mean" and any(
        c.lower_ in {"lot", "world", "great", "deal"} for c in token.subtree
    ):
        return any(c.lower_ in {"it", "that", "this"} for c in token.children) or _said_to_reader(
            token
        )
    return False


def is_sarcastic_thanks(token: Token) -> bool:
    """ "Well, thanks for keeping me in the lobby": thanks for something bad."""
    doc = token.doc
    rest = [t.lower_ for t in doc[token.i + 1 : token.sent.end]][:14]
    return "for" in rest[:5] and bool(SARCASM_AFTER.intersection(rest))


def _thanks_the_reader(token: Token, addressee: frozenset[str]) -> bool:
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    after = doc[token.i + 2] if token.i + 2 < len(doc) else None
    if token.lower_ == "thanks" and nxt is not None and nxt.lower_ == "to":
        return after is not None and after.lower_ in SECOND_PERSON  # "thanks to the new policy"
    if is_sarcastic_thanks(token):
        return False
    if token.pos_ == "VERB" and _third_party_subject(token):
        return False  # "she thanked the team"
    if any(c.lower_ == "please" for c in token.children):
        return False  # "please thank Sarah for me"
    for obj in (c for c in token.children if c.dep_ in {"dobj", "obj"}):
        if obj.lower_ in THIRD_PERSON or any(c.lower_ == "my" for c in obj.children):
            return False  # "thank my mentor"
        if obj.pos_ == "PROPN" and addressee and obj.lower_ not in addressee:
            return False  # "thank Sarah", when the letter is to Dana
    return True


def _third_party_subject(token: Token) -> bool:
    """A subject before the verb that is neither the writer nor the reader."""
    return any(
        s.i < token.i
        and s.lower_ not in FIRST_PERSON | SECOND_PERSON | {"we"}
        and s.pos_ in {"PRON", "PROPN"}
        for s in subjects(token)
    )


def _appreciates_the_reader(token: Token) -> bool:
    if token.pos_ != "VERB":
        return False
    if _third_party_subject(token):
        return False
    for child in token.children:
        # "I appreciate that the role is demanding": a statement, not thanks.
        if child.dep_ == "ccomp" and any(m.lower_ in {"that", "if"} for m in child.children):
            return False
        if child.lower_ == "it" and _is_request(token):
            return False  # "I'd appreciate it if ..."
    return not _is_request(token)


def _is_request(token: Token) -> bool:
    """ "I would be grateful if you could ...": a request, not gratitude."""
    sent = token.sent
    words = [t.lower_ for t in sent]
    conditional = any(w in {"would", "'d", "’d", "will"} for w in words[: token.i - sent.start])
    return conditional and ("if" in words or "for" not in words)


def _to_someone_else(token: Token) -> bool:
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"):
        for obj in prep.children:
            if obj.lower_ not in SECOND_PERSON and obj.pos_ in {"PROPN", "NOUN", "PRON"}:
                return obj.lower_ not in {"everyone", "all", "panel", "team", "both"}
    return False


def _said_to_reader(token: Token) -> bool:
    return any(t.lower_ in SECOND_PERSON for t in token.sent)


@per_letter
def gratitude(letter: Letter) -> list[Token]:
    addressee = frozenset(name.lower() for _, _, name in letter.layout.addressee_names)
    cues = letter.tokens_with(GRATITUDE_WORDS, GRATITUDE_LEMMAS)
    return [t for t in cues if is_gratitude(t, addressee) and not letter.in_quotes(t)]


def _signoff_thanks(letter: Letter) -> str | None:
    phrase = letter.layout.signoff_phrase or ""
    return (
        phrase
        if re.search(r"\b(thank|thanks|thx|gratitude|appreciation|gratefully)\b", phrase)
        else None
    )


def _body_thanks(letter: Letter) -> bool:
    phrase = _signoff_thanks(letter) or ""
    return bool(gratitude(letter)) or len(phrase.split()) >= SIGNOFF_SENTENCE_WORDS


@code_rule(
    id="thanks.missing",
    severity="warning",
    message="The letter never thanks the reader.",
    rationale=(
        "The first job of a thank-you letter is gratitude for the reader's time. Without it"
        " the letter reads as a follow-up or a sales pitch."
    ),
    suggestion="Open with a specific thank-you: 'Thank you for meeting with me on Tuesday.'",
    bad=[
        "Dear Dana,\n\nI enjoyed our talk about the analytics role. My SQL work at Brightwave"
        " cut reporting time by half, and I would bring the same focus here.\n\nBest regards,\n"
        "Sam Lee"
    ],
    good=[
        "Dear Dana,\n\nThank you for meeting with me on Tuesday about the analytics role.\n\n"
        "Best regards,\nSam Lee",
        "Dear Dana,\n\nThanks to the new policy the team works remotely. I appreciate you"
        " explaining it.\n\nBest regards,\nSam Lee",
    ],
)
def missing(letter: Letter) -> Iterator[Hit]:
    if not _body_thanks(letter) and not _signoff_thanks(letter):
        yield letter.body_hit()


@code_rule(
    id="thanks.signoff-only",
    severity="warning",
    message="The only thanks is the sign-off; the body never thanks the reader.",
    rationale=(
        "A bare 'Thanks,' above your name is a formula, not gratitude. Say what you are"
        " grateful for in the body of the letter."
    ),
    suggestion="Add a sentence of thanks in the body: 'Thank you for walking me through ...'",
    bad=[
        "Hi Dana,\n\nI enjoyed our talk about the analytics role and the Brightwave"
        " migration.\n\nThanks,\nSam Lee"
    ],
    good=["Hi Dana,\n\nThank you for our talk about the analytics role.\n\nThanks again,\nSam Lee"],
)
def signoff_only(letter: Letter) -> Iterator[Hit]:
    if not _body_thanks(letter) and _signoff_thanks(letter) and letter.layout.signoff:
        span = letter.layout.signoff
        yield Hit(span.start, span.end)


@code_rule(
    id="thanks.buried",
    severity="info",
    message="The thanks comes only at the very end; consider thanking the reader first.",
    rationale="Readers skim: gratitude in the opening lines sets the tone for the rest.",
    suggestion="Move your thank-you into the first paragraph.",
    bad=[
        "Dear Dana,\n\nOur talk about the pipeline was useful.\n\nI led the Brightwave"
        " migration.\n\nThank you for your time.\n\nBest regards,\nSam Lee"
    ],
    good=[
        "Dear Dana,\n\nThank you for your time on Tuesday.\n\nI led the Brightwave"
        " migration.\n\nI look forward to hearing from you.\n\nBest regards,\nSam Lee"
    ],
)
def buried(letter: Letter) -> Iterator[Hit]:
    paragraphs = letter.layout.paragraphs
    found = gratitude(letter)
    if len(paragraphs) >= 3 and found:
        last = paragraphs[-1].start - letter.body.start
        if all(t.idx >= last for t in found):
            yield letter.hit(found[0])
