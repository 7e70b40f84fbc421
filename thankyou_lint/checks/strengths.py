"""Strengths: the letter should restate something concrete the candidate brings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..letter import Hit, Letter
from ..registry import code_rule
from .common import FIRST_PERSON, is_negated, per_letter, subjects

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ACCOMPLISHMENT_VERBS = set(
    "lead build manage design develop launch create implement reduce increase improve grow cut"
    " train mentor deliver run organize organise coordinate establish streamline automate"
    " negotiate supervise teach write publish oversee install repair wire resolve treat"
    " administer analyze analyse migrate redesign save raise win earn complete achieve"
    " spearhead ship scale introduce pilot prepare process maintain operate sell close recruit"
    " coach handle serve care restore rebuild renovate audit draft present research test"
    " diagnose fix program code deploy optimize optimise double triple halve boost lower"
    " shorten expand found co-found direct chair head plan rewrite model forecast budget"
    " translate edit curate volunteer tutor nurse cook bake weld assemble inspect certify"
    " graduate study specialize specialise consolidate standardize standardise prevent"
    " onboard facilitate produce perform conduct evaluate assess investigate author own"
    " work spend".split()
)
STRENGTH_NOUNS = set(
    "experience background work skill skills expertise certification certificate degree"
    " training project portfolio record knowledge familiarity time tenure years licence"
    " license qualification thesis research internship apprenticeship role career"
    " accomplishment achievement approach idea proposal plan suggestion answer example".split()
)
QUALIFIED_WORDS = {"certified", "licensed", "fluent", "proficient", "experienced", "qualified",
                   "trained", "skilled", "bilingual", "registered"}
# Generic self-praise: what every candidate says, so it restates nothing.
GENERIC_PRAISE = {"hard", "worker", "passionate", "motivated", "dedicated", "fast", "quick",
                  "learner", "player", "reliable", "hardworking", "hard-working", "driven",
                  "go-getter", "self-starter", "enthusiastic", "perfect", "fit", "asset"}
SOFT_SKILLS = {"communication", "people", "interpersonal", "organizational", "organisational",
               "teamwork", "leadership", "soft", "great", "strong", "excellent", "good"}


def _is_concrete_object(head: Token) -> bool:
    """The verb acts on something (an object, a number, a named thing), not on nothing."""
    for child in head.children:
        if child.dep_ in {"dobj", "prep", "attr", "npadvmod", "advcl", "ccomp", "xcomp"}:
            words = [t for t in child.subtree if t.is_alpha or t.like_num]
            if words and not all(t.lower_ in GENERIC_PRAISE | {"it", "that", "this"} for t in words):
                return True
    return False


def _first_person(token: Token) -> bool:
    subj = subjects(token)
    return any(s.lower_ in FIRST_PERSON | {"we"} for s in subj)


def strength_in(sent: Span) -> Token | None:
    """The word that shows a concrete strength in this sentence, if any."""
    for token in sent:
        lemma = token.lemma_.lower()
        if (
            token.pos_ == "VERB"
            and lemma in ACCOMPLISHMENT_VERBS
            and _first_person(token)
            and not is_negated(token)
            and token.tag_ != "VB"  # not "I would love to build ..."
            and _is_concrete_object(token)
        ):
            return token
        if token.lower_ in STRENGTH_NOUNS and any(c.lower_ == "my" for c in token.children):
            modifiers = [c for c in token.children if c.dep_ in {"compound", "amod", "prep", "nummod"}]
            if any(m.lower_ not in SOFT_SKILLS for m in modifiers):
                return token
        if token.lower_ in QUALIFIED_WORDS and _first_person(token) and not is_negated(token):
            return token
        if token.like_num and token.ent_type_ in {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}:
            if any(t.lower_ in FIRST_PERSON | {"we"} for t in sent):
                return token
    return None


@per_letter
def strengths(letter: Letter) -> list[Token]:
    found = (strength_in(sent) for sent in letter.doc.sents)
    return [t for t in found if t is not None and not letter.in_quotes(t)]


def _generic_praise(letter: Letter) -> list[Token]:
    return [t for t in letter.doc if t.lower_ in {"worker", "learner", "player", "passionate",
                                                  "motivated", "hardworking", "dedicated"}]


@code_rule(
    id="strengths.missing",
    severity="warning",
    message="The letter never restates a concrete strength, skill or accomplishment of yours.",
    rationale=(
        "A thank-you letter is a second chance to reinforce the good points you made: one"
        " concrete accomplishment (what you did, with what result) is worth more than any"
        " adjective."
    ),
    suggestion="Add one sentence on something you did: 'At Brightwave I cut report time by half.'",
    needs={"lemma", "pos", "dep", "ents"},
    bad=["Dear Dana,\n\nThank you for meeting me. I enjoyed hearing about the team and I hope to"
         " hear from you soon.\n\nBest regards,\nSam Lee"],
    good=["Dear Dana,\n\nThank you for meeting me. At Brightwave I led the move to dbt, which cut"
          " our reporting time from two days to four hours.\n\nBest regards,\nSam Lee"],
)
def missing(letter: Letter) -> Iterator[Hit]:
    if not strengths(letter) and not _generic_praise(letter):
        yield letter.body_hit()


@code_rule(
    id="strengths.generic-only",
    severity="warning",
    message="Only generic self-praise: no concrete strength or accomplishment is restated.",
    rationale=(
        "'Hard worker' and 'passionate' are what every candidate says. The interviewer"
        " remembers a concrete result, a skill in use, or a point you made."
    ),
    suggestion="Replace the adjectives with one thing you did and what came of it.",
    needs={"lemma", "pos", "dep", "ents"},
    bad=["Dear Dana,\n\nThank you for meeting me. I am a hard worker and a fast learner, and I"
         " am passionate about data.\n\nBest regards,\nSam Lee"],
    good=["Dear Dana,\n\nThank you for meeting me. I am a hard worker: at Brightwave I rebuilt"
          " the billing reports in three weeks.\n\nBest regards,\nSam Lee"],
)
def generic_only(letter: Letter) -> Iterator[Hit]:
    praise = _generic_praise(letter)
    if praise and not strengths(letter):
        yield letter.hit(praise[0])
