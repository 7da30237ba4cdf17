"""Who may be named: agencies, parties, courts, companies, places and titles never become people; every
named person is the right one. Sentences written for this test (table-driven; one quote each)."""

from __future__ import annotations

import pytest

from brief.people import PeopleTable, load_people
from brief.quotes import extract_quotes
from brief.records import Article, Outlet, Speaker

# (sentence, expected): None = nobody named (unknown or an unnamed role); ("org", KO) = the organisation
# or body speaks; (KO, English title or None) = that person, with that title
Expected = tuple[str, str | None] | None

NO_PERSON: list[tuple[str, Expected]] = [
    ('국방부 대변인은 "연합훈련은 예정대로 진행된다"고 말했다.', None),
    ('국토부 장관은 "주택 공급을 크게 늘리겠다"고 밝혔다.', None),
    ('민주당 대표는 "국민이 반드시 심판할 것"이라고 말했다.', None),
    ('연준 의장은 "금리를 당분간 동결한다"고 말했다.', None),
    ('한은 총재는 "물가 안정이 최우선"이라고 강조했다.', None),
    ('기재부 차관은 "세수 결손을 메우겠다"고 말했다.', None),
    ('금융위 부위원장은 "대출 규제를 점검하겠다"고 밝혔다.', None),
    ('금감원 원장은 "불법 공매도를 엄단하겠다"고 말했다.', None),
    ('국정원 관계자는 "사실관계를 확인 중"이라고 말했다.', None),
    ('방통위 위원장은 "공정한 심의를 하겠다"고 말했다.', None),
    ('공정위 사무처장은 "담합을 끝까지 추적하겠다"고 밝혔다.', None),
    ('조달청 차장은 "입찰 절차를 바꾸겠다"고 말했다.', None),
    ('경찰청 수사국장은 "엄정하게 수사하겠다"고 밝혔다.', None),
    ('국무부 대변인은 "동맹은 굳건하다"고 말했다.', None),
    ('국민의힘 원내대표는 "특검은 받을 수 없다"고 말했다.', None),
    ('정의당 대표는 "노동자를 지키겠다"고 말했다.', None),
    ('진보당 대변인은 "즉각 철회하라"고 말했다.', None),
    ('연준 부의장은 "인플레이션이 둔화됐다"고 말했다.', None),
    ('미국 대통령은 "무역 적자를 줄이겠다"고 말했다.', None),
    ('중국 외교부 대변인은 "명백한 내정 간섭"이라고 말했다.', None),
    ('일본 총리는 "협력을 강화하겠다"고 말했다.', None),
    ('소방청장은 "구조 인력을 늘리겠다"고 말했다.', None),
    ('경기도지사는 "도민 안전이 먼저"라고 말했다.', None),
    ('한빛그룹 회장은 "위기를 기회로 삼자"고 말했다.', None),
    ('이번에는 "정말 달라질 것"이라고 말했다.', None),
    ('이날도 "협상은 계속된다"고 말했다.', None),
    ('신임 사장은 "조직을 바꾸겠다"고 말했다.', None),
    ('차기 회장은 "혁신을 이어가겠다"고 말했다.', None),
    ('한편 당국은 "시장을 면밀히 보겠다"고 밝혔다.', None),
    ('업계 관계자는 "가격 인상은 불가피하다"고 말했다.', None),
    ('정부 고위 관계자는 "추경은 없다"고 말했다.', None),
    ('전문가들은 "경기 둔화가 길어질 것"이라고 말했다.', None),
    ('서진우가 처리한 일과 관련해 "모두가 잘해 줬다"고 말했다.', None),
    ('주민 김모(45)씨는 "밤새 한숨도 못 잤다"고 말했다.', None),
    ('김모 씨는 "아무것도 모른다"고 했다.', None),
    ('신세계는 "사실과 다르다"고 밝혔다.', None),  # a company that reads like a name
    ('정관장은 "선수 영입을 마쳤다"고 밝혔다.', None),  # a brand with a family-name first syllable
    ('김영사는 "신간 출간을 미룬다"고 밝혔다.', None),
    ('이마트는 "가격을 동결한다"고 밝혔다.', None),
    ('한화는 "투자를 늘리겠다"고 밝혔다.', None),
    ('현대는 "노사 협상을 이어가겠다"고 밝혔다.', None),
    ('강남구는 "주차 단속을 강화한다"고 밝혔다.', None),
    ('오리온은 "수출 물량을 늘렸다"고 밝혔다.', None),
    ('한 기자가 "사퇴할 생각이 있느냐"고 물었다.', None),  # "한" is "a", not the family name
    ('한겨레는 "정정 보도를 냈다"고 밝혔다.', None),
    ('김앤장은 "법리 검토를 마쳤다"고 밝혔다.', None),
]

