"""``brief fetch`` against a synthetic Korean news site on 127.0.0.1 (tests/fetch_site.py)."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from fetch_site import ARTICLES, LAST_MODIFIED, Site, article_html, serve
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from brief import __version__
from brief.clean import clean_document
from brief.errors import ConfigError, InputError
from brief.fetch import FetchConfig, fetch_sources
from brief.fetch.charset import choose_charset
from brief.fetch.http import Fetcher
from brief.fetch.sidecar import complete_article, entry_date, read_sidecar
from brief.fetch.sources import classify, read_source_list
from brief.fetch.urls import canonical_url, url_problem
from brief.ingest import read_document
from brief.records import WebSource
from brief.schemas import load_schema

FAST = FetchConfig(host_delay=0, backoff=0.01, retries=1, timeout=1.5, max_bytes=200_000, allow_private=True)
runner = CliRunner()


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to something other than 127.0.0.1 fails the test."""
    connect = socket.create_connection

    def guarded(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        assert address[0] in ("127.0.0.1", "localhost"), f"a test tried to reach {address}"
        return connect(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", guarded)


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        yield running


def _texts(path: Path) -> str:
    return "\n".join(clean_document(read_document(path)).paragraphs)


def _by_title(paths: tuple[Path, ...]) -> dict[str, Path]:
    found = {}
    for path in paths:
        web = read_sidecar(path)
        assert web is not None
        article = clean_document(read_document(path))
        found[next(k for k, (title, _, _) in ARTICLES.items() if title == article.headline)] = path
    return found


# ---------------------------------------------------------------- feeds, sitemaps, sidecars
def test_rss_atom_and_sitemap_pages_are_stored_with_sidecars(site: Site, tmp_path: Path) -> None:
    sources = [site.url("/feed.rss"), site.url("/atom.xml"), site.url("/sitemap.xml")]
    report = fetch_sources(sources, tmp_path / "inbox", FAST)
    pages = _by_title(report.stored)
    assert set(pages) == {"library", "squid", "expo", "coding", "bridge"}
    assert all(
        p.parent.name == report.folder.name and p.parent.parent == tmp_path / "inbox" for p in pages.values()
    )
    web = read_sidecar(pages["library"])
    assert web is not None
    assert web.requested_url == site.url("/news/library.html?utm_source=rss&utm_medium=feed")
    assert web.final_url == web.requested_url and web.status == 200
    assert web.etag == '"/news/library.html-v1"' and web.last_modified == LAST_MODIFIED
    assert web.content_type == "text/html; charset=utf-8" and web.fetched_at.endswith("Z")
    assert web.feed_title == ARTICLES["library"][0] and web.feed_date == "Tue, 24 Nov 2026 09:00:00 +0900"
    assert web.listed_by == site.url("/feed.rss")
    coding = read_sidecar(pages["coding"])
    assert (
        coding
        and coding.feed_date == "2026-11-27T09:00:00+09:00"
        and coding.listed_by == site.url("/atom.xml")
    )
    bridge = read_sidecar(pages["bridge"])
    assert bridge and bridge.feed_title == ARTICLES["bridge"][0] and bridge.feed_date == "2026-11-26"
    # robots.txt forbids /private/: the sitemap's third entry is named as a failure, never requested
    assert [(f.source, f.message) for f in report.failures] == [
        (site.url("/private/secret.html"), "robots.txt disallows it")
    ]
    assert site.statuses("/private/secret.html") == []
    assert all(p.name.endswith(".html") and p.with_suffix(".json").is_file() for p in report.stored)


def test_pages_read_back_with_their_web_evidence(site: Site, tmp_path: Path) -> None:
    report = fetch_sources([site.url("/feed.rss"), site.url("/atom.xml")], tmp_path, FAST)
    pages = _by_title(report.stored)
    coding = clean_document(read_document(pages["coding"]))
    # the page prints no date: the Atom entry's, in the entry's own time zone, with its evidence
    assert coding.source == site.url("/news/coding.html")
    assert str(coding.date) == "2026-11-27"
    assert coding.date_evidence and coding.date_evidence.kind == "feed_entry"
    library = clean_document(read_document(pages["library"]))
    assert str(library.date) == "2026-11-24" and library.date_evidence.kind == "html_meta"  # type: ignore[union-attr]


# ---------------------------------------------------------------- charsets
def test_euc_kr_pages_decode_and_a_mislabelled_one_gets_a_note(site: Site, tmp_path: Path) -> None:
    report = fetch_sources([site.url("/news/squid.html"), site.url("/news/expo.html")], tmp_path, FAST)
    squid, expo = report.stored
    assert read_document(squid).encoding == "cp949"
    assert ARTICLES["squid"][1][0] in _texts(squid)
    assert read_document(expo).encoding == "cp949"  # served as UTF-8, but the bytes are EUC-KR
    assert ARTICLES["expo"][1][0] in _texts(expo)
    sidecar = read_sidecar(expo)
    assert sidecar and sidecar.charset_note and "HTTP header says utf-8" in sidecar.charset_note
    assert [n.url for n in report.notes] == [site.url("/news/expo.html")]
    assert read_sidecar(squid).charset_note is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content_type", "meta", "charset", "expected", "noted"),
    [
        ("text/html; charset=utf-8", "utf-8", "utf-8", "utf-8", False),
        ("text/html; charset=EUC-KR", "euc-kr", "euc-kr", "cp949", False),
        ("text/html; charset=ks_c_5601-1987", None, "cp949", "cp949", False),
        ("text/html; charset=utf-8", "euc-kr", "euc-kr", "cp949", True),  # header wrong, <meta> right
        ("text/html", "utf-8", "euc-kr", "cp949", True),  # <meta> wrong: detected
        ("text/html", None, "euc-kr", "cp949", False),  # nothing said: detected, nothing to note
        ("text/html; charset=euc-kr", "utf-8", "utf-8", "utf-8", True),  # they disagree; the <meta> decodes
        ("text/html; charset=ISO-8859-1", None, "euc-kr", "cp949", True),  # a server default, wrong
        ("text/html; charset=windows-1252", "euc-kr", "euc-kr", "cp949", True),
        ("text/html; charset=x-unknown", "euc-kr", "euc-kr", "cp949", True),
    ],
)
def test_charset_header_then_meta_then_detection(
    content_type: str, meta: str | None, charset: str, expected: str, noted: bool
) -> None:
    body = "\n".join(ARTICLES["rice"][1]).encode(charset)
    choice = choose_charset(body, content_type, meta)
    assert choice.codec == expected
    assert (choice.note is not None) == noted


# ---------------------------------------------------------------- duplicates and re-runs
def test_one_article_under_three_addresses_is_stored_once(site: Site, tmp_path: Path) -> None:
    sources = [
        site.url("/news/library.html?utm_source=newsletter&fbclid=x1"),
        site.url("/m/news/library.html"),  # mobile page, canonical link to the desktop one
        site.url("/portal/view.html"),  # a re-post with the same text and no canonical link
        site.url("/old/library"),  # a redirect to the desktop page
    ]
    report = fetch_sources(sources, tmp_path, FAST)
    assert len(report.stored) == 1 and report.pages == report.stored
    assert [(d.url, d.found_by) for d in report.duplicates] == [
        (site.url("/m/news/library.html"), "canonical URL"),
        (site.url("/portal/view.html"), "same text"),
    ]
    assert len(list(tmp_path.rglob("*.html"))) == 1


def test_a_rerun_against_an_unchanged_server_fetches_nothing_new(site: Site, tmp_path: Path) -> None:
    sources = [site.url("/feed.rss"), site.url("/atom.xml"), site.url("/sitemap.xml")]
    first = fetch_sources(sources, tmp_path, FAST)
    files = sorted(tmp_path.rglob("*"))
    site.log.clear()
    second = fetch_sources(sources, tmp_path, FAST)
    assert second.stored == () and second.duplicates == ()
    assert sorted(second.pages) == sorted(first.pages)  # the sources still list the same pages
    assert sorted(tmp_path.rglob("*")) == files  # no new file
    assert [status for path, _, status in site.log if path == "/robots.txt"] == [200]
    others = [(path, headers, status) for path, headers, status in site.log if path != "/robots.txt"]
    assert len(others) == 9  # three feeds, five pages, and the mobile copy of one of them
    for path, headers, status in others:
        assert status == 304, path
        assert headers["if-none-match"].endswith('-v1"') and headers["if-modified-since"] == LAST_MODIFIED


def test_a_rerun_with_a_new_feed_entry_fetches_only_it(site: Site, tmp_path: Path) -> None:
    fetch_sources([site.url("/feed.rss")], tmp_path, FAST)
    site.log.clear()
    report = fetch_sources([site.url("/feed.rss"), site.url("/news/rice.html")], tmp_path, FAST)
    assert [read_sidecar(p).final_url for p in report.stored] == [site.url("/news/rice.html")]  # type: ignore[union-attr]
    assert len(report.unchanged) == 3


# ---------------------------------------------------------------- failures, politeness, safety
def test_each_failure_is_named_with_its_reason(site: Site, tmp_path: Path) -> None:
    paths = ["/missing.html", "/broken.html", "/slow.html", "/huge.html", "/report.pdf", "/loop"]
    report = fetch_sources([site.url(p) for p in paths], tmp_path, FAST)
    reasons = {f.source.removeprefix(site.base): f.message for f in report.failures}
    assert reasons["/missing.html"] == "HTTP 404"
    assert reasons["/broken.html"] == "HTTP 500 after 1 retry"
    assert site.statuses("/broken.html") == [500, 500]  # retried once (retries=1), then given up
    assert reasons["/slow.html"].startswith("timeout")
    assert reasons["/huge.html"].startswith("too large")
    assert reasons["/report.pdf"].startswith("not HTML") and "application/pdf" in reasons["/report.pdf"]
    assert reasons["/loop"] == "too many redirects (more than 5)"
    assert report.stored == ()


def test_a_feed_entry_that_is_no_html_page_says_so(tmp_path: Path) -> None:
    import httpx

    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>report</title><link>http://93.184.216.34/report.pdf</link></item></channel></rss>"
    )
    pages = {
        "/rss": [httpx.Response(200, headers={"Content-Type": "application/rss+xml"}, content=feed)],
        "/report.pdf": [
            httpx.Response(200, headers={"Content-Type": "application/pdf"}, content=b"%PDF-1.4")
        ],
    }
    config = FetchConfig(host_delay=0)
    with Fetcher(config, transport=_public_site(pages)) as fetcher:
        report = fetch_sources(["http://93.184.216.34/rss"], tmp_path, config, fetcher=fetcher)
    assert [(f.source, f.message) for f in report.failures] == [
        ("http://93.184.216.34/report.pdf", "not HTML (Content-Type: application/pdf)")
    ]


