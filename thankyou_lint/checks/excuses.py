"""Excuses: apologising for, explaining away or dwelling on one's own mistakes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..letter import Hit, Letter
from ..registry import code_rule
from .common import (
    FIRST_PERSON,
    SECOND_PERSON,
    has_first_person_subject,
    is_negated,
    per_letter,
    subjects,
)
from .moving_on import moves_on

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

APOLOGY_WORDS = {
    "sorry",
    "apologize",
    "apologise",
    "apology",
    "apologies",
    "forgive",
    "pardon",
    "excuse",
    "regret",
}
SYMPATHY_VERBS = {"hear", "learn", "see", "read", "find"}
# "I am sorry to tell you that ...": the formula for bad news, not an apology for oneself.
NEWS_VERBS = {"tell", "inform", "announce", "report"}
THIRD_PARTY_POSSESSIVES = {"your", "their", "his", "her", "its", "our"}
# Words that show an apology is about the letter itself, not the interview.
LETTER_WORDS = {
    "delay",
    "delayed",
    "belated",
    "reply",
    "response",
    "typo",
    "typos",
    "email",
    "e-mail",
    "note",
    "letter",
    "message",
    "formatting",
    "spelling",
    "grammar",
}


@dataclass(frozen=True)
class Apology:
    first: Token
    last: Token
    about_letter: bool


@per_letter
def apologies(letter: Letter) -> list[Apology]:
    """The writer's own apologies, told apart from sympathy ("sorry to hear")."""
    found = []
    for token in letter.tokens_with(APOLOGY_WORDS, APOLOGY_WORDS):
        if letter.in_quotes(token) or is_negated(token) or not _is_own_apology(token):
            continue
        window = [t.lower_ for t in token.doc[token.i : token.i + 10] if t.sent == token.sent]
        about_letter = bool(LETTER_WORDS.intersection(window)) or (
            "this" in window and "late" in window  # "sorry this is late"
        )
        found.append(Apology(token, _phrase_end(token), about_letter))
    return found


def _is_own_apology(token: Token) -> bool:
    word = token.lower_
    if word == "sorry":
        after = [t.lemma_.lower() for t in token.doc[token.i + 1 : token.i + 3]]
        if after[:1] == ["to"] and after[1:] and after[1] in SYMPATHY_VERBS | NEWS_VERBS:
            return False  # "sorry to hear ...", "sorry to tell you ..."
        if _about_someone_else(token):
            return False
        subj = subjects(token)
        return not subj or any(s.lower_ in FIRST_PERSON for s in subj)
    if word in {"excuse", "pardon", "forgive"}:
        # "excuse my rambling", "please forgive the slow reply"; not "no excuse", "an excuse".
        if token.pos_ != "VERB" or has_first_person_subject(token):
            return False
        objects = [c for c in token.children if c.dep_ in {"dobj", "pobj"}]
        return bool(objects) and not any(o.lower_ in SECOND_PERSON for o in objects)
    if word in {"regret", "regrets"}:
        return token.pos_ == "VERB" and has_first_person_subject(token)
    if token.pos_ == "VERB":
        return has_first_person_subject(token) or not subjects(token)
    # "My apologies", "Apologies for ...", "please accept my apology"
    return not any(c.lower_ in SECOND_PERSON | {"his", "her", "their"} for c in token.children)


def _about_someone_else(token: Token) -> bool:
    """ "sorry about your office move", "sorry for their loss": sympathy, not an excuse."""
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if any(c.lower_ in THIRD_PARTY_POSSESSIVES for c in obj.subtree):
                return True
    return False


def _phrase_end(token: Token) -> Token:
    """Highlight the apology and what it is for, up to the end of that phrase."""
    end = token
    for prep in (c for c in token.children if c.dep_ in {"prep", "dobj", "xcomp", "ccomp"}):
        end = max(end, max(prep.subtree, key=lambda t: t.i), key=lambda t: t.i)
    return end if end.i - token.i <= 12 else token


