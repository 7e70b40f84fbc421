"""Generic: a letter that could be sent to anyone. Clichés live in rules/generic.yaml."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterator
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..letter import Hit, Letter
from ..registry import code_rule
from .common import (
    FIRST_PERSON,
    SECOND_PERSON,
    THE_JOB,
    WRITER_SUBJECTS,
    is_past,
    named_part,
    owned_by,
    per_letter,
    subjects,
)
from .slots import in_slot, placeholders, token_in_slot
from .strengths import record_of, strengths

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

IMPERSONAL_GREETING_RE = re.compile(
    r"(?i)^(to\s+whom\s+it\s+may\s+concern|dear\s+(sir|madam|sirs)(\s*(or|/)\s*(madam|sir))?"
    r"|(dear|hello|hi)\s+(hiring\s+manager|recruiter|interviewer|employer|hiring\s+team"
    r"|recruitment\s+team|human\s+resources|hr(\s+team)?)\b)"
)
# Details about the reader's side. Languages and nationalities are usually the writer's own.
SPECIFIC_ENTS = {
    "PERSON",
    "ORG",
    "PRODUCT",
    "GPE",
    "LOC",
    "FAC",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "CARDINAL",
    "PERCENT",
    "MONEY",
    "QUANTITY",
}
# "You mentioned ...", "as we discussed ...": the writer points at the conversation itself.
DISCUSSION_VERBS = {
    "discuss",
    "mention",
    "describe",
    "explain",
    "say",
    "ask",
    "raise",
    "outline",
    "talk",
    "speak",
    "show",
    "share",
    "walk",
    "point",
}
# "I enjoyed hearing about your project roadmap": what the writer was told.
HEARING_VERBS = {"hear", "learn"}
TOLD_OF = {"about", "of"}
SECOND_PERSON_POSSESSIVE = {"your"}
# "your point about ...": the reader's words about a subject.
DISCUSSION_NOUNS = {
    "point",
    "question",
    "description",
    "comment",
    "story",
    "explanation",
    "insight",
    "advice",
    "overview",
    "example",
    "remark",
    "take",
    "perspective",
    "vision",
    "plan",
    "thought",
}
WEEKDAYS_AND_MONTHS = set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december""".split()
)
# Capitalised words of a greeting that address a role, not a person.
ADDRESS_TITLES = {
    "interviewer",
    "manager",
    "recruiter",
    "hiring",
    "team",
    "committee",
    "panel",
    "members",
    "sir",
    "madam",
    "sirs",
    "all",
    "everyone",
    "friends",
    "human",
    "resources",
    "hr",
    "staff",
}
PANEL_PEOPLE = 2
PERSON_SEPARATOR_RE = re.compile(r"[^,&/]+?(?=\s*(?:,|&|/|\band\b|$))")  # one person each
GENERIC_NOUNS = THE_JOB | set(
    """
    opportunity interview time conversation meeting discussion chance culture goal mission
    value work responsibility thing lot everything skill experience fit asset question answer
    day today yesterday week morning afternoon present moment process step future information
    detail way manager consideration interest career growth environment people staff
    colleague member office business background point topic prospect decision news update
    status challenge difficulty hurdle obstacle atmosphere
    """.split()
)
NOT_SPECIFIC_PROPN = {
    "thank",
    "thanks",
    "i",
    "dear",
    "hiring",
    "manager",
    "sincerely",
    "best",
    "regards",
    "hi",
    "hello",
    "position",
    "company",
    "team",
    "role",
    "job",
}