def test_no_more_requests_in_flight_than_the_concurrency_limit(tmp_path: Path) -> None:
    import threading
    import time

    import httpx

    active, most = [0], [0]
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        with lock:
            active[0] += 1
            most[0] = max(most[0], active[0])
        time.sleep(0.05)
        with lock:
            active[0] -= 1
        return httpx.Response(404)

    config = FetchConfig(host_delay=0, concurrency=2)
    urls = [f"http://93.184.216.34/{n}.html" for n in range(8)]
    with Fetcher(config, transport=_mock(handler)) as fetcher:
        report = fetch_sources(urls, tmp_path, config, fetcher=fetcher)
    assert len(report.failures) == 8 and most[0] == 2


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("3", 3.0), ("0", 0.0), (None, None), ("soon", None), ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0)],
)
def test_retry_after_in_seconds_or_as_a_date(value: str | None, seconds: float | None) -> None:
    from brief.fetch.http import _retry_after

    assert _retry_after(value) == seconds


def test_429_is_retried_after_the_time_retry_after_asks(site: Site, tmp_path: Path) -> None:
    waits: list[float] = []
    with Fetcher(FAST, sleep=waits.append) as fetcher:
        report = fetch_sources([site.url("/busy.html")], tmp_path, FAST, fetcher=fetcher)
    assert site.statuses("/busy.html") == [429, 200]
    assert waits == [1.0]  # Retry-After: 1, though the backoff alone would wait 0.01 s
    assert len(report.stored) == 1 and report.failures == ()


