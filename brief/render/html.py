"""The digest as one self-contained HTML page: Python-Markdown for the body, nh3 to sanitise it."""

from __future__ import annotations

import html as _html
from collections.abc import Sequence

import markdown as _markdown
import nh3

from brief.records import Digest
from brief.render.escape import break_schemes, one_line
from brief.render.markdown import DEFAULT_PRIORITY, RenderOptions, render_body

__all__ = ["render_html"]

_EXTENSIONS = ["tables", "footnotes", "toc", "md_in_html"]
_EXTENSION_CONFIGS = {
    # A marker that escaped article text can never spell (it would need a raw "&" and "<"), so an
    # article cannot move the footnotes or the table of contents.
    "footnotes": {"PLACE_MARKER": "&<brief-footnotes>"},
    "toc": {"marker": "", "toc_depth": "2-3"},
}

# Only what the digest needs: no images, scripts, styles, forms or frames.
_TAGS = {
    "a", "blockquote", "br", "code", "details", "div", "em", "h1", "h2", "h3", "h4", "hr", "li", "nav",
    "ol", "p", "pre", "strong", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
_ATTRIBUTES = {
    "a": {"href", "id", "name", "class", "title"},
    "div": {"class"},
    "h1": {"id"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "li": {"id"},
    "sup": {"id"},
}
_URL_SCHEMES = {"http", "https", "mailto"}

_CSS = """
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Apple SD Gothic Neo",sans-serif;
overflow-wrap:anywhere;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
h1,h2,h3{line-height:1.25}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
a{color:#0b57d0}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}
details{margin:1em 0;padding:.5em 1em;background:#f6f8fa;border-radius:6px}summary{cursor:pointer}
nav.toc{font-size:.9em;background:#f6f8fa;padding:.5em 1em;border-radius:6px}
.footnote{font-size:.9em;color:#444}
pre,code{white-space:pre-wrap}li,p,td{overflow-wrap:anywhere}
""".strip()

# Nothing on the page may load or run anything, even if the sanitiser were ever bypassed.
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def render_html(
    digest: Digest, *, priority: Sequence[str] = DEFAULT_PRIORITY, options: RenderOptions | None = None
) -> str:
    """The digest as a complete HTML5 page (inline CSS, no scripts, no external resources): the title,
    then the table of contents, then the digest. Long lines (URLs, the provenance signature) wrap."""
    options = options or RenderOptions(priority=tuple(priority))
    converter = _markdown.Markdown(extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIGS)
    body = converter.convert(render_body(digest, options=options))
    toc = getattr(converter, "toc", "")
    body = sanitize(body)
    toc = sanitize(toc) if toc else ""
    title = break_schemes(_html.escape(one_line(digest.title), quote=True))
    version = _html.escape(one_line(digest.provenance.version), quote=True)
    head = "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="brief {version}">',
            f"<title>{title}</title>",
            f"<style>\n{_CSS}\n</style>",
            "</head>",
            "<body>",
        ]
    )
    nav = f'<nav class="toc">\n{toc}\n</nav>\n' if toc else ""
    heading, found, rest = body.partition("</h1>")
    if found:  # the title first, then the contents
        return f"{head}\n<main>\n{heading}</h1>\n{nav}{rest.lstrip()}\n</main>\n</body>\n</html>\n"
    return f"{head}\n{nav}<main>\n{body}\n</main>\n</body>\n</html>\n"


def sanitize(fragment: str) -> str:
    """``fragment`` with only the digest's tags, attributes and link schemes left."""
    return break_schemes(
        nh3.clean(
            fragment,
            tags=_TAGS,
            attributes=_ATTRIBUTES,
            url_schemes=_URL_SCHEMES,
            clean_content_tags={"script", "style"},
            link_rel="noopener noreferrer",
        )
    )