@code_rule(
    id="generic.placeholder",
    severity="error",
    message="An unfilled template placeholder is still in the letter.",
    rationale="A leftover '[Company Name]' tells the reader this is a form letter sent unread.",
    suggestion="Replace the placeholder with the real name.",
    needs=[],
    bad=[
        "Thank you for the interview at [Company Name].",
        "Dear <Interviewer>,\n\nThank you.",
        "I would love to join XYZ Corp.",
        "Thank you.\n\nBest regards,\n[Your Name]",
        "Dear #to_name#,\n\nThank you for the interview for the %role% role.",
        "Thank you.\n\nBest regards,\nJohn Doe",
        "Thank you for the chance to interview at (name of organization).",
        "Dear _______,\n\nThank you for the interview.",
        "I enjoyed the tour. I neglected to mention (when you have more to add).",
        "I feel my (A) and (B) abilities would add value to your team.",
        "Having worked as a {previous job title}, I know the demands of the role.",
    ],
    good=[
        "Thank you for the interview at Brightwave.",
        "I like <3 the team, and 100% of the #2 plant's crew.",
        "I met Dana (the team lead) and toured the plant (the new one).",
        "I can start in (roughly) two weeks.\n\nBest,\nSam Lee\n(414) 555-0199",
        "I am sure that (as you said) the team is busy, and I led it for (at least) two years.",
        "I enjoyed meeting Joanne Doe and John Doerr.",
        "Two things stood out:\n(A) the loading bay, and\n(B) the new rota.",
    ],
)
def placeholder(letter: Letter) -> Iterator[Hit]:
    for start, end in placeholders(letter):
        yield Hit(start, end)


@code_rule(
    id="generic.impersonal-greeting",
    severity="warning",
    message="An impersonal greeting to someone you have met.",
    rationale="You know who interviewed you: 'To whom it may concern' reads as a form letter.",
    suggestion="Address the interviewer by name: 'Dear Ms. Reyes,'.",
    needs=[],
    bad=[
        "To whom it may concern,\n\nThank you.",
        "Dear Hiring Manager,\n\nThank you.",
        "Dear Sir or Madam,\n\nThank you.",
    ],
    good=["Dear Ms. Reyes,\n\nThank you.", "Dear Hiring Committee,\n\nThank you."],
)
def impersonal_greeting(letter: Letter) -> Iterator[Hit]:
    span = letter.layout.greeting
    if span is None:
        return
    m = IMPERSONAL_GREETING_RE.match(letter.layout.slice(span))
    if m:
        yield Hit(span.start, span.start + m.end())


@code_rule(
    id="generic.nothing-specific",
    severity="warning",
    message="Nothing specific: no name, company, product, project or number in the body.",
    rationale=(
        "Specific details set you apart: the interviewer, the company, the role, or something"
        " you discussed. A letter that could go to anyone is remembered by no one."
    ),
    suggestion="Mention something from the conversation: a project, a problem, a name.",
    needs=["lemma", "pos", "dep", "ents"],
    bad=[
        "Dear Dana,\n\nThank you for the interview. I enjoyed learning about the company and"
        " the position, and I believe I would be a good fit.\n\nBest regards,\nSam",
        "Hello Interviewer,\n\nThank you for the interview on Thursday. I was one of the"
        " candidates and I want to join your company.\n\nBest regards,\nSam",
        # A template: its slots are not details, nor a question about the writer's own file.
        "*It was great to meet you. I hope to help with [particular project or technical goal"
        " you mentioned]. Could you share any news about my application?*",
        # Their side, but only the writer's things or a frame before it are its topics.
        "Dear Dana,\n\nThank you. In spite of the fine references, your decision does not suit"
        " my plans at present.\n\nBest regards,\nSam",
    ],
    good=[
        "Hello,\n\nThank you for the interview about the analyst role at Brightwave."
        "\n\nBest regards,\nSam",
        "Dear Ms. Lee, Mr. Kim and Dr. Patel,\n\nThank you for the interview. I enjoyed"
        " learning about the company and the position.\n\nBest regards,\nSam",
        "Thanks for chatting today. Your point about blameless postmortems made the on-call"
        " work much clearer.",
        "Thank you for your time. From what we discussed, I gather the pace is quick and the"
        " clients stay for years.",
        "Thank you for your time. I valued your honest thoughts on the night-shift staffing.",
        # An acronym is a name, whatever the small model's entity tag ("NORP").
        "Thank you for making time to talk over the deal-sourcing openings in NPG.",
    ],
)
def nothing_specific(letter: Letter) -> Iterator[Hit]:
    if letter.doc_text.strip() and not _greets_by_name(letter) and specific_detail(letter) is None:
        yield letter.body_hit()