def test_a_retry_after_over_the_cap_gives_up(site: Site, tmp_path: Path) -> None:
    config = FetchConfig(host_delay=0, backoff=0.01, retries=2, allow_private=True, max_retry_after=0.5)
    report = fetch_sources([site.url("/busy.html")], tmp_path, config)
    assert "Retry-After asks for 1 s" in report.failures[0].message
    assert site.statuses("/busy.html") == [429]


def test_requests_to_one_host_are_spaced_by_the_delay(site: Site, tmp_path: Path) -> None:
    waits: list[float] = []
    config = FetchConfig(host_delay=5.0, allow_private=True, concurrency=4)
    with Fetcher(config, sleep=waits.append) as fetcher:
        fetch_sources(
            [site.url("/news/rice.html"), site.url("/news/bridge.html")], tmp_path, config, fetcher=fetcher
        )
    # robots.txt, then two pages: the second and third requests wait for their slots (5 s, 10 s)
    assert len(waits) == 2 and sorted(round(w) for w in waits) == [5, 10]


def test_user_agent_names_brief_and_its_version(site: Site, tmp_path: Path) -> None:
    fetch_sources([site.url("/news/rice.html")], tmp_path, FAST)
    agents = {headers["user-agent"] for _, headers, _ in site.log}
    assert agents == {FAST.user_agent} and f"brief/{__version__}" in FAST.user_agent


