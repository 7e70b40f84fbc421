"""The rule reference, docs/rules.md, rendered from the built-in rules' own metadata.

The page is checked in so that it can be read in the repository; a test fails when it is
out of date. Regenerate it from the repository root with the command in `REGENERATE`.
"""

from __future__ import annotations

import html
import importlib
import re
import sys
from pathlib import Path

from .checks import LETTER_CHECKS, RUN_CHECKS
from .models import Family
from .nlp import Need
from .registry import CodeRule, Example, Rule, RunRule, builtin_pack_paths, builtin_rules, load_pack

REGENERATE = "python -m thankyou_lint.reference docs/rules.md"
LONG_EXAMPLE = 600  # characters; longer examples are shown abbreviated

FAMILY_INTROS: dict[Family, str] = {
    Family.EXCUSES: (
        "A thank-you letter should leave the interview's low points where they are. These rules "
        "flag apologising for your performance, explaining a mistake away, blaming nerves, "
        "running yourself down, and apologising for the letter itself. Tactfully answering an "
        "objection, or adding something you forgot to mention, is not an excuse."
    ),
    Family.THANKS: (
        "The letter exists to thank the reader. These rules check that the body says thank you "
        "(a bare 'Thanks,' as the sign-off does not count) and, as a hint, that the thanks does "
        "not come only at the very end."
    ),
    Family.STRENGTHS: (
        "Reinforce the good points you made: a concrete skill, experience or result of yours. "
        "Generic self-praise ('I am a hard worker') does not count as one."
    ),
    Family.TONE: (
        "A thank-you letter is a professional document written to someone you met once. These "
        "rules flag chat register (text-speak, slang, emoji, exclamation runs, capitals), "
        "casual greetings and sign-offs, profanity, begging, over-familiarity, sarcasm and "
        "salary talk. Matches inside quotation marks and in names ('Yo! Sushi') are skipped. "
        "A hint (severity info), as style editors such as Hemingway give it, points at "
        "intensifiers and filler ('very', 'really really', 'I just wanted to'), at most three "
        "a letter."
    ),
    Family.GENERIC: (
        "A letter that could be sent to anyone does not set you apart. These rules flag clichés, "
        "unfilled template placeholders, impersonal greetings and a body with nothing specific "
        "in it. With the interview's context (company, interviewer, role) they also check the "
        "names: the interviewer's spelled as given, the company named, no other employer's "
        "name where this company's belongs."
    ),
    Family.STRUCTURE: (
        "The shape of a letter: a greeting, a body of sensible length, a sign-off and your "
        "name. The hints (severity info) give career advisers' advice on length, the subject "
        "line and a closing next step, and, as style editors such as Hemingway do, point at "
        "passive voice ('I was given a tour'; feelings such as 'I was impressed by' are left "
        "alone) and sentences over 40 words, at most three of each a letter."
    ),
    Family.SPELLING: (
        "A typo is the first thing a hiring manager notices in a short note. These rules flag "
        "misspelt words (with suggestions), a word written twice (a safe fix), and commonly "
        "confused words the parse shows are in the wrong place ('your welcome', 'more then', "
        "'to here from you'). Names of people, companies, products and places are never "
        "checked; British and American spellings are both right; `accept` in the "
        "configuration adds words of your own."
    ),
}

NEEDS = {
    Need.LEMMA: "lemmas",
    Need.POS: "part-of-speech tags",
    Need.DEP: "dependency parse",
    Need.ENTS: "named entities",
}


def rule_reference() -> str:
    """The whole page, for the built-in rules only: installed plugins never change it."""
    rules = sorted(builtin_rules(), key=lambda rule: rule.meta.id)
    where = origins()
    by_family: dict[Family, list[Rule]] = {family: [] for family in Family}
    for rule in rules:
        by_family[rule.meta.family].append(rule)

    out = [*_introduction(len(rules)), "| rule | severity | what it catches |", "|---|---|---|"]
    for rule in (rule for members in by_family.values() for rule in members):
        meta = rule.meta
        out.append(f"| [`{meta.id}`](#{meta.id}) | {meta.severity.value} | {prose(meta.message)} |")
    for family, members in by_family.items():
        out += ["", f"## {family.value}", "", FAMILY_INTROS[family]]
        for rule in members:
            out += ["", *render_rule(rule, where[rule.meta.id])]
    return "\n".join(out) + "\n"