@code_rule(
    id="excuses.apology",
    severity="warning",
    message="Apologising for your own performance keeps the mistake in the reader's mind.",
    rationale=(
        "A thank-you letter should leave the interview's low points where they are: over and"
        " done with. An apology re-opens them; a better answer or new evidence closes them."
    ),
    suggestion="Drop the apology; if the point matters, give the better answer or the evidence.",
    bad=[
        "I'm sorry I was late and rambled through the case study.",
        "Please forgive my rambling answer about the budget.",
        "I apologize for stumbling over the SQL question.",
    ],
    good=[
        "I am sorry to tell you that I have accepted another offer.",
        "I was sorry to hear about the office move.",
        "I'm not sorry I applied for this role.",
        "I'm sorry to hear that your team lost a colleague this spring.",
    ],
)
def apology(letter: Letter) -> Iterator[Hit]:
    for found in apologies(letter):
        if not found.about_letter:
            yield letter.hit(found.first, found.last)


@code_rule(
    id="excuses.letter-apology",
    severity="warning",
    message="Apologising for the letter itself (its delay or typos) starts on a weak note.",
    rationale=(
        "A note that opens with 'sorry for the late reply' or 'excuse any typos' spends its"
        " first impression on an apology. Send it promptly and proofread instead."
    ),
    suggestion="Remove the apology and open with your thanks.",
    bad=[
        "Sorry for the delay in writing to you.",
        "Please excuse any typos, I am writing from my phone.",
        "Forgive the slow reply; last week was busy.",
    ],
    good=["Thank you for taking the time to meet with me on Tuesday."],
)
def letter_apology(letter: Letter) -> Iterator[Hit]:
    for found in apologies(letter):
        if found.about_letter:
            yield letter.hit(found.first, found.last)


# Telling what one left out is sharing, not excusing ("I didn't get to mention ... because").
SHARING_VERBS = {"mention", "share", "add", "cover", "discuss", "get", "have", "include"}


@code_rule(
    id="excuses.failure-reason",
    severity="warning",
    message="Giving a reason for what you could not do in the interview keeps the failure alive.",
    rationale=(
        "'I could not explain it fully because of tension' asks the reader to remember the"
        " weak answer and to accept the excuse. The better answer, given now, does more."
    ),
    suggestion="Drop the reason and give the answer you would give now.",
    needs={"lemma", "pos", "dep"},
    bad=[
        "About SQL, I could not explain it fully because of tension.",
        "I didn't answer the budget question well because I was tired after my flight.",
    ],
    good=[
        "I didn't get the chance to mention that I also led the migration, because we ran"
        " out of time.",
        "You asked why I did not stay at Parcelly: it was because the team moved to Oslo.",
        "I could not explain it fully in the room; here is the query I would write now.",
    ],
)
def failure_reason(letter: Letter) -> Iterator[Hit]:
    for word in letter.tokens_with({"because", "due"}):
        failed = _failed_act(word)
        if failed is not None and not letter.in_quotes(word):
            yield letter.hit(min(failed, word, key=lambda t: t.i), max(failed, word))


def _failed_act(cause: Token) -> Token | None:
    """The writer's failed act that `cause` ("because", "due") explains, if any."""
    act = cause.head
    while act.dep_ in {"prep", "pcomp", "mark", "advcl", "pobj"} and act.head.i != act.i:
        if act.pos_ == "VERB" and is_negated(act):
            break
        act = act.head
    if act.pos_ not in {"VERB", "AUX"} or not is_negated(act):
        return None
    if act.lemma_.lower() in SHARING_VERBS or not has_first_person_subject(act):
        return None
    if not _in_the_past(act):
        return None  # "I won't consider less because I have other offers": not a failure
    reason = [t for t in cause.subtree if t.i > cause.i] or list(cause.head.subtree)
    # The writer's own state ("because I was tired", "because of my nerves") or a state
    # named ("because of tension"); not what happened to everyone ("because we ran out").
    own = any(t.lower_ in FIRST_PERSON and t.dep_ in {"nsubj", "poss"} for t in reason)
    named_state = any(t.lower_ == "of" for t in reason[:1])
    return act if own or named_state else None


def _in_the_past(verb: Token) -> bool:
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ in {"VBD", "VBN"} or bool(auxiliaries & {"could", "did", "was", "were", "had"})


# Words that say how well something went; negated, they say it went poorly.
QUALITY_WORDS = {"well", "good", "great", "clear", "clearly", "fully", "smoothly", "strong"}
POOR_WORDS = {"badly", "poorly"}  # "it went badly": the same judgement, not negated
REGRET_MODALS = {"should", "could", "ought"}


