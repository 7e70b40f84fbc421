"""Strengths: the letter should restate something concrete the candidate brings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..letter import Hit, Letter
from ..registry import code_rule
from .common import (
    FIRST_PERSON,
    SECOND_PERSON,
    THE_JOB,
    WRITER_SUBJECTS,
    has_first_person_subject,
    is_negated,
    named_part,
    owned_by,
    per_letter,
    subjects,
)
from .slots import in_slot

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ACCOMPLISHMENT_VERBS = set(
    """
    lead build manage design develop launch create implement reduce increase improve grow
    cut train mentor deliver run organize organise coordinate establish streamline automate
    negotiate supervise teach write publish oversee install repair wire resolve treat
    administer analyze analyse migrate redesign save raise win earn complete achieve
    spearhead ship scale introduce pilot prepare process maintain operate sell close recruit
    coach handle serve care restore rebuild renovate audit draft present research test
    diagnose fix program code deploy optimize optimise double triple halve boost lower
    shorten expand found co-found direct chair head plan rewrite model forecast budget
    translate edit curate volunteer tutor nurse cook bake weld assemble inspect certify
    graduate study specialize specialise consolidate standardize standardise prevent onboard
    facilitate produce perform conduct evaluate assess investigate author own work spend
    hold do start begin set help support finish
    """.split()
)
# Past forms the small pipeline sometimes mis-tags (e.g. "rebuilt" as a present-tense verb).
IRREGULAR_PAST = {
    "led": "lead",
    "built": "build",
    "rebuilt": "rebuild",
    "ran": "run",
    "won": "win",
    "wrote": "write",
    "rewrote": "rewrite",
    "taught": "teach",
    "grew": "grow",
    "sold": "sell",
    "began": "begin",
    "oversaw": "oversee",
    "held": "hold",
    "spent": "spend",
    "drew": "draw",
    "undertook": "undertake",
}
STRENGTH_NOUNS = set(
    """
    experience background work skill skills ability abilities expertise certification
    certificate degree training project portfolio record knowledge familiarity time tenure
    years licence license qualification thesis research internship apprenticeship role career
    fluency
    accomplishment achievement approach idea proposal plan suggestion answer example point
    argument
    """.split()
)
NEEDS_A_SUBJECT = {"time", "ability"}
QUALIFIED_WORDS = {
    "certified",
    "licensed",
    "fluent",
    "proficient",
    "experienced",
    "qualified",
    "trained",
    "skilled",
    "bilingual",
    "registered",
}
# Generic self-praise: what every candidate says, so it restates nothing.
GENERIC_PRAISE = {
    "hard",
    "worker",
    "passionate",
    "motivated",
    "dedicated",
    "fast",
    "quick",
    "learner",
    "player",
    "reliable",
    "hardworking",
    "hard-working",
    "driven",
    "go-getter",
    "self-starter",
    "enthusiastic",
    "perfect",
    "fit",
    "asset",
    "best",
    "well",
    "everything",
    "anything",
    "thing",
    "things",
    "lot",
    "job",
    "part",
    "starter",
    "person",
    "individual",
    "candidate",
    "professional",
    "fan",
    "believer",
}
# A number in a first-person sentence is usually a result ("cut costs by 20%"), unless the
# sentence is about what the writer heard or liked ("I enjoyed hearing about the 140 laptops").
RECEPTION_VERBS = {
    "appreciate",
    "enjoy",
    "hear",
    "learn",
    "love",
    "like",
    "see",
    "look",
    "hope",
    "thank",
    "discuss",
    "talk",
    "find",
    "know",
    "think",
    "understand",
    "wish",
    "read",
}
NUMBER_ENTS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
TIME_ENTS = {"DATE", "TIME"}
MODALS = {"will", "shall", "'ll", "’ll", "would", "'d", "’d", "could", "might", "may"}
DURATIONS = {"years", "year", "yrs", "months", "seasons", "shifts"}

SOFT_SKILLS = {
    "communication",
    "people",
    "interpersonal",
    "organizational",
    "organisational",
    "teamwork",
    "leadership",
    "soft",
}
# Words that rate or count a record without saying what it is: "my previous experience",
# "a proven track record", "many different environments".
RATING_WORDS = set(
    """great strong excellent good previous past prior relevant extensive proven solid
    considerable broad wide vast diverse varied various different several many much overall
    general own additional further professional successful valuable current present last
    recent""".split()
)
# The nouns of any working life: a record told only in them ("my experience in the
# field", "throughout my career", "in every job I have held") could be anyone's.
CAREER_WORDS = set(
    """field career year experience background job role position work success environment
    industry area life skill education qualification knowledge expertise record track
    ability talent best way opportunity history result goal time while situation task
    challenge responsibility duty degree study past future growth""".split()
)

# What can say what a record is: "my Python work", "my years in retail", "my 10 years",
# "my experience running story times".
DETAIL_KINDS = {"compound", "amod", "prep", "nummod", "acl"}
# "did my best in every job", "delivered results": nouns that name no record.
VAGUE_NOUNS = GENERIC_PRAISE | THE_JOB | {"people", "others", "everyone", "someone"}
NAMELESS_NOUNS = CAREER_WORDS | VAGUE_NOUNS
NAMELESS_ADJECTIVES = RATING_WORDS | GENERIC_PRAISE
# The only words `shows_strength` answers for; `strength_in` asks it about no other.
# "As a former teacher, I ...": a role the writer held.
FORMER_WORDS = {"former", "previous", "retired", "ex"}
# "I am comfortable with Excel and SQL": at ease with a named tool, language or system.
AT_EASE_WORDS = {"comfortable", "familiar", "adept", "versed", "competent"}
# "I was responsible for the payroll", "I was in charge of the front desk".
CHARGE_WORDS = {"responsible", "charge"}
# "I was promoted twice", "I was named employee of the month": the record, told by others.
RECOGNISING_VERBS = {"promote", "name", "award", "elect", "nominate", "recognize", "recognise"}
# "I know how to use QuickBooks", "I learned to deal with difficult customers".
KNOWING_VERBS = {"know", "learn"}
STRENGTH_CUE_WORDS = (
    STRENGTH_NOUNS
    | QUALIFIED_WORDS
    | FORMER_WORDS
    | AT_EASE_WORDS
    | CHARGE_WORDS
    | IRREGULAR_PAST.keys()
    | {"as"}
)
# "the impression I have long held": a state, not something done to the antecedent.
STATE_VERBS = {"hold", "have"}
# "As I mentioned, I have ...": the writer restating a point they made in the interview;
# "As you may recall, I argued ...": the reader reminded of it.
RESTATING_VERBS = {"mention", "say", "explain", "note", "tell", "describe"}
RECALLING_VERBS = {"recall", "remember"}
STRENGTH_CUE_LEMMAS = (
    ACCOMPLISHMENT_VERBS
    | STRENGTH_NOUNS
    | RESTATING_VERBS
    | RECALLING_VERBS
    | RECOGNISING_VERBS
    | KNOWING_VERBS
    | {"be", "speak", "have"}
)
# The application itself: "I prepared for the interview", "I started my job search".
APPLYING = {"interview", "application", "round", "assessment", "search", "candidacy", "apply"}
# What a writer has or holds: "I have experience coordinating engineers".
HELD_NOUNS = set(
    """experience background skills expertise knowledge certification certificate degree
    training licence license qualification qualifications portfolio record familiarity""".split()
)
# "I have / hold / bring / can offer experience in ...": what the writer holds.
HOLDING_VERBS = {"have", "hold", "bring", "offer"}
# "the leadership roles I have held", "the skills I built at Parcelly": what the writer gained.
GAINING_VERBS = {"hold", "gain", "build", "develop", "lead", "acquire", "earn", "complete", "do"}
# "the point I made about X": a point is made, as a skill is gained.
MADE_NOUNS = {"point", "argument", "suggestion", "proposal"}


def _is_concrete_object(head: Token, aside: Token | None = None) -> bool:
    """The verb acts on something (an object, a number, a named thing), not on nothing.

    Writing or speaking to someone ("I wrote to Priya", "I raised it with Priya") is about
    this application, not a record: a person or a pronoun is not a concrete object. What
    a verb does to a pronoun ("raised it") is not told by whom or when it was done.
    """
    if _writes_to_someone(head) or any(
        c.dep_ == "dobj" and c.pos_ == "PRON" and not list(c.children) for c in head.children
    ):
        return False
    if (
        head.dep_ == "relcl"
        and head.lemma_ not in STATE_VERBS
        and _says_what(named_part(head.head))
    ):
        return True  # "the inventory system I set up": what was set up is the antecedent
    for child in (c for c in head.children if c != aside):
        if child.dep_ in {
            "dobj",
            "nsubjpass",
            "prep",
            "attr",
            "npadvmod",
            "advcl",
            "ccomp",
            "xcomp",
        }:
            words = [t for t in _without_relatives(child) if not _person_or_function_word(t)]
            if _says_what(words):
                return True
    return False


def _says_what(words: Iterable[Token]) -> bool:
    """Some word names what the record is: a name, a number, or a noun that is not one
    every working life has ("payroll", "Python", "Spanish"; not "my career", "the field",
    "many challenging situations", "for a long time")."""
    for word in words:
        if word.lower_ == "one" and any(c.dep_ == "det" for c in word.children):
            continue  # "than this one": a pronoun, not a count
        if word.like_num or (word.pos_ == "PROPN" and word.ent_type_ not in TIME_ENTS):
            return True
        if word.ent_type_ in TIME_ENTS:
            continue  # "to get where I am today", "every Monday"
        lemma = word.lemma_.lower()
        if word.pos_ == "NOUN" and not {lemma, word.lower_} & NAMELESS_NOUNS:
            return True
        if word.pos_ == "ADJ" and word.ent_type_:
            return True  # "fluent in Spanish"
    return False


def _without_relatives(phrase: Token) -> list[Token]:
    """The phrase without its relative clauses: "every job I have held" is a job."""
    inner = {t.i for t in phrase.subtree if t.dep_ == "relcl" for t in t.subtree}
    return [t for t in phrase.subtree if t.i not in inner]


def _done_for_this_application(verb: Token) -> bool:
    """ "I did some research on your company", "I studied your website", "I prepared a few
    questions for the second round": what the writer did about the reader's side or the
    application is preparation for it, not a record."""
    if _applying(verb):
        return True  # "I interviewed with you", "I applied for the post"
    things = _things_acted_on(verb)
    for clause in (c for c in verb.children if c.dep_ in {"xcomp", "advcl"}):
        if _applying(clause):
            return True  # "when I flew up to interview with you"
        things += _things_acted_on(clause)  # "I worked hard to prepare for the interview"
    return any(
        (t.lemma_.lower() in APPLYING and t.tag_ == "NN")  # not "wrote four applications"
        or owned_by(t, SECOND_PERSON)
        for t in things
    )


def _applying(verb: Token) -> bool:
    """ "to interview with you", "applied for"; not "I interviewed 40 candidates a week"."""
    return verb.lemma_.lower() in APPLYING and not any(c.dep_ == "dobj" for c in verb.children)


def _things_acted_on(verb: Token) -> list[Token]:
    """Its objects and what its prepositions or its objects' prepositions name."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
    preps = [c for w in (verb, *objects) for c in w.children if c.dep_ == "prep"]
    return objects + [o for p in preps for o in p.children if o.dep_ == "pobj"]


