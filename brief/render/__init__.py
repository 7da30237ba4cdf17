"""Rendering a Digest: Markdown for the wiki, a self-contained HTML page, JSON for other programs."""

from __future__ import annotations

from brief.render.html import render_html
from brief.render.json import render_json
from brief.render.markdown import DEFAULT_PRIORITY, QUOTES_PER_SPEAKER, RenderOptions, render_markdown

__all__ = [
    "DEFAULT_PRIORITY",
    "QUOTES_PER_SPEAKER",
    "RenderOptions",
    "render_html",
    "render_json",
    "render_markdown",
]