@code_rule(
    id="excuses.dwelling",
    severity="warning",
    message="Dwelling on a weak moment of the interview keeps it in the reader's mind.",
    rationale=(
        "'I know the technical questions did not go as well as I wanted' has no apology in"
        " it, yet it asks the reader to remember the weak answer. Give the better answer now,"
        " or leave the moment behind and restate what went well."
    ),
    suggestion="Give the better answer now, or replace the sentence with a strength.",
    needs={"lemma", "pos", "dep"},
    bad=[
        "I know the technical questions did not go as well as I wanted.",
        "I didn't explain it well on the spot.",
        "I wish I had answered the budget question better.",
        "My answer on window functions was not as clear as it should have been.",
        "I know the group exercise went really badly for me.",
    ],
    good=[
        "I did not answer the scheduling question well. I would now start from the shift data.",
        "I could not explain it fully in the room; here is the query I would write now.",
        "The reason I'm drawn to this job is the inventory work.",
        "You said the migration did not go well last year, and I enjoyed hearing how you fixed it.",
        "I could have talked about the warehouse project for hours.",
        "I was sorry to hear that the hail damaged the north block so badly.",
    ],
)
def dwelling(letter: Letter) -> Iterator[Hit]:
    sents = letter.sentences
    for i, sent in enumerate(sents):
        weak = next((v for v in sent if looks_back_poorly(v) and not letter.in_quotes(v)), None)
        if weak is None or _excused_elsewhere(letter, sent):
            continue
        first, last = _clause(weak)
        after = [*sent[last.i + 1 - sent.start :], *(sents[i + 1] if i + 1 < len(sents) else [])]
        if not moves_on(after):
            yield letter.hit(first, last)


def looks_back_poorly(verb: Token) -> bool:
    """The writer rating their own performance as poor ("it did not go well", "my answer
    was not clear") or wishing it undone ("I wish I had answered better", "I should have
    explained it more clearly")."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    return _went_poorly(verb) or _wishes_undone(verb)


def _went_poorly(verb: Token) -> bool:
    if not _in_the_past(verb):
        return False
    rating = QUALITY_WORDS if any(c.dep_ == "neg" for c in verb.children) else POOR_WORDS
    quality = [c for c in verb.children if c.dep_ in {"advmod", "acomp"}]
    quality = [c for c in quality if c.lower_ in rating]
    if not quality:
        return False
    # Whose performance: "I didn't", "my answer wasn't", "... as well as I wanted", or a
    # judgement the writer makes ("I know the interview did not go well").
    judged = verb.dep_ == "ccomp" and verb.head.lemma_.lower() not in SYMPATHY_VERBS
    said_by = [*subjects(verb), *quality] + (subjects(verb.head) if judged else [])
    said_by += [c for c in verb.children if c.dep_ == "prep"]  # "it went badly for me"
    return any(t.lower_ in FIRST_PERSON for word in said_by for t in word.subtree)


def _wishes_undone(verb: Token) -> bool:
    if not has_first_person_subject(verb):
        return False
    if verb.lemma_.lower() == "wish":
        done = [c for c in verb.children if c.dep_ == "ccomp"]
        return any(
            has_first_person_subject(c) and any(a.lower_ == "had" for a in c.children) for c in done
        )
    helpers = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ != "VBN" or "have" not in helpers or not helpers & REGRET_MODALS:
        return False
    # "should have explained it more clearly", "could have done better"
    return any(t.tag_ == "RBR" for c in verb.children if c.dep_ == "advmod" for t in c.subtree)


def _clause(verb: Token) -> tuple[Token, Token]:
    """The clause around `verb`, without the clauses joined to it by "and"."""
    joined = {t.i for c in verb.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
    words = [t for t in verb.subtree if t.i not in joined and not t.is_punct]
    return words[0], words[-1]


def _excused_elsewhere(letter: Letter, sent: Span) -> bool:
    """An apology or a reason given in the same sentence is its own finding; one is enough."""
    apologised = any(sent.start <= a.first.i < sent.end for a in apologies(letter))
    reasoned = any(_failed_act(w) for w in letter.tokens_with({"because", "due"}, sent=sent))
    return apologised or reasoned
