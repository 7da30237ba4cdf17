"""Prompt files for the instruction-model summarizer: loading, rendering, hashing, and fencing article text.

Templates live in ``prompts/`` (Jinja2, ``StrictUndefined``: a missing variable raises PromptError that
names it). Article text is untrusted: it is placed only inside a data block after the instructions,
and anything in it that could open or close that block is neutralised first.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from brief.errors import PromptError

__all__ = [
    "ARTICLE_PROMPTS",
    "MERGED_PROMPTS",
    "PROMPTS_DIR",
    "neutralise",
    "prompt_hashes",
    "render_messages",
    "render_prompt",
]

PROMPTS_DIR = Path(__file__).resolve().parent.parent.parent / "prompts"
ARTICLE_PROMPTS = ("article_brief.system.j2", "article_brief.user.j2")
MERGED_PROMPTS = ("merged_brief.system.j2", "merged_brief.user.j2")

_MARKERS = re.compile(r"<{2,}|>{2,}|[＜﹤]{2,}|[＞﹥]{2,}|[«»‹›]{2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def neutralise(text: str) -> str:
    """``text`` made safe to put inside a data block.

    Runs of angle brackets (the block markers are ``<<<...>>>``) become a single bracket, so no text
    can open or close a block; control and bidirectional-override characters are removed; whitespace
    is collapsed to single spaces (paragraph breaks are the template's job).
    """
    text = _CONTROL.sub(" ", text)
    text = _MARKERS.sub(lambda m: "(" if m.group(0)[0] in "<＜﹤«‹" else ")", text)
    return " ".join(text.split())


def _environment(directory: Path) -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(directory)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text prompts, not HTML
        keep_trailing_newline=False,
    )


@cache
def _template(directory: Path, name: str) -> Any:
    import jinja2

    try:
        return _environment(directory).get_template(name)
    except jinja2.TemplateNotFound:
        raise PromptError(
            f"prompt template {directory / name} is missing; reinstall brief "
            "or pass a prompts folder that has it"
        ) from None
    except jinja2.TemplateSyntaxError as error:
        raise PromptError(
            f"prompt template {directory / name}, line {error.lineno}: {error.message}"
        ) from None


def render_prompt(name: str, variables: Mapping[str, Any], directory: Path = PROMPTS_DIR) -> str:
    """Render one template. A variable the template uses but ``variables`` lacks raises PromptError."""
    import jinja2

    try:
        return str(_template(directory, name).render(**variables)).strip() + "\n"
    except jinja2.UndefinedError as error:
        missing = re.search(r"'([^']+)' is undefined", str(error))
        what = missing.group(1) if missing else str(error)
        raise PromptError(
            f"prompt template {directory / name} uses the variable {what!r}, which was not given "
            f"(given: {', '.join(sorted(variables)) or 'none'})"
        ) from None


def render_messages(
    names: Sequence[str], variables: Mapping[str, Any], directory: Path = PROMPTS_DIR
) -> list[dict[str, str]]:
    """The chat messages (system, user) of a (system template, user template) pair."""
    system, user = names
    return [
        {"role": "system", "content": render_prompt(system, variables, directory)},
        {"role": "user", "content": render_prompt(user, variables, directory)},
    ]


def prompt_hashes(directory: Path = PROMPTS_DIR) -> tuple[tuple[str, str], ...]:
    """(file name, sha256 of its bytes) for every prompt template, for provenance."""
    out = []
    for name in (*ARTICLE_PROMPTS, *MERGED_PROMPTS):
        path = directory / name
        if not path.is_file():
            raise PromptError(f"prompt template {path} is missing; reinstall brief")
        out.append((name, hashlib.sha256(path.read_bytes()).hexdigest()))
    return tuple(out)
