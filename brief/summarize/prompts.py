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
    "ARTICLE_EXAMPLE",
    "ARTICLE_PROMPTS",
    "MERGED_PROMPTS",
    "PROMPTS_DIR",
    "PROMPT_FILES",
    "neutralise",
    "prompt_hashes",
    "read_example",
    "render_messages",
    "render_prompt",
]

PROMPTS_DIR = Path(__file__).resolve().parent.parent.parent / "prompts"
ARTICLE_PROMPTS = ("article_brief.system.j2", "article_brief.user.j2")
MERGED_PROMPTS = ("merged_brief.system.j2", "merged_brief.user.j2")
# a worked example, shown to the model as an earlier turn: an article (headline, then one paragraph a
# line) rendered through the user template, and the answer it should get
ARTICLE_EXAMPLE = ("article_brief.example.txt", "article_brief.example_answer.txt")
PROMPT_FILES = (*ARTICLE_PROMPTS, *ARTICLE_EXAMPLE, *MERGED_PROMPTS)

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


def read_example(directory: Path = PROMPTS_DIR) -> tuple[str, list[str], str]:
    """The worked example: its headline, its paragraphs and the answer it should get."""
    texts = []
    for name in ARTICLE_EXAMPLE:
        path = directory / name
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise PromptError(f"prompt file {path} cannot be read ({error}); reinstall brief") from None
    lines = [line.strip() for line in texts[0].splitlines() if line.strip()]
    if len(lines) < 2:
        raise PromptError(
            f"{directory / ARTICLE_EXAMPLE[0]}: needs a headline line and at least one paragraph"
        )
    return lines[0], lines[1:], texts[1].strip()


def render_messages(
    names: Sequence[str],
    variables: Mapping[str, Any],
    directory: Path = PROMPTS_DIR,
    *,
    example: bool = False,
) -> list[dict[str, str]]:
    """The chat messages of a (system template, user template) pair.

    With ``example``, the worked example comes first as an earlier user turn and its answer: small
    models follow a format they have seen answered far better than one they have only read about.
    """
    system, user = names
    messages = [{"role": "system", "content": render_prompt(system, variables, directory)}]
    if example:
        headline, paragraphs, answer = read_example(directory)
        shown = {**variables, "headline": headline, "date": "", "paragraphs": paragraphs}
        messages.append({"role": "user", "content": render_prompt(user, shown, directory)})
        messages.append({"role": "assistant", "content": answer})
    messages.append({"role": "user", "content": render_prompt(user, variables, directory)})
    return messages


def prompt_hashes(directory: Path = PROMPTS_DIR) -> tuple[tuple[str, str], ...]:
    """(file name, sha256 of its bytes) for every prompt template, for provenance."""
    out = []
    for name in PROMPT_FILES:
        path = directory / name
        if not path.is_file():
            raise PromptError(f"prompt template {path} is missing; reinstall brief")
        out.append((name, hashlib.sha256(path.read_bytes()).hexdigest()))
    return tuple(out)
