"""Thanks: the body of the letter should thank the reader."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..letter import Hit, Letter
from ..registry import code_rule
from .common import FIRST_PERSON, SECOND_PERSON, owned_by, per_letter, subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

THANK_WORDS = {"thank", "thanks", "thx", "thanku", "ty", "thank-you"}
GRATEFUL_WORDS = {"grateful", "thankful", "appreciative", "indebted", "gratitude", "appreciation"}
# The words and lemmas `is_gratitude` answers for: any other word is not thanks.
# "I'm glad you made time": gladness at the reader's giving is gratitude in plain words.
GLAD_WORDS = {"glad", "happy", "pleased", "delighted", "touched", "honored", "honoured"}
GIVING_VERBS = {
    "make",
    "take",
    "give",
    "spend",
    "find",
    "offer",
    "share",
    "invite",
    "show",
    "set",
    "arrange",
    "consider",
    "include",
    "introduce",
    "walk",
    "carve",
    "squeeze",
    "fit",
}
# "It was kind of you to see me": praise of the reader's act is thanks for it.
KIND_WORDS = {"kind", "generous", "nice", "good", "thoughtful", "gracious", "considerate"}
GRATITUDE_WORDS = (
    THANK_WORDS | GRATEFUL_WORDS | GLAD_WORDS | KIND_WORDS | {"cheers", "obliged", "appreciated"}
)
GRATITUDE_LEMMAS = {"thank", "appreciate", "mean", "value"}
# Thanks reads as sarcasm only for a reason the parse can show: the act thanked for is one
# nobody is grateful for, or the writer was kept waiting ("for leaving me in the corridor for
# forty minutes"). Thanks for "making time" or "making me feel welcome" stays thanks.
HURTFUL_ACTS = {
    "nothing",
    "waste",
    "ghost",
    "ignore",
    "interrupt",
    "forget",
    "cancel",
    "mock",
    "insult",
    "humiliate",
    "belittle",
    "force",
    "yell",
}
HOLDING_VERBS = {"keep", "leave", "make"}  # "keeping me waiting", "leaving me in the hall"
WAITING = {"wait", "sit", "stand", "hang"}

# "Thank the panel for me" still thanks the reader's side; a named third person does not.
THIRD_PERSON = {"him", "her", "them", "he", "she", "they", "his"}


def is_gratitude(token: Token, addressee: frozenset[str] = frozenset()) -> bool:
    """Does this word express the writer's gratitude to the reader (named in `addressee`)?"""
    word, lemma = token.lower_, token.lemma_.lower()
    if not _felt_by_writer(token):
        return False  # "you should thank the interviewer", "how grateful you are"
    if word in THANK_WORDS or lemma == "thank":
        return not _names_a_thing(token) and _thanks_the_reader(token, addressee)
    if word in GLAD_WORDS:
        return _glad_reader_gave(token)
    if word == "cheers" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "for":
        return not is_sarcastic_thanks(token)  # British "cheers for today" is thanks
    if lemma == "appreciate":
        return _appreciates_the_reader(token)
    if word == "appreciated":  # "Your patience was much appreciated", as an adjective
        return not _is_request(token)  # not "any feedback would be appreciated"
    if word in KIND_WORDS:
        return _kind_of_the_reader(token)
    if lemma == "value":
        return token.pos_ == "VERB" and _about_the_reader(token)
    if word in GRATEFUL_WORDS:
        return not (_is_request(token) or _to_someone_else(token) or _for_own_things(token))
    if word == "obliged":
        return not any(c.dep_ in {"xcomp", "ccomp"} for c in token.children)  # not "obliged to"
    if lemma == "mean" and any(
        c.lower_ in {"lot", "world", "great", "deal"} for c in token.subtree
    ):
        return any(c.lower_ in {"it", "that", "this"} for c in token.children) or _said_to_reader(
            token
        )
    return False


def _felt_by_writer(token: Token) -> bool:
    """Gratitude is the writer's: its subject or owner, if it has one, is "I" or "we" ("our
    customers thanked us", "the team's appreciation for each other" are someone else's)."""
    # The reader right after a verb of thanks is its object, whatever the parser says
    # ("THANK YOU SO MUCH", "appreciate u seeing me").
    verb = token.lemma_.lower() in {"thank", "appreciate"} or token.lower_ in THANK_WORDS
    feelers = [s for s in subjects(token) if s.i != token.i]
    if not _feels(token):  # "your patience was much appreciated": the subject is the thing
        feelers = [s for s in feelers if s.pos_ != "NOUN"]
    feelers += [c for c in token.children if c.dep_ == "poss"]
    return not any(
        _someone_else(s) and not (verb and s.i == token.i + 1) and not _vocative(s) for s in feelers
    )


