"""The five things a good thank-you letter does, recognised on the positive side.

Even after a bad interview, a letter should (1) reinforce the good points made, (2) share
information the candidate forgot to mention, (3) tactfully confront objections raised,
(4) show professionalism and (5) set the candidate apart with specific details. The card
says, for each, whether the letter does it and which words show it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .card import marked
from .checks.common import (
    FIRST_PERSON,
    SECOND_PERSON,
    has_first_person_subject,
    is_negated,
    owned_by,
    subjects,
)
from .checks.excuses import apologies, looks_back_poorly
from .checks.generic import specific_detail
from .checks.moving_on import adds_information, hands_over, moves_on, writers_perfect
from .checks.slots import token_in_slot
from .checks.strengths import strengths
from .letter import Letter
from .models import Finding, Reason, ReasonCheck
from .nlp import Need

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# The card reads the whole parse (strengths by their clauses, names by entities), so a
# run of parse-free rules ('--select tone.emoji') still loads it for the card.
CARD_NEEDS = frozenset(Need)

# A doubt the interviewer voiced, as a noun or as how they felt: "your concern about",
# "you seemed unsure whether", "you were worried about".
OBJECTION_LEMMAS = {
    "concern", "reservation", "doubt", "worry", "hesitation", "gap", "objection",
    "concerned", "doubtful", "worried", "unsure", "hesitant", "skeptical", "sceptical",
}  # fmt: skip
PARAGRAPH_BREAK_RE = re.compile(r"(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)")  # a blank line


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
    said = PARAGRAPH_BREAK_RE.split(text.strip(), maxsplit=1)[0].rstrip()
    end = start + len(said)
    evidence = letter.text[start:end]  # as written: the Doc has straight apostrophes
    return ReasonCheck(reason=reason, done=done, start=start, end=end, evidence=evidence)


def _reinforces(letter: Letter) -> ReasonCheck:
    """The first strength the writer states as their own ("I was sorry to hear your senior
    nurses are retiring" names a strength of someone else's)."""
    found = [t for t in strengths(letter) if letter.tokens_with(FIRST_PERSON, sent=t.sent)]
    return _check(Reason.REINFORCES, True, letter, found[0].sent if found else None)


def _shares_new_information(letter: Letter) -> ReasonCheck:
    """Something the interview did not hear: a point forgotten, news since, a sample sent."""
    sents = letter.sentences
    slot_only = [_only_slots_say_it(letter, s) for s in sents]
    for i, sent in enumerate(sents):
        leads_into_slot = _announces(sent) and any(slot_only[i + 1 : i + 2])
        if slot_only[i] or leads_into_slot:
            continue  # a template's instruction or example shares nothing as sent
        if adds_information(sent) and not _apologetic(letter, sent):
            return _check(Reason.NEW_INFORMATION, True, letter, sent)
    return _check(Reason.NEW_INFORMATION, False, letter, None)


def _announces(sent: Span) -> bool:
    """ "I want to highlight a few further qualifications": more is promised, but no clause
    says it ("I want to add that I led the move" does)."""
    return not any(t.dep_ == "ccomp" for t in sent)


def _only_slots_say_it(letter: Letter, sent: Span) -> bool:
    """A template's instruction standing where the point belongs ("[Here, mention any
    skills you left out.]"), or the sentence is only its announcement and a slot ("I
    neglected to mention (when you have more to add)."): no noun of its own says a thing."""
    words = [t for t in sent if t.is_alpha]
    own = [t for t in words if not token_in_slot(letter, t)]
    slotted = len(own) < len(words)
    return slotted and not any(t.pos_ in {"NOUN", "PROPN", "NUM"} for t in own)


def _confronts_objections(letter: Letter) -> ReasonCheck:
    """A doubt the interviewer raised ("You mentioned a concern about my SQL") or an answer
    the writer gave poorly ("I did not answer the rota question well"), taken up with
    evidence, a plan or the better answer."""
    sents = letter.sentences
    shown = {t.sent.start for t in strengths(letter)}  # sentences that restate a strength
    for i, sent in enumerate(sents):
        answered = _revisits_answer(sent) or _answers_its_topic(sent, shown)
        if answered and not _apologetic(letter, sent):
            return _check(Reason.OBJECTIONS, True, letter, sent)  # the better answer itself
        if not _objection_raised(letter, sent) and not any(looks_back_poorly(t) for t in sent):
            continue
        if _only_slots_say_it(letter, sent):
            continue  # "[topic the panel raised].": a template's instruction raises nothing
        following = sents[i : i + 3]
        evidence = moves_on(t for s in following for t in s) or any(
            s.start in shown for s in following
        )
        if evidence and not _apologetic(letter, sent):
            return _check(Reason.OBJECTIONS, True, letter, sent)
    return _check(Reason.OBJECTIONS, False, letter, None)


# The words that set a topic before the clause about it: "On your concern that ...,".
TOPIC_PREPOSITIONS = {"on", "about", "regarding", "concerning", "re"}


def _answers_its_topic(sent: Span, shown: set[int]) -> bool:
    """A point raised in the interview set first as the topic, then answered with evidence
    or a plan: "Regarding the licence requirement you flagged, I passed my test on 14
    March", "On your point that ..., I ran the pass for 220 covers"; not "On Tuesday, I met
    your team" (a time, not a point raised)."""
    opening = [t for t in sent[:2] if t.lower_ in TOPIC_PREPOSITIONS and t.dep_ == "prep"]
    said_by = [s for s in subjects(sent.root) if opening and s.i > opening[0].i]
    if not said_by:
        return False
    topic = sent.doc[opening[0].i : said_by[0].left_edge.i]
    answer = sent.doc[said_by[0].left_edge.i : sent.end]
    if not _raised_in_the_interview(topic):
        return False
    return moves_on(answer) or (sent.start in shown and _names_the_writer([sent.root]))


def _raised_in_the_interview(topic: Span) -> bool:
    """The topic is a question, point or doubt ("your concern that", "whether I can work
    unsupervised"), or what the reader said of it ("the requirement you flagged", "my notice
    period, which you felt was long")."""
    said = EXCHANGE_NOUNS | OBJECTION_LEMMAS
    return any(
        t.lemma_.lower() in said
        or (t.lower_ == "whether" and _names_the_writer([t.head]))
        or (t.pos_ == "VERB" and any(_said_by_the_reader(s) for s in subjects(t)))
        for t in topic
    )


def _said_by_the_reader(subject: Token) -> bool:
    return subject.lower_ in SECOND_PERSON or subject.lemma_ in INTERVIEWERS


# "I'd like to clarify how I solved ...": the writer comes back to an answer to improve it.
REVISITING_VERBS = {"clarify", "expand", "elaborate", "correct", "revisit"}


# What an answer is revisited as: "my answer on", "the question about", "what I said".
EXCHANGE_NOUNS = {"answer", "response", "question", "point", "comment", "remark", "reply"}


def _revisits_answer(sent: Span) -> bool:
    """The writer comes back to the interview to answer better: "I'd like to clarify my
    answer on the budget" (not "to expand on my payroll experience": that adds, it answers
    nothing), "I said X, but I have since ...", "I agree that X, but ..."."""
    return any(
        (t.lemma_.lower() in REVISITING_VERBS and hands_over(t) and _about_the_exchange(t))
        or _better_answer(t)
        or _takes_back(t)
        or _concedes_and_answers(t)
        for t in sent
    )


def _better_answer(verb: Token) -> bool:
    """ "I'd like to give a fuller answer to your question": the answer offered again, better."""
    if verb.lemma_.lower() not in {"give", "offer"} or not hands_over(verb):
        return False
    answers = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in EXCHANGE_NOUNS]
    return any(m.tag_ in {"JJR", "RBR"} for a in answers for m in a.subtree)


