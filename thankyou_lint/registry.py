"""Rules: their metadata, the two kinds (code checks and declarative packs) and the registry."""

from __future__ import annotations

import importlib
import importlib.resources
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import ConfigError
from .fixes import removal
from .layout import Layout
from .letter import Hit, Letter
from .matching import PackMatcher
from .models import Family, Fix, LetterContext, Severity
from .near_copies import EarlierLetters
from .nlp import Need

if TYPE_CHECKING:
    from .config import Config

ENTRY_POINT_GROUP = "thankyou_lint.rules"
RULE_ID_RE = r"^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$"
SEE_RULES = "(see `thankyou-lint rules`)"


class Example(BaseModel):
    """A letter (or a fragment of one) and, optionally, the context it is linted with."""

    # Its validator is built on first use: a cached re-run never needs it.
    model_config = ConfigDict(extra="forbid", defer_build=True)

    text: str
    context: LetterContext | None = None
    preceded_by: tuple[str, ...] = ()  # letters linted before it in the same run


def _as_examples(value: Any) -> Any:
    return [{"text": v} if isinstance(v, str) else v for v in value]


class RuleMeta(BaseModel):
    """Everything about a rule except how it matches: one rule, one place."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=RULE_ID_RE)
    severity: Severity
    message: str
    rationale: str
    suggestion: str | None = None
    needs: frozenset[Need] = frozenset({Need.LEMMA, Need.POS, Need.DEP})
    bad: tuple[Example, ...] = Field(min_length=1)
    good: tuple[Example, ...] = Field(min_length=1)
    fixable: bool = Field(
        default=False, description="It offers a safe fix that `--fix` applies (a test checks)."
    )
    # When an exclusive rule fires, the letter's other findings are dropped as noise
    # (a letter in another language would otherwise get a flood of false findings).
    exclusive: bool = False

    @model_validator(mode="before")
    @classmethod
    def _wrap_examples(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in ("bad", "good"):
                if key in data:
                    data[key] = _as_examples(data[key])
        return data

    @property
    def family(self) -> Family:
        try:
            return Family(self.id.split(".")[0])
        except ValueError:
            families = ", ".join(f.value for f in Family)
            raise ConfigError(f"rule '{self.id}': family must be one of {families}") from None

    @property
    def description(self) -> str:
        return self.message


@runtime_checkable
class Rule(Protocol):
    meta: RuleMeta

    def check(self, letter: Letter) -> Iterable[Hit]: ...


class CodeRule:
    """A rule written in Python, for judgement: negation, scope, absence."""

    def __init__(self, meta: RuleMeta, func: Callable[[Letter], Iterable[Hit]]) -> None:
        self.meta = meta
        self._func = func

    def check(self, letter: Letter) -> Iterable[Hit]:
        return self._func(letter)


class RunRule:
    """A rule over a whole run of letters: it sees each letter's layout and those before it.

    It runs after the per-letter rules, on cached and fresh reports alike, so results that
    depend on the other letters of a run are never cached with one letter.
    """

    def __init__(self, meta: RuleMeta, func: Callable[[Layout, EarlierLetters], Iterable[Hit]]):
        self.meta = meta
        self._func = func

    def check(self, letter: Letter) -> Iterable[Hit]:
        return ()  # nothing to say about one letter alone

    def check_run(self, layout: Layout, earlier: EarlierLetters) -> Iterable[Hit]:
        return self._func(layout, earlier)


def run_rule(
    **meta: Any,
) -> Callable[[Callable[[Layout, EarlierLetters], Iterable[Hit]]], RunRule]:
    """Decorator turning a check over a run into a rule: `@run_rule(id=..., ...)`."""

    def wrap(func: Callable[[Layout, EarlierLetters], Iterable[Hit]]) -> RunRule:
        return RunRule(RuleMeta(**meta), func)

    return wrap


def code_rule(**meta: Any) -> Callable[[Callable[[Letter], Iterable[Hit]]], CodeRule]:
    """Decorator turning a check function into a rule: `@code_rule(id=..., ...)`."""

    def wrap(func: Callable[[Letter], Iterable[Hit]]) -> CodeRule:
        return CodeRule(RuleMeta(**meta), func)

    return wrap


MAX_PHRASES = 5_000
MAX_PHRASE_CHARS = 200
MAX_PATTERNS = 500
MAX_PATTERN_TOKENS = 20
MAX_REPEATS = 3  # "*"/"+" tokens in one pattern: each multiplies the matcher's states
PHRASE_NEEDS = (Need.LEMMA, Need.POS)  # phrases match inflections through lemmas


class PackRuleSpec(RuleMeta):
    """A declarative rule: phrases and/or spaCy Matcher token patterns."""

    # Its validator is built on first use: a cached re-run never needs it.
    model_config = ConfigDict(defer_build=True)

    phrases: tuple[str, ...] = Field(
        default=(),
        description="Matched case-insensitively, and in any inflection of their verbs and nouns.",
    )
    exact_phrases: tuple[str, ...] = Field(
        default=(),
        description="Matched case-insensitively in exactly this form: where an inflection"
        " changes the meaning ('pumped', 'bout').",
    )
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()
    skip_quoted: bool = True
    skip_names: bool = True  # "LOL Analytics", "Yo! Sushi": names are never findings
    fixes: dict[str, str] = Field(
        default_factory=dict,
        description="Safe replacements by matched text (lower case); an empty one removes it.",
    )
    removal_suggestion: str | None = Field(
        default=None, description="The suggestion for a match whose fix removes it."
    )

    @model_validator(mode="before")
    @classmethod
    def _fixable_with_fixes(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("fixes"):
            data["fixable"] = True
        return data

    @model_validator(mode="before")
    @classmethod
    def _phrases_read_lemmas(cls, data: Any) -> Any:
        # Inflections are matched through the tagger's lemmas: a rule with phrases needs
        # them whatever it declares, or `--select` of it alone would match exact forms only.
        if isinstance(data, dict) and data.get("phrases"):
            declared = data.get("needs", RuleMeta.model_fields["needs"].default)
            if isinstance(declared, list | tuple | set | frozenset):
                return {**data, "needs": [*declared, *PHRASE_NEEDS]}
        return data

    @model_validator(mode="after")
    def _has_matcher(self) -> PackRuleSpec:
        if not self.phrases and not self.exact_phrases and not self.patterns:
            raise ValueError("a pack rule needs `phrases`, `exact_phrases` or `patterns`")
        return self

    @model_validator(mode="after")
    def _bounded(self) -> PackRuleSpec:
        """A pack is data from anywhere: it must not make matching explode."""
        phrases = (*self.phrases, *self.exact_phrases)
        if len(phrases) > MAX_PHRASES or len(self.patterns) > MAX_PATTERNS:
            raise ValueError(f"at most {MAX_PHRASES} phrases and {MAX_PATTERNS} patterns")
        if any(len(p) > MAX_PHRASE_CHARS for p in phrases):
            raise ValueError(f"a phrase is longer than {MAX_PHRASE_CHARS} characters")
        for pattern in self.patterns:
            repeats = sum(t.get("OP") in {"*", "+"} for t in pattern)
            if len(pattern) > MAX_PATTERN_TOKENS or repeats > MAX_REPEATS:
                raise ValueError(
                    f"a pattern has more than {MAX_PATTERN_TOKENS} tokens"
                    f" or {MAX_REPEATS} repeated ('*', '+') tokens"
                )
        return self


class PackRule:
    def __init__(self, spec: PackRuleSpec, matcher: PackMatcher) -> None:
        self.spec = spec
        self.meta = RuleMeta(**spec.model_dump(include=set(RuleMeta.model_fields)))
        self._matcher = matcher

    def check(self, letter: Letter) -> Iterator[Hit]:
        from spacy.util import filter_spans

        for span in filter_spans(self._matcher.spans(letter.doc, self.meta.id)):
            if self.spec.skip_quoted and letter.in_quotes(span[0]):
                continue
            if self.spec.skip_names and _looks_like_name(span):
                continue
            yield self._with_fix(letter.text, letter.span_hit(span), span.text)

    def _with_fix(self, text: str, hit: Hit, matched: str) -> Hit:
        replacement = self.spec.fixes.get(matched.lower())
        if replacement is None:
            return hit
        if not replacement:  # nothing stands for it ("lol"): it goes, with its space and comma
            fix = removal(text, hit.start, hit.end)
            return replace(hit, fix=fix, suggestion=self.spec.removal_suggestion)
        if matched[:1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]
        return replace(hit, fix=Fix(start=hit.start, end=hit.end, replacement=replacement))


def _looks_like_name(span: Any) -> bool:
    """Part of a capitalised name such as "LOL Analytics" or "Yo! Sushi"."""
    doc = span.doc
    if span.text == span.text.lower():
        return False  # names have capitals: a lowercase "gonna" the parser calls an ORG is not one
    if all(t.is_punct for t in span.sent if not span.start <= t.i < span.end):
        return False  # "LOL." on its own: a name stands in a sentence, it is not one
    if span[0].ent_type_ in {"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "PERSON", "EVENT"}:
        return True
    if not span[0].text[:1].isupper():
        return False
    after = span.end
    while after < len(doc) and doc[after].is_punct and doc[after].text in "!?'’":
        after += 1
    nxt = doc[after] if after < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    capitalised_next = nxt is not None and nxt.is_alpha and nxt.text[0].isupper()
    capitalised_prev = (
        prev is not None and prev.is_alpha and prev.text[0].isupper() and not prev.is_sent_start
    )
    return bool(
        (capitalised_next and nxt is not None and nxt.text != "I")
        or (capitalised_prev and prev is not None and prev.text != "I")
    )


def load_packs(paths: Iterable[Path]) -> list[PackRule]:
    """The rules of several packs, sharing one `PackMatcher`."""
    specs = [spec for path in paths for spec in load_pack(path)]
    matcher = PackMatcher(specs)
    return [PackRule(spec, matcher) for spec in specs]


def load_pack(path: Path) -> list[PackRuleSpec]:
    """A rule pack is data only: safe YAML, validated by pydantic."""
    import yaml

    from .config import read_settings_file

    # Safe loading only (no Python objects from data); the C loader when libyaml is present.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = read_settings_file(path).decode("utf-8")  # never /dev/zero, never a FIFO
        data = yaml.load(text, Loader=loader)
    except OSError as exc:
        raise ConfigError(f"rule pack {path}: {exc.strerror or exc}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"rule pack {path}: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise ConfigError(f"rule pack {path}: nested too deeply to be a rule pack") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ConfigError(f"rule pack {path}: expected a mapping with a `rules` list")
    specs = []
    for i, item in enumerate(data["rules"]):
        try:
            specs.append(PackRuleSpec.model_validate(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            rid = item.get("id", f"#{i + 1}") if isinstance(item, dict) else f"#{i + 1}"
            raise ConfigError(f"rule pack {path}: rule {rid}: {where}: {err['msg']}") from None
    return specs


def builtin_pack_paths() -> list[Path]:
    # In a wheel the packs ship as thankyou_lint/packs; in a source checkout they are ../rules.
    shipped = importlib.resources.files("thankyou_lint") / "packs"
    folder = Path(str(shipped))
    if not folder.is_dir():
        folder = Path(__file__).resolve().parent.parent / "rules"
    return sorted(folder.glob("*.yaml"))


@cache
def builtin_rules() -> tuple[Rule, ...]:
    """Loaded once per process: the check modules are imported and the packs read only here."""
    from .checks import LETTER_CHECKS, RUN_CHECKS

    return (*_code_rules(LETTER_CHECKS + RUN_CHECKS), *load_packs(builtin_pack_paths()))


def all_run_rules() -> list[RunRule]:
    """The run rules, built in and from plugins, without loading the per-letter checks."""
    from .checks import RUN_CHECKS

    found = [r for r in (*_code_rules(RUN_CHECKS), *plugin_rules()) if isinstance(r, RunRule)]
    return sorted(found, key=lambda r: r.meta.id)


def _code_rules(modules: Iterable[str]) -> list[CodeRule | RunRule]:
    """The rules defined in these modules of `thankyou_lint.checks`."""
    found: list[CodeRule | RunRule] = []
    for name in modules:
        module = importlib.import_module(f"{__package__}.checks.{name}")
        found += [v for v in vars(module).values() if isinstance(v, CodeRule | RunRule)]
    return found


@cache
def rule_entry_points() -> tuple[EntryPoint, ...]:
    """Found once per process: it reads the metadata of every installed package."""
    return tuple(entry_points(group=ENTRY_POINT_GROUP))


def plugin_rules() -> list[Rule]:
    """Code checks from other packages, through the `thankyou_lint.rules` entry points."""
    rules: list[Rule] = []
    for ep in rule_entry_points():
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not stop the linter
            raise ConfigError(f"plugin '{ep.name}' failed to load: {exc}") from exc
        items = obj if isinstance(obj, list | tuple) else [obj]
        for item in items:
            if not isinstance(item, Rule):
                raise ConfigError(f"plugin '{ep.name}' does not provide thankyou-lint rules")
            rules.append(item)
    return rules


def all_rules(extra_packs: Iterable[Path] = ()) -> list[Rule]:
    rules = [*builtin_rules(), *plugin_rules(), *load_packs(Path(p) for p in extra_packs)]
    seen: set[str] = set()
    for rule in rules:
        rule.meta.family  # noqa: B018 - validates the family prefix
        if rule.meta.id in seen:
            raise ConfigError(f"rule id '{rule.meta.id}' is defined twice")
        seen.add(rule.meta.id)
    return sorted(rules, key=lambda r: r.meta.id)


def matches_selector(rule_id: str, selector: str) -> bool:
    return rule_id == selector or rule_id.startswith(selector + ".")


def select_rules(rules: Iterable[Rule], select: Iterable[str], ignore: Iterable[str]) -> list[Rule]:
    """The rules the selectors keep; `check_rule_ids` has made sure each one exists."""
    select, ignore = list(select), list(ignore)
    return [
        r
        for r in rules
        if (not select or any(matches_selector(r.meta.id, s) for s in select))
        and not any(matches_selector(r.meta.id, s) for s in ignore)
    ]


def check_rule_ids(config: Config, rules: Iterable[Rule], where: str = "") -> None:
    """Every rule id or family the settings name must exist: a typo is an error, not a no-op."""
    ids = {r.meta.id for r in rules}
    known = ids | {i.split(".")[0] for i in ids}
    for key, value in _named_rules(config):
        if key == "severity" and value not in ids:
            raise ConfigError(f"{where}severity: unknown rule id '{value}' {SEE_RULES}")
        if value not in known:
            raise ConfigError(f"{where}{key}: unknown rule or family '{value}' {SEE_RULES}")


def names_rules(config: Config) -> bool:
    """Do the settings name any rule or family (for `check_rule_ids` to check)?"""
    return bool(_named_rules(config))


def _named_rules(config: Config) -> list[tuple[str, str]]:
    """(setting, rule id or family) for each rule the settings name."""
    return [
        *(("select", s) for s in config.select),
        *(("ignore", s) for s in config.ignore),
        *(("per-file-ignores", s) for sel in config.per_file_ignores.values() for s in sel),
        *(("severity", rule_id) for rule_id in config.severity),
    ]