@per_letter  # the rule and the card both ask
def specific_detail(letter: Letter) -> Span | None:
    """The first sentence with a detail of this interview, company or role, if any: the
    evidence for the card's 'specific' tick (a greeting that names a panel is not in the
    body, so it is no sentence)."""
    # The writer's own record ("I checked in 150 guests at the Ritz") is a strength, not a
    # detail about this interview: only the other sentences can make the letter specific.
    own_record = {t.i for s in strengths(letter) for t in _clause(s)}
    # A template's slot ("our talk about [particular topic]") is not yet a detail.
    slots = {t.i for t in letter.doc if token_in_slot(letter, t)} if placeholders(letter) else set()
    writer = set(letter.layout.slice(letter.layout.name).lower().split())  # "It's Marcus."
    excluded = own_record | slots
    for sent in letter.sentences:
        words = [t for t in letter.words_of(sent) if t.i not in excluded]
        if (
            any(_is_specific(t) and t.lower_ not in writer for t in words)
            or _points_at_discussion(letter, sent, excluded)
            or any(
                _tells_of_their_side(t, slots)
                for t in letter.tokens_with(SECOND_PERSON_POSSESSIVE, sent=sent)
            )
        ):
            return sent
    return None


def _tells_of_their_side(your: Token, slots: Container[int] = ()) -> bool:
    """ "how your group tackled the search-ranking slowdown", "your point about blameless
    postmortems": something the reader's side does or said, with a concrete subject matter
    that is not the writer's own ("your rejection does not suit my plans")."""
    owner = your.head
    topics = []
    if owner.lemma_.lower() in DISCUSSION_NOUNS:  # what they said: "your point about X"
        topics += [c for c in owner.children if c.dep_ == "prep"]
        if owner.dep_ == "dobj":  # "I valued your thoughts on X": the parser may hang X
            topics += [c for c in owner.head.children if c.dep_ == "prep" and c.i > owner.i]
    if owner.dep_ in {"nsubj", "nsubjpass"}:  # what their side does: "your group tackled X"
        verb = owner.head  # not a frame before it: "In spite of X, your answer ..."
        topics += [c for c in verb.children if c.dep_ in {"dobj", "prep", "attr"} and c.i > verb.i]
    return any(
        _concrete(t) and t.i not in slots and not _writers_own(t) for c in topics for t in c.subtree
    )


def _concrete(token: Token) -> bool:
    """A noun that names a subject matter, not the interview's usual furniture."""
    return (
        token.pos_ == "NOUN"
        and token.lemma_.lower() not in GENERIC_NOUNS
        and token.dep_ not in {"npadvmod"}
    )


def _greets_by_name(letter: Letter) -> bool:
    """A greeting that names several people ("Dear Ms. Lee, Mr. Kim and Dr. Patel,") shows
    who was in the room. One name alone does not: every letter has one (the blind
    reviewers agree), and a title ("Hello Interviewer") or a template slot is no name."""
    span = letter.layout.greeting
    if span is None:
        return False
    named = {
        start
        for start, _, word in letter.layout.addressee_names
        if word.lower() not in ADDRESS_TITLES and not in_slot(letter, start, start + 1)
    }
    people = 0
    for part in PERSON_SEPARATOR_RE.finditer(letter.layout.slice(span)):
        people += any(span.start + part.start() <= i < span.start + part.end() for i in named)
    return people >= PANEL_PEOPLE


CLAUSES = {"advcl", "ccomp", "conj", "relcl"}


