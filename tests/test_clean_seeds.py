"""The cleaning stage on the five example articles: known answers, must-contain and must-not-contain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brief.clean import clean_document
from brief.ingest import read_document
from brief.records import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Strings that belong to page clutter and must not survive in any text field of any seed.
CLUTTER = (
    "바로가기",
    "글자크기",
    "많이 본 뉴스",
    "실시간 뉴스",
    "주요뉴스",
    "포토뉴스",
    "댓글",
    "Comments",
    "로딩중",
    "ⓒ",
    "무단",
    "재배포",
    "카테고리",
    "이미지를 클릭",
    "최고관리자",
    "newhub_",
    "Chat ×",
    "[사진",
    "/ KT",
    "기자]",
    "기자 =",
    "@",
    "print",
    "alert",
    "RELEASE",
)

SEED_CASES = [
    pytest.param(
        "000_7787a1a13554aa61.txt",
        {
            "headline": None,
            "subheadlines": (),
            "outlet": ("조선비즈", "ChosunBiz"),
            "reporters": [("김광연", "fun3503@chosunbiz.com")],
            "first": "KT(대표 김영섭)가 ‘인공지능 전환(AX) 액셀러레이터’로서",
            "last": '김영섭 대표는 "한국적 AI, KT 시큐어 퍼블릭 클라우드(SPC)',
            "last_end": '생태계를 확장하겠다"고 말했다.',
            "paragraphs": 10,
            "captions": [
                "김영섭(왼쪽) KT 대표와 사티아 나델라",
                "KT와 마이크로소프트가 25일 KT 광화문 사옥에서",
            ],
            "headings": [],
            "date": None,
            "must_not": ["김광연 기자", "fun3503"],
        },
        id="000-chosunbiz",
    ),
    pytest.param(
        "001_de47211a8ef0eb56.txt",
        {
            "headline": (
                "[뉴스메이커] MS와 'AI 동맹' 맺은 KT…김영섭 대표 \"협업 통해 AI·데이터 주권 확보해야\""
            ),
            "subheadlines": (),
            "outlet": ("아주경제", "Aju Business Daily"),
            "reporters": [("윤선훈", None)],
            "first": "김영섭 KT 대표가 인공지능(AI)과 통신 간 융합이 필수적이라는",
            "last": "유상임 과학기술정보통신부 장관도 축사에 나섰다.",
            "last_end": "축사에 나섰다.",
            "paragraphs": 21,
            "captions": ["김영섭 KT 대표가 서울 중구 웨스틴 조선호텔 서울에서 열린 'M360 APAC' 콘퍼런스에서"],
            "headings": [],
            "date": (dt.date(2024, 10, 1), "image_filename"),
            "must_not": ["아주경제=", "윤선훈 기자", "실시간 전세계에서", "email protected", "M 최고관리자"],
        },
        id="001-aju",
    ),
    pytest.param(
        "002_f313c70537ea2578.txt",
        {
            "headline": "AI계 ‘큰 손’ MS, 국내 통신사 KT와 손 잡은 까닭",
            "subheadlines": (
                "MS, KT와 5년 간 전략적 파트너십 맺어",
                "한국형 AI 기술 개발...내년 1분기 상용화 목표",
            ),
            "outlet": ("이코노미스트", "Economist (Korea)"),
            "reporters": [("라예진", None)],
            "first": "글로벌 기술기업 마이크로소프트(MS)가 국내 통신사 KT와 손을 잡고",
            "last": "KT의 AI 모델은 단숨에 글로벌 수준으로",
            "last_end": "포부를 밝혔다.",
            "paragraphs": 7,
            "captions": [
                "김영섭 KT 대표(가운데)가 10일 'AICT 사업전략 발표 기자간담회'에서 질의에 답변하고 있다."
            ],
            "headings": [("내년 중으로 이노베이션 센터 공동 설립", 5)],
            "date": None,
            "must_not": [
                "[이코노미스트 라예진 기자]",
                "질문 폭격",
                "한투운용",
                "economist.co.kr",
                "[사진 KT]",
            ],
        },
        id="002-economist",
    ),
    pytest.param(
        "003_d59a97863a88a9fb.txt",
        {
            "headline": "KT 구현모, 현대重·카이스트와 `AI 원팀`",
            "subheadlines": (),
            "outlet": ("매일경제", "Maeil Business Newspaper"),
            "reporters": [("임영신", None)],
            "first": "KT, 현대중공업지주, 한국과학기술원(KAIST), 한양대",
            "last": '장 차관은 "국내 AI 경쟁력 확보와',
            "last_end": '매우 중요하다"고 말했다.',
            "paragraphs": 9,
            "captions": ["20일 대전 KAIST에서 산학연 인공지능(AI) 동맹인"],
            "headings": [],
            "date": (dt.date(2020, 2, 20), "epoch_ms"),
            "must_not": ["58260680", "1582188316000", "[임영신 기자]", "mk.co.kr", "사진 제공", "매일경제"],
        },
        id="003-maeil",
    ),
    pytest.param(
        "004_c0a49f039d25af57.txt",
        {
            "headline": '[KT-MS 동맹] 김영섭 KT 대표 "KT클라우드 역할 축소? 그렇지 않다"(종합)',
            "subheadlines": (
                '최지웅 KT클라우드 대표 "KT-MS 협력, 역으로 더 성장할 수 있는 기반 마련된 것"',
                "KT \"MS와 협업 통해 노하우 흡수 '믿음'으로…믿음 라인, 진정성 갖고 키우겠다\"",
                "KT-MS AX 전문기업은 'KT 자회사'…\"MS와 협력 통해 KT 인재 역량 고도화\"",
            ),
            "outlet": ("아이뉴스24", "iNews24"),
            "reporters": [("안세준", "nocount-jun@inews24.com"), ("윤소진", "sojin@inews24.com")],
            "first": '"KT클라우드 역할 축소에 대한 걱정들이 있으신 것 같은데,',
            "last": "KT는 MS와 협력을 바탕으로 AI·클라우드 분야 전문 인력으로",
            "last_end": '장착할 수 있을 것"이라고 했다.',
            "paragraphs": 18,
            "captions": [
                "김영섭 KT 대표가 10일 오전 '노보텔 앰배서더 서울 동대문'에서",
                "10일 오전 '노보텔 앰배서더 서울 동대문'에서 열린 KT AICT 사업전략 관련 기자간담회에서 "
                "최지웅",
                "10일 오전 '노보텔 앰배서더 서울 동대문'에서 열린 KT AICT 사업전략 관련 기자간담회에서 "
                "KT 주요",
            ],
            "headings": [("KT-MS 향후 5개년", 2), ('KT "흡수하는 노하우들', 8), ('MS "한국형 AI 모델에', 13)],
            "date": None,
            "must_not": ["[아이뉴스24", "안세준 기자", "nocount-jun", "뉴스톡톡", "첫 번째 댓글"],
        },
        id="004-inews24",
    ),
]


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Article]:
    return {p.name: clean_document(read_document(p)) for p in sorted(SEEDS.glob("*.txt"))}


def _all_text(article: Article) -> list[str]:
    return [
        article.headline or "",
        *article.subheadlines,
        *article.paragraphs,
        *article.captions,
        *(h.text for h in article.headings),
    ]


@pytest.mark.parametrize(("name", "want"), SEED_CASES)
def test_seed_metadata(cleaned: dict[str, Article], name: str, want: dict) -> None:
    article = cleaned[name]
    assert article.headline == want["headline"]
    assert article.subheadlines == want["subheadlines"]
    assert (article.outlet.ko, article.outlet.en) == want["outlet"]
    assert [(r.name, r.email) for r in article.reporters] == want["reporters"]
    if want["date"] is None:
        assert article.date is None and article.date_evidence is None
    else:
        assert article.date == want["date"][0]
        assert article.date_evidence is not None and article.date_evidence.kind == want["date"][1]


@pytest.mark.parametrize(("name", "want"), SEED_CASES)
def test_seed_body_starts_and_ends_at_the_article(cleaned: dict[str, Article], name: str, want: dict) -> None:
    paragraphs = cleaned[name].paragraphs
    assert paragraphs[0].startswith(want["first"])
    assert paragraphs[-1].startswith(want["last"])
    assert paragraphs[-1].endswith(want["last_end"])
    assert len(paragraphs) == want["paragraphs"]


@pytest.mark.parametrize(("name", "want"), SEED_CASES)
def test_seed_captions_once_and_out_of_the_body(cleaned: dict[str, Article], name: str, want: dict) -> None:
    article = cleaned[name]
    assert len(article.captions) == len(want["captions"])
    for caption, prefix in zip(article.captions, want["captions"], strict=True):
        assert caption.startswith(prefix)
        assert not any(caption in p or p in caption for p in article.paragraphs)
    assert len(set(article.captions)) == len(article.captions)


@pytest.mark.parametrize(("name", "want"), SEED_CASES)
def test_seed_headings(cleaned: dict[str, Article], name: str, want: dict) -> None:
    headings = cleaned[name].headings
    assert len(headings) == len(want["headings"])
    for heading, (prefix, before) in zip(headings, want["headings"], strict=True):
        assert heading.text.startswith(prefix)
        assert heading.before == before
        assert not heading.text.startswith("◇")


@pytest.mark.parametrize(("name", "want"), SEED_CASES)
def test_seed_no_clutter_remains(cleaned: dict[str, Article], name: str, want: dict) -> None:
    text = "\n".join(_all_text(cleaned[name]))
    for clutter in (*CLUTTER, *want["must_not"]):
        assert clutter not in text, clutter
    assert len(set(cleaned[name].paragraphs)) == len(cleaned[name].paragraphs)


def test_every_removed_line_has_a_reason(cleaned: dict[str, Article]) -> None:
    for article in cleaned.values():
        assert article.removed
        for line in article.removed:
            assert line.text.strip() and line.reason


@pytest.mark.parametrize(
    ("name", "removed", "reason"),
    [
        ("002_f313c70537ea2578.txt", '9"5만 가구 짓겠다더니.." LH, 9월까지 3000가구 착공', "ranked list"),
        ("002_f313c70537ea2578.txt", "많이 본 뉴스", "navigation header"),
        ("003_d59a97863a88a9fb.txt", "<이미지를 클릭하시면 크게 보실 수 있습니다>", "image hint"),
        ("003_d59a97863a88a9fb.txt", "기사가 속한 카테고리는 언론사가 분류합니다.", "portal note"),
        ("001_de47211a8ef0eb56.txt", "newhub_20241001141329492045.jpg", "image file name"),
        ("004_c0a49f039d25af57.txt", "첫 번째 댓글을 작성해 보세요.", "comment widget"),
        ("000_7787a1a13554aa61.txt", "김광연 기자", "byline"),
    ],
)
def test_removed_lines_are_audited(cleaned: dict[str, Article], name: str, removed: str, reason: str) -> None:
    assert any(r.text == removed and r.reason == reason for r in cleaned[name].removed)


def test_quotes_survive_as_printed(cleaned: dict[str, Article]) -> None:
    """Seed 001 opens a quote with ' and closes it with ’: both are kept so the quote stage can pair them."""
    caption = cleaned["001_de47211a8ef0eb56.txt"].captions[0]
    assert "'협력 기반의 자주적 AI 모델 형성을 위한 AICT 기업의 역할’이란" in caption
    assert "현대重" in (cleaned["003_d59a97863a88a9fb.txt"].headline or "")


def test_ids_are_stable_and_distinct(cleaned: dict[str, Article]) -> None:
    again = {p.name: clean_document(read_document(p)).id for p in sorted(SEEDS.glob("*.txt"))}
    assert again == {name: a.id for name, a in cleaned.items()}
    assert len(set(again.values())) == 5
    assert all(len(i) == 16 and int(i, 16) >= 0 for i in again.values())