def test_loopback_is_refused_without_allow_private(site: Site, tmp_path: Path) -> None:
    config = FetchConfig(host_delay=0, allow_private=False)
    report = fetch_sources([site.url("/news/rice.html"), "http://localhost:9/x.html"], tmp_path, config)
    assert [f.message.split(" (")[0] for f in report.failures] == [
        "127.0.0.1 is a private or loopback address",
        "localhost is a private or loopback address",
    ]
    assert "--allow-private" in report.failures[0].message
    assert site.log == []


def test_only_http_and_https_urls_are_fetched(tmp_path: Path) -> None:
    config = FetchConfig(host_delay=0, allow_private=False)
    report = fetch_sources(
        ["file:///etc/passwd", "ftp://example.org/a", "example.org/news"], tmp_path, config
    )
    assert [f.message for f in report.failures] == [
        "only http and https URLs are fetched, not file:",
        "only http and https URLs are fetched, not ftp:",
        "not a URL (write it with https://)",
    ]


def _mock(handler):  # type: ignore[no-untyped-def]
    import httpx

    return httpx.MockTransport(handler)


def test_a_redirect_to_a_private_address_is_refused(tmp_path: Path) -> None:
    import httpx

    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": "http://127.0.0.1:8080/admin"})

    config = FetchConfig(host_delay=0, allow_private=False)
    with Fetcher(config, transport=_mock(handler)) as fetcher:  # a public address literal: no DNS, no socket
        report = fetch_sources(["http://93.184.216.34/news/1"], tmp_path, config, fetcher=fetcher)
    assert report.failures[0].message.startswith(
        "redirected to http://127.0.0.1:8080/admin: 127.0.0.1 is a private or loopback address"
    )
    assert seen == ["http://93.184.216.34/robots.txt", "http://93.184.216.34/news/1"]


def test_a_streamed_page_without_length_is_cut_at_the_limit(tmp_path: Path) -> None:
    import httpx

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        chunks = (b"<html><body>" + b"x" * 10_000 for _ in range(100))
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=chunks)

    config = FetchConfig(host_delay=0, max_bytes=50_000)
    with Fetcher(config, transport=_mock(handler)) as fetcher:
        report = fetch_sources(["http://93.184.216.34/big"], tmp_path, config, fetcher=fetcher)
    assert report.failures[0].message == "too large (over the 48.8 KB limit)"


