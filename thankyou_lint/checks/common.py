"""Small questions about the parse that several checks ask."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from ..letter import Letter

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FIRST_PERSON = {"i", "me", "my", "mine", "myself", "i'm", "i’m"}
SECOND_PERSON = {"you", "your", "yours", "yourself", "y'all", "u", "ya"}
WRITER_SUBJECTS = FIRST_PERSON | {"we"}  # the writer, or a team they were part of
NEGATIONS = {"not", "n't", "never", "no", "nothing", "without", "hardly"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl"}
# The job applied for and the employer: "the skills needed for this role" says nothing of
# the writer, "the team" no detail of the reader's side.
THE_JOB = set(
    """position role job post opening vacancy company organization organisation firm team
    employer department""".split()
)
# Degree words: a closed class (English seldom adds one); the parse decides whether an
# occurrence is used as one (tone.intensifier) or marks a participle as an adjective.
DEGREE_WORDS = {
    "very",
    "really",
    "truly",
    "extremely",
    "incredibly",
    "so",
    "totally",
    "absolutely",
    "super",
    "terribly",
    "awfully",
    "tremendously",
    "immensely",
    "hugely",
    "exceedingly",
    "utterly",
    "literally",
}
HINTS_PER_LETTER = 3  # style hints are a matter of taste: a few examples, not every instance

T = TypeVar("T")


def per_letter(func: Callable[[Letter], T]) -> Callable[[Letter], T]:
    """Compute once per letter what several rules ask about it."""

    @wraps(func)
    def cached(letter: Letter) -> T:
        key = f"{func.__module__}.{func.__qualname__}"
        if key not in letter.memo:
            letter.memo[key] = func(letter)
        return letter.memo[key]  # type: ignore[no-any-return]

    return cached


def is_negated(token: Token) -> bool:
    """ "not sorry", "never apologised", "no regrets": a negation on the word or its head."""
    for word in (token, token.head):
        if any(
            c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in {"det", "advmod"})
            for c in word.children
        ):
            return True
    return False


def subjects(token: Token) -> list[Token]:
    """Subjects of the clause the token belongs to (of its head for adjectives/objects)."""
    for word in (token, token.head, token.head.head):
        found = [c for c in word.children if c.dep_ in SUBJECT_DEPS]
        if found:
            return found
        if word.dep_ not in {"acomp", "xcomp", "dobj", "attr", "prep", "pobj", "amod"}:
            break
    return []


def owned_by(noun: Token, people: set[str]) -> bool:
    """ "my application" (FIRST_PERSON), "your website" (SECOND_PERSON): whose the thing is,
    also through another owner ("my master's thesis", "your team's plans")."""
    return any(
        c.dep_ == "poss" and (c.lower_ in people or owned_by(c, people)) for c in noun.children
    )


def named_part(noun: Token) -> list[Token]:
    """The noun with the words that name it: "the inventory system", "the Harlow rollout"."""
    return [noun, *(c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"})]


def has_first_person_subject(token: Token) -> bool:
    return any(s.lower_ in FIRST_PERSON for s in subjects(token))


def mentions_first_person(sent: Span) -> bool:
    return any(t.lower_ in FIRST_PERSON for t in sent)


def is_past(token: Token) -> bool:
    """Past tense on the word, its auxiliaries, or the verb it hangs from."""
    for word in (token, token.head):
        if word.tag_ in {"VBD", "VBN"} or any(c.tag_ == "VBD" for c in word.children):
            return True
    return False


def capped(hits: Iterable[T], limit: int = HINTS_PER_LETTER) -> Iterator[T]:
    """The first `limit` hits of a style hint (or what they are made from): enough to show
    the habit without burying the letter's real findings."""
    return islice(hits, limit)