def _writes_to_someone(verb: Token) -> bool:
    """ "I wrote to Priya to ask for news": a letter sent, whatever its purpose, not a text
    written ("I wrote the grant proposal")."""
    return verb.lemma_.lower() == "write" and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in verb.children
    )


def _person_or_function_word(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.pos_ in {"PRON", "ADP", "DET"}


def _spent_on_something(verb: Token) -> bool:
    """ "spent six years at Parcelly"; not "spent that time with you" (the interview)."""
    return any(t.like_num or t.ent_type_ == "DATE" for t in verb.subtree)


def _not_yet_done(token: Token) -> bool:
    """ "I shall begin working at your firm", "I will lead": a plan, not a record. ("Having
    run social campaigns, I could start at once": the campaigns were run.)"""
    verbs = [token, token.head] if token.dep_ in {"xcomp", "ccomp"} else [token]
    return any(c.dep_ == "aux" and c.lower_ in MODALS for v in verbs for c in v.children)


def _by_writer(token: Token) -> bool:
    """First-person subject, or none at all in a past-tense clause ("Built the models ..."),
    or a passive the writer did ("was planned and led by me")."""
    if token.tag_ == "VBN" and _passive_by_writer(token):
        return True
    subj = _clause_subjects(token)
    if not subj and token.dep_ == "advcl" and (token.tag_ in {"VBN", "VBG"} or _used_to(token)):
        subj = subjects(token.head)  # "Having run social campaigns, I could ...": the I
    if not subj and token.dep_ == "csubj" and token.tag_ == "VBG":
        # "Teaching English in Japan taught me to adapt": what taught the writer, they did
        return any(c.dep_ in {"dobj", "dative"} and c.lower_ == "me" for c in token.head.children)
    if not subj:
        return token.tag_ == "VBD"
    return any(_the_writer(s) for s in subj)


def _clause_subjects(verb: Token) -> list[Token]:
    """Subjects, shared along verbs joined by "and": "I report to Wade and handle the MISO
    book", "I can drive reach trucks and hold licences for both"."""
    while not subjects(verb) and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head
    return subjects(verb)


def _the_writer(subject: Token) -> bool:
    """ "I", "we", or the "who" of "It was me who wrote the guide", "I was the one who
    patched it" (past deeds: "I am someone who cares" is a self-portrait)."""
    if subject.lower_ in WRITER_SUBJECTS:
        return True
    clause = subject.head
    if subject.tag_ not in {"WP", "WDT"} or clause.tag_ != "VBD":
        return False
    if clause.dep_ == "relcl":
        antecedents = [clause.head]
    else:  # the cleft's "me": an attribute beside the clause
        antecedents = [c for c in clause.head.children if c.dep_ == "attr"]
    return any(a.lower_ in FIRST_PERSON or _describes_writer(a) for a in antecedents)


def _passive_by_writer(verb: Token) -> bool:
    """ "Our move to Salesforce was planned and led by me", "My paper was published in
    Geoderma": the writer is the agent, or what was done is the writer's own work."""
    joined = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        joined.append(verb.head)
    agents = [p for v in joined for a in v.children if a.dep_ == "agent" for p in a.children]
    if agents:
        return any(a.lower_ in FIRST_PERSON for a in agents)
    done = [s for v in joined for s in v.children if s.dep_ == "nsubjpass"]
    return any(owned_by(s, FIRST_PERSON) for s in done)


def _held_role(token: Token) -> bool:
    """ "I was the shift supervisor for six years", "I'm the copywriter who rewrote X"."""
    if token.lemma_ != "be" or not any(s.lower_ in FIRST_PERSON for s in subjects(token)):
        return False
    for attr in (c for c in token.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"}):
        if attr.lower_ in GENERIC_PRAISE:
            continue
        details = [c for c in attr.children if c.dep_ in {"prep", "compound", "acl"}]
        if any(c.lower_ == "the" for c in attr.children):  # "the top seller", not "a little girl"
            details += [c for c in attr.children if _names_a_kind(c)]
        if token.tag_ in {"VBD", "VBN"} and (details or attr.pos_ == "PROPN"):
            return True  # "I was shift supervisor for six years", "I've been a nurse since"
        if any(
            c.dep_ == "relcl" and c.tag_ == "VBD" and c.lemma_ in ACCOMPLISHMENT_VERBS
            for c in attr.children
        ):
            return True  # "I'm the copywriter who rewrote Greenleaf's packaging"
    return False


def strength_in(letter: Letter, sent: Span) -> Token | None:
    """The word that shows a concrete strength in this sentence, if any: the first that is
    not quoted nor only a template slot ("my background in [field], together with my
    knowledge of your systems": the knowledge)."""
    for token in letter.tokens_with(STRENGTH_CUE_WORDS, STRENGTH_CUE_LEMMAS, sent):
        if shows_strength(token) and _as_sent(letter, token) and not _wished(token):
            return token
    number = _result_number(letter, sent)
    return number if number is not None and _as_sent(letter, number) else None


# What a writer looks ahead to: "I hope to become", "the chance to get my licence".
WISHING = {"hope", "plan", "want", "wish", "aim", "intend", "love", "like", "chance"}


def _wished(token: Token) -> bool:
    """ "I'd love the chance to get my forklift licence", "I plan to start my nursing
    degree", "I hope to become a site manager within five years": what the writer would
    like, not what they have ("I had the chance to lead the audit" tells of one)."""
    verb = _governing_verb(token)
    if any(c.tag_ == "TO" for c in verb.children):
        wish = verb.head  # "to get my licence" under "the chance"
    elif any(c.dep_ == "xcomp" for c in verb.children):
        wish = verb  # "plan" in "I plan to start my degree"
    else:
        return False
    return wish.lemma_.lower() in WISHING and _governing_verb(wish).tag_ not in {"VBD", "VBN"}


def _as_sent(letter: Letter, token: Token) -> bool:
    """The strength is in the letter as sent: not quoted, nor only a template slot."""
    return not letter.in_quotes(token) and not _slot_only(letter, token)


def shows_strength(token: Token) -> bool:
    """Does this word show a concrete strength: something the writer did, holds or has?"""
    lemma = IRREGULAR_PAST.get(token.lower_, token.lemma_.lower())
    if (
        token.pos_ == "VERB"
        and lemma in ACCOMPLISHMENT_VERBS
        and _by_writer(token)
        and not is_negated(token)
        and (_finite(token) or token.lower_ in IRREGULAR_PAST or _used_to(token))
        and not (lemma == "write" and token.tag_ in {"VBG", "VBP"})  # "I write to follow up"
        and not _not_yet_done(token)
        and not _a_liking(token)
        and (lemma != "spend" or _spent_on_something(token))
        and _is_concrete_object(token)
        and not _done_for_this_application(token)
    ):
        return True
    if _held_role(token) or _restates_own_point(token):
        return True
    if lemma == "speak" and _by_writer(token) and any(c.dep_ == "dobj" for c in token.children):
        return True  # "I speak Polish and Russian"; not "we spoke about ..."
    if token.lower_ in STRENGTH_NOUNS and owned_by(token, FIRST_PERSON):
        # "my time at Parcelly" is a record, "my prep time" is not: time needs a place, and
        # abilities a subject ("my abilities in lighting setup", not "my technical abilities").
        kinds = {"prep"} if token.lemma_.lower() in NEEDS_A_SUBJECT else DETAIL_KINDS
        if _has_detail(token, kinds):
            return True
    if token.pos_ == "NOUN" and token.lemma_.lower() in STRENGTH_NOUNS and _gained_by_writer(token):
        return True
    if token.lemma_.lower() in HELD_NOUNS and _held_with_detail(token):
        return True
    if token.lower_ in QUALIFIED_WORDS and _by_writer(token) and not is_negated(token):
        return _qualified_in_something(token)
    if token.lower_ in FORMER_WORDS and _former_role(token):
        return True
    if token.lower_ == "as" and _named_role(token):
        return True
    if token.lower_ in CHARGE_WORDS and _in_charge(token):
        return True
    if token.lemma_.lower() in RECOGNISING_VERBS and _recognised(token):
        return True
    if token.lemma_.lower() in KNOWING_VERBS and _knows_how(token):
        return True
    if token.lower_ in AT_EASE_WORDS and _at_ease_with_a_named_thing(token):
        return True
    # "I have eight years of ...", "Got 8 yrs on commercial jobs"
    return (
        lemma == "have"
        and _by_writer(token)
        and any(c.dep_ == "dobj" and any(n.like_num for n in c.children) for c in token.children)
    )


def _finite(verb: Token) -> bool:
    """A verb in a tense, not a bare infinitive: "I manage", "I managed", and "handle" in
    "I report to Wade and handle the MISO book" (the parser gives a joined verb its base
    form), but not "to manage"."""
    if verb.tag_ != "VB":
        return True
    joined = verb.dep_ == "conj" and verb.head.tag_ in {"VBP", "VBZ", "VBD"}
    return joined and not any(c.dep_ == "aux" for c in verb.children)


def _a_liking(verb: Token) -> bool:
    """ "I love helping people", "a subject I care deeply about": what the writer likes doing
    or minds, not what they did ("I enjoyed leading the audit at Halden" tells of one)."""
    head = verb.head
    if verb.lemma_ == "care" and any(c.lower_ == "about" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and head.lemma_ in RECEPTION_VERBS and head.tag_ in {"VBP", "VBZ"}


def _in_charge(word: Token) -> bool:
    """ "I was responsible for the onboarding at Acme", "I was in charge of the front desk",
    "the medicines records I was responsible for"; not "you would be responsible for" nor
    "I will be in charge of"."""
    verb = word.head.head if word.lower_ == "charge" else word.head
    if word.lower_ == "charge" and word.head.lower_ != "in":
        return False
    if not _done_by_writer(verb):
        return False
    wanted = "of" if word.lower_ == "charge" else "for"
    what = [c for c in word.children if c.dep_ == "prep" and c.lower_ == wanted]
    if verb.dep_ == "relcl" and any(not list(p.children) for p in what):
        return _says_what(named_part(verb.head))  # the stranded "for": what it was for
    return any(_says_what(_without_relatives(p)) for p in what)


def _recognised(verb: Token) -> bool:
    """ "I was promoted twice", "I was named employee of the month"."""
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "nsubjpass" for c in verb.children)
        and _done_by_writer(verb)
        and not _done_for_this_application(verb)
    )


def _knows_how(verb: Token) -> bool:
    """ "I know how to use QuickBooks", "I learned to deal with difficult customers": a
    skill with something named; not "I know how to work hard" nor "I learned a lot"."""
    if not _done_by_writer(verb):
        return False
    for skill in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        how = any(c.lower_ == "how" for c in skill.children)
        if (how or verb.lemma_.lower() == "learn") and _is_concrete_object(skill):
            return True
    return False


def _done_by_writer(verb: Token) -> bool:
    """The writer's, done and not denied: not "you would be", "I will be", "I was never"."""
    return has_first_person_subject(verb) and not is_negated(verb) and not _not_yet_done(verb)


# Verbs whose past says the infinitive after them was done: "I managed to cut", "I took
# care to build" (unlike "I tried to", "I wanted to").
IMPLICATIVE = {"use", "manage", "take", "succeed"}


def _used_to(verb: Token) -> bool:
    """ "I used to manage the weekend crew", "I managed to cut the backlog", "I took care to
    build the design around modularity": done in the past (not "I'd love to build")."""
    head = verb.head
    return verb.dep_ in {"xcomp", "advcl"} and head.lemma_ in IMPLICATIVE and head.tag_ == "VBD"


def _qualified_in_something(word: Token) -> bool:
    """ "fluent in Polish", "a licensed electrician", "bilingual"; not "well qualified for
    this job" nor "highly skilled": qualified says what in, or it claims nothing."""
    if word.lower_ == "bilingual" or (word.dep_ == "amod" and _says_what([word.head])):
        return True
    details = (c for c in word.children if c.dep_ in {"prep", "npadvmod", "advmod", "compound"})
    return any(_says_what(_without_relatives(c)) for c in details)  # "PTCB certified"


def _former_role(former: Token) -> bool:
    """ "As a former teacher, I am used to ...": the role is the writer's (not "the former
    owner", nor "as a former client of yours")."""
    return former.dep_ == "amod" and _served_as(former.head)


def _named_role(framing: Token) -> bool:
    """ "As a pharmacy technician, I kept the drug log", "the care I showed as a line cook":
    a trade named by what it works on, the writer's."""
    roles = [c for c in framing.children if c.dep_ == "pobj"]
    return any(_served_as(role) and _names_a_trade(role) for role in roles)


def _served_as(role: Token) -> bool:
    # "as a former client of yours": a relation, not a trade
    return _as_writer(role) and not any(c.dep_ == "prep" for c in role.children)


def _names_a_trade(role: Token) -> bool:
    return role.lemma_.lower() not in NAMELESS_NOUNS and any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() not in NAMELESS_NOUNS
        for c in role.children
    )