def test_robots_txt_that_cannot_be_read_stops_the_host(tmp_path: Path) -> None:
    import httpx

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503 if request.url.path == "/robots.txt" else 200)

    config = FetchConfig(host_delay=0, retries=0)
    with Fetcher(config, transport=_mock(handler)) as fetcher:
        report = fetch_sources(["http://93.184.216.34/a"], tmp_path, config, fetcher=fetcher)
    assert report.failures[0].message == "robots.txt unreachable (HTTP 503), so not fetched"


# ---------------------------------------------------------------- pieces
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://News.Example.com/a?utm_source=x&id=3#top", "https://news.example.com/a?id=3"),
        ("http://example.com:80", "http://example.com/"),
        ("https://example.com:8443/a?fbclid=1&gclid=2", "https://example.com:8443/a"),
        ("https://example.com/v?b=2&a=1&utm_campaign=c", "https://example.com/v?b=2&a=1"),
    ],
)
def test_canonical_url_strips_tracking(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://a.kr/x", None),
        ("mailto:a@b.kr", "only http"),
        ("//a.kr/x", "not a URL"),
        ("http:///x", "URL has no host"),
    ],
)
def test_url_problem(url: str, problem: str | None) -> None:
    found = url_problem(url)
    assert (found is None) if problem is None else (found is not None and found.startswith(problem))


@pytest.mark.parametrize(
    ("body", "content_type", "kind"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "text/xml", "feed"),
        (b'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><feed xmlns="a"/>', None, "feed"),
        (b"<urlset xmlns='x'><url><loc>http://a/</loc></url></urlset>", "application/xml", "sitemap"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "text/html", "html"),
        (b"plain words", "text/plain", "other"),
    ],
)
def test_classify(body: bytes, content_type: str | None, kind: str) -> None:
    assert classify(body, content_type) == kind


@pytest.mark.parametrize(
    ("printed", "date"),
    [
        ("Tue, 24 Nov 2026 23:30:00 +0900", "2026-11-24"),
        ("2026-11-24T23:30:00+09:00", "2026-11-24"),
        ("2026-11-24T14:30:00Z", "2026-11-24"),
        ("2026-11-24", "2026-11-24"),
        ("어제", None),
        ("", None),
    ],
)
def test_entry_date_in_its_own_time_zone(printed: str, date: str | None) -> None:
    found = entry_date(printed)
    assert (str(found) if found else None) == date


def _web(url: str, **fields: str) -> WebSource:
    return WebSource(
        requested_url=url, final_url=url, fetched_at="2026-11-30T00:00:00Z", status=200, **fields
    )