def _clause(token: Token) -> Iterator[Token]:
    """The words that describe the writer's own record: the clause of the strength, without
    the clauses in it that tell of someone else ("I took over the rota when your team
    moved to Leeds": the move is theirs)."""
    token = record_of(token)
    head = token if token.pos_ in {"VERB", "AUX"} else token.head
    clauses = [c for c in head.subtree if c.dep_ in CLAUSES and _someone_elses(c)]
    theirs = {t.i for clause in clauses for t in clause.subtree}
    # "the onboarding guide you mentioned": what their clause is about is theirs too
    theirs |= {t.i for c in clauses if c.dep_ == "relcl" for t in named_part(c.head)}
    return (t for t in head.subtree if t.i not in theirs)


def _someone_elses(clause: Token) -> bool:
    """A clause of the reader's side or of the conversation: "that your team now runs",
    "the guide you mentioned", "the rollout we discussed"."""
    subject = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subject:
        return False
    mine = any(s.lower_ in WRITER_SUBJECTS for s in subject)
    return not mine or clause.lemma_.lower() in DISCUSSION_VERBS


def _points_at_discussion(letter: Letter, sent: Span, slots: Container[int] = ()) -> bool:
    """ "You mentioned the hand-off notes": a concrete topic from the conversation."""
    verbs = letter.tokens_with(lemmas=DISCUSSION_VERBS | HEARING_VERBS, sent=sent)
    topics = {t.i for verb in verbs if _is_discussion_verb(verb) for t in _topic_of(verb)}
    return any(
        chunk.root.i in topics
        and not _writers_own(chunk.root)
        # "the hiring challenges", not "the [Position Title] opening"
        and any(_names_a_topic(w) and w.i not in slots for w in named_part(chunk.root))
        for chunk in sent.noun_chunks
    )


def _names_a_topic(word: Token) -> bool:
    # "any thoughts on X": the words about words are no topic, X is
    return (
        word.pos_ in {"NOUN", "PROPN"}
        and word.lemma_.lower() not in GENERIC_NOUNS | DISCUSSION_NOUNS
    )


def _writers_own(noun: Token) -> bool:
    """ "my application", "my interview or application": the writer's things, no detail of
    theirs."""
    return owned_by(noun, FIRST_PERSON) or (noun.dep_ == "conj" and _writers_own(noun.head))


def _topic_of(verb: Token) -> list[Token]:
    """What was discussed: the verb's objects ("we discussed the hand-off notes"), or the
    noun it describes ("the hand-off notes you mentioned"), or what a sentence says "as
    discussed"; not "could we talk again so I can ask a few more questions"."""
    if verb.lemma_.lower() in HEARING_VERBS:  # what they told of: "hearing about the rota"
        return [t for c in verb.children if c.lower_ in TOLD_OF for t in c.subtree]
    if verb.dep_ == "relcl":
        return [verb.head]
    said = [c for c in verb.children if c.dep_ in {"dobj", "prep", "ccomp", "attr"}]
    aside = verb.dep_ in {"pcomp", "advcl"}  # not "What we said about X struck me"
    if aside and any(c.lower_ in {"what", "as"} for c in verb.children):
        # "From what we discussed, I gather the pace is quick": the rest of the sentence
        return [t for t in verb.sent if t not in set(verb.subtree)]
    return [t for c in said for t in c.subtree]


def _is_discussion_verb(token: Token) -> bool:
    """ "you mentioned", "we discussed", "as discussed" — not "I speak Polish"."""
    if token.pos_ != "VERB":
        return False
    if token.lemma_.lower() in HEARING_VERBS:  # told by them, whoever heard it, and already
        # ("I enjoyed hearing about", not "I look forward to hearing about the outcome")
        told = any(w.tag_ in {"VBD", "VBN"} for w in (token, token.head, token.head.head))
        return told and any(c.dep_ == "prep" and c.lower_ in TOLD_OF for c in token.children)
    if token.lemma_.lower() not in DISCUSSION_VERBS:
        return False
    subj = subjects(token)
    return any(s.lower_ in SECOND_PERSON | {"we"} for s in subj) or (
        not subj and any(c.lower_ == "as" for c in token.children)
    )