def _feels(word: Token) -> bool:
    """A verb or adjective whose subject is who is grateful ("the team thanked", "they were
    grateful"), unlike "appreciated" and "meant" ("your time meant a lot")."""
    return word.pos_ in {"VERB", "ADJ"} and word.lower_ != "appreciated" and word.lemma_ != "mean"


def _someone_else(person: Token) -> bool:
    """Neither the writer nor the writer with others ("the team and I")."""
    own = FIRST_PERSON | {"we", "us", "our"}
    joined = [person, *(c for c in person.children if c.dep_ == "conj")]
    # "our customers", "the team"; not "Good chatting, appreciate u seeing me"
    someone = person.pos_ == "NOUN" and any(c.dep_ in {"det", "poss"} for c in person.children)
    named = someone or person.pos_ == "PROPN" or person.lower_ in SECOND_PERSON | THIRD_PERSON
    return named and not any(p.lower_ in own for p in joined)


def _vocative(name: Token) -> bool:
    """ "Neil, thank you for ...": the reader addressed by name, which the parser may take
    for the subject, set off by a comma (unlike "Neil thanked me")."""
    after = name.nbor(1) if name.i + 1 < len(name.doc) else None
    return name.pos_ == "PROPN" and after is not None and after.text == ","


def _about_the_reader(verb: Token) -> bool:
    """ "I value how openly you described it", "I value your candour", "I value the time you
    gave me": the reader's doing."""
    for child in (c for c in verb.children if c.dep_ in {"dobj", "ccomp"}):
        if child.dep_ == "ccomp" and any(s.lower_ in SECOND_PERSON for s in subjects(child)):
            return True
        if owned_by(child, SECOND_PERSON):
            return True
        for clause in (c for c in child.children if c.dep_ == "relcl"):
            if any(s.lower_ in SECOND_PERSON for s in subjects(clause)):
                return True
    return False


def _kind_of_the_reader(token: Token) -> bool:
    """ "It was kind of you to see me", "So generous of you.": read from the words, as the
    parser often takes "kind of" for the hedge."""
    doc = token.doc
    after = [t.lower_ for t in doc[token.i + 1 : token.i + 4]]
    return after[:2] == ["of", "you"] and (len(after) < 3 or after[2] in {"to", ".", "!", ","})


def _names_a_thing(token: Token) -> bool:
    """ "thank you notes", "a thank-you letter": the words name a kind of message."""
    doc, i = token.doc, token.i + 1
    while i < len(doc) and doc[i].lower_ in {"you", "-"}:
        i += 1
    if i == token.i + 1 or i == len(doc):
        return False  # "my thanks"
    # "writing a thank you note", "I sent my thank-you"; not "a big thank you for the tour"
    if any(c.dep_ in {"det", "poss"} for c in token.children) and doc[i].lower_ != "for":
        return True
    return doc[i].pos_ == "NOUN" and doc[i].is_lower


def _glad_reader_gave(token: Token) -> bool:
    """ "I'm glad you made time for me": the reader gave something the writer values; "I
    was honoured to be considered": the writer was given it."""
    if any(c.dep_ == "xcomp" and _done_to_writer(c) for c in token.children):
        return not _hypothetical(token)  # not "I would be happy to be considered"
    for clause in (c for c in token.children if c.dep_ in {"ccomp", "advcl"}):
        givers = [s for s in clause.children if s.dep_ == "nsubj"]
        if any(s.lower_ in SECOND_PERSON for s in givers):
            return clause.lemma_.lower() in GIVING_VERBS
    return False


def _done_to_writer(verb: Token) -> bool:
    """ "to be considered", "to have been interviewed by your team"."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)


def is_sarcastic_thanks(token: Token) -> bool:
    """ "Well, thanks for keeping me in the lobby": thanks for something bad."""
    act = thanked_for(token)
    if act is None:
        return False
    if act.lemma_.lower() in HURTFUL_ACTS:
        return True
    return act.lemma_.lower() in HOLDING_VERBS and _kept_waiting(act)


def thanked_for(token: Token) -> Token | None:
    """What the thanks is for: the verb or noun after its "for" ("for keeping", "for nothing")."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"):
        return next((c for c in prep.children if c.dep_ in {"pcomp", "pobj"}), None)
    doc = token.doc
    for i in range(token.i + 1, min(token.i + 4, token.sent.end)):
        if doc[i].lower_ == "for" and i + 1 < len(doc):
            return doc[i + 1]  # the parser attached "for" elsewhere: take the next word
    return None


