"""Units of the cleaning stage: normalisation, clutter rules, captions, bylines, dates, outlets."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.clean import clean_text, load_outlets, normalize_text, resolve_relative_date
from brief.clean.boilerplate import boilerplate_reason, is_copyright, is_metadata_numbers, is_prose
from brief.clean.captions import caption_text, is_credit_only
from brief.clean.dates import dateline_date, epoch_ms_dates, filename_date
from brief.clean.metadata import email_only, leading_byline, reporter_line, trailing_byline
from brief.errors import InputError


# ---------------------------------------------------------------- normalisation
@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("ＫＴ　１２３", "KT 123"),  # full-width letters, digits and the ideographic space
        ("a\u00a0b\u2009c", "a b c"),  # no-break and thin spaces
        ("제\u200b목\ufeff", "제목"),  # zero-width space, BOM inside the text
        ("（괄호）［사진＝KT］", "(괄호)[사진=KT]"),  # harmless full-width punctuation
        ("＂인용＂ ＇작은＇", "＂인용＂ ＇작은＇"),  # full-width quotes stay as printed
        ("'AI 동맹’ “큰 손” 「책」", "'AI 동맹’ “큰 손” 「책」"),  # quotes kept exactly
        ("현대重·카이스트", "현대重·카이스트"),  # Hanja abbreviations kept
        ("a\r\nb\rc\u2028d", "a\nb\nc\nd"),  # every line break becomes \n
        ("  앞뒤 공백  \n\n\n\n다음", "앞뒤 공백\n\n다음"),  # stripped lines, one blank line at most
        ("\u1100\u1161\u11a8", "각"),  # NFC: conjoining jamo compose
        ("탭\t문자\x07", "탭 문자"),  # tab to space, control characters dropped
    ],
)
def test_normalize(raw: str, want: str) -> None:
    assert normalize_text(raw) == want


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_normalize_is_idempotent_and_nfc(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\u00a0" not in once and "\u200b" not in once and "\r" not in once


HANGUL_LINES = st.lists(
    st.text(
        alphabet=st.sampled_from("가나다라마바사아자차카타파하 .,\"'‘’“”·…△[]=/()0123456789KT"), max_size=80
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(HANGUL_LINES)
def test_clean_text_never_crashes(lines: list[str]) -> None:
    """Any text either cleans into an Article whose body comes from the input, or raises InputError."""
    text = "\n".join(lines)
    try:
        article = clean_text(text)
    except InputError:
        return
    # layout repair joins hard-wrapped lines: a paragraph is a run of the input's lines, joined
    flat = re.sub(r"\s+", "", normalize_text(text))
    for paragraph in article.paragraphs:
        assert paragraph
        assert re.sub(r"\s+", "", paragraph) in flat
    assert len(set(article.captions)) == len(article.captions)


# ---------------------------------------------------------------- clutter
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("본문으로 바로가기", "skip link"),
        ("주메뉴 바로가기", "skip link"),
        ("글자크기", "page tool"),
        ("글자크기 조절", "page tool"),
        ("print", "page tool"),
        ("인쇄하기", "page tool"),
        ("URL 복사", "page tool"),
        ("Chat ×", "page tool"),
        ("0 Comments", "comment widget"),
        ("댓글 12", "comment widget"),
        ("첫 번째 댓글을 작성해 보세요.", "comment widget"),
        ("첫 번째 댓글을 남겨주세요.", "comment widget"),
        ("로딩중", "comment widget"),
        ("뉴스톡톡 인기 댓글을 확인해보세요.", "comment widget"),
        ("댓글 쓰기 제목 [어떤 기사] 제목이 여기에", "comment widget"),
        ("<이미지를 클릭하시면 크게 보실 수 있습니다>", "image hint"),
        ("기사가 속한 카테고리는 언론사가 분류합니다.", "portal note"),
        ("언론사는 한 기사를 두 개 이상의 카테고리로 분류할 수 있습니다.", "portal note"),
        ("▶ 네이버에서 연합뉴스 구독하기", "promotion"),
        ("M 최고관리자 0 43", "board widget"),
        ("[광고]", "advertisement"),
        ("많이 본 뉴스", "navigation header"),
        ("실시간 뉴스", "navigation header"),
        ("주요뉴스", "navigation header"),
        ("포토뉴스", "navigation header"),
        ("관련기사 더보기", "navigation header"),
        ("이 기자의 다른 기사", "navigation header"),
        ("<끝>", "end mark"),
        ("…", "symbols only"),
    ],
)
def test_boilerplate_rules(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "KT는 26일 MS AI 투어 인 서울에 참여해 성과를 공개했다.",
        '그는 "댓글 기능을 개선하겠다"고 말했다.',
        "인쇄 업계는 종이값 상승에 어려움을 겪고 있다.",
        "KT 구현모, 현대重·카이스트와 `AI 원팀`",
        "MS, KT와 5년 간 전략적 파트너십 맺어",
        "3분기 영업이익 5조원",
    ],
)
def test_article_lines_are_not_clutter(line: str) -> None:
    assert boilerplate_reason(line) is None
    assert not is_copyright(line)
    assert not is_metadata_numbers(line)


@pytest.mark.parametrize(
    "line",
    [
        "ⓒ이코노미스트(https://economist.co.kr) '내일을 위한 경제뉴스 이코노미스트' 무단 전재 및 재배포 금지",
        "[ⓒ 매일경제 & mk.co.kr, 무단전재 및 재배포 금지]",
        "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>",
        "Copyright © ZDNet Korea. All rights reserved.",
        "저작권자 © 전자신문 무단전재 및 재배포 금지",
    ],
)
def test_copyright_lines(line: str) -> None:
    assert is_copyright(line)


def test_metadata_number_line_is_clutter_and_date_evidence() -> None:
    line = (
        "58260680 0182020022058260680 08 0803001 6.1.3-RELEASE 18 매일경제 29182869 false true true "
        "false 1582188316000 1582188369000 KT AI 1등 국가 산학연 원팀 결성 2002211401"
    )
    assert is_metadata_numbers(line)
    found = epoch_ms_dates(line)
    assert [d for d, _ in found] == [dt.date(2020, 2, 20), dt.date(2020, 2, 20)]
    assert found[0][1].kind == "epoch_ms" and found[0][1].text == "1582188316000"


def test_epoch_is_read_in_seoul_time() -> None:
    # 2024-09-30 15:30 UTC is already 1 October in Seoul
    stamp = int(dt.datetime(2024, 9, 30, 15, 30, tzinfo=dt.timezone.utc).timestamp() * 1000)
    assert epoch_ms_dates(f"id 123456789 {stamp} x y")[0][0] == dt.date(2024, 10, 1)


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("유상임 과학기술정보통신부 장관도 축사에 나섰다.", True),
        (
            '"KT클라우드 역할 축소에 대한 걱정들이 있으신 것 같은데, '
            '저희들이 생각하는 바는 전혀 그렇지 않습니다."',
            True,
        ),
        ('최지웅 KT클라우드 대표 "KT-MS 협력, 역으로 더 성장할 수 있는 기반 마련된 것"', False),
        ("[뉴스메이커] MS와 'AI 동맹' 맺은 KT…김영섭 대표 \"협업 통해 AI·데이터 주권 확보해야\" …", False),
    ],
)
def test_is_prose(line: str, prose: bool) -> None:
    assert is_prose(line) is prose


# ---------------------------------------------------------------- captions
@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "김영섭(왼쪽) KT 대표가 기념촬영하고 있다. / KT",
            "김영섭(왼쪽) KT 대표가 기념촬영하고 있다.",
            "/ KT",
        ),
        ("김영섭 KT 대표가 발언하고 있다. [사진=KT]", "김영섭 KT 대표가 발언하고 있다.", "[사진=KT]"),
        (
            "김영섭 KT 대표(가운데)가 답변하고 있다. [사진 KT]",
            "김영섭 KT 대표(가운데)가 답변하고 있다.",
            "[사진 KT]",
        ),
        ("협약식이 열렸다. [사진 제공 = KT]", "협약식이 열렸다.", "[사진 제공 = KT]"),
        ("대표가 답변하고 있다. [사진=안세준 기자]", "대표가 답변하고 있다.", "[사진=안세준 기자]"),
        (
            "평택캠퍼스 전경 [삼성전자 제공. 재판매 및 DB 금지]",
            "평택캠퍼스 전경",
            "[삼성전자 제공. 재판매 및 DB 금지]",
        ),
        ("공장 조감도. 사진=LG에너지솔루션", "공장 조감도.", "사진=LG에너지솔루션"),
        ("시민들이 지나고 있다. 한겨레 자료사진", "시민들이 지나고 있다.", "한겨레 자료사진"),
        ("발표하고 있다. (사진=네이버)", "발표하고 있다.", "(사진=네이버)"),
        ("물류센터 내부 모습. /사진제공=쿠팡", "물류센터 내부 모습.", "/사진제공=쿠팡"),
        ('김 대표는 "협력하겠다"고 말했다.', '김 대표는 "협력하겠다"고 말했다.', None),
        ("가격은 3만원/kg이다.", "가격은 3만원/kg이다.", None),
        ("그는 이렇게 말했다. /홍길동 기자", "그는 이렇게 말했다. /홍길동 기자", None),
    ],
)
def test_caption_credit(line: str, caption: str, credit: str | None) -> None:
    assert caption_text(line) == (caption, credit)


@pytest.mark.parametrize(
    ("line", "only"),
    [("[사진=KT]", True), (" [사진 제공 = KT] ", True), ("사진=연합뉴스", True), ("[KT-MS 동맹]", False)],
)
def test_credit_only(line: str, only: bool) -> None:
    assert is_credit_only(line) is only


def test_caption_without_credit_separated_once() -> None:
    text = (
        "정부가 새 정책을 발표했다. 관계 부처가 함께 준비했다.\n"
        "장관이 브리핑을 하고 있다.\n장관이 브리핑을 하고 있다.\n"
        "사진 왼쪽부터 김철수 차관, 이영희 국장.\n"
        "정책은 다음달 시행된다. 세부 내용은 추후 공개된다.\n"
    )
    article = clean_text(text)
    assert article.captions == ("장관이 브리핑을 하고 있다.", "사진 왼쪽부터 김철수 차관, 이영희 국장.")
    assert article.paragraphs == (
        "정부가 새 정책을 발표했다. 관계 부처가 함께 준비했다.",
        "정책은 다음달 시행된다. 세부 내용은 추후 공개된다.",
    )


# ---------------------------------------------------------------- bylines
@pytest.mark.parametrize(
    ("line", "outlet", "reporters", "rest"),
    [
        (
            '[아이뉴스24 안세준·윤소진 기자] "본문이다."',
            "아이뉴스24",
            [("안세준", None), ("윤소진", None)],
            '"본문이다."',
        ),
        (
            "[이코노미스트 라예진 기자] 글로벌 기업이 나선다.",
            "이코노미스트",
            [("라예진", None)],
            "글로벌 기업이 나선다.",
        ),
        ("(서울=연합뉴스) 홍길동 기자 = 정부가 밝혔다.", "연합뉴스", [("홍길동", None)], "정부가 밝혔다."),
        ("[서울=뉴시스]최민지 기자 = 현대차가 밝혔다.", "뉴시스", [("최민지", None)], "현대차가 밝혔다."),
        ("[임영신 기자] 산학연이 뭉쳤다.", None, [("임영신", None)], "산학연이 뭉쳤다."),
        (
            "(세종=뉴스1) 김하늘 이바다 기자 = 예산이 늘었다.",
            "뉴스1",
            [("김하늘", None), ("이바다", None)],
            "예산이 늘었다.",
        ),
        ("【서울=뉴시스】김철수 기자 = 수출이 늘었다.", "뉴시스", [("김철수", None)], "수출이 늘었다."),
        ("[헤럴드경제=김철수 기자] 물가가 올랐다.", "헤럴드경제", [("김철수", None)], "물가가 올랐다."),
        (
            "[아시아경제 김철수 기자, 이영희 기자] 금리가 내렸다.",
            "아시아경제",
            [("김철수", None), ("이영희", None)],
            "금리가 내렸다.",
        ),
    ],
)
def test_leading_byline(line: str, outlet: str | None, reporters: list, rest: str) -> None:
    found = leading_byline(line)
    assert found is not None
    byline, body = found
    assert byline.outlet == outlet
    assert list(byline.reporters) == reporters
    assert body == rest


@pytest.mark.parametrize(
    "line",
    ['[KT-MS 동맹] 김영섭 KT 대표 "그렇지 않다"', "KT는 26일 밝혔다.", "김영섭 KT 대표가 말했다."],
)
def test_no_leading_byline(line: str) -> None:
    assert leading_byline(line) is None


@pytest.mark.parametrize(
    ("line", "outlet", "reporters"),
    [
        ("[임영신 기자]", None, [("임영신", None)]),
        ("김광연 기자", None, [("김광연", None)]),
        ("아주경제=윤선훈 기자 [email protected]", "아주경제", [("윤선훈", None)]),
        (
            "/안세준 기자(nocount-jun@inews24.com),윤소진 기자(sojin@inews24.com)",
            None,
            [("안세준", "nocount-jun@inews24.com"), ("윤소진", "sojin@inews24.com")],
        ),
        ("김민수 기자 kimms@hankyung.com", None, [("김민수", "kimms@hankyung.com")]),
        ("이정민 기자(jmlee@zdnet.co.kr)", None, [("이정민", "jmlee@zdnet.co.kr")]),
        ("워싱턴=김철수 특파원", "워싱턴", [("김철수", None)]),
    ],
)
def test_reporter_line(line: str, outlet: str | None, reporters: list) -> None:
    byline = reporter_line(line)
    assert byline is not None
    assert byline.outlet == outlet
    assert list(byline.reporters) == reporters


@pytest.mark.parametrize(
    "line", ["김영섭 KT 대표가 기자간담회에서 말했다.", "기자간담회", "[사진=안세준 기자] 설명"]
)
def test_not_a_reporter_line(line: str) -> None:
    assert reporter_line(line) is None


def test_trailing_byline_and_contact_lines() -> None:
    found = trailing_byline("그는 이렇게 말했다. /홍길동 기자 hong@example.co.kr")
    assert found is not None
    assert found[1] == "그는 이렇게 말했다."
    assert list(found[0].reporters) == [("홍길동", "hong@example.co.kr")]
    assert email_only("fun3503@chosunbiz.com") == "fun3503@chosunbiz.com"
    assert email_only("◎공감언론 뉴시스 choimj@newsis.com") == "choimj@newsis.com"
    assert email_only("[email protected]") == ""
    assert email_only("문의는 이메일로 했다. a@b.com") is None


# ---------------------------------------------------------------- dates
@pytest.mark.parametrize(
    ("line", "date", "update"),
    [
        ("입력 2024.10.01 14:13", dt.date(2024, 10, 1), False),
        ("입력2024.10.03 09:12 수정2024.10.03 09:40", dt.date(2024, 10, 3), False),
        ("수정: 2024/10/05 10:30", dt.date(2024, 10, 5), True),
        ("2024/10/02 15:30 송고", dt.date(2024, 10, 2), False),
        ("송고시간2024-10-02 15:30", dt.date(2024, 10, 2), False),
        ("2024년 10월 1일 (화) 오후 2:13", dt.date(2024, 10, 1), False),
        ("기사입력 2024.10.06 08:00", dt.date(2024, 10, 6), False),
    ],
)
def test_dateline(line: str, date: dt.date, update: bool) -> None:
    found = dateline_date(line)
    assert found is not None
    assert found[0] == date and found[2] is update and found[1].kind == "explicit"


@pytest.mark.parametrize(
    "line",
    [
        "KT는 2024년 10월 1일 새 서비스를 내놓는다고 밝혔다.",
        "2024.13.45 입력",
        "지난 2019년 3월 5일 이후 처음으로 열린 회의다",
    ],
)
def test_no_dateline_in_sentences(line: str) -> None:
    assert dateline_date(line) is None


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("newhub_20241001141329492045.jpg", dt.date(2024, 10, 1)),
        ("https://img.example.com/news/2024/10/07/abc.jpg", dt.date(2024, 10, 7)),
        ("photo_20241399.jpg", None),
        ("logo.png", None),
    ],
)
def test_filename_date(name: str, date: dt.date | None) -> None:
    found = filename_date(name)
    assert (found[0] if found else None) == date


PUB = dt.date(2024, 10, 1)


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("지난달 30일", PUB, dt.date(2024, 9, 30)),
        ("KT는 지난달 30일 MS와 파트너십을 체결했다고 밝혔다.", PUB, dt.date(2024, 9, 30)),
        ("30일", PUB, dt.date(2024, 9, 30)),  # a day after the publication day is last month
        ("1일", PUB, dt.date(2024, 10, 1)),
        ("26일", dt.date(2024, 10, 26), dt.date(2024, 10, 26)),
        ("오는 5일", dt.date(2024, 10, 25), dt.date(2024, 11, 5)),
        ("다음달 3일", dt.date(2024, 12, 20), dt.date(2025, 1, 3)),
        ("지난해 9월 30일", PUB, dt.date(2023, 9, 30)),
        ("9월 30일", PUB, dt.date(2024, 9, 30)),
        ("지난 12월 30일", dt.date(2024, 1, 5), dt.date(2023, 12, 30)),
        ("2019년 3월 5일", None, dt.date(2019, 3, 5)),  # absolute: needs no publication date
        ("전날", PUB, dt.date(2024, 9, 30)),
        ("이날", PUB, PUB),
        ("지난달 31일", PUB, None),  # 31 September does not exist
        ("26일", None, None),  # no publication date, no guess
        ("지난해 9월", PUB, None),  # no day
        ("3일간", PUB, None),  # a duration, not a date
        ("오늘날 AI는", PUB, None),
    ],
)
def test_resolve_relative_date(text: str, published: dt.date | None, want: dt.date | None) -> None:
    assert resolve_relative_date(text, published) == want


def test_no_evidence_no_date() -> None:
    article = clean_text("KT는 26일 새 요금제를 내놓았다. 지난달 30일 발표한 계획의 후속이다.\n홍길동 기자")
    assert article.date is None and article.date_evidence is None


# ---------------------------------------------------------------- outlets
@pytest.mark.parametrize(
    ("key", "ko", "en"),
    [
        ("fun3503@chosunbiz.com", "조선비즈", "ChosunBiz"),
        ("nocount-jun@inews24.com", "아이뉴스24", "iNews24"),
        ("https://economist.co.kr", None, None),
        ("news.mk.co.kr", "매일경제", "Maeil Business Newspaper"),
        ("hong@yna.co.kr", "연합뉴스", "Yonhap"),
        ("someone@gmail.com", None, None),
    ],
)
def test_outlet_by_domain(key: str, ko: str | None, en: str | None) -> None:
    entry = load_outlets().by_domain(key.split("//")[-1])
    if ko is None and "economist" in key:
        assert entry is not None and entry.ko == "이코노미스트"
        return
    assert (entry.ko if entry else None, entry.en if entry else None) == (ko, en)


@pytest.mark.parametrize(
    ("name", "ko"),
    [
        ("아주경제", "아주경제"),
        ("매경", "매일경제"),
        ("ZDNet Korea", "지디넷코리아"),
        ("한겨레신문사", "한겨레"),
    ],
)
def test_outlet_names(name: str, ko: str) -> None:
    table = load_outlets()
    entry = table.by_name(name) or table.find_in(name)
    assert entry is not None and entry.ko == ko


@pytest.mark.parametrize(
    "ko",
    [
        "조선비즈",
        "아이뉴스24",
        "이코노미스트",
        "매일경제",
        "아주경제",
        "연합뉴스",
        "중앙일보",
        "한겨레",
        "동아일보",
        "한국경제",
        "머니투데이",
        "전자신문",
        "지디넷코리아",
        "뉴시스",
        "뉴스1",
        "서울경제",
    ],
)
def test_outlet_table_covers_the_big_outlets(ko: str) -> None:
    entry = load_outlets().by_name(ko)
    assert entry is not None and entry.en and entry.domains


def test_user_outlet_table(tmp_path) -> None:
    extra = tmp_path / "outlets.toml"
    extra.write_text(
        '[[outlet]]\nko = "동네신문"\nen = "Village Daily"\ndomains = ["village.kr"]\n', encoding="utf-8"
    )
    table = load_outlets((extra,))
    assert table.by_domain("a@village.kr").en == "Village Daily"
    assert table.by_name("조선비즈") is not None


# ---------------------------------------------------------------- whole texts
def test_ranked_list_removed_as_a_block_even_before_the_article() -> None:
    text = (
        "많이 본 뉴스\n1첫째 기사 제목\n\n2둘째 기사 제목\n3셋째 기사 제목\n"
        "3분기 실적 호조에 주가 급등\n"
        "회사는 3분기 영업이익이 크게 늘었다고 밝혔다. 시장 기대를 웃돈 수치다.\n"
    )
    article = clean_text(text)
    assert article.headline == "3분기 실적 호조에 주가 급등"
    assert article.paragraphs == ("회사는 3분기 영업이익이 크게 늘었다고 밝혔다. 시장 기대를 웃돈 수치다.",)
    assert [r.reason for r in article.removed].count("ranked list") == 3


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("This page has no Korean at all.\nOnly English text here.", "no Korean text"),
        ("본문으로 바로가기\n글자크기\n0 Comments\n로딩중", "no article text"),
        ("짧은 제목\n많이 본 뉴스", "no article text"),
    ],
)
def test_no_article_raises_input_error(text: str, problem: str) -> None:
    with pytest.raises(InputError) as info:
        clean_text(text, source="page.txt")
    assert problem in info.value.problem
    assert info.value.path == "page.txt"


# ---------------------------------------------------------------- other page styles
def test_link_list_inside_the_article_is_removed() -> None:
    text = (
        "정부가 반도체 지원 대책을 내놨다. 세액공제를 늘리는 것이 핵심이다.\n"
        "관련기사\n삼성전자, 신제품 공개\nLG전자 실적 발표\n"
        "업계는 대책을 환영했다. 다만 실효성은 지켜봐야 한다는 의견도 나왔다.\n"
    )
    article = clean_text(text)
    assert article.paragraphs == (
        "정부가 반도체 지원 대책을 내놨다. 세액공제를 늘리는 것이 핵심이다.",
        "업계는 대책을 환영했다. 다만 실효성은 지켜봐야 한다는 의견도 나왔다.",
    )
    assert article.headings == ()
    assert [r.text for r in article.removed if r.reason == "link list"] == [
        "삼성전자, 신제품 공개",
        "LG전자 실적 발표",
    ]


def test_portal_page_with_breadcrumbs_sections_and_dateline_byline() -> None:
    text = (
        "홈 > 경제 > 산업\n"
        "IT·과학\n"
        "[단독] 카카오, AI 비서 내년 출시\n"
        "- 대화형 서비스로 검색 대체 노려\n"
        "입력 2024.10.08. 오전 9:10 | 김하늘 기자\n"
        "기사제공 한국경제\n"
        "[사진=카카오] 정신아 카카오 대표가 발표하고 있다.\n"
        "▲ 카카오 판교 아지트 전경. 사진은 기사와 관련 없음\n"
        "카카오가 인공지능(AI) 비서 서비스를 내년에 내놓는다.\n"
        "회사는 8일 이런 계획을 밝혔다. (사진=뉴시스)\n"
        "김하늘 기자 구독\n"
    )
    article = clean_text(text)
    assert article.headline == "[단독] 카카오, AI 비서 내년 출시"
    assert article.subheadlines == ("대화형 서비스로 검색 대체 노려",)
    assert article.date == dt.date(2024, 10, 8)
    assert [r.name for r in article.reporters] == ["김하늘"]
    assert (article.outlet.ko, article.outlet.en) == ("한국경제", "The Korea Economic Daily")
    assert article.captions == (
        "정신아 카카오 대표가 발표하고 있다.",
        "카카오 판교 아지트 전경. 사진은 기사와 관련 없음",
    )
    assert article.paragraphs == (
        "카카오가 인공지능(AI) 비서 서비스를 내년에 내놓는다.",
        "회사는 8일 이런 계획을 밝혔다.",
    )


def test_paragraph_with_a_glued_photo_credit_stays_in_the_body() -> None:
    long = "정부는 이날 대책을 발표했다. " * 12
    article = clean_text(f"{long.strip()} (사진=연합뉴스)\n두 번째 문단이다. 내용이 이어진다.")
    assert article.paragraphs[0] == long.strip()
    assert article.captions == ()


def test_outlet_tag_opening_the_body() -> None:
    article = clean_text(
        "정부 예산안 국회 제출\n[파이낸셜뉴스] 정부가 내년 예산안을 국회에 제출했다. 역대 최대 규모다."
    )
    assert article.paragraphs == ("정부가 내년 예산안을 국회에 제출했다. 역대 최대 규모다.",)
    assert (article.outlet.ko, article.outlet.en) == ("파이낸셜뉴스", "The Financial News")


@pytest.mark.parametrize(
    "url",
    [
        "https://www.hankyung.com/article/2024/10/11/ABC123",
        "https://www.hankyung.com/news/2019/3/7/1234567/",
        "http://www.hankyung.com/2021/12/01/economy/chips.html",
    ],
)
def test_a_url_line_is_removed_and_is_outlet_evidence_but_dates_nothing(url: str) -> None:
    """A link printed in the page (the source of a re-post, a related story) is not the page's own
    address: a date in its path is no evidence of when this text was published."""
    article = clean_text(
        f"{url}\n반도체 수출이 석 달 연속 늘었다. 산업통상자원부가 11일 발표한 통계에 따른 것이다."
    )
    assert article.date is None and article.date_evidence is None
    assert article.outlet.ko == "한국경제"
    assert [r.reason for r in article.removed] == ["link"]


def test_question_headline_is_a_headline() -> None:
    article = clean_text(
        "삼성전자 주가, 어디까지 오를까?\n"
        "증권가는 삼성전자 목표주가를 잇달아 올리고 있다. 실적 개선 기대가 크다."
    )
    assert article.headline == "삼성전자 주가, 어디까지 오를까?"
    assert article.paragraphs == ("증권가는 삼성전자 목표주가를 잇달아 올리고 있다. 실적 개선 기대가 크다.",)


def test_short_first_sentence_is_body_not_headline() -> None:
    article = clean_text(
        "정부가 금리를 올렸다.\n시장은 예상된 결과라는 반응을 보였다. 채권 금리는 소폭 올랐다."
    )
    assert article.headline is None
    assert article.paragraphs[0] == "정부가 금리를 올렸다."


@pytest.mark.parametrize("button", ["Click here!", "¡Sorpréndeme!", "Read more?"])
def test_a_foreign_button_over_the_title_is_no_headline(button: str) -> None:
    article = clean_text(
        f"{button}\n\n정부, 기준금리 석 달째 동결\n\n정부는 7일 금리를 동결했다고 밝혔다. 시장은 차분했다."
    )
    assert article.headline == "정부, 기준금리 석 달째 동결"


@pytest.mark.parametrize(
    ("masthead", "known"),
    [("가나 청소년신문", False), ("다라 경제 뉴스", False), ("한국경제", True)],
)
def test_the_sites_name_over_the_title_is_no_headline(masthead: str, known: bool) -> None:
    article = clean_text(
        f"{masthead}\n\n기준금리 석 달째 동결 배경은\n\n홍길동 | 2024.10.13 09:00 | 조회 380\n"
        "정부는 7일 금리를 동결했다고 밝혔다. 시장은 차분했다."
    )
    assert article.headline == "기준금리 석 달째 동결 배경은"
    assert article.outlet.ko == masthead
    assert bool(article.outlet.en) is known


def test_an_outlets_name_alone_is_still_the_headline_when_nothing_follows() -> None:
    article = clean_text("가나 청소년신문\n\n정부는 7일 금리를 동결했다고 밝혔다. 시장은 차분했다.")
    assert article.paragraphs == ("정부는 7일 금리를 동결했다고 밝혔다. 시장은 차분했다.",)


@pytest.mark.parametrize(
    "title",
    [
        "여야 대표의 '뜨거운 안녕' / JTBC 정치부회의",
        "시장 상인들의 겨울나기 / KBS 생생정보",
        "개막전 앞둔 감독의 각오 / SBS 스포츠 투데이",
    ],
)
def test_a_title_signed_with_the_outlet_and_its_programme_is_the_headline(title: str) -> None:
    body = "여야 대표가 마지막 회의를 마쳤습니다. 두 사람은 덕담을 건넸습니다."
    article = clean_text(f"감사합니다! 친구들과 공유해주세요!\n\n{title}\n\n{body}")
    assert article.headline == title
    assert article.captions == ()


@pytest.mark.parametrize(
    "line", ["감사합니다! 친구들과 공유해주세요!", "고맙습니다. 이 기사를 공유해 주세요."]
)
def test_a_share_request_with_a_courtesy_is_a_widget(line: str) -> None:
    from brief.clean.boilerplate import boilerplate_reason

    assert boilerplate_reason(line) == "reader widget"
    assert boilerplate_reason("감사합니다.") is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("등록일 2015-10-21 02:01 게재일 2015-10-21 10면", dt.date(2015, 10, 21)),
        ("입력일 2020.01.02 수정일 2020.01.03", dt.date(2020, 1, 2)),
        ("작성일 : 2021-07-04 09:30 게시일 : 2021-07-04", dt.date(2021, 7, 4)),
    ],
)
def test_a_dateline_of_two_labelled_dates_with_il(line: str, date: dt.date) -> None:
    """Labels ending in 일 ("등록일", "게재일") are labels whole, so two of them on one line still make a
    dateline (the first, the publication, dates the article)."""
    found = dateline_date(line)
    assert found is not None and found[0] == date