def _at_ease_with_a_named_thing(word: Token) -> bool:
    """ "I am comfortable with Excel and SQL", "well versed in Salesforce": a named tool or
    system the writer knows; not "comfortable with change" or "familiar with your company"."""
    if not _by_writer(word) or is_negated(word):
        return False
    objects = [o for p in word.children if p.dep_ == "prep" for o in p.subtree]
    if any(o.dep_ == "poss" and o.lower_ in SECOND_PERSON for o in objects):
        return False
    return any(o.pos_ == "PROPN" or (o.is_upper and len(o) > 1) for o in objects)


def _restates_own_point(said: Token) -> bool:
    """ "As I mentioned, I have a young family here": a point the writer made in the
    interview, said again with something concrete (not "As I said, I am a hard worker", nor
    "As I mentioned, I would love to ...")."""
    lemma = said.lemma_.lower()
    if said.dep_ != "advcl" or lemma not in RESTATING_VERBS | RECALLING_VERBS:
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in said.children):
        return False
    point = said.head
    # The writer says it ("as I mentioned") or the reader recalls it ("as you may recall"):
    # not "as described in the interview", whose subject-less clause would otherwise borrow
    # the writer from the clause it hangs on, nor "as I recall, we discussed ...".
    sayers = {c.lower_ for c in said.children if c.dep_ == "nsubj"}
    said_by_writer = bool(sayers & (FIRST_PERSON if lemma in RESTATING_VERBS else SECOND_PERSON))
    return (
        said_by_writer
        and point.pos_ == "VERB"
        and point.lemma_.lower() not in RECEPTION_VERBS
        and _by_writer(point)
        and not is_negated(point)
        and not _not_yet_done(point)
        and _is_concrete_object(point, aside=said)
    )


