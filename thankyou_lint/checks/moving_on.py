"""How a letter moves past a weak moment: the better answer given now, something handed
over that the interview did not hear, or evidence since. The card ticks "new information"
and "answers objections" on these, and an excuse is told apart from them by the same test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .common import FIRST_PERSON, SECOND_PERSON, has_first_person_subject, subjects

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ATTACHED_RE = re.compile(r"(?i)\b(?:attached|enclosed)\b|\bhere (?:is|are)\b")
SENT_RE = re.compile(
    r"(?i)https?://|\bwww\.|\[link"
    r"|\bsince (?:we (?:spoke|met|talked)|our (?:talk|conversation|meeting|interview|call))"
    r"|\bI(?:'ve| have) since\b"
)
EVIDENCE_RE = re.compile(
    r"(?i)\b(since (?:then|we spoke|our (?:talk|conversation|meeting|interview))|"
    r"I(?:'ve| have) (?:since|now|already)|I(?:'ve| have) completed|I completed|I led|I managed|"
    r"for example|in fact|I built|I earned|I passed|I finished|I enrolled)\b"
)

# Verbs of saying a point; left unsaid in the interview, it is news in the letter.
SAYING_VERBS = {"mention", "share", "tell", "add", "raise", "ask", "say", "bring", "talk", "cover"}
FORGETTING = {"forget", "forgot", "neglect", "fail", "omit"}  # "forgot": tagged a present at times
# A point left out, and a topic that was not reached: "one thing I left out", "it never came
# up", "which we didn't get to".
OMITTING = {("leave", "out")}
TOPIC_PHRASES = {("come", "up"), ("get", "to")}
# Verbs by which a writer hands over something more: "I'd like to add", "I'm enclosing".
ADDING_VERBS = {
    "mention", "add", "note", "share", "clarify", "enclose", "attach", "send", "include",
    "highlight", "expand", "elaborate", "follow", "forward",
}  # fmt: skip
# The same with a particle: "I wanted to pass on her number", "just to clear up my timing".
ADDING_PHRASES = {("pass", "on"), ("pass", "along"), ("clear", "up"), ("point", "out")}
WANTING = {"like", "love", "want", "wish", "should", "must", "need"}
# What a sentence hands over when it only repeats the letter's feelings, not information.
FEELINGS = {"thanks", "thank", "gratitude", "appreciation", "enthusiasm", "excitement", "interest"}
# "I would love to hear", "I will look forward to": a courtesy about the future, not an answer.
COURTESY_VERBS = {"like", "love", "hope", "look", "welcome", "appreciate", "want", "be", "wait"}


# The application the interviewer has already read: sending it again tells them nothing new.
APPLICATION_PAPERS = {"resume", "résumé", "cv", "application", "cover"}
# What a sentence hands over: "Attached is my CV", "I have attached my CV and the plan".
OFFERED_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "conj", "appos"}


def adds_information(sent: Span) -> bool:
    """A point forgotten, news since, a sample or link sent (not the application again)."""
    if (SENT_RE.search(sent.text) and not _nothing_came_of_it(sent)) or any(
        _left_unsaid(t) or _lately(t) for t in sent
    ):
        return True
    if _only_application_papers(sent):
        return False  # "You'll find my resume attached", "I am enclosing my CV"
    if ATTACHED_RE.search(sent.text):
        return True
    return any(hands_over(t) for t in sent if t.lemma_.lower() in ADDING_VERBS or _adds_with(t))


# "Since our talk, I've been thinking about the job a lot": time since, and nothing in it.
MUSING_VERBS = {"think", "reflect", "mull", "ponder", "dwell", "wonder", "feel"}


def _nothing_came_of_it(sent: Span) -> bool:
    """The sentence only muses with no clause that says what came of it, counts the days
    ("It has been ten days since we spoke"), or tells a feeling ("since our interview, my
    enthusiasm has only grown")."""
    root = sent.root
    said = any(c.dep_ in {"ccomp", "conj", "dobj"} for c in root.children)
    feeling = any(s.lemma_.lower() in FEELINGS for s in subjects(root))
    waited = root.lemma_ == "be" and any(s.lower_ == "it" for s in subjects(root))
    return (root.lemma_.lower() in MUSING_VERBS and not said) or feeling or waited


def _lately(since: Token) -> bool:
    """ "Since Tuesday I've passed my NEBOSH certificate", "Since last week I have been
    accepted onto the course": news since a recent day (not "since 2019": a record)."""
    if since.lower_ != "since" or since.dep_ != "prep":
        return False
    when = [c for c in since.children if c.dep_ == "pobj" and c.ent_type_ == "DATE"]
    recent = any(not any(ch.isdigit() for ch in w.text) for w in when)
    return recent and writers_perfect(since.head)


def writers_perfect(verb: Token) -> bool:
    """ "I have thought it over", "I have built two dashboards": the writer's perfect."""
    helpers = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBN" and "have" in helpers and has_first_person_subject(verb)


def _left_unsaid(verb: Token) -> bool:
    """A point the writer did not make in the interview: "I forgot to mention", "one thing
    I didn't say", "I never asked", "I wasn't able to share", "questions I neglected to
    raise", "one thing I left out", "it never came up"; not "you didn't mention the salary"."""
    if verb.pos_ != "VERB":
        return False
    if _with_particle(verb, TOPIC_PHRASES):
        return _denied(verb) and _in_the_past(verb)  # the topic, whoever raised it
    omitted = _with_particle(verb, OMITTING)
    if verb.lemma_.lower() not in SAYING_VERBS and not omitted:
        return False
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return False  # "I'd never been asked to": what others did not do
    if _said_nothing_of_it(verb):
        return False
    chain = [verb]  # up through "get the chance to", "was able to", "neglected to"
    while chain[-1].dep_ in {"xcomp", "acl", "acomp", "dobj"} and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    forgot = omitted or any(w.lemma_.lower() in FORGETTING for w in chain[1:])
    negated = any(c.dep_ == "neg" for w in chain for c in w.children)
    past = any(_in_the_past(w) for w in chain)  # not "I won't mention"
    return (forgot or (negated and past)) and any(has_first_person_subject(w) for w in chain)


# What a writer did not say, named only by its kind: "I didn't ask many questions".
UNNAMED_POINTS = {"question", "thing", "point", "lot", "much", "anything", "something"}
ABOUT = {"about", "on", "regarding", "concerning", "of"}  # what was said, not when


def _said_nothing_of_it(verb: Token) -> bool:
    """The only thing left unsaid is "many questions", with nothing of what they were."""
    said = [
        c
        for c in verb.children
        if c.dep_ in {"dobj", "ccomp"} or (c.dep_ == "prep" and c.lower_ in ABOUT)
    ]
    return bool(said) and all(
        c.dep_ == "dobj"
        and c.lemma_.lower() in UNNAMED_POINTS
        and not any(d.dep_ in {"prep", "relcl", "acl"} for d in c.children)
        for c in said
    )


def _past_helper(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)


def _with_particle(verb: Token, phrases: set[tuple[str, str]]) -> bool:
    """ "came up", "left out", "get to" (the parser takes some particles for prepositions);
    not "came up with" (an answer found, not a topic)."""
    lemma = verb.lemma_.lower()
    parts = [c.lower_ for c in verb.children if c.dep_ in {"prt", "prep"}]
    return "with" not in parts and any((lemma, p) in phrases for p in parts)


def _denied(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _in_the_past(verb: Token) -> bool:
    return verb.tag_ == "VBD" or _past_helper(verb)


def _adds_with(verb: Token) -> bool:
    # the parser may take the particle for a preposition: "pass on the phone number"
    return any(
        c.i == verb.i + 1 and (verb.lemma_.lower(), c.lower_) in ADDING_PHRASES
        for c in verb.children
    )


def _only_application_papers(sent: Span) -> bool:
    """Everything the sentence hands over is the application ("my resume", "a copy of my
    CV", "my cover letter"); "for reference" and the like say why, not what."""
    aside = {t.i for c in sent if c.dep_ in {"advcl", "relcl", "acl"} for t in c.subtree}
    offered = [
        t
        for t in sent
        if t.pos_ in {"NOUN", "PROPN"}
        and t.i not in aside  # "in case the copy you had was hard to read"
        and (t.dep_ in OFFERED_DEPS or (t.dep_ == "pobj" and t.head.lower_ == "of"))
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)  # "a copy of"
    ]
    if any(_asked_for_by_the_process(c) for c in sent if c.dep_ == "advcl"):
        return bool(offered)  # "As required by your HR team, my monitoring form is attached"
    return bool(offered) and all(_paper(t) for t in offered)


# Verbs by which papers are asked for: "that the application form asks for".
REQUESTING = {"request", "require", "ask", "need"}


def _asked_for_by_the_process(verb: Token) -> bool:
    """Asked for by someone or something other than the reader: "that HR requested", "the
    references the application form asks for", "as requested in the job advert"; not "as
    you requested" (a follow-up the interviewer wanted) nor a bare "as requested"."""
    if verb.lemma_.lower() not in REQUESTING:
        return False
    askers = [
        *subjects(verb),
        *(o for c in verb.children if c.dep_ == "agent" for o in c.children),
    ]
    where = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"]
    return bool(askers or where) and not any(a.lower_ in SECOND_PERSON for a in askers)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _paper(noun: Token) -> bool:
    """The application, a form to fill in, or what the process asked for."""
    words = [noun, *(c for c in noun.children if c.dep_ == "compound")]
    return (
        any(w.lemma_.lower() in APPLICATION_PAPERS for w in words)
        or noun.lemma_.lower() == "form"
        or any(_asked_for_by_the_process(c) for c in noun.children if c.dep_ in {"relcl", "acl"})
    )


def hands_over(verb: Token) -> bool:
    """ "I'd like to add that ...", "I should also mention ...", "I am enclosing ...":
    the writer offering more, not "you mentioned" or "I shared my thanks"."""
    if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return False
    writer = verb.head if verb.dep_ == "advcl" and not subjects(verb) else verb
    if not any(s.lower_ in FIRST_PERSON for s in subjects(writer)):
        return False
    wanted = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in WANTING
    # "To clarify, ...", "Just to clear up my timing: ..." (not "I'm writing to follow up")
    purpose = verb.dep_ == "advcl" and verb.i < verb.head.i and _infinitive(verb)
    modal = any(c.dep_ == "aux" and c.lemma_.lower() in WANTING for c in verb.children)
    helpers = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}
    # "I am enclosing", "I have attached"; not "I share the mission" (a plain present)
    ongoing = (verb.tag_ == "VBG" and "be" in helpers) or (verb.tag_ == "VBN" and "have" in helpers)
    objects = [c for c in verb.children if c.dep_ in {"dobj", "ccomp"}]
    offered = {t.lemma_.lower() for c in objects for t in c.subtree}
    return (wanted or purpose or modal or ongoing) and not FEELINGS & offered