def test_outlet_from_the_host_only_when_the_page_names_none(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(article_html("rice"))
    article = clean_document(read_document(page))
    assert article.outlet.ko is None
    completed = complete_article(article, _web("https://news.mk.co.kr/view/1"), _outlets())
    assert (
        completed.outlet.en == "Maeil Business Newspaper"
        and completed.source == "https://news.mk.co.kr/view/1"
    )
    unknown = complete_article(article, _web("https://unknown-paper.example/1"), _outlets())
    assert unknown.outlet == article.outlet


def test_page_date_wins_over_the_feed_entry(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(article_html("bridge", date="2026-11-20"))
    article = clean_document(read_document(page))
    completed = complete_article(article, _web("https://a.example/1", feed_date="2026-11-25"), _outlets())
    assert str(completed.date) == "2026-11-20"


def _outlets():  # type: ignore[no-untyped-def]
    from brief.clean import load_outlets

    return load_outlets()


def test_a_json_file_of_another_tool_beside_a_page_is_ignored(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(article_html("rice"))
    page.with_suffix(".json").write_text('{"title": "mine"}', encoding="utf-8")
    assert read_document(page).web is None
    page.with_suffix(".json").write_text('{"kind": "brief-fetch-page", "version": 1}', encoding="utf-8")
    with pytest.raises(InputError, match="sidecar"):
        read_document(page)


def test_source_list_skips_comments_and_names_bad_lines(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text(
        "# weekly\nhttps://a.example/rss\n\n  https://b.example/sitemap.xml  \n", encoding="utf-8"
    )
    assert read_source_list(listing) == ["https://a.example/rss", "https://b.example/sitemap.xml"]
    listing.write_text("https://a.example/rss\nwww.b.example/feed\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"feeds.txt: line 2: 'www.b.example/feed': not a URL"):
        read_source_list(listing)


def test_config_is_validated() -> None:
    with pytest.raises(ConfigError, match="--concurrency"):
        FetchConfig(concurrency=0)
    with pytest.raises(ConfigError, match="--delay"):
        FetchConfig(host_delay=-1)


# ---------------------------------------------------------------- the command
_FAST_ARGS = ["--allow-private", "--delay", "0", "--backoff", "0.01", "--retries", "1", "--timeout", "1.5"]


def test_cli_fetch_reports_json_and_exits_3_when_some_sources_failed(site: Site, tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"{site.url('/feed.rss')}\n{site.url('/missing.html')}\n", encoding="utf-8")
    args = ["fetch", "--sources", str(listing), "--into", str(tmp_path / "inbox"), "--json", *_FAST_ARGS]
    result = runner.invoke(app_(), args)
    assert result.exit_code == 3, result.output
    report = json.loads(result.stdout)
    Draft202012Validator(load_schema("fetch")).validate(report)  # docs/fetch.schema.json
    assert len(report["stored"]) == 3
    assert report["failures"] == [{"source": site.url("/missing.html"), "message": "HTTP 404"}]
    assert f"brief: skipped {site.url('/missing.html')}: HTTP 404" in result.stderr
    assert "fetched 3 new pages" in result.stderr
    again = runner.invoke(
        app_(), ["fetch", site.url("/feed.rss"), "--into", str(tmp_path / "inbox"), *_FAST_ARGS]
    )
    assert again.exit_code == 0 and "fetched 0 new pages" in again.stderr and "3 unchanged" in again.stderr


def test_cli_fetch_without_sources_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app_(), ["fetch", "--into", str(tmp_path)])
    assert result.exit_code == 1 and "--sources" in result.stderr


def app_():  # type: ignore[no-untyped-def]
    from brief.cli import app

    return app


# ---------------------------------------------------------------- more, through a mock transport
def _public_site(pages: dict[str, list[object]], robots: str = ""):  # type: ignore[no-untyped-def]
    """A transport for http://93.184.216.34 answering each path with the next of its answers."""
    import httpx

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text=robots) if robots else httpx.Response(404)
        answers = pages[request.url.path]
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, Exception):
            raise answer
        assert isinstance(answer, httpx.Response)
        return answer

    return _mock(handler)


def test_a_gzipped_sitemap_is_read(tmp_path: Path) -> None:
    import gzip

    import httpx

    listing = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>http://93.184.216.34/news/rice.html</loc></url></urlset>"
    )
    pages = {
        "/sitemap.xml.gz": [
            httpx.Response(200, headers={"Content-Type": "application/gzip"}, content=gzip.compress(listing))
        ],
        "/news/rice.html": [
            httpx.Response(200, headers={"Content-Type": "text/html"}, content=article_html("rice"))
        ],
    }
    config = FetchConfig(host_delay=0)
    with Fetcher(config, transport=_public_site(pages)) as fetcher:
        report = fetch_sources(["http://93.184.216.34/sitemap.xml.gz"], tmp_path, config, fetcher=fetcher)
    assert report.failures == () and len(report.stored) == 1


def test_a_dropped_connection_is_retried(tmp_path: Path) -> None:
    import httpx

    page = httpx.Response(200, headers={"Content-Type": "text/html"}, content=article_html("rice"))
    pages = {"/a.html": [httpx.ConnectError("connection reset"), page]}
    waits: list[float] = []
    config = FetchConfig(host_delay=0, backoff=0.5)
    with Fetcher(config, transport=_public_site(pages), sleep=waits.append) as fetcher:
        report = fetch_sources(["http://93.184.216.34/a.html"], tmp_path, config, fetcher=fetcher)
    assert len(report.stored) == 1 and waits == [0.5]


def test_robots_crawl_delay_spaces_requests(tmp_path: Path) -> None:
    import httpx

    html = {"Content-Type": "text/html"}
    pages = {
        "/a.html": [httpx.Response(200, headers=html, content=article_html("rice"))],
        "/b.html": [httpx.Response(200, headers=html, content=article_html("bridge"))],
    }
    waits: list[float] = []
    config = FetchConfig(host_delay=0, concurrency=1)
    robots = "User-agent: *\nCrawl-delay: 7\n"
    with Fetcher(config, transport=_public_site(pages, robots), sleep=waits.append) as fetcher:
        fetch_sources(
            ["http://93.184.216.34/a.html", "http://93.184.216.34/b.html"], tmp_path, config, fetcher=fetcher
        )
    assert [round(w) for w in waits] == [7]  # robots.txt, a.html at once, then b.html 7 s after a.html


def test_a_changed_article_is_stored_again(tmp_path: Path) -> None:
    import httpx

    def version(key: str, etag: str) -> httpx.Response:
        return httpx.Response(
            200, headers={"Content-Type": "text/html", "ETag": etag}, content=article_html(key)
        )

    pages = {"/a.html": [version("rice", '"v1"'), version("bridge", '"v2"')]}
    config = FetchConfig(host_delay=0)
    with Fetcher(config, transport=_public_site(pages)) as fetcher:
        first = fetch_sources(["http://93.184.216.34/a.html"], tmp_path, config, fetcher=fetcher)
        second = fetch_sources(["http://93.184.216.34/a.html"], tmp_path, config, fetcher=fetcher)
    assert len(first.stored) == len(second.stored) == 1 and first.stored != second.stored
    assert read_sidecar(second.stored[0]).etag == '"v2"'  # type: ignore[union-attr]


def test_a_sitemap_index_leads_to_its_sitemaps(tmp_path: Path) -> None:
    import httpx

    xml = {"Content-Type": "application/xml"}
    index = (
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>/news-sitemap.xml</loc></sitemap></sitemapindex>"
    )
    nested = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>http://93.184.216.34/news/bridge.html</loc></url></urlset>"
    )
    pages = {
        "/sitemap.xml": [httpx.Response(200, headers=xml, content=index)],
        "/news-sitemap.xml": [httpx.Response(200, headers=xml, content=nested)],
        "/news/bridge.html": [
            httpx.Response(200, headers={"Content-Type": "text/html"}, content=article_html("bridge"))
        ],
    }
    config = FetchConfig(host_delay=0)
    with Fetcher(config, transport=_public_site(pages)) as fetcher:
        report = fetch_sources(["http://93.184.216.34/sitemap.xml"], tmp_path, config, fetcher=fetcher)
    assert report.failures == () and len(report.stored) == 1
    assert read_sidecar(report.stored[0]).listed_by == "http://93.184.216.34/news-sitemap.xml"  # type: ignore[union-attr]