def record_of(strength: Token) -> Token:
    """The word whose clause tells the record: the point itself for "As I mentioned, ..."."""
    return strength.head if _restates_own_point(strength) else strength


def _gained_by_writer(noun: Token) -> bool:
    """ "the leadership roles I have held": a relative clause says the writer earned it."""
    for clause in (c for c in noun.children if c.dep_ == "relcl"):
        by_writer = any(s.lower_ in WRITER_SUBJECTS for s in subjects(clause))
        gained = clause.lemma_.lower() in GAINING_VERBS or (
            clause.lemma_ == "make" and noun.lemma_.lower() in MADE_NOUNS
        )
        if by_writer and gained and not is_negated(clause):
            # "the skills I have developed over the years" could be anyone's
            preps = [c for w in (noun, clause) for c in w.children if c.dep_ == "prep"]
            named = named_part(noun)[1:] + [t for p in preps for t in _without_relatives(p)]
            return _says_what(named)
    return False


def _held_with_detail(noun: Token) -> bool:
    """ "I have experience coordinating engineers", "I bring a licence in electrical work",
    "As a designer with a background in psychology, I ..."."""
    holder = noun.head
    if noun.dep_ == "pobj" and holder.lower_ == "with":
        held = _describes_writer(holder.head)
    else:
        held = (
            noun.dep_ == "dobj"
            and holder.lemma_.lower() in HOLDING_VERBS
            and any(s.lower_ in FIRST_PERSON for s in _clause_subjects(holder))
            and not is_negated(holder)
        )
    return held and _has_detail(noun, {"acl", "prep", "compound", "amod"})