BODIES: list[tuple[str, Expected]] = [
    ('재판부는 "피고인의 죄질이 매우 나쁘다"고 판시했다.', ("org", "재판부")),
    ('검찰은 "판결에 불복해 항소하겠다"고 밝혔다.', ("org", "검찰")),
    ('서울중앙지법 재판부는 "증거가 부족하다"고 밝혔다.', ("org", "재판부")),
    ('경찰은 "용의자를 추적하고 있다"고 말했다.', ("org", "경찰")),
    ('청와대는 "사실이 아니다"라고 밝혔다.', ("org", "청와대")),
    ('대법원은 "원심 판단에 잘못이 없다"고 밝혔다.', ("org", "대법원")),
    ('변호인단은 "즉시 상고하겠다"고 밝혔다.', ("org", "변호인단")),
    ('국방부는 "북한의 도발에 대비하고 있다"고 밝혔다.', ("org", "국방부")),
    ('삼성전자는 "수요가 회복되고 있다"고 밝혔다.', ("org", "삼성전자")),
    ('한빛증권은 보고서에서 "반등이 이어질 것"이라고 밝혔다.', ("org", "한빛증권")),
    ('한빛엔터테인먼트는 "사실무근"이라고 밝혔다.', ("org", "한빛엔터테인먼트")),
]

PEOPLE: list[tuple[str, Expected]] = [
    ('도널드 트럼프 미국 대통령은 "관세를 더 올리겠다"고 말했다.', ("도널드 트럼프", "President")),
    ('에마뉘엘 마크롱 프랑스 대통령은 "유럽이 단결해야 한다"고 말했다.', ("에마뉘엘 마크롱", "President")),
    ('블라디미르 푸틴 러시아 대통령은 "협상할 준비가 돼 있다"고 말했다.', ("블라디미르 푸틴", "President")),
    ('토트넘 주장 손흥민은 "팀이 정말 자랑스럽다"고 말했다.', ("손흥민", "captain")),
    # a person the text withholds, called as the text calls them (named, unverified)
    ('A씨는 "정말 억울하다"고 주장했다.', ("A씨", None)),
    ('B 총경은 "수사에 최선을 다하겠다"고 밝혔다.', ("B 총경", "senior superintendent")),
    ('C 교수는 "연구 결과는 분명하다"고 말했다.', ("C 교수", "Professor")),
    ('피해자 D(41)씨는 "너무 무서웠다"고 말했다.', ("D씨", None)),
    # a bare name as the subject right before its own quote, with no title anywhere (sport, showbiz)
    ('손흥민은 "팀이 정말 자랑스럽다"고 말했다.', ("손흥민", None)),
    ('허남규는 "다음 공연도 기대해달라"고 말했다.', ("허남규", None)),
    ('정서율은 경기 후 "동료들 덕분에 이겼다"고 말했다.', ("정서율", None)),
    ('황보민재(58)씨는 "물이 갑자기 불어났다"고 말했다.', ("황보민재", None)),
    ('김철수(62)씨는 "집이 모두 잠겼다"고 말했다.', ("김철수", None)),
    ('박서진씨는 "이런 비는 처음 본다"고 말했다.', ("박서진", None)),
    ('정우현 한빛전자 사장은 "메모리 업황이 좋아진다"고 말했다.', ("정우현", "President")),
    ('한빛전자 정우현 사장은 "투자를 늘리겠다"고 말했다.', ("정우현", "President")),
    ('이수진 한빛전자 최고재무책임자(CFO)는 "배당을 늘리겠다"고 말했다.', ("이수진", "CFO")),
    (
        '최민호 한빛전자 메모리사업부장 사장은 "감산은 없다"고 말했다.',
        ("최민호", "business head and President"),
    ),
    (
        '조현우 부총리 겸 기획재정부 장관은 "재정을 풀겠다"고 밝혔다.',
        ("조현우", "Deputy Prime Minister and Minister"),
    ),
    (
        '윤재석 서울경찰청장은 "범인을 즉시 검거했다"고 말했다.',
        ("윤재석", "Commissioner of the Seoul Metropolitan Police Agency"),
    ),
    ('강민규 서울중앙지검장은 "엄정히 수사하겠다"고 밝혔다.', ("강민규", "chief prosecutor")),
    ('오세진 강남구청장은 "주민 불편을 줄이겠다"고 말했다.', ("오세진", "District Mayor")),
    ('배지훈 한국은행 총재는 "금리 인하는 이르다"고 말했다.', ("배지훈", "Governor")),
    ('권도윤 서강대 경제학과 교수는 "집값이 다시 오른다"고 말했다.', ("권도윤", "Professor")),
    ('남궁현수 한빛바이오 대표는 "신약 임상을 시작한다"고 말했다.', ("남궁현수", "CEO")),
    ('유하늘 한화이글스 감독은 "선수들이 잘 싸웠다"고 말했다.', ("유하늘", "manager")),
    ('문지호 대변인은 "검토하겠다"는 입장을 밝혔다.', ("문지호", "spokesperson")),
    ('더불어민주당 김하진 의원은 "법안을 다시 내겠다"고 말했다.', ("김하진", "lawmaker")),
    ('국민의힘 박은서 대표는 "당을 새로 세우겠다"고 말했다.', ("박은서", "leader")),
    ('정의당 한도윤 대표는 "연대하겠다"고 말했다.', ("한도윤", "leader")),
    ('한빛 라이온즈 박도현 감독은 "선수들이 잘했다"고 말했다.', ("박도현", "manager")),
    (
        '최서준 경제부총리는 "환율을 안정시키겠다"고 말했다.',
        ("최서준", "Deputy Prime Minister for Economic Affairs"),
    ),
    ('제롬 파월 연준 의장은 "인플레이션이 둔화됐다"고 말했다.', ("제롬 파월", "Chairman")),
    ('주민 박철민(45)씨는 "밤새 한숨도 못 잤다"고 말했다.', ("박철민", None)),
    ('기시다 후미오 일본 총리는 "관계를 개선하겠다"고 말했다.', ("기시다 후미오", "Prime Minister")),
]


