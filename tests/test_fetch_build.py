"""``brief build --sources feeds.txt``: fetch from the local site, then the digest, with the tiny Marian.

The tiny model's English is noise; these tests check the mechanics (what was fetched, what the digest
lists and skips, exit codes), never wording.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from fetch_site import ARTICLES, Site, serve
from typer.testing import CliRunner

from brief.cli import app

runner = CliRunner()
FAST = ["--allow-private", "--fetch-delay", "0", "--max-new-tokens", "8", "--beams", "1", "--quiet"]


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    connect = socket.create_connection

    def guarded(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        assert address[0] == "127.0.0.1", f"a test tried to reach {address}"
        return connect(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", guarded)


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        yield running


def test_build_from_sources_fetches_then_builds_the_digest(
    site: Site, tiny_marian: Path, tmp_path: Path
) -> None:
    feeds = tmp_path / "feeds.txt"
    listed = [site.url("/feed.rss"), site.url("/atom.xml"), site.url("/sitemap.xml")]
    feeds.write_text("# the weekly sources\n" + "\n".join(listed) + "\n", encoding="utf-8")
    inbox, out = tmp_path / "inbox", tmp_path / "briefs" / "week.md"
    args = [
        "build",
        "--sources",
        str(feeds),
        "--into",
        str(inbox),
        "-o",
        str(out),
        "--json-out",
        str(out.with_suffix(".json")),
    ]
    args += [
        "--since",
        "2026-11-23",
        "--until",
        "2026-11-29",
        "--week",
        "2026-W48",
    ]  # as the README's cron line
    args += ["--mt-model", str(tiny_marian), "--cache-dir", str(tmp_path / "cache"), *FAST]
    result = runner.invoke(app, args, env={"SOURCE_DATE_EPOCH": "1798675200"})
    # the sitemap lists a page robots.txt forbids: the digest is made, the failure named, exit 3
    assert result.exit_code == 3, result.output
    assert f"brief: skipped {site.url('/private/secret.html')}: robots.txt disallows it" in result.stderr
    digest = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert digest["week"] == "2026-W48"
    sources = sorted(a["article"]["source"] for a in digest["articles"])
    expected = ["bridge", "coding", "expo", "library", "squid"]
    assert sources == sorted(site.url(f"/news/{k}.html") for k in expected)  # the pages' URLs, not files
    assert {a["article"]["headline"] for a in digest["articles"]} == {ARTICLES[k][0] for k in expected}
    assert digest["failures"] == [
        {"source": site.url("/private/secret.html"), "message": "robots.txt disallows it"}
    ]
    coding = next(a["article"] for a in digest["articles"] if a["article"]["source"].endswith("coding.html"))
    assert coding["date"] == "2026-11-27" and coding["date_evidence"]["kind"] == "feed_entry"
    markdown = out.read_text(encoding="utf-8")
    skipped = markdown.split("## Skipped inputs\n", 1)[1].split("\n## ", 1)[0]
    assert "/private/secret.html" in skipped and "robots.txt disallows it" in skipped
    assert f"[{site.url('/news/coding.html')}]({site.url('/news/coding.html')})" in markdown  # a link
    assert len(list(inbox.rglob("*.html"))) == 5

    # a second run against the unchanged server: nothing new fetched, the same digest built again
    site.log.clear()
    again = runner.invoke(app, args, env={"SOURCE_DATE_EPOCH": "1798675200"})
    assert again.exit_code == 3, again.output
    assert {status for path, _, status in site.log if path != "/robots.txt"} == {304}
    assert len(list(inbox.rglob("*.html"))) == 5
    redo = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert sorted(a["article"]["source"] for a in redo["articles"]) == sources


def test_build_needs_paths_or_sources(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", "-o", str(tmp_path / "x.md")])
    assert result.exit_code == 1 and "--sources" in result.stderr


def test_fetch_options_without_sources_are_named(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["build", str(tmp_path / "none"), "--allow-private", "-o", str(tmp_path / "x.md")]
    )
    assert "--allow-private and --fetch-delay need --sources" in result.stderr