def _describes_writer(noun: Token) -> bool:
    """ "As a designer, I ...", "I am a nurse": the noun is the writer."""
    return _as_writer(noun) or (noun.dep_ == "attr" and has_first_person_subject(noun.head))


def _as_writer(role: Token) -> bool:
    """ "As a designer, I ...", "the care I showed as a line cook": "as" frames the writer."""
    framing = role.head
    return role.dep_ == "pobj" and framing.lower_ == "as" and has_first_person_subject(framing.head)


def _has_detail(noun: Token, kinds: set[str]) -> bool:
    """A modifier that says what the record is ("my Python work"), not a soft skill nor
    only the job applied for ("the skills needed for this role")."""
    for modifier in (*noun.children, *_trailing_prep(noun)):
        if modifier.dep_ not in kinds or modifier.lower_ in SOFT_SKILLS:
            continue
        if modifier.dep_ == "acl" and modifier.tag_ != "VBG":
            continue  # "the skills needed for this role", "the experience to hit the ground"
        words = [t for t in _without_relatives(modifier) if t.lower_ not in SOFT_SKILLS]
        if _says_what(words) or _names_a_task(modifier) or _names_a_kind(modifier):
            return True  # not "my skills in communication"
    return False


def _names_a_kind(modifier: Token) -> bool:
    """ "clinical experience", "a legal background"; not "previous" or "extensive"."""
    return modifier.dep_ == "amod" and modifier.lower_ not in NAMELESS_ADJECTIVES