def _introduction(count: int) -> list[str]:
    return [
        "# Rule reference",
        "",
        f"<!-- Generated from the rules' metadata by `{REGENERATE}`: do not edit by hand. -->",
        "",
        f"{count} rules in {len(Family)} families. This page is generated from the rules' own "
        "metadata: the message, rationale, suggestion and examples below are the ones the "
        "linter reports and the test suite runs (every *flagged* example must be flagged by "
        "its rule, every *not flagged* one must not be). After changing a rule, regenerate "
        f"this page with `{REGENERATE}` (a test fails until you do).",
        "",
        "Severities: **error** (almost certainly costs you), **warning** (a careful reviewer "
        "would flag it) and **info** (a hint, a matter of taste: it never fails a run at the "
        "default `--fail-on warning`).",
        "",
        "Every rule can be switched off in three equivalent ways: `--ignore RULE` on the "
        'command line, `ignore = ["RULE"]` in the configuration, or `severity."RULE" = "off"`. '
        "`--ignore` and `ignore` also accept a whole family. In a Markdown draft, a "
        "[disable comment](cli.md#disable-comments) silences it for a region. See "
        "[Configuration](configuration.md).",
        "",
    ]


def origins() -> dict[str, str]:
    """Where each built-in rule is defined."""
    found: dict[str, str] = {}
    for path in builtin_pack_paths():
        for spec in load_pack(path):
            found[spec.id] = f"rule pack `rules/{path.name}`"
    for name in LETTER_CHECKS + RUN_CHECKS:
        module = importlib.import_module(f"{__package__}.checks.{name}")
        for value in vars(module).values():
            if isinstance(value, CodeRule | RunRule):
                found[value.meta.id] = f"code check in `thankyou_lint/checks/{name}.py`"
    return found


def render_rule(rule: Rule, origin: str) -> list[str]:
    meta = rule.meta
    reads = ", ".join(NEEDS[n] for n in sorted(meta.needs)) or "tokens only"
    fix = "[safe](cli.md#fixes): `--fix` applies it, `--diff` shows it" if meta.fixable else "none"
    facts = [
        f"**Severity:** {meta.severity.value}",
        f"**Family:** {meta.family.value}",
        f"**Fix:** {fix}",
        f"**Defined in:** {origin}",
        f"**Reads:** {reads}",
    ]
    # The <a id> keeps `rules.md#tone.text-speak` working on the site and on GitHub alike,
    # whose heading anchors both drop the dot.
    lines = [
        f'### <a id="{meta.id}"></a>{meta.id}',
        "",
        " · ".join(facts),
        "",
        f"**What it catches.** {prose(meta.message)}",
        "",
        f"**Why.** {prose(meta.rationale)}",
    ]
    if meta.suggestion:
        lines += ["", f"**Suggestion.** {prose(meta.suggestion)}"]
    lines += ["", "**Flagged:**", ""]
    for example in meta.bad:
        lines += [*render_example(example), ""]
    lines += ["**Not flagged:**", ""]
    for example in meta.good:
        lines += [*render_example(example), ""]
    lines.append(
        f'**Disable:** `--ignore {meta.id}` · `ignore = ["{meta.id}"]` · '
        f'`severity."{meta.id}" = "off"` · in a Markdown draft, '
        f"`<!-- thankyou-lint: disable={meta.id} -->`"
    )
    return lines


def render_example(example: Example) -> list[str]:
    lines: list[str] = []
    before = example.preceded_by  # letters linted before it in the same run
    for i, earlier in enumerate(before, 1):
        lines += [f"*Letter {i} of the same run:*", "", fence(abbreviate(earlier)[0], "text"), ""]
    notes = []
    if before:
        notes.append(f"letter {len(before) + 1} of the same run")
    if example.context is not None:
        given = example.context.model_dump(exclude_none=True)
        notes.append("linted with " + " ".join(f'`--{k} "{v}"`' for k, v in given.items()))
    text, words = abbreviate(example.text)
    if words:
        notes.append(f"abbreviated, the full example has {words} words")
    if notes:
        note = "; ".join(notes)
        lines += [f"*{note[0].upper()}{note[1:]}:*", ""]
    return [*lines, fence(text, "text")]


def abbreviate(text: str) -> tuple[str, int]:
    """A long example shortened to its start and end, and its length in words (0 if kept)."""
    if len(text) <= LONG_EXAMPLE:
        return text, 0
    head = text[:350].rsplit(" ", 1)[0]
    tail = text[-150:].split(" ", 1)[-1]
    return f"{head} […] {tail}", len(text.split())


def prose(text: str) -> str:
    """Metadata text as literal Markdown: "'Dear <name>,'" must not become an HTML tag."""
    return re.sub(r"([\\`*_\[\]|])", r"\\\1", html.escape(text, quote=False))


def fence(text: str, language: str) -> str:
    """A fenced block that no run of backticks in the text can close early."""
    ticks = "```"
    while ticks in text:
        ticks += "`"
    return f"{ticks}{language}\n{text.rstrip()}\n{ticks}"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(f"usage: {REGENERATE}", file=sys.stderr)
        return 2
    # UTF-8 and \n on every platform: the page must be the same bytes wherever it is made.
    Path(argv[0]).write_text(rule_reference(), encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
