"""The cleaning stage on synthetic pages of other outlets, encodings and clutter styles (tests/data/clean)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brief.clean import clean_document
from brief.ingest import read_document
from brief.records import Article

PAGES = Path(__file__).resolve().parent / "data" / "clean"

CLUTTER = (
    "바로가기",
    "글자크기",
    "스크랩",
    "공유",
    "댓글",
    "Comments",
    "ⓒ",
    "©",
    "무단",
    "저작권",
    "송고",
    "입력",
    "등록 20",
    "구독",
    "제보",
    "관련",
    "많이 본",
    "헤드라인",
    "@",
    "기자 =",
    "기자]",
    "사진=",
    "DB 금지",
    "자료사진",
    "크게보기",
    "프린트",
    "인쇄",
    "카카오톡",
    "Chat",
    "NAVER",
    "공감",
    "훈훈",
    "요약봇",
    "음성",
    "구독을 해지",
    "섹션",
    "타임톡",
    "자동요약",
    "번역",
    "News1",
    "2024.10.10",
)

PAGE_CASES = [
    pytest.param(
        "yonhap_cp949.txt",
        {
            "encoding": "cp949",
            "media_type": "text",
            "headline": "삼성전자, 3분기 반도체 영업이익 5조원대…HBM 공급 확대",
            "subheadlines": (),
            "outlet": ("연합뉴스", "Yonhap"),
            "reporters": [("홍길동", "hong@yna.co.kr")],
            "first": "삼성전자가 올해 3분기 반도체 부문에서",
            "last": "다만 일부 증권사는 스마트폰 수요 둔화가 변수가 될 수 있다고 지적했다.",
            "captions": ["삼성전자 평택캠퍼스 전경"],
            "date": dt.date(2024, 10, 2),
            "headings": [],
        },
        id="yonhap-cp949-text",
    ),
    pytest.param(
        "hankyung_utf8_bom.txt",
        {
            "encoding": "utf-8-sig",
            "media_type": "text",
            "headline": "LG에너지솔루션, 북미 배터리 공장 증설…2조원 투자",
            "subheadlines": (),
            "outlet": ("한국경제", "The Korea Economic Daily"),
            "reporters": [("김민수", "kimms@hankyung.com")],
            "first": "LG에너지솔루션이 미국 애리조나주에",
            "last": '한 업계 관계자는 "북미 시장에서',
            "captions": ["LG에너지솔루션 미국 애리조나 공장 조감도."],
            "date": dt.date(2024, 10, 3),
            "headings": [('전기차 수요 둔화에도 "장기 투자 이어간다"', 2)],
        },
        id="hankyung-utf8bom-text",
    ),
    pytest.param(
        "hani_utf16.txt",
        {
            "encoding": "utf-16",
            "media_type": "text",
            "headline": "서울 지하철 요금 다음달 150원 인상…기본요금 1550원",
            "subheadlines": ('시민단체 "공공요금 인상 부담 크다" 반발',),
            "outlet": ("한겨레", "The Hankyoreh"),
            "reporters": [("박영희", "young@hani.co.kr")],
            "first": "서울시가 다음달부터 지하철 기본요금을 150원 올린다고 4일 발표했다.",
            "last": "시민단체들은 즉각 반발했다.",
            "captions": ["서울 시내의 한 지하철역에서 시민들이 개찰구를 지나고 있다."],
            "date": dt.date(2024, 10, 4),
            "headings": [('시민단체 "서민 부담 커져"', 2)],
        },
        id="hani-utf16-text",
    ),
    pytest.param(
        "zdnet_utf8.txt",
        {
            "encoding": "utf-8",
            "media_type": "text",
            "headline": "네이버, 생성형 AI 검색 서비스 정식 출시",
            "subheadlines": ("이용자 질문에 출처와 함께 답변…광고 모델은 아직",),
            "outlet": ("지디넷코리아", "ZDNet Korea"),
            "reporters": [("이정민", "jmlee@zdnet.co.kr")],
            "first": "네이버가 생성형 인공지능(AI)을 적용한 검색 서비스를",
            "last": "회사는 광고 모델 도입 시점은 정해지지 않았다고 덧붙였다.",
            "captions": ["최수연 네이버 대표가 5일 서울 강남구에서 열린 행사에서 발표하고 있다."],
            "date": dt.date(2024, 10, 5),
            "headings": [],
        },
        id="zdnet-utf8-text",
    ),
    pytest.param(
        "naver_portal_euckr.txt",
        {
            "encoding": "cp949",
            "media_type": "text",
            "headline": "SK텔레콤, 6G 시험망 구축…2028년 상용화 목표",
            "subheadlines": (),
            "outlet": ("전자신문", "Electronic Times"),
            "reporters": [("최유진", "yujin@etnews.com")],
            "first": "SK텔레콤이 6세대 이동통신(6G) 시험망을 구축하고",
            "last": "업계에서는 SK텔레콤의 발표가",
            "captions": ["SK텔레콤 연구원이 6G 시험망 장비를 점검하고 있다."],
            "date": dt.date(2024, 10, 9),
            "headings": [],
        },
        id="naver-portal-euckr-text",
    ),
    pytest.param(
        "daum_portal_utf8.txt",
        {
            "encoding": "utf-8",
            "media_type": "text",
            "headline": '"전기요금 또 오르나"…한전, 4분기 요금 인상 요청',
            "subheadlines": (),
            "outlet": ("동아일보", "The Dong-A Ilbo"),
            "reporters": [("이진호", "jino@donga.com")],
            "first": "한국전력이 정부에 4분기 전기요금 인상을 요청한 것으로 10일 알려졌다.",
            "last": "정부는 물가 부담을 고려해",
            "captions": ["서울 시내 한 주택가에 설치된 전기 계량기."],
            "date": dt.date(2024, 10, 10),
            "headings": [],
        },
        id="daum-portal-utf8-text",
    ),
    pytest.param(
        "moneytoday_utf8.html",
        {
            "encoding": "utf-8",
            "media_type": "html",
            "headline": "쿠팡, 대만 로켓배송 확대…물류센터 2곳 추가",
            "subheadlines": (),
            "outlet": ("머니투데이", "Money Today"),
            "reporters": [("이영수", "lys@mt.co.kr")],
            "first": "쿠팡이 대만에서 로켓배송 서비스를 확대하기 위해",
            "last": "업계는 쿠팡이 대만을 발판 삼아",
            "captions": ["쿠팡 대만 물류센터 내부 모습."],
            "date": dt.date(2024, 10, 6),
            "headings": [],
        },
        id="moneytoday-utf8-html",
    ),
    pytest.param(
        "newsis_cp949.html",
        {
            "encoding": "cp949",
            "media_type": "html",
            "headline": "현대차, 인도 공장 가동률 90% 돌파",
            "subheadlines": (),
            "outlet": ("뉴시스", "Newsis"),
            "reporters": [("최민지", "choimj@newsis.com")],
            "first": "현대자동차의 인도 첸나이 공장 가동률이",
            "last": '현대차 관계자는 "인도는 회사의 중장기 성장에',
            "captions": [],
            "date": dt.date(2024, 10, 7),
            "headings": [],
        },
        id="newsis-cp949-html",
    ),
]


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Article]:
    return {p.name: clean_document(read_document(p)) for p in sorted(PAGES.iterdir()) if p.is_file()}


@pytest.mark.parametrize(("name", "want"), PAGE_CASES)
def test_page(cleaned: dict[str, Article], name: str, want: dict) -> None:
    article = cleaned[name]
    assert article.encoding == want["encoding"]
    assert article.media_type == want["media_type"]
    assert article.headline == want["headline"]
    assert article.subheadlines == want["subheadlines"]
    assert (article.outlet.ko, article.outlet.en) == want["outlet"]
    assert [(r.name, r.email) for r in article.reporters] == want["reporters"]
    assert article.paragraphs[0].startswith(want["first"])
    assert article.paragraphs[-1].startswith(want["last"])
    assert article.paragraphs[-1].endswith(".")
    assert list(article.captions) == want["captions"]
    assert article.date == want["date"]
    assert [(h.text, h.before) for h in article.headings] == want["headings"]


@pytest.mark.parametrize(("name", "want"), PAGE_CASES)
def test_page_has_no_clutter(cleaned: dict[str, Article], name: str, want: dict) -> None:
    article = cleaned[name]
    text = "\n".join([article.headline or "", *article.subheadlines, *article.paragraphs, *article.captions])
    for clutter in CLUTTER:
        assert clutter not in text, clutter


def test_html_without_body_text_falls_back_to_the_tag_stripper(tmp_path: Path) -> None:
    page = tmp_path / "short.html"
    page.write_text(
        "<html><head><title>정부, 내년 예산안 국회 제출 - 뉴스1</title></head><body><div>본문 바로가기</div>"
        "<div>(서울=뉴스1) 김하늘 기자 = 정부가 내년 예산안을 국회에 제출했다. "
        "총지출은 역대 최대 규모다.</div>"
        "<div>김하늘 기자 sky@news1.kr</div></body></html>",
        encoding="utf-8",
    )
    article = clean_document(read_document(page))
    assert article.paragraphs == ("정부가 내년 예산안을 국회에 제출했다. 총지출은 역대 최대 규모다.",)
    assert (article.outlet.ko, article.outlet.en) == ("뉴스1", "News1")
    assert [(r.name, r.email) for r in article.reporters] == [("김하늘", "sky@news1.kr")]
    assert article.headline == "정부, 내년 예산안 국회 제출"


@pytest.mark.parametrize(
    "text",
    [
        "어제 시의회가 내년 예산안을 통과시키면서 올해 의사일정을 모두 마쳤습니다.<br /><br />"
        "하지만 심사 과정은 순탄하지 않았는데요.<br /><br />취재기자와 함께 정리해 보겠습니다.<br /><br />"
        "[기자]<br />올해는 법정 시한을 넘겨 협상이 이어졌습니다.",
        "정부는 7일 금리를 동결했다고 밝혔다.<br /><br />박 총재는 경기가 나아질 것이라고 말했다.<br /><br />"
        "시장은 예상된 결과라는 반응을 보였다.",
        "구단은 새 감독 선임을 공식 발표했습니다.<br><br>신임 감독은 다음 주 선수단과 처음 만납니다.<br><br>"
        "팬들의 기대가 큽니다.<br><br>구단은 계약 기간을 3년으로 정했습니다.",
    ],
)
def test_text_with_line_break_tags_keeps_its_first_line(tmp_path: Path, text: str) -> None:
    """A .txt file with "<br />" in it is read as HTML, but it is no page: every line stays (an HTML
    extractor reading it as a page took its first line for a title and dropped it)."""
    page = tmp_path / "copied.txt"
    page.write_text(text, encoding="utf-8")
    article = clean_document(read_document(page))
    first = text.split("<br")[0]
    assert article.paragraphs[0] == first
    assert article.paragraphs[-1] == text.rsplit(">", 1)[-1]