def _trailing_prep(noun: Token) -> list[Token]:
    """ "... with my abilities and my skill at running a territory": the parser may hang
    the phrase right after the noun on the verb; it still tells what the skill is."""
    after = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    if after is None or after.dep_ != "prep" or after.head == noun:
        return []
    return [after] if noun.dep_ in {"pobj", "conj"} and after.head.pos_ == "VERB" else []


def _names_a_task(clause: Token) -> bool:
    """ "experience running story times", "experience coordinating engineers": the verb says
    what was done (not "experience working in teams")."""
    return clause.dep_ == "acl" and clause.lemma_.lower() not in CAREER_WORDS


def _result_number(letter: Letter, sent: Span) -> Token | None:
    words = letter.words_of(sent)
    numbers = [t for t in words if t.like_num]  # most sentences have none: nothing to ask
    if not numbers:
        return None
    writers = letter.tokens_with(WRITER_SUBJECTS, sent=sent)
    if any(t.dep_ == "nsubjpass" and t.lower_ in FIRST_PERSON for t in writers):
        return None  # "I've been turned down four times": done to the writer, not by them
    # "Been picking at Dunmore 2 yrs": a note may drop the "I", and so may a list of
    # results ("- 91% of code under test"); "Managing the rota is a big part of the job"
    # has its subject.
    dropped_subject = words[0].tag_ in {"VBD", "VBN", "VBG"} and words[0].dep_ != "csubj"
    for token in numbers:
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        duration = nxt is not None and nxt.lower_ in DURATIONS
        # "Twenty years as a joiner, mostly staircases": a note of time served, no verb
        served = duration and sent.root.pos_ not in {"VERB", "AUX"}
        if not (dropped_subject or served or writers or _in_list_item(token)):
            continue
        verb = _governing_verb(token)
        if _receives(verb) and not (duration and _fronted(token)):
            continue  # "I enjoyed hearing about the 140 laptops": theirs, not the writer's
        if _heard(verb) or _done_by_another(verb):
            continue  # "I was impressed to learn that Northgate has cut it by 20 percent"
        if token.lower_ in {"one", "zero"} or is_negated(verb) or _not_yet_done(verb):
            continue  # "one point we touched on", "zero rush", "never pictured ... five years on"
        if _wished(token):
            continue  # "I hope to become a site manager within five years"
        if _ahead(token) or _done_for_this_application(verb):
            continue  # "over the next 6 months", "flew up to interview at a cost of $1,500"
        if nxt is not None and nxt.lower_ in {"%", "percent"} and _value(token) >= 100:
            continue  # "100% committed", "110 percent": hyperbole, not a result
        if token.ent_type_ in NUMBER_ENTS or duration:
            return token
    return None