def _concedes_and_answers(verb: Token) -> bool:
    """ "I agree that the night shifts could be hard, but the training you described gave me
    confidence that I could succeed", "You are right that my SQL is rusty, but I have started
    a course": the reader's doubt granted, then by "but" the writer's answer to it."""
    right = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "right"]
    granted = [c for w in (verb, *right) for c in w.children if c.dep_ == "ccomp"]
    conceding = (verb.lemma_.lower() == "agree" and has_first_person_subject(verb)) or (
        bool(right) and any(s.lower_ in SECOND_PERSON for s in subjects(verb))
    )
    if not (conceding and granted and _turns(verb)):
        return False
    answers = [c for c in verb.children if c.dep_ == "conj"]
    return _names_the_writer(answers)


def _takes_back(said: Token) -> bool:
    """ "I said I would rather not relocate, but I have thought it over", "I told you I had
    never used Tableau, but since then I have built two dashboards": what the writer said
    in the interview, and then, by "but", what holds now."""
    if said.lemma_.lower() not in {"say", "mention", "tell"} or said.tag_ != "VBD":
        return False
    if not has_first_person_subject(said) or not any(c.dep_ == "ccomp" for c in said.children):
        return False
    return _turns(said) and any(writers_perfect(c) for c in said.children if c.dep_ == "conj")


