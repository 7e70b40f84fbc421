"""Structure: greeting, sign-off, name, and a body of sensible length."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..letter import Hit, Letter
from ..registry import code_rule

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