def _heard(verb: Token) -> bool:
    """The clause is what the writer heard or read: "to learn that Northgate has cut ..."."""
    while verb.dep_ in {"ccomp", "xcomp"} and verb.head.i < verb.i:
        verb = verb.head
        if _receives(verb):
            return True
    return False


def _done_by_another(verb: Token) -> bool:
    """A subject that names someone else: "Northgate Health has reduced ...", "it grew",
    "your team grew" (not "sales grew", "my team cut")."""
    return any(
        s.ent_type_ in {"ORG", "GPE", "FAC", "NORP"}
        or s.lower_ in {"it", "they", "he", "she"}
        or owned_by(s, SECOND_PERSON)
        for s in subjects(verb)
    )


def _receives(verb: Token) -> bool:
    """A verb of hearing or liking; "I look after payroll for 140 staff" is a job."""
    looks_after = verb.lemma_ == "look" and any(c.lower_ == "after" for c in verb.children)
    return verb.lemma_.lower() in RECEPTION_VERBS and not looks_after


def _fronted(number: Token) -> bool:
    """ "After four years on reception, I know EMIS inside out": time served, set before the
    clause it qualifies, is the writer's record whatever the clause's verb."""
    prep = number.head.head if number.dep_ == "nummod" else number.head
    return prep.dep_ == "prep" and prep.i < prep.head.i and prep.i == prep.sent.start


def _ahead(number: Token) -> bool:
    """ "over the next 6 months": a time to come, not a record."""
    if number.ent_type_ != "DATE":
        return False
    date = next(e for e in number.doc.ents if e.start <= number.i < e.end)
    return any(w.lower_ in {"next", "coming", "following"} for w in date)


LIST_ITEM_RE = re.compile(r"\s*[-•*–·]\s")  # a bullet, not "**bold**" or "-5%"


def _in_list_item(token: Token) -> bool:
    """On a line of a bulleted list that speaks of no one else ("- 91% of code under
    test", not "- your team grew 40%")."""
    text = token.doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start : end if end >= 0 else len(text)]
    if not LIST_ITEM_RE.match(line):
        return False
    return not any(w.lower() in SECOND_PERSON for w in re.findall(r"[\w'’]+", line))


def _governing_verb(token: Token) -> Token:
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


def _value(token: Token) -> float:
    if token.lower_ == "hundred":
        return 100.0  # "one hundred percent"
    try:
        return float(token.text.replace(",", ""))
    except ValueError:
        return 0.0


@per_letter
def strengths(letter: Letter) -> list[Token]:
    found = (strength_in(letter, sent) for sent in letter.sentences)
    return [t for t in found if t is not None]


def _own_phrase(head: Token) -> list[Token]:
    """The words of a phrase without its conjuncts ("my knowledge of X, together with my
    background in [field]": the knowledge is real, the background a slot)."""
    apart = {"conj", "cc", "advmod", "appos", "punct"}
    skip = {t.i for c in head.children if c.dep_ in apart or _joins(c) for t in c.subtree}
    return [t for t in head.subtree if t.i not in skip]


def _joins(prep: Token) -> bool:
    """ "together with X", "along with X": a phrase that adds a second thing, as "and" would,
    not a detail of the first (the parser hangs it on the first as a preposition)."""
    first_two = [t.lower_ for t in prep.subtree][:2]
    return prep.dep_ == "prep" and first_two in (["together", "with"], ["along", "with"])


def _slot_only(letter: Letter, token: Token) -> bool:
    """ "my background in [relevant field]": the detail is a template slot, so as sent the
    letter restates nothing."""
    if token.pos_ == "VERB":  # "as I worked my way through [a certain point]"
        verb = record_of(token)
        named = [t for c in verb.children for t in c.subtree if _says_what([t])]
        return bool(named) and all(_in_slot(letter, [t]) for t in named)
    return _in_slot(letter, _own_phrase(token if token.pos_ == "NOUN" else token.head))


def _in_slot(letter: Letter, words: list[Token]) -> bool:
    start = letter.body.start + words[0].idx
    end = letter.body.start + words[-1].idx + len(words[-1])
    return in_slot(letter, start, end)


