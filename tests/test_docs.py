"""The documentation site builds, covers the product, and its worked examples really work."""

from __future__ import annotations

import html
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown
import pytest
import yaml
from conftest import ROOT, run_cli
from mkdocs.config import load_config

from thankyou_lint import Config
from thankyou_lint.reference import REGENERATE, rule_reference
from thankyou_lint.registry import ENTRY_POINT_GROUP, all_rules, builtin_rules

DOCS = ROOT / "docs"
RULES_PAGE = DOCS / "rules.md"
PLUGIN = DOCS / "examples" / "plugin"
PACK = PLUGIN / "house-style.yaml"
PACK_RULE = "generic.buzzword"
CODE_RULE = "thanks.repeated"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", ROOT / "mkdocs.yml", "-d", out],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return out


def _page(site: Path, name: str) -> str:
    """A built page's text as a reader sees it: tags dropped, entities decoded."""
    raw = (site / name / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


# --- (a) the site ---------------------------------------------------------------------------


def test_rule_reference_lists_every_rule_with_its_metadata(site: Path) -> None:
    raw = (site / "rules" / "index.html").read_text(encoding="utf-8")
    text = _page(site, "rules")
    for rule in builtin_rules():
        meta = rule.meta
        assert f'id="{meta.id}"' in raw, f"no section for {meta.id}"
        assert meta.message in text and meta.rationale in text, meta.id
        assert f"--ignore {meta.id}" in text, meta.id
        if meta.suggestion:
            assert meta.suggestion in text, meta.id


def test_rule_reference_page_is_current() -> None:
    if RULES_PAGE.read_text(encoding="utf-8") != rule_reference():
        pytest.fail(f"docs/rules.md is out of date: run `{REGENERATE}`", pytrace=False)


def test_regenerate_command_writes_the_checked_in_page(tmp_path: Path) -> None:
    argv = shlex.split(REGENERATE)  # the documented command, run here into a temporary file
    out = tmp_path / "rules.md"
    result = subprocess.run(
        [sys.executable, *argv[1:-1], out], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == RULES_PAGE.read_text(encoding="utf-8")


def test_rule_reference_says_whether_each_rule_has_a_safe_fix() -> None:
    page = RULES_PAGE.read_text(encoding="utf-8")
    for rule in builtin_rules():
        section = page.split(f'<a id="{rule.meta.id}"></a>')[1].split("\n### ")[0]
        safe = "**Fix:** [safe](cli.md#fixes)" in section
        assert safe == rule.meta.fixable, rule.meta.id
        assert rule.meta.fixable or "**Fix:** none" in section, rule.meta.id


def test_no_directive_is_left_unexpanded(site: Path) -> None:
    for page in site.rglob("*.html"):
        raw = page.read_text(encoding="utf-8")
        assert "<!-- include:" not in raw and "<!-- run" not in raw, page


def test_plugin_page_quotes_the_example_files_verbatim(site: Path) -> None:
    text = _page(site, "plugins")
    for name in [
        "house-style.yaml",
        ".thankyou-lint.toml",
        "draft.txt",
        "pyproject.toml",
        "thankyou_house_style/rules.py",
        "test_house_style.py",
    ]:
        assert (PLUGIN / name).read_text(encoding="utf-8").strip() in text, name
    assert f"{CODE_RULE} [info] Thank-you number 3" in text  # run with the plugin at build time


def test_cli_page_covers_every_flag_and_format() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    for command in [
        (),
        ("rules",),
        ("explain",),
        ("eval",),
        ("schema",),
        ("batch",),
        ("serve",),
        ("server",),
    ]:
        helptext = run_cli(*command, "--help").stdout
        for flag in set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", helptext)):
            assert f"`{flag}" in page, f"cli.md does not document {' '.join(command)} {flag}"
        for choices in re.findall(r"--format \{([a-z,]+)\}", helptext):
            for choice in choices.split(","):
                assert f"`{choice}`" in page, f"cli.md does not describe --format {choice}"


def test_fixes_table_lists_every_rule_with_a_safe_fix() -> None:
    fixes = (DOCS / "cli.md").read_text(encoding="utf-8").split("\n## Fixes\n")[1]
    table = fixes.split("\n## ")[0]
    listed = set(re.findall(r"^\| `([a-z]+\.[a-z-]+)` \|", table, re.M))
    assert listed == {r.meta.id for r in builtin_rules() if r.meta.fixable}


def test_configuration_and_api_pages_cover_every_config_key() -> None:
    configuration = (DOCS / "configuration.md").read_text(encoding="utf-8")
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    for name, field in Config.model_fields.items():
        assert f"| `{field.alias or name}` |" in configuration, f"configuration.md: {name}"
        assert f"| `{name}` |" in api, f"api.md: {name}"


@pytest.mark.parametrize("page", ["api.md", "getting-started.md", "scale.md"])
def test_python_examples_run(page: str, tmp_path: Path) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    code = "\n".join(re.findall(r"^```python\n(.*?)^```", text, re.M | re.S))
    assert code
    shutil.copy(ROOT / "examples" / "needs-work.txt", tmp_path / "letter.txt")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr


# --- Links: every relative link resolves, on the site and on GitHub ---------------------

LINKING_PAGES = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


class _LinksAndAnchors(HTMLParser):
    """The link targets (a href, img src) and anchors (id, a name) of a rendered page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("class") == "headerlink":
            return  # the toc extension's own permalink, not a link in the source
        self.anchors.update(v for k, v in attrs if v and (k == "id" or (k, tag) == ("name", "a")))
        target = values.get({"a": "href", "img": "src"}.get(tag, ""))
        if target:
            self.links.append(target)


@dataclass(frozen=True)
class _Rendered:
    links: list[str]
    anchors: set[str]


@cache
def _markdown_settings() -> tuple[list[Any], dict[str, Any]]:
    """The site's Markdown extensions, with those MkDocs always adds (tables, fenced_code)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.markdown_extensions, config.mdx_configs


def _render(page: Path, extensions: list[Any]) -> tuple[_LinksAndAnchors, list[dict[str, Any]]]:
    """The page's links and anchors, and its headings (toc tokens)."""
    md = markdown.Markdown(extensions=extensions, extension_configs=_markdown_settings()[1])
    parser = _LinksAndAnchors()
    parser.feed(md.convert(page.read_text(encoding="utf-8")))
    return parser, list(_flatten(md.toc_tokens))  # type: ignore[attr-defined]


@cache
def _on_site(page: Path) -> _Rendered:
    parser, _ = _render(page, _markdown_settings()[0])
    return _Rendered(parser.links, parser.anchors)


@cache
def _on_github(page: Path) -> _Rendered:
    """GitHub has no attr_list (`{#id}` stays text) and makes its own heading anchors."""
    extensions = [e for e in _markdown_settings()[0] if e != "attr_list"]
    parser, headings = _render(page, extensions)
    from_headings = {h["id"] for h in headings}
    slugs = {_github_slug(html.unescape(h["name"])) for h in headings}
    return _Rendered(parser.links, slugs | (parser.anchors - from_headings))


def _flatten(tokens: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for token in tokens:
        yield token
        yield from _flatten(token["children"])


def _github_slug(heading: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, each space a hyphen
    (a repeated heading's -1, -2 suffixes are not modelled)."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _broken_links(page: Path) -> Iterator[str]:
    for link in _on_site(page).links:
        scheme, _, path, _, anchor = urlsplit(link)
        if scheme:  # http(s), mailto: not fetched, there is no network in the tests
            continue
        target = (page.parent / unquote(path)).resolve() if path else page
        if not target.exists():
            yield f"{link}: no such file"
        elif anchor and target.suffix == ".md":
            if anchor not in _on_site(target).anchors:
                yield f"{link}: no #{anchor} in the site's {target.name}"
            if anchor not in _on_github(target).anchors:
                yield f"{link}: no #{anchor} in {target.name} as GitHub shows it"


@pytest.mark.parametrize("page", LINKING_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page: Path) -> None:
    assert not list(_broken_links(page))


def test_link_checker_sees_broken_files_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        '# A\n\n## Two words\n\n### <a id="x.y"></a>x.y\n\n## Custom {#custom}\n'
    )
    page = tmp_path / "b.md"
    page.write_text(
        "[ok](a.md#two-words) [ok](a.md#x.y) [ok](a.md#xy) [ok](https://example.org/#nowhere)\n"
        "[file](missing.md) [anchor](a.md#three) [attr_list only](a.md#custom)\n"
    )
    assert list(_broken_links(page)) == [
        "missing.md: no such file",
        "a.md#three: no #three in the site's a.md",
        "a.md#three: no #three in a.md as GitHub shows it",
        "a.md#custom: no #custom in a.md as GitHub shows it",
    ]


# --- (b) the worked example, for real -------------------------------------------------------


def _lint_json(*args: str, cwd: Path, env: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Rule ids found per file name."""
    result = run_cli("--format", "json", "--fail-on", "info", *args, cwd=cwd, env=env)
    assert result.returncode in (0, 1), result.stderr
    return {
        Path(f["path"]).name: [x["rule"] for x in f["findings"]]
        for f in json.loads(result.stdout)["files"]
    }


def _write_examples(folder: Path, bad: list[str], good: list[str]) -> None:
    folder.mkdir()
    for kind, texts in (("bad", bad), ("good", good)):
        for i, text in enumerate(texts):
            (folder / f"{kind}-{i}.txt").write_text(text, encoding="utf-8")


def test_rule_pack_flags_its_bad_examples_and_not_its_good_ones(tmp_path: Path) -> None:
    spec = yaml.safe_load(PACK.read_text(encoding="utf-8"))["rules"][0]
    assert spec["id"] == PACK_RULE
    assert PACK_RULE not in {r.meta.id for r in all_rules()}, "clashes with a built-in id"
    (tmp_path / ".thankyou-lint.toml").write_text(f"rule-packs = [{json.dumps(str(PACK))}]\n")
    _write_examples(tmp_path / "letters", spec["bad"], spec["good"])

    found = _lint_json("--select", PACK_RULE, "letters", cwd=tmp_path)
    assert found, "no letters were linted"
    for name, rules in found.items():
        assert (PACK_RULE in rules) == name.startswith("bad"), (name, rules)

    # The example's own configuration, discovered from its folder, names the pack.
    found = _lint_json("--select", PACK_RULE, "draft.txt", cwd=PLUGIN)
    assert PACK_RULE in found["draft.txt"]


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin as pip would install it: the package plus a .dist-info."""
    site = tmp_path_factory.mktemp("site-packages")
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    shutil.copytree(PLUGIN / "thankyou_house_style", site / "thankyou_house_style")
    dist = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    )
    entry_points = project["entry-points"][ENTRY_POINT_GROUP]
    (dist / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\n" + "".join(f"{k} = {v}\n" for k, v in entry_points.items())
    )
    return site


def _with_site(site: Path) -> dict[str, str]:
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}


def test_entry_point_plugin_is_listed_and_fires(plugin_site: Path, tmp_path: Path) -> None:
    env = _with_site(plugin_site)
    listed = run_cli("rules", cwd=tmp_path, env=env)
    assert listed.returncode == 0, listed.stderr
    assert re.search(rf"^{re.escape(CODE_RULE)}\s+thanks\s+info\s", listed.stdout, re.M)
    assert CODE_RULE not in run_cli("rules", cwd=tmp_path).stdout  # only through the plugin

    described = run_cli("rules", "--format", "json", "--select", CODE_RULE, cwd=tmp_path, env=env)
    (meta,) = json.loads(described.stdout)
    bad = [e["text"] for e in meta["bad"]]
    good = [e["text"] for e in meta["good"]]
    _write_examples(tmp_path / "letters", bad, good)
    shutil.copy(PLUGIN / "draft.txt", tmp_path / "letters" / "bad-draft.txt")

    found = _lint_json("--select", CODE_RULE, "letters", cwd=tmp_path, env=env)
    assert len(found) == len(bad) + len(good) + 1
    for name, rules in found.items():
        assert (CODE_RULE in rules) == name.startswith("bad"), (name, rules)


def test_example_test_file_passes(plugin_site: Path, tmp_path: Path) -> None:
    for name in ("test_house_style.py", "house-style.yaml"):
        shutil.copy(PLUGIN / name, tmp_path / name)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_house_style.py"],
        cwd=tmp_path,
        env={**os.environ, **_with_site(plugin_site)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout  # the installed-check and one test per rule