def _kept_waiting(act: Token) -> bool:
    """The writer held somewhere: "keeping me waiting", "leaving me in the hall for an hour"."""
    if not any(c.lower_ == "me" for c in act.children):
        return False
    return any(t.lemma_.lower() in WAITING or t.ent_type_ == "TIME" for t in act.subtree)


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
    if token.pos_ == "NOUN" and _to_someone_else(token):
        return False  # "my thanks go to my lecturer", "pass my thanks on to Jamie"
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
        and not _vocative(s)
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
        if child.dep_ == "dobj" and _any_such(child):
            return False  # "I appreciate a good challenge", "I appreciate honesty"
    return not _is_request(token)


def _any_such(thing: Token) -> bool:
    """A kind of thing, not one the reader gave: "a good challenge", "honesty"."""
    if thing.pos_ != "NOUN":
        return False
    fixed = [c for c in thing.children if c.dep_ in {"det", "poss", "nummod", "predet"}]
    return not fixed or all(c.lower_ in {"a", "an"} for c in fixed)


def _is_request(token: Token) -> bool:
    """ "I would be grateful if you could ...", "I'd be thankful for any feedback": a request,
    not gratitude ("I will always be grateful for your help" is)."""
    if _conditional(token):
        return True
    words = [t.lower_ for t in token.sent]
    return _hypothetical(token) and ("if" in words or "for" not in words)


def _conditional(token: Token) -> bool:
    """ "would" on the word's own verb: "I'd be thankful", "I would appreciate" (not "I would
    like to say I'm grateful")."""
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    return any(c.dep_ == "aux" and c.lower_ in CONDITIONALS for c in verb.children)


CONDITIONALS = {"would", "'d", "’d", "could", "should"}


def _hypothetical(token: Token) -> bool:
    """ "I would be happy to ...", "I'll be glad to ...": a modal before the word."""
    modals = {"would", "'d", "’d", "will", "'ll", "’ll", "shall"}
    return any(t.lower_ in modals for t in token.doc[token.sent.start : token.i])


def _for_own_things(token: Token) -> bool:
    """ "grateful for my time at Brightwave", "thankful for the experience I gained at Acme",
    "thankful my old manager pushed me", "grateful for the support of my family": the
    writer's own past or people, for which the reader is not thanked."""
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        doers = subjects(clause)
        if any(owned_by(s, FIRST_PERSON) or s.lower_ in THIRD_PERSON for s in doers):
            return True
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"):
        for thing in prep.children:
            gained = any(
                c.dep_ == "relcl" and any(s.lower_ in FIRST_PERSON for s in subjects(c))
                for c in thing.children
            )
            # "the support of my family": the giver named by "of" is the writer's own
            givers = [o for p in thing.children if p.lower_ == "of" for o in p.children]
            if (
                owned_by(thing, FIRST_PERSON)
                or gained
                or any(owned_by(g, FIRST_PERSON) for g in givers)
            ):
                return True
    return False


def _to_someone_else(token: Token) -> bool:
    """ "grateful to my mentor"; of a noun, what its verb passes it to ("my thanks go to my
    lecturer"); not "to you" nor "to the panel"."""
    holders = [token, token.head] if token.pos_ == "NOUN" else [token]
    for prep in (c for w in holders for c in w.children if c.dep_ == "prep" and c.lower_ == "to"):
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
    # Sarcasm sets the key of its paragraph: "Well, thanks for keeping me in the lobby for
    # forty minutes. And thanks for checking your phone during my answer."
    mocking = {_paragraph_of(letter, t) for t in cues if is_sarcastic_thanks(t)}
    return [
        t
        for t in cues
        if is_gratitude(t, addressee)
        and not letter.in_quotes(t)
        and _paragraph_of(letter, t) not in mocking
    ]


def _paragraph_of(letter: Letter, token: Token) -> int:
    """The index of the body paragraph the token stands in (-1 outside them)."""
    at = letter.body.start + token.idx
    return next((i for i, p in enumerate(letter.layout.paragraphs) if p.start <= at < p.end), -1)


