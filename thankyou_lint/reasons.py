"""The five things a good thank-you letter does, recognised on the positive side.

Even after a bad interview, a letter should (1) reinforce the good points made, (2) share
information the candidate forgot to mention, (3) tactfully confront objections raised,
(4) show professionalism and (5) set the candidate apart with specific details. The card
says, for each, whether the letter does it and which words show it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .card import marked
from .checks.common import FIRST_PERSON, SECOND_PERSON, subjects
from .checks.excuses import apologies
from .checks.strengths import strengths
from .letter import Letter
from .models import Finding, Reason, ReasonCheck

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FORGOT_RE = re.compile(
    r"(?i)\b(didn['’]?t|did not|forgot to|neglected to|never got to|wasn['’]?t able to|"
    r"was not able to|did not have the chance to|didn['’]?t have the chance to|"
    r"didn['’]?t get (?:the|a) chance to|did not get (?:the|a) chance to)\s+"
    r"(?:get (?:the|a) chance to\s+)?(mention|share|tell you|add|bring up|talk about)"
    r"|\b(?:one thing|something) I (?:didn['’]?t|did not|forgot to) (?:mention|share|say)"
    r"|\bI (?:also )?(?:wanted|want|would like) to (?:add|mention|share) that\b"
)
OBJECTION_WORDS = {
    "concern",
    "concerns",
    "reservation",
    "reservations",
    "doubt",
    "doubts",
    "worry",
    "worries",
    "question",
    "hesitation",
    "gap",
    "objection",
}
PARAGRAPH_BREAK_RE = re.compile(r"(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)")  # a blank line
EVIDENCE_RE = re.compile(
    r"(?i)\b(since (?:then|we spoke|our (?:talk|conversation|meeting|interview))|"
    r"I have (?:since|now|already)|I(?:'ve| have) completed|I completed|I led|I managed|"
    r"for example|in fact|I built|I earned|I passed|I finished|I enrolled)\b"
)


def reasons_card(letter: Letter, findings: Sequence[Finding]) -> list[ReasonCheck]:
    card = [
        _reinforces(letter),
        _shares_new_information(letter),
        _confronts_objections(letter),
        ReasonCheck(reason=Reason.PROFESSIONAL, done=True),
        _sets_apart(letter),
    ]
    return marked(card, findings)


def _check(reason: Reason, done: bool, letter: Letter, sent: Span | None) -> ReasonCheck:
    if sent is None:
        return ReasonCheck(reason=reason, done=done)
    text = sent.text
    lead = len(text) - len(text.lstrip())
    start = letter.body.start + sent.start_char + lead
    # A sentence the parser ran on past a blank line (into the blanked sign-off, say)
    # stops there: the evidence is what the letter says at those positions.
    evidence = PARAGRAPH_BREAK_RE.split(text.strip(), maxsplit=1)[0].rstrip()
    return ReasonCheck(
        reason=reason, done=done, start=start, end=start + len(evidence), evidence=evidence
    )


def _reinforces(letter: Letter) -> ReasonCheck:
    """The first strength the writer states as their own ("I was sorry to hear your senior
    nurses are retiring" names a strength of someone else's)."""
    found = [t for t in strengths(letter) if letter.tokens_with(FIRST_PERSON, sent=t.sent)]
    return _check(Reason.REINFORCES, True, letter, found[0].sent if found else None)


def _shares_new_information(letter: Letter) -> ReasonCheck:
    """Something the interview did not hear: a point forgotten, news since, a sample sent."""
    for sent in letter.sentences:
        if _adds_information(letter, sent) and not _apologetic(letter, sent):
            return _check(Reason.NEW_INFORMATION, True, letter, sent)
    return _check(Reason.NEW_INFORMATION, False, letter, None)


# Verbs by which a writer hands over something more: "I'd like to add", "I'm enclosing".
ADDING_VERBS = {
    "mention", "add", "note", "share", "clarify", "enclose", "attach", "send", "include",
    "highlight", "expand", "elaborate", "follow",
}  # fmt: skip
WANTING = {"like", "love", "want", "wish", "should", "must", "need"}
# What a sentence hands over when it only repeats the letter's feelings, not information.
FEELINGS = {"thanks", "thank", "gratitude", "appreciation", "enthusiasm", "excitement", "interest"}
SENT_RE = re.compile(
    r"(?i)\b(?:attached|enclosed)\b|\bhere (?:is|are)\b|https?://|\bwww\.|\[link"
    r"|\b(?:it occurred to me|on reflection|having (?:thought|reflected)|reflecting (?:more )?on)"
    r"|\bsince (?:we (?:spoke|met|talked)|our (?:talk|conversation|meeting|interview|call))"
    r"|\bI(?:'ve| have) since\b"
)


def _adds_information(letter: Letter, sent: Span) -> bool:
    if FORGOT_RE.search(sent.text) or SENT_RE.search(sent.text):
        return True
    return any(_hands_over(verb) for verb in letter.tokens_with(lemmas=ADDING_VERBS, sent=sent))


def _hands_over(verb: Token) -> bool:
    """ "I'd like to add that ...", "I should also mention ...", "I am enclosing ...":
    the writer offering more, not "you mentioned" or "I shared my thanks"."""
    if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return False
    if not any(s.lower_ in FIRST_PERSON for s in subjects(verb)):
        return False
    wanted = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in WANTING
    modal = any(c.dep_ == "aux" and c.lemma_.lower() in WANTING for c in verb.children)
    helpers = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}
    # "I am enclosing", "I have attached"; not "I share the mission" (a plain present)
    ongoing = (verb.tag_ == "VBG" and "be" in helpers) or (verb.tag_ == "VBN" and "have" in helpers)
    objects = [c for c in verb.children if c.dep_ in {"dobj", "ccomp"}]
    offered = {t.lemma_.lower() for c in objects for t in c.subtree}
    return (wanted or modal or ongoing) and not FEELINGS & offered


