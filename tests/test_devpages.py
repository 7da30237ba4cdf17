"""Cleaning and quote attribution on the team's development pages (tests/data/devpages/).

These pages were written by the team while the cleaning and quote rules were being built, and the
rules were then fixed on them: they are a development set, not a measure of accuracy on text nobody
has seen. Real pages with hand-made gold are in ../shared/devset (see the README's Quotes section for
the figures and the command). First six: a Yonhap wire story with a minister and opposition lawmakers,
a Newsis story of unnamed sources (CP949), a Korea Economic Daily earnings story with a CEO quoted
through "그는" / "이 회장은" and analysts, a News1 Q&A interview, a Seoul Economic Daily story that
opens with a quote ("이같이 말했다"), and an Electronic Times HTML page with two 김 사장 (an ambiguous
"김 사장" must stay unknown). A second batch of four: a ChosunBiz story with a quote told by "이같이
말했다" in its own paragraph and "쿡 CEO", a Money Today story of analysts' reported speech, an Asia
Business Daily story (CP949) with an anonymised "A씨" and a ministry as speaker, and a KBS broadcast
transcript with "[인터뷰] NAME/ORG TITLE :" sound bites. A third batch of two: a Financial News story
where two presidents speak "in unison" (unknown, never the last one named) and a Herald Business
story with "그녀는" and a compound-industry source; and a Digital Times page with "▲" and "사진
왼쪽부터" captions and a "◆" section heading. Gold lists were written by hand from the text.

The aggregate precision and recall of (location, kind, speaker, quote) are printed with ``-s`` and
must stay >= 0.95: a regression guard on the development pages, not an accuracy claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from brief.config import BriefConfig
from brief.people import load_people
from brief.pipeline import load_articles
from brief.quotes import extract_quotes
from brief.records import Article, Quote

DATA = Path(__file__).resolve().parent / "data" / "devpages"


@dataclass(frozen=True)
class Page:
    headline: str | None
    outlet: str
    reporters: tuple[str, ...]
    first: str  # prefix of the first body paragraph
    last: str  # prefix of the last body paragraph
    captions: tuple[str, ...]  # prefixes, each exactly once
    never: tuple[str, ...]  # clutter that must appear in no paragraph


PAGES: dict[str, Page] = {
    "u1_yonhap_minister.txt": Page(
        '유상임 장관 "AI 예산 2배로"…野 "R&D 삭감 사과가 먼저"',
        "Yonhap",
        ("이영재",),
        "유상임 과학기술정보통신부 장관은 5일",
        "과기정통부는 이달 중",
        ("유상임 과학기술정보통신부 장관이 5일 국회에서",),
        ("연합뉴스", "송고", "young@", "저작권자", "okjebo", "딥시크", "핫뉴스", "자료사진"),
    ),
    "u2_newsis_sources.txt": Page(
        '반도체 수출 통제 강화 움직임…정부 "기업 피해 최소화"',
        "Newsis",
        ("김경록",),
        "미국이 중국에 대한 반도체",
        "전문가들 사이에서는",
        ("경기 평택시 삼성전자 평택캠퍼스 전경",),
        ("뉴시스", "newsis.com", "DB 금지", "제보", "URL복사", "많이 본", "비트코인"),
    ),
    "u3_hankyung_earnings.txt": Page(
        '한빛바이오, 3분기 영업이익 1207억…"내년 美 진출 원년"',
        "The Korea Economic Daily",
        ("이진우",),
        "한빛바이오가 올해 3분기 역대 최대",
        "한빛바이오 주가는 이날",
        ("이동훈 한빛바이오 회장이 29일",),
        ("Copyright", "hankyung.com", "관련기사", "클린뷰", "코리아마켓", "셀트리온", "제공"),
    ),
    "u4_news1_interview.txt": Page(
        '[인터뷰] 정유진 루나AI 대표 "3년 안에 엔비디아 대안 될 것"',
        "News1",
        ("김정현",),
        "추론용 인공지능(AI) 반도체 스타트업",
        "내년 상반기 시리즈B",
        ("정유진 루나AI 대표가 서울 강남구",),
        ("뉴스1", "News1", "편집자주", "조명합니다", "링크복사", "리벨리온", "월급 빼고"),
    ),
    "u5_sedaily_lead_quote.txt": Page(
        '곽노정 SK하이닉스 사장 "HBM 주도권, 내년에도 지킨다"',
        "Seoul Economic Daily",
        ("강해령",),
        '"AI 반도체 경쟁은 이제 속도전입니다.',
        '곽 사장은 "AI 시대에',
        ("곽노정 SK하이닉스 사장이 23일",),
        ("sedaily", "저작권자", "추천합니다", "많이 본", "글씨크기", "사진 제공", "집값"),
    ),
    "u6_etnews_two_kims.html": Page(
        '배터리 소재 업계, 감산 돌입…"내년 하반기 반등" 전망도',
        "Electronic Times",
        ("이호준",),
        "배터리 소재 업계가 전기차 수요 둔화에",
        '김동섭 사장은 "내년 1분기부터는',
        (),
        ("etnews", "저작권자", "기사제보", "관련기사", "많이 본", "URL복사", "HBM3E", "대표전화"),
    ),
    # second batch, written after the fixes for the first six and run once before any further fix
    "u7_chosunbiz_after.txt": Page(
        '애플 "한국 개발자 생태계 키운다"…팀 쿡 방한',
        "ChosunBiz",
        ("박지영",),
        "팀 쿡 애플 최고경영자(CEO)가 10일",
        '쿡 CEO는 한국어 지원에 대해 "내년 중',
        (),
        ("chosunbiz", "무단 전재", "Plus 멤버십", "많이 본", "아이폰16", "공유하기", "글자 크기"),
    ),
    "u8_mt_reported.txt": Page(
        '"금리 인하 늦어진다"…증권가, 코스피 전망 하향',
        "Money Today",
        ("김하늘",),
        "증권사들이 잇따라 내년 코스피 전망치를",
        "전문가들은 당분간 보수적인 접근이",
        (),
        ("[머니투데이", "mt.co.kr", "저작권자", "관련기사", "2500선 위협", "랠리", "글자크기"),
    ),
    "u9_asiae_continuation.txt": Page(
        '유통업계 "최저임금 인상 부담"…자영업자 한숨',
        "The Asia Business Daily",
        ("이수진",),
        "내년 최저임금이 시간당 1만원을 넘어서면서",
        '고용노동부는 "현장 의견을',
        (),
        ("asiae", "무단전재", "핫클릭", "폐업 속출", "댓글쓰기", "폰트 크기", "기사입력"),
    ),
    # third batch, written after the second round of fixes
    "u11_fnnews_joint.txt": Page(
        '카드업계 "수수료 인하 여력 없다"…당국과 정면충돌',
        "The Financial News",
        ("홍예지",),
        "카드업계가 금융당국의 가맹점 수수료",
        "이 대표 상품은 출시 한 달 만에",
        (),
        ("[파이낸셜뉴스]", "fnnews", "저작권자", "많이 본", "카드론", "글자크기", "입력"),
    ),
    "u12_heraldcorp_pronoun.txt": Page(
        '"K-뷰티, 이제 미국이 본무대"…올리브영 대표의 자신감',
        "Herald Business",
        ("김희량",),
        '"미국 매장 1호점을 내년 안에 열겠습니다."',
        '이 대표는 "중소 브랜드와 함께',
        (),
        ("[헤럴드경제", "heraldcorp", "Copyright", "기사공유", "폰트", "> 경제"),
    ),
    "u13_dt_photos.txt": Page(
        "네이버, 초대규모 AI '하이퍼클로바X' 기업용 출시",
        "Digital Times",
        ("김나인",),
        "네이버가 기업 고객을 위한 초대규모",
        "네이버는 사우디아라비아 정부와",
        ("최수연 네이버 대표가 27일", "사진 왼쪽부터 김유원"),
        ("▲", "<네이버 제공>", "dt.co.kr", "저작권자", "추천 뉴스", "카나나"),
    ),
    "u10_kbs_broadcast.txt": Page(
        '통신 3사, 알뜰폰 지원 축소…"가계 통신비 부담 커질 듯"',
        "KBS",
        ("정연우",),
        "이동통신 3사가 알뜰폰 업체에 대한 지원을",
        "[인터뷰] 과기정통부 관계자 :",
        (),
        (
            "[앵커]",
            "[리포트]",
            "기자입니다",
            "정연우입니다",
            "제보를 기다립니다",
            "촬영기자",
            "kbs.co.kr",
            "Copyright",
            "글씨 크게",
        ),
    ),
}

# A speaker is the English name of a named speaker, "~text" for an unnamed source whose English
# description contains text, or None for "unknown speaker". A row whose speaker is a tuple accepts
# any of them; an OPTIONAL row costs nothing when missing (but a wrong speaker on it still counts).
Spec = str | None | tuple[str | None, ...]
Gold = tuple[str, str, Spec, str, bool]  # location, kind, speaker, start of text_ko, optional
REQUIRED, OPTIONAL = False, True

QUOTES: dict[str, list[Gold]] = {
    "u1_yonhap_minister.txt": [
        ("headline", "direct", "Yoo Sang-im", "AI 예산 2배로", REQUIRED),
        ("headline", "direct", (None, "~opposition"), "R&D 삭감 사과가 먼저", REQUIRED),
        ("body", "direct", "Yoo Sang-im", "내년 인공지능(AI) 관련 예산을", REQUIRED),
        ("body", "direct", "Yoo Sang-im", "AI는 국가 경쟁력을", REQUIRED),
        ("body", "direct", "Yoo Sang-im", "민간 투자를 이끌어낼", REQUIRED),
        ("body", "direct", "Yoo Sang-im", "연구 현장의 목소리를", REQUIRED),
        ("body", "direct", "Lee Hae-min", "R&D 예산을 일방적으로", REQUIRED),
        ("body", "direct", "Lee Hae-min", "예산을 늘린다는 발표만", REQUIRED),
        ("body", "direct", "Lee Hae-min", "젊은 연구자들이", REQUIRED),
        ("body", "direct", "Lee Hae-min", "내년 예산안 심사에서", REQUIRED),
        ("body", "direct", "Yoo Sang-im", "지난해 조정은", REQUIRED),
        ("body", "direct", "Yoo Sang-im", "현장의 어려움은", REQUIRED),
        ("body", "direct", "Choi Hyeong-du", "여야가 AI 기본법", REQUIRED),
    ],
    "u2_newsis_sources.txt": [
        ("headline", "direct", (None, "~government"), "기업 피해 최소화", REQUIRED),
        ("body", "direct", "~senior government official", "미국 측과 실무 협의를", REQUIRED),
        ("body", "direct", "~senior government official", "우리 기업이 불이익을", REQUIRED),
        ("body", "direct", "~Ministry of Trade, Industry and Energy official", "기업별 영향을", REQUIRED),
        ("body", "direct", "~industry official", "통제 범위가", REQUIRED),
        ("body", "direct", "~industry official", "중국 매출 비중이", REQUIRED),
        ("body", "direct", "Kim Yang-paeng", "미국의 통제가 강화되면", REQUIRED),
    ],
    "u3_hankyung_earnings.txt": [
        ("headline", "direct", None, "내년 美 진출 원년", REQUIRED),
        ("body", "direct", "Lee Dong-hun", "유럽에서 쌓은 신뢰를", REQUIRED),
        ("body", "direct", "Lee Dong-hun", "미국 식품의약국(FDA) 허가", REQUIRED),
        ("body", "direct", "Lee Dong-hun", "내년 상반기 중 첫 제품을", REQUIRED),
        ("body", "direct", "Lee Dong-hun", "송도 2공장이 완공되면", REQUIRED),
        ("body", "direct", "Lee Dong-hun", "위탁생산(CMO) 사업도", REQUIRED),
        ("body", "direct", "~brokerage", "유럽 실적은 기대 이상이지만", REQUIRED),
        ("body", "direct", "~brokerage", "마케팅 비용 증가가", REQUIRED),
        ("body", "direct", "Park Seo-yeon", "FDA 허가만 나오면", REQUIRED),
        ("body", "direct", "Lee Dong-hun", "주주가치 제고를 위해", REQUIRED),
    ],
    "u4_news1_interview.txt": [
        ("headline", "direct", "Jung Yu-jin", "3년 안에 엔비디아 대안", REQUIRED),
        ("body", "direct", "Jung Yu-jin", "처음엔 다들 무모하다고 했다. 하지만", REQUIRED),
        ("body", "direct", "Jung Yu-jin", "창업 첫해에는", REQUIRED),
    ],
    "u5_sedaily_lead_quote.txt": [
        ("headline", "direct", "Kwak No-jeong", "HBM 주도권, 내년에도 지킨다", REQUIRED),
        ("body", "direct", "Kwak No-jeong", "AI 반도체 경쟁은 이제 속도전입니다. 고객이", REQUIRED),
        ("body", "direct", "Kwak No-jeong", "내년에도 HBM 시장", REQUIRED),
        ("body", "direct", "Kwak No-jeong", "HBM4 12단 제품을", REQUIRED),
        ("body", "direct", "Kwak No-jeong", "고객사와 일정을", REQUIRED),
        ("body", "direct", "Kyung Gye-hyeon", "메모리 업황이", REQUIRED),
        ("body", "direct", (None, "~industry"), "내년 HBM 공급 과잉", OPTIONAL),
        ("body", "direct", "Kwak No-jeong", "AI 시대에 메모리는", REQUIRED),
    ],
    "u6_etnews_two_kims.html": [
        ("headline", "direct", None, "내년 하반기 반등", REQUIRED),
        ("body", "direct", "Kim Dong-seop", "고객사 재고가", REQUIRED),
        ("body", "direct", "Kim Min-ho", "원가 경쟁력을", REQUIRED),
        ("body", "direct", "Kim Min-ho", "내년 하반기에는", REQUIRED),
        ("body", "direct", None, "중국산 저가 소재와의", REQUIRED),  # two 김 사장: never a guess
        ("body", "direct", "~industry official", "감산은 불가피하지만", REQUIRED),
        ("body", "direct", "Ministry of Trade, Industry and Energy", "소재 기업에 대한", REQUIRED),
        ("body", "direct", "Kim Dong-seop", "내년 1분기부터는", REQUIRED),
    ],
    "u7_chosunbiz_after.txt": [
        ("headline", "direct", (None, "~Apple"), "한국 개발자 생태계 키운다", REQUIRED),
        ("body", "direct", "Tim Cook", "한국 개발자들의 창의성은", REQUIRED),
        ("body", "direct", "Tim Cook", "한국에서 만든 앱이", REQUIRED),
        ("body", "direct", "Tim Cook", "앞으로 5년간 개발자 교육에", REQUIRED),
        ("body", "direct", "Tim Cook", "애플 디벨로퍼 아카데미를", REQUIRED),
        ("body", "direct", "Jung Min-seok", "앱스토어 수수료 부담이", REQUIRED),
        ("body", "direct", "~Apple representative", "중소 개발자 프로그램으로", REQUIRED),
        ("body", "direct", "Tim Cook", "내년 중 가능하도록", REQUIRED),
    ],
    "u8_mt_reported.txt": [
        ("headline", "direct", None, "금리 인하 늦어진다", REQUIRED),
        ("body", "reported", "Lee Gyeong-min", "미국의 금리 인하 속도가", REQUIRED),
        ("body", "direct", "Lee Gyeong-min", "달러 강세가 이어지면", REQUIRED),
        ("body", "reported", "Kim Hak-gyun", "시장이 지나치게 비관적", REQUIRED),
        ("body", "direct", "Kim Hak-gyun", "반도체 업황이 바닥을", REQUIRED),
        ("body", "direct", "Kim Hak-gyun", "내년 하반기부터 실적 개선이", REQUIRED),
        ("body", "direct", "~Bank of Korea official", "환율 변동성을", REQUIRED),
        ("body", "reported", "~experts", "당분간 보수적인 접근이", OPTIONAL),
    ],
    "u9_asiae_continuation.txt": [
        ("headline", "direct", None, "최저임금 인상 부담", REQUIRED),
        ("body", "direct", None, "야간 아르바이트생을", REQUIRED),  # "A씨(52)": no name to give
        ("body", "direct", "Jung Yeong-su", "편의점 점주의 절반 이상이", REQUIRED),
        (
            "body",
            "direct",
            "Jung Yeong-su",
            "정부가 업종별 차등 적용을 더는 미뤄서는 안 됩니다. 카드",
            REQUIRED,
        ),
        ("body", "direct", "Park Eun-jeong", "실질임금은 3년째", REQUIRED),
        ("body", "direct", "Ministry of Employment and Labor", "현장 의견을 충분히", REQUIRED),
    ],
    "u11_fnnews_joint.txt": [
        ("headline", "direct", None, "수수료 인하 여력 없다", REQUIRED),
        ("body", "direct", None, "더 이상 인하할 여력이", REQUIRED),  # two presidents "입을 모았다"
        ("body", "direct", "Moon Dong-gwon", "본업인 신용판매에서", REQUIRED),
        ("body", "direct", "Moon Dong-gwon", "고객 혜택 축소로", REQUIRED),
        ("body", "direct", "Moon Dong-gwon", "당국이 적격비용", REQUIRED),  # "그러면서 "…"고 덧붙였다"
        ("body", "direct", "Lee Chang-gwon", "고객들이 '혜택이 줄었다'", REQUIRED),
        ("body", "direct", "Kim So-yeong", "카드사의 비용 절감", REQUIRED),
        ("body", "direct", "~Financial Services Commission official", "연내 개편안을", REQUIRED),
    ],
    "u12_heraldcorp_pronoun.txt": [
        ("headline", "direct", None, "K-뷰티, 이제 미국이 본무대", REQUIRED),
        ("body", "direct", "Lee Seon-jeong", "미국 매장 1호점을", REQUIRED),
        ("body", "direct", "Lee Seon-jeong", "K-뷰티에 대한 현지 반응이", REQUIRED),  # "그녀는"
        ("body", "direct", "~industry official", "올리브영이 미국에 진출하면", REQUIRED),
        ("body", "direct", (None, "~industry"), "현지 유통 채널과의", OPTIONAL),
        ("body", "direct", "Lee Seon-jeong", "중소 브랜드와 함께", REQUIRED),
    ],
    "u13_dt_photos.txt": [
        ("body", "direct", "Choi Soo-yeon", "하이퍼클로바X를 기업 업무", REQUIRED),
        ("body", "direct", "Choi Soo-yeon", "한국어를 가장 잘", REQUIRED),
        ("body", "direct", "Choi Soo-yeon", "중동과 일본 시장도", REQUIRED),
        ("body", "direct", "Kim Yu-won", "공공 부문 수요가", REQUIRED),
        (
            "body",
            "direct",
            "Kim Yu-won",
            "중동에서 추가 수주를",
            REQUIRED,
        ),  # the only 김 대표 (김용범 is CFO)
    ],
    "u10_kbs_broadcast.txt": [
        ("headline", "direct", None, "가계 통신비 부담 커질 듯", REQUIRED),
        ("body", "direct", "Kim Hyeong-jin", "도매 대가가 오르면", REQUIRED),
        ("body", "direct", "~Ministry of Science and ICT official", "필요하면 중재에", REQUIRED),
    ],
}

# Words that name things or answer an interviewer, never a quote or a speaker's words
NEVER_QUOTES = ("AI 컴퓨팅 인프라 확충 방안", "K-반도체 원팀", "반도체대전(SEDEX) 2024")


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    found, failures = load_articles([DATA], BriefConfig())
    assert not failures
    return {Path(a.source).name: a for a in found}


@pytest.fixture(scope="module")
def quotes(articles: dict[str, Article]) -> dict[str, tuple[Quote, ...]]:
    people = load_people()
    return {name: extract_quotes(article, people) for name, article in articles.items()}


# ---------------------------------------------------------------- cleaning


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_is_cleaned(name: str, articles: dict[str, Article]) -> None:
    page, article = PAGES[name], articles[name]
    assert article.headline == page.headline
    assert article.outlet.en == page.outlet
    assert tuple(r.name for r in article.reporters) == page.reporters
    assert article.paragraphs[0].startswith(page.first), article.paragraphs[0]
    assert article.paragraphs[-1].startswith(page.last), article.paragraphs[-1]
    for prefix in page.captions:
        assert sum(c.startswith(prefix) for c in article.captions) == 1, article.captions
    assert len(article.captions) == len(page.captions), article.captions
    kept = (*article.paragraphs, *article.subheadlines, *(h.text for h in article.headings))
    for text in kept:
        assert not any(word in text for word in page.never), text
    for reporter in article.reporters:  # a newsroom's tip address is no reporter's e-mail
        assert not any(word in (reporter.email or "") for word in ("jebo", "kbs1234", "news@")), reporter


DATES = {
    "u1_yonhap_minister.txt": "2024-11-05",
    "u2_newsis_sources.txt": "2024-11-12",
    "u3_hankyung_earnings.txt": "2024-10-29",
    "u4_news1_interview.txt": "2024-11-20",
    "u5_sedaily_lead_quote.txt": "2024-10-23",
    "u6_etnews_two_kims.html": "2024-11-18",
    "u7_chosunbiz_after.txt": "2024-09-10",
    "u8_mt_reported.txt": "2024-11-25",
    "u9_asiae_continuation.txt": "2024-08-06",
    "u10_kbs_broadcast.txt": "2024-10-14",
    "u11_fnnews_joint.txt": "2024-12-02",
    "u12_heraldcorp_pronoun.txt": "2024-09-03",
    "u13_dt_photos.txt": "2024-08-27",
}


def test_section_heading_is_kept_apart(articles: dict[str, Article]) -> None:
    article = articles["u13_dt_photos.txt"]
    assert [(h.text, h.before) for h in article.headings] == [("해외 진출 가속", 4)]


def test_publication_dates(articles: dict[str, Article]) -> None:
    assert {name: str(a.date) for name, a in articles.items()} == DATES


# ---------------------------------------------------------------- quotes


def _speaker_fits(quote: Quote, spec: Spec) -> bool:
    if isinstance(spec, tuple):
        return any(_speaker_fits(quote, one) for one in spec)
    speaker = quote.speaker
    if spec is None:
        return speaker.kind == "unknown"
    if spec.startswith("~"):
        return speaker.kind == "unnamed" and spec[1:] in (speaker.en or "")
    return speaker.kind != "unknown" and speaker.en == spec


def _fits(quote: Quote, gold: Gold) -> bool:
    location, kind, spec, prefix, _optional = gold
    return (
        quote.location == location
        and quote.kind == kind
        and quote.text_ko.startswith(prefix)
        and _speaker_fits(quote, spec)
    )


def _score(name: str, found: tuple[Quote, ...]) -> tuple[int, int, int, list[str]]:
    """(hits, counted found, counted gold, problems) for one article."""
    unused = list(QUOTES[name])
    hits, counted, problems = 0, 0, []
    for quote in found:
        match = next((g for g in unused if _fits(quote, g)), None)
        if match is not None:
            unused.remove(match)
            if not match[4]:
                hits += 1
                counted += 1
            continue
        counted += 1
        problems.append(f"wrong or extra: {quote.location} {quote.speaker.label} | {quote.text_ko[:30]}")
    missing = [g for g in unused if not g[4]]
    problems += [f"missing: {g[0]} {g[2]} | {g[3]}" for g in missing]
    return hits, counted, hits + len(missing), problems


@pytest.mark.parametrize("name", sorted(QUOTES))
def test_every_quote_with_its_speaker(name: str, quotes: dict[str, tuple[Quote, ...]]) -> None:
    _hits, _found, _gold, problems = _score(name, quotes[name])
    assert not problems, problems


def test_precision_and_recall(quotes: dict[str, tuple[Quote, ...]]) -> None:
    hits = found = gold = 0
    for name in QUOTES:
        h, f, g, _problems = _score(name, quotes[name])
        hits, found, gold = hits + h, found + f, gold + g
    precision, recall = hits / max(found, 1), hits / max(gold, 1)
    print(
        f"\ndevelopment pages: precision {precision:.3f} ({hits}/{found}), "
        f"recall {recall:.3f} ({hits}/{gold})"
    )
    assert precision >= 0.95 and recall >= 0.95


def test_names_of_things_are_not_quotes(quotes: dict[str, tuple[Quote, ...]]) -> None:
    texts = {q.text_ko for found in quotes.values() for q in found}
    assert not texts & set(NEVER_QUOTES)


def test_people_outside_the_table_are_romanized_and_unverified(quotes: dict[str, tuple[Quote, ...]]) -> None:
    named = [q.speaker for found in quotes.values() for q in found if q.speaker.kind == "named"]
    speakers = {s.ko: s for s in named}
    assert speakers["유상임"].verified and speakers["유상임"].title == "Minister"
    for ko in ("이해민", "이동훈", "곽노정", "김동섭", "김민호", "박서연"):
        assert ko in speakers and not speakers[ko].verified, ko
    assert speakers["이동훈"].title == "Chairman"
    assert speakers["김민호"].title == "President"


def test_wrong_speaker_is_never_given(quotes: dict[str, tuple[Quote, ...]]) -> None:
    """The ambiguous "김 사장" of the Electronic Times page goes to neither Kim."""
    found = quotes["u6_etnews_two_kims.html"]
    quote = next(q for q in found if q.text_ko.startswith("중국산 저가"))
    assert quote.speaker.kind == "unknown"
