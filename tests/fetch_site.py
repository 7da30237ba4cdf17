"""A small synthetic Korean news site served on 127.0.0.1 for the fetch tests (stdlib http.server).

Every page text here is written for these tests. The site has articles in UTF-8 and EUC-KR (one of them
mislabelled by its server), an RSS feed, an Atom feed, a sitemap, robots.txt, redirects, ETag /
Last-Modified with 304 answers, a 429 with Retry-After, a 500, a slow page, an oversized page, a PDF,
and one article reachable under three addresses.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Mon, 23 Nov 2026 01:00:00 GMT"

ARTICLES = {
    "library": (
        "구립 도서관 야간 개방 밤 11시까지 늘린다",
        [
            "서울 시내 구립 도서관들이 다음 달부터 평일 야간 개방 시간을 밤 11시까지 늘린다고 밝혔다.",
            '구청 관계자는 "퇴근 뒤에도 책을 빌리려는 주민들의 요청이 많았다"며 "시범 운영 결과를 보고'
            ' 주말까지 넓힐 계획"이라고 말했다.',
            "도서관들은 야간 근무 인력을 새로 뽑고 열람실 조명도 바꿀 예정이다.",
        ],
        "김하늘 기자 sky@example.com",
    ),
    "squid": (
        "동해안 오징어 어획량 석 달째 줄어",
        [
            "동해안 주요 항구의 오징어 어획량이 석 달 연속 지난해보다 줄어든 것으로 나타났다.",
            '한 수협 관계자는 "바다 수온이 오르면서 어군이 북쪽으로 옮겨 갔다"고 설명했다.',
            "어민들은 출어 비용을 줄이기 위해 조업 일수를 나눠 쓰는 방안을 논의하고 있다.",
        ],
        "박바다 기자",
    ),
    "expo": (
        "중소기업 수출 상담회 부산서 사흘간 열려",
        [
            "중소기업 수출 상담회가 부산 전시장에서 사흘 일정으로 막을 올렸다.",
            "해외 바이어 120여 명이 참가해 식품과 화장품, 부품 업체들과 상담을 이어 갔다.",
            '주최 측은 "지난해보다 상담 건수가 크게 늘 것으로 본다"고 말했다.',
        ],
        "이수출 기자",
    ),
    "coding": (
        "초등학교 코딩 수업 시간 두 배로 늘어난다",
        [
            "내년부터 초등학교 고학년의 코딩 수업 시간이 지금의 두 배로 늘어난다.",
            "교육 당국은 교사 연수를 먼저 늘리고 학교마다 실습용 노트북을 나눠 줄 계획이다.",
            '한 초등학교 교사는 "아이들이 직접 만들어 보는 시간이 늘어 반갑다"고 말했다.',
        ],
        "최교육 기자",
    ),
    "bridge": (
        "한강 보행교 설계 공모 당선작 발표",
        [
            "한강을 걸어서 건널 수 있는 보행교 설계 공모의 당선작이 발표됐다.",
            "당선작은 다리 가운데에 전망 공간과 작은 정원을 두는 구조를 제안했다.",
            '심사위원들은 "주변 경관과 어울리면서도 걷는 재미를 살렸다"고 평가했다.',
        ],
        "정다리 기자",
    ),
    "rice": (
        "올해 쌀 생산량 작년보다 소폭 감소",
        [
            "올해 쌀 생산량이 작년보다 조금 줄어든 것으로 집계됐다.",
            "재배 면적이 줄고 여름철 집중 호우로 일부 지역 작황이 나빴던 탓이다.",
            '농업 단체 관계자는 "가격은 당분간 안정적일 것"이라고 내다봤다.',
        ],
        "한들판 기자",
    ),
}


def article_html(
    key: str,
    *,
    charset: str = "utf-8",
    canonical: str | None = None,
    chrome: str = "",
    date: str | None = "2026-11-24",
) -> bytes:
    """An article page of the site, encoded in ``charset``."""
    title, paragraphs, byline = ARTICLES[key]
    head = [f'<meta charset="{charset}">', f"<title>{title} - 테스트일보</title>"]
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    if date:
        head.append(f'<meta property="article:published_time" content="{date}T09:00:00+09:00">')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        f"<!DOCTYPE html><html lang='ko'><head>{''.join(head)}</head><body>{chrome}"
        f"<article><h1>{title}</h1>{body}<p>{byline}</p></article>"
        "<footer>무단 전재 및 재배포 금지</footer></body></html>"
    )
    return html.encode(charset)


def rss(base: str) -> bytes:
    items = [
        ("library", "/news/library.html?utm_source=rss&utm_medium=feed", "Tue, 24 Nov 2026 09:00:00 +0900"),
        ("squid", "/news/squid.html", "Wed, 25 Nov 2026 10:30:00 +0900"),
        ("expo", "/news/expo.html", "Thu, 26 Nov 2026 08:00:00 +0900"),
    ]
    xml = "".join(
        f"<item><title>{ARTICLES[k][0]}</title><link>{base}{path}</link><pubDate>{date}</pubDate></item>"
        for k, path, date in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>테스트일보</title>'
        f"<link>{base}/</link><description>전체 기사</description>{xml}</channel></rss>"
    ).encode()


def atom(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>테스트일보 교육</title><id>{base}/atom.xml</id><updated>2026-11-27T09:00:00+09:00</updated>"
        f"<entry><title>{ARTICLES['coding'][0]}</title><link rel='alternate' href='{base}/news/coding.html'/>"
        f"<id>{base}/news/coding.html</id><published>2026-11-27T09:00:00+09:00</published>"
        "<updated>2026-11-27T09:00:00+09:00</updated></entry></feed>"
    ).encode()


def sitemap(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"<url><loc>{base}/news/bridge.html</loc><news:news><news:publication_date>2026-11-26"
        f"</news:publication_date><news:title>{ARTICLES['bridge'][0]}</news:title></news:news></url>"
        f"<url><loc>{base}/m/news/library.html</loc></url>"
        f"<url><loc>{base}/private/secret.html</loc></url>"
        "</urlset>"
    ).encode()


@dataclass
class Site:
    """The running site: its base URL and every request it received (path, headers, status)."""

    base: str
    log: list[tuple[str, dict[str, str], int]] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path

    def statuses(self, path: str) -> list[int]:
        return [status for p, _, status in self.log if p.split("?")[0] == path]


def _routes(site: Site) -> dict[str, tuple[int, dict[str, str], bytes]]:
    base = site.base
    utf8 = {"Content-Type": "text/html; charset=utf-8"}
    return {
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
        "/feed.rss": (200, {"Content-Type": "application/rss+xml"}, rss(base)),
        "/atom.xml": (200, {"Content-Type": "application/atom+xml"}, atom(base)),
        "/sitemap.xml": (200, {"Content-Type": "application/xml"}, sitemap(base)),
        "/news/library.html": (200, utf8, article_html("library", canonical=f"{base}/news/library.html")),
        # the same article on the mobile site, pointing to the desktop page
        "/m/news/library.html": (
            200,
            utf8,
            article_html("library", canonical=f"{base}/news/library.html", chrome="<nav>모바일 메뉴</nav>"),
        ),
        # a portal's re-post: same text, other chrome, no canonical link
        "/portal/view.html": (
            200,
            utf8,
            article_html("library", chrome="<div>포털 뉴스 많이 본 기사</div>"),
        ),
        "/news/squid.html": (
            200,
            {"Content-Type": "text/html; charset=EUC-KR"},
            article_html("squid", charset="euc-kr"),
        ),
        # EUC-KR bytes the server calls UTF-8; the page's <meta> says EUC-KR
        "/news/expo.html": (200, utf8, article_html("expo", charset="euc-kr")),
        "/news/coding.html": (200, utf8, article_html("coding", date=None)),
        "/news/bridge.html": (200, utf8, article_html("bridge")),
        "/news/rice.html": (200, utf8, article_html("rice")),
        "/private/secret.html": (200, utf8, article_html("rice")),
        "/old/library": (301, {"Location": "/news/library.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/broken.html": (500, utf8, b"<html><body>server error</body></html>"),
        "/huge.html": (200, utf8, b"<html><body>" + b"<p>" + "가".encode() * 100_000 + b"</p></body></html>"),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not really"),
    }


class _Handler(BaseHTTPRequestHandler):
    site: Site
    routes: dict[str, tuple[int, dict[str, str], bytes]]

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        count = self.site.hits.get(path, 0) + 1
        self.site.hits[path] = count
        headers = {k.lower(): v for k, v in self.headers.items()}
        if path == "/slow.html":
            time.sleep(4.0)
            status, extra, body = 200, {"Content-Type": "text/html"}, article_html("rice")
        elif path == "/busy.html":
            if count == 1:
                status, extra, body = 429, {"Retry-After": "1"}, b""
            else:
                status, extra, body = 200, {"Content-Type": "text/html"}, article_html("rice")
        elif path in self.routes:
            status, extra, body = self.routes[path]
        else:
            status, extra, body = 404, {"Content-Type": "text/html"}, b"<html>not found</html>"
        etag = None
        if status == 200 and not path.startswith("/huge"):
            etag = f'"{path}-v1"'
            if headers.get("if-none-match") == etag or headers.get("if-modified-since") == LAST_MODIFIED:
                status, body = 304, b""
        self.site.log.append((self.path, headers, status))
        self.send_response(status)
        for key, value in extra.items():
            self.send_header(key, value if key != "Location" or "://" in value else self.site.base + value)
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the client gave up (a timeout test)
            self.wfile.write(body)


@contextmanager
def serve() -> Iterator[Site]:
    """Run the site on 127.0.0.1 (a free port) for the length of the ``with`` block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    site = Site(f"http://127.0.0.1:{server.server_address[1]}")
    handler = type("Handler", (_Handler,), {"site": site, "routes": _routes(site)})
    server.RequestHandlerClass = handler
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
