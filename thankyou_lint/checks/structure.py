"""Structure: greeting, sign-off, name, and a body of sensible length."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..layout import count_words
from ..letter import Hit, Letter
from ..registry import code_rule
from .common import DEGREE_WORDS, capped

if TYPE_CHECKING:
    from spacy.tokens import Token

TOO_SHORT = 50  # body words, from the rubric
TOO_LONG = 400
ADVISED = (100, 200)  # what career advisers suggest
VAGUE_SUBJECTS = {
    "",
    "following up",
    "follow up",
    "follow-up",
    "hi",
    "hello",
    "hey",
    "thanks",
    "thank you",
    "thank you!",
    "interview",
    "re",
    "update",
    "checking in",
    "note",
    "quick note",
    "(no subject)",
}
NEXT_STEP_RE = re.compile(
    r"(?i)\b(next steps?|look(ing)? forward|hear(ing)? (back )?from you|follow(ing)? up"
    r"|stay in touch|keep in touch|further questions|any questions|happy to (provide|send|share)"
    r"|available (for|to)|decision|timeline|touch base|hope to hear|speak again|talk again)\b"
)

SHORT_LETTER = "Dear Dana,\n\nThank you for the interview.\n\nBest regards,\nSam Lee"
OK_LETTER = (
    "Dear Dana,\n\n"
    + "Thank you for meeting me about the analyst role at Brightwave on Tuesday. " * 6
    + "\n\nBest regards,\nSam Lee"
)


@code_rule(
    id="structure.missing-greeting",
    severity="warning",
    message="The letter has no greeting line.",
    rationale="A letter opens by addressing its reader ('Dear Ms. Reyes,'); without it, a memo.",
    suggestion="Start with 'Dear <name>,'.",
    needs=[],
    bad=["Subject: Thank you\n\nThank you for the interview.\n\nBest regards,\nSam Lee"],
    good=[OK_LETTER],
)
def missing_greeting(letter: Letter) -> Iterator[Hit]:
    if letter.layout.greeting is None and letter.text.strip():
        start = letter.body.start
        yield Hit(start, start + len(letter.text[start:].split("\n", 1)[0]))


@code_rule(
    id="structure.missing-signoff",
    severity="warning",
    message="The letter has no sign-off ('Best regards,', 'Sincerely,').",
    rationale="A sign-off and your name close the letter; without them it looks unfinished.",
    suggestion="End with 'Best regards,' and your name on the next line.",
    needs=[],
    bad=["Dear Dana,\n\nThank you for the interview about the analyst role."],
    good=[OK_LETTER],
)
def missing_signoff(letter: Letter) -> Iterator[Hit]:
    # A name alone under the body ("Dana Reyes.") signs the letter: real letters do it.
    layout = letter.layout
    if layout.signoff is None and layout.name is None and layout.body:
        end = letter.body.end
        yield Hit(max(letter.body.start, end - 1), end)


@code_rule(
    id="structure.missing-name",
    severity="warning",
    message="The sign-off is not followed by your name.",
    rationale="The reader should not have to guess who wrote the letter.",
    suggestion="Add your full name under the sign-off.",
    needs=[],
    bad=["Dear Dana,\n\nThank you for the interview.\n\nBest regards,"],
    good=[OK_LETTER],
)
def missing_name(letter: Letter) -> Iterator[Hit]:
    span = letter.layout.signoff
    if span is not None and letter.layout.name is None:
        yield Hit(span.start, span.end)


@code_rule(
    id="structure.too-short",
    severity="warning",
    message="The body is far too short to thank, reinforce and stand out.",
    rationale=f"Under about {TOO_SHORT} words a letter cannot do much more than say thanks.",
    suggestion="Add a sentence on a strength you showed and one on something you discussed.",
    needs=[],
    bad=[SHORT_LETTER],
    good=[OK_LETTER],
)
def too_short(letter: Letter) -> Iterator[Hit]:
    words = letter.body_words
    if words < TOO_SHORT:
        yield letter.body_hit(
            message=f"The body has {words} words; aim for {ADVISED[0]} to"
            f" {ADVISED[1]} (under {TOO_SHORT} is far too short)."
        )


@code_rule(
    id="structure.too-long",
    severity="warning",
    message="The body is far too long for a thank-you letter.",
    rationale=f"Over about {TOO_LONG} words the thanks and your best point get lost.",
    suggestion="Keep one strength, one detail from the interview and your thanks.",
    needs=[],
    bad=[
        "Dear Dana,\n\n"
        + "I enjoyed our conversation about the analyst role. " * 60
        + "\n\nBest regards,\nSam Lee"
    ],
    good=[OK_LETTER],
)
def too_long(letter: Letter) -> Iterator[Hit]:
    words = letter.body_words
    if words > TOO_LONG:
        yield letter.body_hit(
            message=f"The body has {words} words; aim for {ADVISED[0]} to"
            f" {ADVISED[1]} (over {TOO_LONG} is far too long)."
        )


@code_rule(
    id="structure.length-advice",
    severity="info",
    message="Career advisers suggest a body of 100 to 200 words.",
    rationale="Long enough to reinforce a strength and a detail, short enough to be read in full.",
    needs=[],
    bad=[
        "Dear Dana,\n\n"
        + "Thank you for the interview about the analyst role. " * 8
        + "\n\nBest regards,\nSam Lee"
    ],
    good=[
        "Dear Dana,\n\n"
        + "Thank you for the interview about the analyst role. " * 15
        + "\n\nBest regards,\nSam Lee"
    ],
)
def length_advice(letter: Letter) -> Iterator[Hit]:
    words = letter.body_words
    if TOO_SHORT <= words < ADVISED[0] or ADVISED[1] < words <= TOO_LONG:
        yield letter.body_hit(
            message=f"The body has {words} words; advisers suggest {ADVISED[0]} to {ADVISED[1]}."
        )


@code_rule(
    id="structure.vague-subject",
    severity="info",
    message="The subject line does not say what the message is.",
    rationale="A subject like 'Thank you — Data Analyst interview' gets opened and found again.",
    suggestion="Use a subject such as 'Thank you — <role> interview on <day>'.",
    needs=[],
    bad=["Subject: Following up\n\nDear Dana,\n\nThank you."],
    good=["Subject: Thank you for the Data Analyst interview\n\nDear Dana,\n\nThank you."],
)
def vague_subject(letter: Letter) -> Iterator[Hit]:
    line = letter.layout.subject
    if line is None:
        return
    value = line.stripped.split(":", 1)[1].strip().lower()
    if value.rstrip(".!") in VAGUE_SUBJECTS:
        yield Hit(line.span.start, line.span.end)


@code_rule(
    id="structure.next-step",
    severity="info",
    message="No next-step line: say that you look forward to hearing about next steps.",
    rationale="Closing with the next step shows continued interest and invites a reply.",
    suggestion="Add 'I look forward to hearing about the next steps.' before the sign-off.",
    needs=[],
    bad=["Dear Dana,\n\nThank you for the interview.\n\nBest regards,\nSam Lee"],
    good=["Dear Dana,\n\nThank you. I look forward to hearing from you.\n\nBest regards,\nSam"],
)
def next_step(letter: Letter) -> Iterator[Hit]:
    if letter.layout.body and not NEXT_STEP_RE.search(letter.layout.body_text):
        yield letter.body_hit()


ENGLISH_MIN_WORDS = 20  # below this the share of function words says little
ENGLISH_MIN_STOP_SHARE = 0.2  # English prose runs at 0.4 to 0.5; German, Spanish under 0.15


@code_rule(
    id="structure.not-english",
    severity="warning",
    message="This letter does not look like English; thankyou-lint only understands English.",
    rationale="The checks read English grammar and wording; on other languages they would only"
    " produce noise, so the other findings are left out.",
    suggestion="Lint the English version of the letter.",
    needs=[],
    exclusive=True,
    bad=[
        "Sehr geehrte Frau Becker,\n\nvielen Dank für das freundliche Gespräch am Dienstag und"
        " die Zeit, die Sie sich für mich genommen haben. Die Stelle als Datenanalystin bei"
        " Brightwave reizt mich sehr, weil ich dort meine Erfahrung mit Kundendaten einbringen"
        " kann.\n\nMit freundlichen Grüßen\nAnna Schmidt"
    ],
    good=[OK_LETTER],
)
def not_english(letter: Letter) -> Iterator[Hit]:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.lower() for w in re.findall(r"[^\W\d_]+", letter.layout.body_text)]
    if len(words) >= ENGLISH_MIN_WORDS:
        share = sum(w in STOP_WORDS for w in words) / len(words)
        if share < ENGLISH_MIN_STOP_SHARE:
            yield letter.body_hit()


# Object-experiencer ("amuse") verbs: their participles name the writer's feeling ("I was
# impressed by", "I would be thrilled to"), an adjective in all but form. The parser often
# tags them so (then they are no passive at all); these are the ones it leaves as verbs.
FEELING_VERBS = {
    "impress",
    "interest",
    "excite",
    "please",
    "thrill",
    "delight",
    "honor",
    "honour",
    "amaze",
    "inspire",
    "surprise",
    "touch",
    "move",
    "encourage",
    "humble",
    "fascinate",
    "intrigue",
    "strike",
    "energize",
    "energise",
    "disappoint",
    "bless",
    "flatter",
    "overwhelm",
    "annoy",
    "frustrate",
    "worry",
    "concern",
    "satisfy",
    "relieve",
    "shock",
    "astonish",
    "stun",
    "motivate",
    "confuse",
    "embarrass",
}
# Passives in form only, with no active to turn them into: "I was born", "I was supposed to",
# "I am based in", "it is located", "I am used to".
STATE_PARTICIPLES = {"bear", "suppose", "base", "locate", "situate", "use"}
NOT_STYLE_PASSIVES = FEELING_VERBS | STATE_PARTICIPLES | {"be"}  # "it's been": the copula
PASSIVE_AUXES = {"be", "get"}
# "whether a decision has been reached", "if the role is filled": a question about what the
# reader's side did, whose doer the writer cannot name; there the passive is the right voice.
OPEN_CLAUSE_MARKS = {"if", "whether"}


@code_rule(
    id="structure.passive-voice",
    severity="info",
    message="Passive voice hides who did what.",
    rationale="'I was given a tour' and 'the report was written' leave the doer out; the active"
    " ('Dana showed me the lab', 'I wrote the report') is shorter and gives you or the reader"
    " credit. Feelings ('I was impressed by') are not flagged. A matter of taste, so a hint,"
    " shown at most three times a letter.",
    suggestion="Name who did it and make them the subject: 'you showed me', 'I led'.",
    bad=[
        "I was given a tour of the plant by your team.",
        "The quarterly report was written by me and two colleagues.",
    ],
    good=[
        "I was impressed by the way your team runs its stand-ups.",
        "I am interested in the analyst role.",
        "I would be thrilled to join the team.",
        "I am based in Leeds and can start in May.",
        "Your team showed me the plant.",
    ],
)
def passive_voice(letter: Letter) -> Iterator[Hit]:
    participles = (t for t in letter.tokens if t.tag_ == "VBN" and not letter.in_quotes(t))
    for participle in capped(p for p in participles if _is_style_passive(p)):
        auxes = [c for c in participle.lefts if c.dep_ in {"aux", "auxpass"} and c.pos_ == "AUX"]
        first = min(auxes, key=lambda t: t.i, default=participle)  # "have been asked"
        yield letter.hit(first, participle)


def _is_style_passive(participle: Token) -> bool:
    """A 'be' passive of an action: not a feeling, not a state with no active form, not a
    stock phrase, not a clause about what someone else did that the writer cannot name."""
    children = list(participle.children)
    if not any(c.dep_ == "auxpass" and c.lemma_.lower() in PASSIVE_AUXES for c in children):
        return False  # "room to grow included": a parser slip, no passive auxiliary
    if participle.lemma_.lower() in NOT_STYLE_PASSIVES:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False  # "the chance to be considered": the stock phrase of these letters
    if any(c.dep_ == "mark" and c.lower_ in OPEN_CLAUSE_MARKS for c in children):
        return False
    # A participle that takes a degree word ("very pleased", "so well versed") is an adjective.
    return not any(c.dep_ == "advmod" and c.lower_ in DEGREE_WORDS for c in children)


LONG_SENTENCE = 40  # words; readability guides put the comfortable length at 15 to 25
# A blank line, a list item or a capital after an emoji ("refunds 🙂 I would") starts a new
# sentence, whatever the parser joined.
PIECE_BREAK_RE = re.compile(
    r"\n\s*\n|\n(?=[ \t]*(?:[-*•]|\d+[.)])\s)"
    r"|(?<=[\U0001f300-\U0001faff\u2600-\u27bf\ufe0f])[ \t]+(?=[A-Z])"
)


@code_rule(
    id="structure.long-sentence",
    severity="info",
    message=f"A sentence of over {LONG_SENTENCE} words is hard to follow.",
    rationale="A reader skims a thank-you letter; a very long sentence loses them before its"
    " point. A matter of taste, so a hint, shown at most three times a letter.",
    suggestion="Split it in two, or cut the clauses that do not carry your point.",
    needs=["dep"],
    bad=[
        "I wanted to thank you for taking the time to meet with me on Tuesday afternoon to talk"
        " about the data analyst role, the way your team builds its weekly reports for the"
        " regional managers, and the plans you have for moving the whole reporting stack to the"
        " cloud over the next year."
    ],
    good=[
        "Thank you for meeting me on Tuesday to talk about the data analyst role. I enjoyed"
        " hearing how your team builds its weekly reports for the regional managers, and about"
        " your plans to move the reporting stack to the cloud next year."
    ],
)
def long_sentence(letter: Letter) -> Iterator[Hit]:
    for start, end, words in capped(_long_pieces(letter)):
        yield Hit(
            letter.body.start + start,
            letter.body.start + end,
            message=f"This sentence has {words} words; over {LONG_SENTENCE} is hard to follow.",
        )


def _long_pieces(letter: Letter) -> Iterator[tuple[int, int, int]]:
    """(start, end, words) in the Doc of each over-long sentence, split where the lines show
    sentences the parser ran together."""
    text = letter.doc_text
    for sent in letter.sentences:
        bounds = [sent.start_char]
        for m in PIECE_BREAK_RE.finditer(text, sent.start_char, sent.end_char):
            bounds += [m.start(), m.end()]
        bounds.append(sent.end_char)
        for begin, end in zip(bounds[::2], bounds[1::2], strict=True):
            piece = text[begin:end]
            words = count_words(piece)
            if words > LONG_SENTENCE:
                lead = len(piece) - len(piece.lstrip())
                yield begin + lead, begin + len(piece.rstrip()), words