def _signoff_thanks(letter: Letter) -> str | None:
    phrase = letter.layout.signoff_phrase or ""
    return (
        phrase
        if re.search(r"\b(thank|thanks|thx|gratitude|appreciation|gratefully)\b", phrase)
        else None
    )


def _body_thanks(letter: Letter) -> bool:
    """Only the body counts: "Thank you for your time," in the sign-off's place, with the
    body thanking no one, is a formula as "Thanks," is."""
    return bool(gratitude(letter))


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
        "Sam Lee",
        "Dear Dana,\n\nA letter after an interview shows how grateful you are. In it you should"
        " thank the interviewer, and there is no need for thank you cards.\n\nBest,\nSam Lee",
        "Dear Dana,\n\nI'll be so thankful if you can tell me how far my application has"
        " gone.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nThe kind of work you do interests me. I value the time my team gives"
        " me, and any feedback would be appreciated.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nI am grateful for my time at Brightwave and thankful for the experience"
        " I gained there.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nI would be happy to be considered for other roles.\n\nBest,\nSam Lee",
        # Gratitude of someone else's, or to someone else, or for the writer's own people.
        "Dear Dana,\n\nOur customers often thanked us for the quick turnaround, and my thanks"
        " go to my lecturer, who got me into soil science.\n\nBest,\nSam Lee",
        "Dear Dana,\n\nI'm thankful my old manager pushed me to get my licence, and grateful"
        " for the support of my family. Please pass my thanks on to Jamie at reception.\n\n"
        "Best,\nSam Lee",
        # A request, and a liking for a kind of thing, are not thanks either.
        "Dear Dana,\n\nI'd be thankful for any feedback, and I appreciate a good"
        " challenge.\n\nBest,\nSam Lee",
        "Dear Dana,\n\nWell, thanks for keeping me in the lobby for forty minutes. And thanks"
        " for checking your phone during my answer.\n\nBest,\nSam Lee",
    ],
    good=[
        "Dear Dana,\n\nI'm glad you made time to meet with me on Tuesday.\n\nBest,\nSam Lee",
        "Dear Dana,\n\nI value how openly you described the migration.\n\nBest,\nSam Lee",
        "Dear Dana,\n\nI value the time you gave me.\n\nBest,\nSam Lee",
        "Dear Dana,\n\nIt was kind of you to show me the plant.\n\nBest,\nSam Lee",
        "Dear Dana,\n\nYour patience with my questions was much appreciated.\n\nBest,\nSam Lee",
        "Dear Dana,\n\nI enjoyed the tour.\n\nBest,\nSam Lee\n\nP.S. Thank you for the"
        " reading list.",
        "Dear Dana,\n\nThank you for meeting with me on Tuesday about the analytics role.\n\n"
        "Best regards,\nSam Lee",
        "Dear Dana,\n\nThanks to the new policy the team works remotely. I appreciate you"
        " explaining it.\n\nBest regards,\nSam Lee",
        "Dear Dana,\n\nA heartfelt thank-you for the tour of the plant.\n\nBest,\nSam Lee",
        "Dear Dana,\n\nI was honoured to be considered for the role.\n\nBest,\nSam Lee",
        "Dear Dana,\n\nThe team and I thank you for the visit.\n\nBest,\nSam Lee",
        "Dear Dana,\n\nGood chatting yesterday, appreciate u seeing me.\n\nBest,\nSam Lee",
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
        "A 'Thanks,' or 'Thank you for your time,' above your name is a formula, not"
        " gratitude. Say what you are grateful for in the body of the letter."
    ),
    suggestion="Add a sentence of thanks in the body: 'Thank you for walking me through ...'",
    bad=[
        "Hi Dana,\n\nI enjoyed our talk about the analytics role and the Brightwave"
        " migration.\n\nThanks,\nSam Lee",
        "Hi Dana,\n\nI enjoyed our talk about the analytics role and the Brightwave"
        " migration.\n\nThank you for your time,\nSam Lee",
    ],
    good=[
        "Hi Dana,\n\nThank you for our talk about the analytics role.\n\nThanks again,\nSam Lee",
        # The reader's name run into the first sentence, as mail often has it.
        "Neil,  Thank you for the chance to discuss the analytics role.\n\nThanks,\nSam Lee",
    ],
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