def _generic_praise(letter: Letter) -> list[Token]:
    return letter.tokens_with(
        {"worker", "learner", "player", "passionate", "motivated", "hardworking", "dedicated"}
    )


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
    bad=[
        "Dear Dana,\n\nThank you for meeting me. I enjoyed hearing about the team and I hope to"
        " hear from you soon.\n\nBest regards,\nSam Lee",
        # Preparing for this application is not a record.
        "Dear Dana,\n\nThank you for meeting me. I did some research on your company and"
        " studied your website before we met.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. I worked hard to prepare for the interview,"
        " and I have the skills needed for this role.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. As a former client of yours, I am"
        " comfortable with change.\n\nBest regards,\nSam Lee",
        # A record told only in words every working life has could be anyone's.
        "Dear Dana,\n\nThank you for meeting me. My previous experience in the field has"
        " prepared me well, the skills I have developed over the years will help me, and I"
        " am well qualified for this job.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. I love helping people, and I have handled"
        " many challenging situations in the past.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. I know how to work hard, and I would be"
        " responsible for the new clinic.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me and for assessing my technical"
        " abilities.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. I bring a proven track record of driving"
        " growth and building high-performing teams.\n\nBest regards,\nSam Lee",
        # What the writer hopes for, and what the job involves, are no record.
        "Dear Dana,\n\nThank you for meeting me. I'd love the chance to get my forklift"
        " licence, and I plan to start my nursing degree next September.\n\nBest regards,\n"
        "Sam Lee",
        "Dear Dana,\n\nThank you for meeting me. Managing the rota for twelve staff is a big"
        " part of the job. I hope to become a site manager within five years.\n\nBest"
        " regards,\nSam Lee",
        # Figures the writer read about, a cause they care about, 'one hundred percent'.
        "Dear Dana,\n\nThank you for meeting me. I was impressed to learn that Northgate"
        " Health has cut its readmission rate by 20 percent. I have always been someone who"
        " gives one hundred percent.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. Sustainable packaging is a subject I care"
        " deeply about, and I cannot imagine a better next step in my career than this"
        " one.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. Having worked as a {previous job title}, I"
        " understand the demands of the position.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. As I recall, we discussed the rota.\n\n"
        "Best regards,\nSam Lee",
    ],
    good=[
        "Dear Dana,\n\nThank you for meeting me. At Brightwave I led the move to dbt, which cut"
        " our reporting time from two days to four hours.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. The leadership roles I have held in the"
        " student union prepared me for this job.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. As a former teacher, I am comfortable with"
        " Excel and SQL.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. I used to manage the weekend crew at a"
        " garden centre.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. I enjoyed telling you about the inventory"
        " system I set up.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. At Hillview I was in charge of the front"
        " desk.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. I was promoted twice at the depot.\n\nBest"
        " regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. Teaching English in Japan taught me to"
        " adapt.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. I know how to use QuickBooks.\n\nBest"
        " regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. I can move wherever you need my abilities"
        " in lighting setup and costume work.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. I bring five years of experience in account"
        " management.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. As a designer with a background in"
        " psychology, I focus on how people decide.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. At present I report to Wade and handle the"
        " Real-Time MISO book.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. I would bring the care I showed as a pharmacy"
        " technician.\n\nBest regards,\nSam Lee",
        # A passive the writer did, a cleft, a note of time served, a done infinitive.
        "Dear Dana,\n\nThank you for meeting me. Our move to Salesforce was planned and led by"
        " me.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. My paper on soil microbes was published in"
        " Geoderma last year.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. It was me who wrote the onboarding guide for"
        " the IT desk.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. Twenty years as a joiner, mostly staircases"
        " and fitted kitchens.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. I took care to build the design around"
        " modularity.\n\nBest regards,\nSam Lee",
        # What the writer answered for, looks after, or served before the clause.
        "Dear Dana,\n\nThank you for meeting me. Last year's audit found no errors in the"
        " medicines records I was responsible for.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. In my current job I look after payroll for"
        " 140 staff.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. After four years on reception at a GP"
        " surgery, I know EMIS inside out.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThank you for meeting me. My fluency in British Sign Language has let"
        " me run parents' evenings for deaf families.\n\nBest regards,\nSam Lee",
        # A point the writer made in the interview, recalled.
        "Dear Dana,\n\nThank you for meeting me. As you may recall, I argued that the"
        " warehouse should pilot voice picking on the slow lines first.\n\nBest regards,\n"
        "Sam Lee",
        "Dear Dana,\n\nThank you for meeting me. The point I made about merging the three"
        " call centres seems worth revisiting.\n\nBest regards,\nSam Lee",
    ],
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
    # The claim may hold clichés ("hard worker"): generic.cliche reports their wording, this
    # rule what the letter lacks, so it points at the whole claim and asks for evidence.
    suggestion="Add one thing you did and what came of it: 'At Parcelly I cut the monthly"
    " close from four days to one.'",
    needs={"lemma", "pos", "dep", "ents"},
    bad=[
        "Dear Dana,\n\nThank you for meeting me. I am a hard worker and a fast learner, and I"
        " am passionate about data.\n\nBest regards,\nSam Lee"
    ],
    good=[
        "Dear Dana,\n\nThank you for meeting me. I am a hard worker: at Brightwave I rebuilt"
        " the billing reports in three weeks.\n\nBest regards,\nSam Lee"
    ],
)
def generic_only(letter: Letter) -> Iterator[Hit]:
    praise = _generic_praise(letter)
    if praise and not strengths(letter):
        yield _claim(letter, praise[0])


def _claim(letter: Letter, praise: Token) -> Hit:
    """The clause that makes the claim ("I am a hard worker and a fast learner"), without
    the clauses joined to it (", and I really need this job")."""
    verb = _governing_verb(praise)
    joined = {
        t.i
        for c in verb.children
        if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
        for t in c.subtree
    }
    words = [t for t in verb.subtree if t.i not in joined]
    while len(words) > 1 and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    while len(words) > 1 and (words[0].is_punct or words[0].dep_ == "cc"):
        words.pop(0)
    return letter.hit(words[0], words[-1])