def _is_specific(token: Token) -> bool:
    """A name (a capitalised word that is not just the first of its sentence) or a number
    written in digits ("3 dashboards", "12%"); not a weekday, a date or "one"."""
    if token.like_num:
        return any(c.isdigit() for c in token.text) and token.ent_type_ not in {"DATE", "TIME"}
    if not (token.is_title or token.is_upper) or not token.is_alpha or token.text == "I":
        return False  # an entity's lower-case words and punctuation are not names
    if token.ent_type_ in {"NORP", "LANGUAGE", "DATE", "TIME"} and not _acronym(token):
        return False  # "on Thursday": every interview has a day; "American" is no name
    if token.lower_ in NOT_SPECIFIC_PROPN or token.lower_ in WEEKDAYS_AND_MONTHS:
        return False
    if _starts_sentence(token):  # any word is capitalised there: a name must be tagged one
        return (
            token.pos_ == "PROPN"
            and token.ent_type_ in SPECIFIC_ENTS
            and not token.is_stop
            and not _feeling_to(token)
        )
    return True


def _acronym(token: Token) -> bool:
    """ "openings in NPG": the small model calls an unknown acronym a nationality or a
    group (NORP), but those are written "American", "Labour"; in capitals it is a name."""
    return token.ent_type_ == "NORP" and token.is_upper and len(token) > 1


def _feeling_to(token: Token) -> bool:
    """ "Glad to send over anything else", "Keen to start": a fragment of an e-mail with "I
    am" left out, which the parser may take for a name."""
    after = token.doc[token.i + 1 : token.i + 3]
    return len(after) == 2 and after[0].lower_ == "to" and after[1].tag_ == "VB"


OPENING_MARKS = {"*", "_", "[", "(", '"', "“", "'", "‘"}


def _starts_sentence(token: Token) -> bool:
    """The parser's sentence start, or a word after a full stop or at a line's start,
    where any word is capitalised ("Naturally, I am ..." after a sentence the parser ran on)."""
    if token.is_sent_start or token.i == 0:
        return True
    before = token.doc[token.i - 1]
    if before.text in OPENING_MARKS:  # "*It was great", "[If a topic is given: ..."
        return _starts_sentence(before)
    return before.text in {".", "!", "?"} or before.is_space or "\n" in before.whitespace_