@pytest.fixture(scope="module")
def people() -> PeopleTable:
    return load_people()


def _speaker(sentence: str, people: PeopleTable) -> Speaker:
    article = Article(
        id="t", source="t.txt", headline=None, subheadlines=(), paragraphs=(sentence,), captions=(),
        outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip
    quotes = extract_quotes(article, people)
    assert len(quotes) == 1, quotes
    return quotes[0].speaker


CASES = NO_PERSON + BODIES + PEOPLE


def test_enough_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:14] for c in CASES])
def test_who_is_named(sentence: str, expected: Expected, people: PeopleTable) -> None:
    speaker = _speaker(sentence, people)
    if expected is None:
        assert speaker.kind != "named", speaker  # never an invented person
    elif expected[0] == "org":
        assert (speaker.kind, speaker.ko) == ("unnamed", expected[1]), speaker
        assert speaker.en, speaker
    else:
        assert (speaker.kind, speaker.ko, speaker.title) == ("named", *expected), speaker
        # verified only for someone the people table knows (world figures); the rest romanized, unverified
        assert speaker.verified == (speaker.ko in {person.ko for person in people.people}), speaker


# broadcast sound bites: the label is a speaker's position, so a name in it needs no title
BITES: list[tuple[tuple[str, ...], tuple[str | None, str | None], str]] = [
    (("[유하늘 / 한화이글스 감독 : 올해는 반드시 가을야구에 가겠습니다.]",), ("유하늘", "manager"), "올해는"),
    (('<녹취> 박서진(경북 포항시) : "밤새 물이 차올라서 아무것도 못 건졌어요."',), ("박서진", None), "밤새"),
    (("[인터뷰] 권도윤/한빛대 교수 : 집값은 당분간 더 오를 겁니다.",), ("권도윤", "Professor"), "집값은"),
    (
        ("[김하진/한빛전자 노조위원장 (유튜브 '현장') : 우리는 끝까지 싸울 겁니다.]",),
        ("김하진", "union leader"),
        "우리는",
    ),
    (
        ("[녹취] 도널드 트럼프 / 미국 대통령 : 관세는 계속 올라갈 겁니다.",),
        ("도널드 트럼프", "President"),
        "관세는",
    ),
    (
        (
            "▶ 인터뷰 : 유하늘 / 한화이글스 감독",
            '- "올해는 반드시 가을야구에 가겠습니다."',
            "경기는 내일 열린다.",
        ),
        ("유하늘", "manager"),
        "올해는",
    ),
    (
        (
            "[인터뷰] 박서진 / 한빛전자 사장",
            "회사가 약속을 지킬 때까지 투자를 이어가겠습니다.",
            "협상은 다음 주다.",
        ),
        ("박서진", "President"),
        "회사가",
    ),
    (
        ("<녹취> 권도윤(서울 마포구)", '"이렇게 큰 비는 처음입니다."', "비는 내일까지 이어진다."),
        ("권도윤", None),
        "이렇게",
    ),
    (('<인터뷰> 국토부 관계자 : "검토 중입니다."',), (None, None), "검토"),
]


@pytest.mark.parametrize(("paragraphs", "expected", "start"), BITES, ids=[b[0][0][:16] for b in BITES])
def test_sound_bite_labels(
    paragraphs: tuple[str, ...], expected: tuple[str | None, str | None], start: str, people: PeopleTable
) -> None:
    article = Article(
        id="t", source="t.txt", headline=None, subheadlines=(), paragraphs=paragraphs, captions=(),
        outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip
    quotes = extract_quotes(article, people)
    assert len(quotes) == 1, quotes
    quote = quotes[0]
    assert quote.text_ko.startswith(start) and not quote.text_ko.endswith("]"), quote
    if expected[0] is None:
        assert quote.speaker.kind != "named", quote.speaker
    else:
        assert (quote.speaker.ko, quote.speaker.title) == expected, quote.speaker