def gives_evidence(text: str) -> bool:
    """ "since then I have completed ...", "for example", "I led ...": evidence, not regret."""
    return EVIDENCE_RE.search(text) is not None


def answers_now(tokens: Iterable[Token]) -> bool:
    """The better answer given now: "I would now use a window function", "here is the
    query I would write", "I will use a window function"; not "I would love to hear from
    you", nor a promise with nothing in it ("I'll adapt", "I would grow into it")."""
    for token in tokens:
        if token.lower_ == "here" and token.head.lemma_ == "be":
            return True
        if token.tag_ == "MD" and token.lemma_.lower() in {"would", "will"}:
            verb = token.head
            if verb.lemma_.lower() in COURTESY_VERBS or not _writer_says(verb):
                continue
            if _acts_on_a_thing(verb):
                return True
    return False


def _acts_on_a_thing(verb: Token) -> bool:
    """ "use a window function", "start with a private conversation"; not "grow into it"."""
    things = [c for c in verb.children if c.dep_ == "dobj"]
    things += [o for p in verb.children if p.dep_ == "prep" for o in p.children]
    return any(t.pos_ in {"NOUN", "PROPN"} for t in things)


def _writer_says(verb: Token) -> bool:
    """The writer's own clause, not one the interviewer asked ("you asked how I would");
    a clause joined by "and" or "so" is said beside theirs ("You had doubts, so I will")."""
    if not has_first_person_subject(verb):
        return False
    while verb.dep_ != "conj" and verb.head.i != verb.i:
        verb = verb.head
        if any(s.lower_ in SECOND_PERSON for s in subjects(verb)):
            return False
    return True


def moves_on(tokens: Iterable[Token]) -> bool:
    """Whether these words (what follows a weak moment) give the answer, the news or the
    evidence that closes it."""
    words = list(tokens)
    if not words:
        return False
    text = words[0].doc[words[0].i : words[-1].i + 1]
    return (
        answers_now(words)
        or gives_evidence(text.text)
        or any(_acted_since(t) for t in words)
        or adds_information(text)
    )


def _acted_since(verb: Token) -> bool:
    """ "I have booked the course", "I've arranged childcare": the writer's own act, done
    since and in the present perfect (not "I have been nervous", "I've thought about it")."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() in MUSING_VERBS | {"be", "have"}:
        return False
    helpers = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    perfect = bool(helpers & {"have", "'ve", "’ve"}) and not helpers & {"would", "could", "should"}
    return (
        perfect
        and has_first_person_subject(verb)
        and not any(c.dep_ == "neg" for c in verb.children)
    )