def test_a_url_given_to_clean_says_to_fetch_it_first() -> None:
    from brief.ingest import discover

    _, failures = discover([Path("https://news.example.com/article/1")])
    assert failures[0].source == "https://news.example.com/article/1"
    assert "brief fetch" in failures[0].message


def test_the_same_text_again_without_validators_stores_nothing(tmp_path: Path) -> None:
    import httpx

    page = httpx.Response(200, headers={"Content-Type": "text/html"}, content=article_html("rice"))
    config = FetchConfig(host_delay=0)
    with Fetcher(config, transport=_public_site({"/a.html": [page]})) as fetcher:
        first = fetch_sources(["http://93.184.216.34/a.html"], tmp_path, config, fetcher=fetcher)
        second = fetch_sources(
            ["http://93.184.216.34/a.html?utm_source=x"], tmp_path, config, fetcher=fetcher
        )
    assert len(first.stored) == 1 and second.stored == () and second.unchanged == first.stored


def test_an_empty_feed_that_is_not_modified_is_no_failure(tmp_path: Path) -> None:
    import httpx

    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    answers: list[object] = [
        httpx.Response(200, headers={"Content-Type": "application/rss+xml", "ETag": '"e1"'}, content=empty),
        httpx.Response(304),
    ]
    config = FetchConfig(host_delay=0)
    with Fetcher(config, transport=_public_site({"/rss": answers})) as fetcher:
        first = fetch_sources(["http://93.184.216.34/rss"], tmp_path, config, fetcher=fetcher)
        second = fetch_sources(["http://93.184.216.34/rss"], tmp_path, config, fetcher=fetcher)
    assert first.failures == second.failures == () and second.pages == ()