def _confronts_objections(letter: Letter) -> ReasonCheck:
    """ "You mentioned a concern about my SQL; since then I have completed ..." """
    sents = letter.sentences
    shown = {t.sent.start for t in strengths(letter)}  # sentences that restate a strength
    for i, sent in enumerate(sents):
        if not letter.tokens_with(SECOND_PERSON, sent=sent):
            continue
        asked = letter.tokens_with(OBJECTION_WORDS, sent=sent) or any(
            _interviewer_asked(t) for t in letter.tokens_with(lemmas=QUESTION_VERBS, sent=sent)
        )
        if not asked:
            continue
        following = sents[i : i + 3]
        evidence = EVIDENCE_RE.search(" ".join(s.text for s in following)) or any(
            s.start in shown for s in following
        )
        if evidence and not _apologetic(letter, sent):
            return _check(Reason.OBJECTIONS, True, letter, sent)
    return _check(Reason.OBJECTIONS, False, letter, None)


def _sets_apart(letter: Letter) -> ReasonCheck:
    named = next((e for e in letter.doc.ents if e.label_ in {"ORG", "PRODUCT", "PERSON"}), None)
    return _check(Reason.SPECIFIC, True, letter, named.sent if named is not None else None)


QUESTION_VERBS = {"ask", "raise", "question", "wonder", "mention"}


def _interviewer_asked(token: Token) -> bool:
    """ "You asked whether I ...", "Ms. Rahman asked how I would ...", "You mentioned that
    my experience is ...": the interviewer's question or doubt about the writer. Not "I
    asked about the lift", nor "the regional runs you mentioned" (nothing about the writer).
    """
    if token.pos_ != "VERB":
        return False
    askers = subjects(token)
    if not any(s.lower_ in SECOND_PERSON or s.pos_ == "PROPN" for s in askers):
        return False
    if token.lemma_ != "mention":
        return True
    said = [c for c in token.children if c.dep_ in {"ccomp", "dobj"}]
    return any(t.lower_ in FIRST_PERSON for c in said for t in c.subtree)


def _apologetic(letter: Letter, sent: Span) -> bool:
    """The sentence holds an apology of the writer's own, as `excuses.apology` finds them."""
    return any(sent.start <= apology.first.i < sent.end for apology in apologies(letter))