def _turns(verb: Token) -> bool:
    """A clause joined to this one by "but" or "yet"."""
    return any(c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in verb.children)


def _about_the_exchange(verb: Token) -> bool:
    revisited = [c for c in verb.children if c.dep_ in {"dobj", "prep", "ccomp"}]
    if not revisited or any(c.dep_ == "ccomp" for c in revisited):
        return True  # "I would like to clarify: ...", "to clarify how I solved the merge"
    said = EXCHANGE_NOUNS | QUESTION_VERBS | {"say"}
    return any(t.lemma_.lower() in said for c in revisited for t in c.subtree)


def _objection_raised(letter: Letter, sent: Span) -> bool:
    asked = letter.tokens_with(lemmas=QUESTION_VERBS, sent=sent)
    if any(_interviewer_asked(t) and _asked_about_the_writer(t) for t in asked):
        return True  # "Ms Greene wondered whether I would manage without a receptionist"
    if not letter.tokens_with(SECOND_PERSON, lemmas=INTERVIEWERS, sent=sent):
        return False
    return (
        bool(letter.tokens_with(OBJECTION_LEMMAS, OBJECTION_LEMMAS, sent=sent))
        or any(_interviewer_asked(t) for t in asked)
        or any(_not_sure(t) for t in letter.tokens_with(CERTAIN_WORDS, sent=sent))
        or any(
            _their_point_about_me(t) for t in letter.tokens_with(lemmas=EXCHANGE_NOUNS, sent=sent)
        )
    )


# Who asks in an interview, named by their part: "the panel wondered whether I ...".
INTERVIEWERS = {"panel", "interviewer", "committee", "board"}


def _their_point_about_me(remark: Token) -> bool:
    """ "Your point about my limited Revit experience": the reader's remark on the writer
    (not "Thank you for your comments on the way I communicate": feedback thanked for)."""
    about = [c for c in remark.children if c.dep_ == "prep"]
    thanked = remark.head.dep_ == "prep" and remark.head.head.lemma_ in {"thank", "appreciate"}
    return owned_by(remark, SECOND_PERSON) and not thanked and _names_the_writer(about)


CERTAIN_WORDS = {"sure", "certain", "convinced"}


def _not_sure(word: Token) -> bool:
    """ "You weren't sure I'd cope with the lifting": the reader's doubt, in plain words."""
    return is_negated(word) and any(s.lower_ in SECOND_PERSON for s in subjects(word))


def _sets_apart(letter: Letter) -> ReasonCheck:
    # Done unless generic.nothing-specific explains a cross; the evidence is its own.
    return _check(Reason.SPECIFIC, True, letter, specific_detail(letter))


QUESTION_VERBS = {"ask", "raise", "question", "wonder", "mention"}


def _interviewer_asked(token: Token) -> bool:
    """ "You asked whether I ...", "Ms. Rahman asked how I would ...", "You mentioned that
    my experience is ...": the interviewer's question or doubt about the writer. Not "I
    asked about the lift", nor "the regional runs you mentioned" (nothing about the writer).
    """
    if token.pos_ != "VERB":
        return False
    askers = subjects(token)
    if not any(
        s.lower_ in SECOND_PERSON or s.pos_ == "PROPN" or s.lemma_ in INTERVIEWERS for s in askers
    ):
        return False
    return token.lemma_ not in {"mention", "ask"} or _asked_about_the_writer(token)


def _asked_about_the_writer(token: Token) -> bool:
    said = [c for c in token.children if c.dep_ in {"ccomp", "dobj", "prep"}]
    return _names_the_writer(said)


def _names_the_writer(phrases: Iterable[Token]) -> bool:
    """ "I", "me" or "my" somewhere in these phrases: they speak of the writer."""
    return any(t.lower_ in FIRST_PERSON for c in phrases for t in c.subtree)


def _apologetic(letter: Letter, sent: Span) -> bool:
    """The sentence holds an apology of the writer's own, as `excuses.apology` finds them."""
    return any(sent.start <= apology.first.i < sent.end for apology in apologies(letter))