def test_a_damaged_state_file_is_named(tmp_path: Path) -> None:
    (tmp_path / ".brief-fetch.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"\.brief-fetch\.json: fetch state is damaged .*delete it"):
        fetch_sources(["http://93.184.216.34/a"], tmp_path, FetchConfig())
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="--into names the inbox folder"):
        fetch_sources(["http://93.184.216.34/a"], tmp_path / "file", FetchConfig())


def test_robots_txt_behind_a_redirect_is_followed(tmp_path: Path) -> None:
    import httpx

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(301, headers={"Location": "http://93.184.216.34/real-robots.txt"})
        if request.url.path == "/real-robots.txt":
            return httpx.Response(200, text="User-agent: brief\nDisallow: /news/\n")
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=article_html("rice"))

    config = FetchConfig(host_delay=0)
    with Fetcher(config, transport=_mock(handler)) as fetcher:
        report = fetch_sources(["http://93.184.216.34/news/1"], tmp_path, config, fetcher=fetcher)
    assert [f.message for f in report.failures] == ["robots.txt disallows it"]


# ---------------------------------------------------------------- hostile bytes
def test_parsers_survive_arbitrary_bytes() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from brief.fetch.sources import parse_feed, parse_sitemap
    from brief.fetch.urls import head_hints

    prefixes = st.sampled_from(
        [b"", b"<?xml version='1.0'?><urlset>", b"<rss><channel><item>", b"<html><head>"]
    )

    @settings(max_examples=60, deadline=None)
    @given(
        prefix=prefixes,
        tail=st.binary(max_size=300),
        content_type=st.sampled_from([None, "text/xml", "text/html"]),
    )
    def check(prefix: bytes, tail: bytes, content_type: str | None) -> None:
        body = prefix + tail
        assert classify(body, content_type) in ("feed", "sitemap", "html", "other")
        head_hints(body)
        choose_charset(body, content_type, None)
        for parse in (
            lambda: parse_sitemap(body, "http://a.example/s.xml", 10),
            lambda: parse_feed(body, "http://a.example/f.xml", content_type, 10),
        ):
            try:
                entries = parse()
            except ValueError:
                continue
            assert all(e.url.startswith(("http://", "https://")) for e in entries)

    check()


def test_fetch_imports_no_torch_or_transformers(site: Site, tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from brief.cli import app\n"
        f"try:\n    app(['fetch', {site.url('/feed.rss')!r}, '--into', {str(tmp_path)!r}, '--allow-private',"
        " '--delay', '0', '--quiet'])\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "heavy = [m for m in ('torch', 'transformers') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=root)
    assert done.returncode == 0, done.stderr
    assert len(list(tmp_path.rglob("*.html"))) == 3


def test_progress_goes_over_sources_then_pages(site: Site, tmp_path: Path) -> None:
    calls: list[tuple[str, int, int | None]] = []
    sources = [site.url("/feed.rss"), site.url("/atom.xml")]
    fetch_sources(sources, tmp_path, FAST, progress=lambda stage, n, total: calls.append((stage, n, total)))
    assert calls == [
        ("sources", 1, 2),
        ("sources", 1, 2),
        ("pages", 1, 4),
        ("pages", 1, 4),
        ("pages", 1, 4),
        ("pages", 1, 4),
    ]