def _normalise(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", name.lower())


@code_rule(
    id="generic.wrong-name",
    severity="error",
    message="The greeting does not use the interviewer's name as given in the context.",
    rationale="Misspelling or swapping the interviewer's name is the classic copy-paste mistake.",
    suggestion="Check the spelling of the interviewer's name.",
    needs=[],
    bad=[
        {"text": "Dear Ms. Reyez,\n\nThank you.", "context": {"interviewer": "Dana Reyes"}},
        {"text": "Dear Tom,\n\nThank you.", "context": {"interviewer": "Dana Reyes"}},
    ],
    good=[
        {"text": "Dear Ms. Reyes,\n\nThank you.", "context": {"interviewer": "Dana Reyes"}},
        {"text": "Hi Dana,\n\nThank you.", "context": {"interviewer": "Dana Reyes"}},
    ],
)
def wrong_name(letter: Letter) -> Iterator[Hit]:
    interviewer = letter.context.interviewer
    names = letter.layout.addressee_names
    if not interviewer or not names:
        return
    known = {_normalise(part) for part in interviewer.split() if len(_normalise(part)) > 1}
    if any(_normalise(w) in known for _, _, w in names):
        return
    close = [n for n in names if any(_similar(_normalise(n[2]), k) for k in known)]
    start, end, word = (close or names)[0]
    message = (
        f"'{word}' looks like a misspelling of the interviewer's name ({interviewer})."
        if close
        else f"The greeting names '{word}', but the interviewer is {interviewer}."
    )
    yield Hit(start, end, message=message)


def _is_misspelling(a: str, b: str) -> bool:
    return a[0] == b[0] and abs(len(a) - len(b)) <= 1 and _similar(a, b, 0.8)


def _similar(a: str, b: str, threshold: float = 0.75) -> bool:
    return SequenceMatcher(None, a, b).ratio() >= threshold


@code_rule(
    id="generic.company-missing",
    severity="info",  # a hint: a letter specific in other ways is not generic for it
    message="The company you interviewed with is never named.",
    rationale="Naming the company shows the letter was written for this interview, not copied.",
    suggestion="Name the company where you mention the role or the team.",
    needs=[],
    bad=[
        {"text": "Dear Dana,\n\nThank you for the interview.", "context": {"company": "Brightwave"}}
    ],
    good=[
        {
            "text": "Dear Dana,\n\nThank you for the interview at Brightwave.",
            "context": {"company": "Brightwave"},
        }
    ],
)
def company_missing(letter: Letter) -> Iterator[Hit]:
    company = letter.context.company
    if company and not _mentions(letter, company):
        yield letter.body_hit()


# "the role at X", "the opportunity with X": X is where the letter is going.
DESTINATION_NOUNS = {"role", "position", "opportunity", "job", "opening", "vacancy"}
INTERVIEW_PLACE = "interview"  # "the interview at X"; "the interview with Tomasz" is a person
# "my role at X", "another interview at X": the writer's record, or some other job.
NOT_THIS_JOB = {"my", "previous", "former", "last", "current", "past", "a", "an", "another"}
NOT_THIS_JOB |= {"other"}
# "looking forward to joining X", "interested in working at X"; not "since joining X".
LOOKING_AHEAD_PREPS = {"to", "about", "in", "of", "toward", "towards"}
# A company's legal form ends its name: "Trailhead Co-op", "Acme LLC", "Northwind Inc.".
COMPANY_SUFFIX_RE = re.compile(
    r"(?<=\w)\s+(?:Inc|LLC|L\.L\.C|LLP|Ltd|Limited|Corp|Corporation|Co|Co-op|Coop|"
    r"Cooperative|PLC|plc|GmbH|AG|S\.A|Pty)\.?$"
)
# Entity types that are not an employer: a person ("join Dana"), a nationality, a date ...
NOT_EMPLOYER_ENTS = {"PERSON", "NORP", "LANGUAGE", "EVENT", "LAW", "DATE", "TIME"}
NOT_EMPLOYER_ENTS |= {"PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


@code_rule(
    id="generic.other-company",
    severity="warning",
    message="Another employer's name is used where this company's belongs.",
    rationale=(
        "'I would love to join Acme' in a letter to Brightwave is a copy-paste giveaway. A past"
        " employer named as experience ('At Acme I led ...') is the writer's record, not a"
        " mistake: only a name standing where the company they want to join belongs counts."
    ),
    suggestion="Replace it with the name of the company you interviewed with.",
    needs=["lemma", "pos", "dep", "ents"],
    bad=[
        {
            "text": "Dear Dana,\n\nThank you. I would love to join Acme Analytics and help your"
            " team grow.",
            "context": {"company": "Brightwave"},
        },
        {
            "text": "Dear Dana,\n\nThank you. I would love to join Trailhead Co-op and help your"
            " team grow.",
            "context": {"company": "Brightwave"},
        },
        {
            "text": "Dear Dana,\n\nThank you. I am excited about the opportunity to work at"
            " Patagonia.",
            "context": {"company": "Brightwave"},
        },
    ],
    good=[
        {
            "text": "Dear Dana,\n\nThank you. At Acme Analytics I led the billing migration, and"
            " I would love to join Brightwave.",
            "context": {"company": "Brightwave"},
        },
        {
            "text": "Dear Dana,\n\nThank you. At Patagonia I ran the stockroom, and since joining"
            " Trailhead Co-op I have managed its suppliers.",
            "context": {"company": "Brightwave"},
        },
        {
            "text": "Dear Dana,\n\nThank you. I would love to join Dana Reyes and the Emerging"
            " Leaders Program at Brightwave Analytics.",
            "context": {"company": "Brightwave"},
        },
    ],
)
def other_company(letter: Letter) -> Iterator[Hit]:
    company = letter.context.company
    if not company:
        return
    for token in letter.tokens:
        name = _employer_named_at(token)
        if name and not _same_company(_text(name), company) and not token_in_slot(letter, token):
            yield letter.hit(
                name[0],
                name[-1],
                message=f"'{_text(name)}' is named as the employer you are"
                f" applying to, but the company is {company}.",
            )


def _employer_named_at(token: Token) -> list[Token] | None:
    """The employer's name a word ends, when it stands where the company the writer wants to
    join belongs: "join X", "work at X", "the role at X", "join X's team". A name before
    "team" needs more than a capital: "the Data Analytics team" is a department."""
    name = _name_at(token)
    if _is_destination(token):
        return name if _is_employer_name(name) else None
    owns_team = token.dep_ in {"poss", "compound"} and token.head.dep_ == "dobj"
    if owns_team and _looks_ahead(token.head.head, "join"):
        strong = token.dep_ == "poss" or COMPANY_SUFFIX_RE.search(_text(name))
        return name if strong and _is_employer_name(name) else None
    return None


def _is_destination(token: Token) -> bool:
    """The object of a forward-looking "join X" or "work at/for X", or of "the role at X"
    and "join your team at X"; not a past or present employer ("I joined X", "I work at X",
    "At X I ran ...", "my role at X")."""
    head = token.head
    if token.dep_ == "dobj":
        return _looks_ahead(head, "join")
    if token.dep_ != "pobj" or head.lower_ not in {"at", "with", "for"}:
        return False
    governor = head.head
    if head.lower_ in {"at", "for"} and _looks_ahead(governor, "work", "join"):
        return True
    if head.lower_ == "for":
        return False
    other_job = any(c.lower_ in NOT_THIS_JOB for c in governor.children)
    noun = governor.lemma_.lower()
    if noun in DESTINATION_NOUNS or (noun == INTERVIEW_PLACE and head.lower_ == "at"):
        return not other_job
    joined = governor.dep_ == "dobj" and _looks_ahead(governor.head, "join")
    return head.lower_ == "at" and joined and not other_job


def _looks_ahead(verb: Token, *lemmas: str) -> bool:
    """ "to join", "would join", "forward to joining": a verb about the job to come."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lemmas or is_past(verb):
        return False
    if verb.tag_ == "VB":
        return True
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in LOOKING_AHEAD_PREPS


def _name_at(token: Token) -> list[Token]:
    """The name a word ends: its compounds before it ("Trailhead Co"), and what is glued to
    it after ("Co" "-" "op"), as the tokenizer splits "Co-op"."""
    doc = token.doc
    first = token.i
    while first > 0 and _modifies(doc[first - 1], token):
        first -= 1
    last = token.i
    while last + 1 < len(doc) and not doc[last].whitespace_ and doc[last + 1].is_alpha:
        last += 1
    while last + 2 < len(doc) and not doc[last].whitespace_ and doc[last + 1].text == "-":
        last += 2  # "Co" "-" "op"
    return list(doc[first : last + 1])


def _modifies(word: Token, token: Token) -> bool:
    return word.dep_ in {"compound", "nmod"} and word.head.i <= token.i


def _text(name: list[Token]) -> str:
    return name[0].doc[name[0].i : name[-1].i + 1].text


def _is_employer_name(name: list[Token]) -> bool:
    """A proper name that can be an employer: one with a company's legal form, or a proper
    noun that is not a person, a date or a nationality. "The Emerging Leaders Program" and
    "the Team" are not: a company's own name rarely takes "the"."""
    if not any(t.pos_ == "PROPN" for t in name):
        return False
    if COMPANY_SUFFIX_RE.search(_text(name)):
        return True
    root = name[-1]
    return (
        root.pos_ == "PROPN"
        and root.lower_ not in NOT_SPECIFIC_PROPN
        and not any(c.dep_ == "det" for t in name for c in t.children)
        and not any(t.ent_type_ in NOT_EMPLOYER_ENTS for t in name)
    )


def _same_company(a: str, b: str) -> bool:
    """ "Lakeland" for "Lakeland Health System" is the same employer, shortened, and so is
    "GEC" for "Global Enterprise Corp."."""
    if _initials_of(a, b) or _initials_of(b, a):
        return True
    a, b = _normalise(a), _normalise(b)
    return bool(a and b) and (a in b or b in a or _similar(a, b))


def _initials_of(short: str, name: str) -> bool:
    """ "GEC" for "Global Enterprise Corp.", or "GE" without its legal form."""
    words = re.findall(r"[^\W\d_]+", COMPANY_SUFFIX_RE.sub("", name))
    initials = "".join(w[0] for w in words).upper()
    whole = "".join(w[0] for w in re.findall(r"[^\W\d_]+", name)).upper()
    return short.isupper() and len(short) >= 2 and short in {initials, whole}


@code_rule(
    id="generic.role-missing",
    severity="info",
    message="The role you interviewed for is never named.",
    rationale="Naming the role anchors the letter to this interview.",
    suggestion="Mention the role once, e.g. in the opening thank-you.",
    needs=[],
    bad=[
        {"text": "Dear Dana,\n\nThank you for the interview.", "context": {"role": "Data Analyst"}}
    ],
    good=[
        {
            "text": "Dear Dana,\n\nThank you for the Data Analyst interview.",
            "context": {"role": "Data Analyst"},
        }
    ],
)
def role_missing(letter: Letter) -> Iterator[Hit]:
    role = letter.context.role
    if role and not _mentions(letter, role):
        yield letter.body_hit()


def _mentions(letter: Letter, name: str) -> bool:
    """Named where the reader sees it: below the front matter (it only gives the context,
    "company: Brightwave" names nothing) and above a quoted reply (someone else's words)."""
    layout = letter.layout
    end = layout.quoted.start if layout.quoted else len(layout.text)
    return _normalise(name) in _normalise(layout.text[layout.start : end])


@code_rule(
    id="generic.name-spelling",
    severity="warning",
    message="The interviewer's name is spelled differently in different places.",
    rationale="A misspelt name in one place undoes the care shown everywhere else.",
    suggestion="Use one spelling of the name throughout, the one the interviewer uses.",
    needs=["pos"],
    bad=["Dear Ms. Reyes,\n\nThank you, Ms. Reyez, for the tour of the Brightwave office."],
    good=[
        "Dear Ms. Reyes,\n\nThank you, Ms. Reyes, for the tour of the Brightwave office.",
        "Dear Mark,\n\nThank you for the Marks & Spencer store tour.",
    ],
)
def name_spelling(letter: Letter) -> Iterator[Hit]:
    greeted = {_normalise(w): w for _, _, w in letter.layout.addressee_names}
    if not greeted:
        return
    for token in letter.tokens:
        if not token.is_title or len(token) < 4 or token.pos_ != "PROPN":
            continue
        spelled = _normalise(token.text)
        for key, name in greeted.items():
            # "Reyez" for "Reyes"; not "Marks" for "Mark" (a plural, a possessive, a shop).
            prefix = spelled.startswith(key) or key.startswith(spelled)
            if len(key) >= 4 and not prefix and _is_misspelling(spelled, key):
                yield letter.hit(
                    token,
                    message=f"'{letter.written(token)}' here, '{name}' in the"
                    " greeting: which spelling is right?",
                )
