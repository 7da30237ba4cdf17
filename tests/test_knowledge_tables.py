"""The built-in knowledge tables (organisations, titles, glossary): integrity, and that the stages use them.

Integrity: every file parses, no key is written twice in ways that disagree, a short form means exactly
what its full form means, and no key is an ordinary Korean word that would be taken for a name. The
behaviour tests use sentences written for them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from brief.people import PeopleTable, load_people
from brief.quotes import extract_quotes
from brief.records import Article, Outlet
from brief.translate.glossary import load_glossary
from brief.translate.protect import protect

try:  # Python >= 3.11
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

DATA = Path(__file__).resolve().parent.parent / "brief" / "data"


def _load(name: str) -> dict[str, Any]:
    with (DATA / name).open("rb") as handle:
        return tomllib.load(handle)


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


ORGS: dict[str, str] = _load("orgs.toml")["orgs"]
UNITS: dict[str, str] = _load("orgs.toml")["units"]
TITLES: dict[str, str] = _load("titles.toml")["titles"]
GLOSSARY = _load("glossary.toml")
EXAMPLE = _load("examples/kt_microsoft.toml")


@pytest.fixture(scope="module")
def people() -> PeopleTable:
    return load_people()


# ---------------------------------------------------------------- integrity
def test_tables_are_large_enough_to_be_general() -> None:
    assert len(ORGS) >= 1000
    assert len(TITLES) >= 400


@pytest.mark.parametrize(("name", "table"), [("orgs", ORGS), ("units", UNITS), ("titles", TITLES)])
def test_keys_that_differ_only_in_spacing_or_case_agree(name: str, table: dict[str, str]) -> None:
    english: dict[str, set[str]] = defaultdict(set)
    for ko, en in table.items():
        english[_squash(ko)].add(en)
    assert {k: v for k, v in english.items() if len(v) > 1} == {}, name


@pytest.mark.parametrize(("name", "table"), [("orgs", ORGS), ("units", UNITS), ("titles", TITLES)])
def test_entries_are_clean(name: str, table: dict[str, str]) -> None:
    for ko, en in table.items():
        assert ko == " ".join(ko.split()) and en == en.strip() and en, (name, ko)
        assert not re.fullmatch("[가-힣]", ko), f"{name}: one syllable is no name: {ko}"
        assert "겸" not in ko.split(), f"{name}: 'A 겸 B' is composed, never looked up: {ko}"


def test_no_word_is_both_an_organisation_and_a_title() -> None:
    orgs = {_squash(k) for k in (*ORGS, *UNITS)}
    assert sorted(k for k in TITLES if _squash(k) in orgs) == []


def test_glossary_organisations_agree_with_the_organisation_table() -> None:
    orgs = {_squash(k): v for k, v in ORGS.items()}
    for section in (GLOSSARY, EXAMPLE):
        for ko, en in section.get("orgs", {}).items():
            assert orgs.get(_squash(ko), en) == en, ko


def test_the_quote_stage_tables_agree_with_these() -> None:
    """speakers.toml (the quote stage's own knowledge) may repeat a title or a body; it must say the same."""
    speakers = _load("speakers.toml")
    titles = {_squash(k): v for k, v in TITLES.items()}
    clashes = {
        ko: (en, titles[_squash(ko)])
        for ko, en in speakers.get("titles", {}).items()
        if _squash(ko) in titles and titles[_squash(ko)].lower() != en.lower()
    }
    assert clashes == {}
    orgs = {_squash(k): v for k, v in ORGS.items()}

    def bare(english: str) -> str:
        return english.removeprefix("the ").lower()

    clashes = {
        ko: (en, orgs[_squash(ko)])
        for ko, en in speakers.get("bodies", {}).items()
        if _squash(ko) in orgs and bare(orgs[_squash(ko)]) != bare(en)
    }
    assert clashes == {}


def test_the_example_glossary_overrides_nothing_built_in() -> None:
    builtin = {_squash(k) for table in GLOSSARY.values() for k in table}
    assert sorted(k for table in EXAMPLE.values() for k in table if _squash(k) in builtin) == []


# Short forms whose full form the table also holds: the same English for both.
SHORT_AND_FULL = [
    ("기재부", "기획재정부"),
    ("국토부", "국토교통부"),
    ("금융위", "금융위원회"),
    ("금감원", "금융감독원"),
    ("국정원", "국가정보원"),
    ("방통위", "방송통신위원회"),
    ("공정위", "공정거래위원회"),
    ("과기정통부", "과학기술정보통신부"),
    ("산업부", "산업통상자원부"),
    ("행안부", "행정안전부"),
    ("문체부", "문화체육관광부"),
    ("농식품부", "농림축산식품부"),
    ("복지부", "보건복지부"),
    ("고용부", "고용노동부"),
    ("여가부", "여성가족부"),
    ("해수부", "해양수산부"),
    ("중기부", "중소벤처기업부"),
    ("식약처", "식품의약품안전처"),
    ("방사청", "방위사업청"),
    ("질병청", "질병관리청"),
    ("해경", "해양경찰청"),
    ("권익위", "국민권익위원회"),
    ("원안위", "원자력안전위원회"),
    ("인권위", "국가인권위원회"),
    ("공수처", "고위공직자범죄수사처"),
    ("개인정보위", "개인정보보호위원회"),
    ("방심위", "방송통신심의위원회"),
    ("한은", "한국은행"),
    ("산은", "한국산업은행"),
    ("한전", "한국전력공사"),
    ("한수원", "한국수력원자력"),
    ("코레일", "한국철도공사"),
    ("심평원", "건강보험심사평가원"),
    ("건보공단", "국민건강보험공단"),
    ("헌재", "헌법재판소"),
    ("대검", "대검찰청"),
    ("서울중앙지검", "서울중앙지방검찰청"),
    ("서울중앙지법", "서울중앙지방법원"),
    ("서울고법", "서울고등법원"),
    ("국수본", "국가수사본부"),
    ("합참", "합동참모본부"),
    ("한미연합사", "한미연합사령부"),
    ("방첩사", "국군방첩사령부"),
    ("민주당", "더불어민주당"),
    ("법사위", "법제사법위원회"),
    ("과방위", "과학기술정보방송통신위원회"),
    ("예결위", "예산결산특별위원회"),
    ("연준", "연방준비제도"),
    ("미 연준", "연방준비제도"),
    ("펜타곤", "펜타곤"),
    ("나토", "북대서양조약기구"),
    ("유엔", "국제연합"),
    ("안보리", "유엔 안전보장이사회"),
    ("대한상의", "대한상공회의소"),
    ("전경련", "전국경제인연합회"),
    ("한경협", "한국경제인협회"),
    ("경총", "한국경영자총협회"),
    ("전교조", "전국교직원노동조합"),
    ("의협", "대한의사협회"),
    ("경실련", "경제정의실천시민연합"),
    ("카이스트", "한국과학기술원"),
    ("포스텍", "포항공과대학교"),
    ("한예종", "한국예술종합학교"),
    ("현대차", "현대자동차"),
    ("현대차그룹", "현대자동차그룹"),
    ("LG엔솔", "LG에너지솔루션"),
    ("SKT", "SK텔레콤"),
    ("국민은행", "KB국민은행"),
    ("맨유", "맨체스터 유나이티드"),
    ("K리그", "한국프로축구연맹"),
    ("항우연", "한국항공우주연구원"),
    ("아시아나", "아시아나항공"),
]

# Regular shortenings: full-form ending -> short-form ending.
SHORTENINGS = [
    ("대학교", "대"),
    ("지방법원", "지법"),
    ("고등법원", "고법"),
    ("지방검찰청", "지검"),
    ("고등검찰청", "고검"),
    ("위원회", "위"),
    ("자동차", "차"),
    ("엔터테인먼트", "엔터"),
    ("금융지주", "금융"),
]


@pytest.mark.parametrize(("short", "full"), SHORT_AND_FULL)
def test_short_form_means_what_its_full_form_means(short: str, full: str) -> None:
    assert short in ORGS and full in ORGS
    assert ORGS[short] == ORGS[full]


def test_regular_shortenings_agree() -> None:
    checked = 0
    for full, english in ORGS.items():
        for long_end, short_end in SHORTENINGS:
            if full.endswith(long_end):
                short = full[: -len(long_end)] + short_end
                if short in ORGS:
                    assert ORGS[short] == english, (short, full)
                    checked += 1
        for country in ("미국 ", "미 "):
            if full.startswith("미국 ") and full.replace("미국 ", country, 1) in ORGS:
                assert ORGS[full.replace("미국 ", country, 1)] == english, full
    assert checked >= 60  # the rule really ran over the table


# Ordinary Korean words: never an organisation the glossary would replace, never a title that would make
# the word before it a name. ("정부", "검찰", "경찰", "법원" are organisations, written "the ...", which the
# glossary leaves to the model.)
ORDINARY_WORDS = [
    "현대",
    "기아",
    "신세계",
    "우리",
    "하나",
    "국민",
    "미래",
    "대상",
    "동원",
    "효성",
    "수은",
    "예보",
    "신보",
    "성대",
    "토스",
    "당근",
    "호반",
    "중흥",
    "피치",
    "셀틱",
    "마인츠",
    "도로공사",
    "국민연금",
    "축구협회",
    "제주도",
    "한국",
    "서울",
    "정의",
    "진보",
    "개혁",
    "참여",
    "연대",
    "시민",
    "대한",
    "사랑",
    "믿음",
    "희망",
    "평화",
    "자유",
    "통일",
    "민주",
    "조국",
    "새로운미래",
    "국민의미래",
    "운영위원회",
    "기본",
    "정보",
    "의사",
    "시인",
    "소위",
    "고문",
    "특사",
    "대리",
    "주석",
    "영사",
    "교사",
    "교감",
    "중위",
    "대장",
    "주장",
    "검사",
    "형사",
    "심판",
    "타자",
    "사원",
    "직원",
    "회원",
    "당원",
    "유족",
    "증인",
    "피해자",
    "신인",
    "장병",
    "배우",
    "모델",
    "멤버",
    "신부",
    "감사",
    "공사",
    "상사",
    "관리",
    "이장",
    "선발투수",
]
# two-syllable press abbreviations that read like a noun and a topic particle; each is far more often
# the bank in news text than "the mountain" or "the grudge"
ABBREVIATIONS_LIKE_PARTICLES = {"한은", "산은"}


def test_no_ordinary_word_is_an_organisation_or_a_title() -> None:
    builtin_glossary = {_squash(k) for table in GLOSSARY.values() for k in table}
    for word in ORDINARY_WORDS:
        assert word not in TITLES, word
        assert not (word in ORGS and not ORGS[word].startswith("the ")), word
        assert word not in builtin_glossary, word


def test_no_two_syllable_key_reads_as_a_noun_and_a_particle() -> None:
    keys = [k for k in (*ORGS, *TITLES) if re.fullmatch("[가-힣]{2}", k)]
    suspicious = [k for k in keys if k[-1] in "은는을를의에도" and k not in ABBREVIATIONS_LIKE_PARTICLES]
    assert suspicious == []


# ---------------------------------------------------------------- the people table reads them
def test_every_entry_reads_back_as_written(people: PeopleTable) -> None:
    """No entry is shadowed by another (a composition, the unit rule, a shorter key)."""
    assert {k: people.translate_title(k) for k in TITLES if people.translate_title(k) != TITLES[k]} == {}
    assert {k: people.translate_org(k) for k in ORGS if people.translate_org(k) != ORGS[k]} == {}
    assert {k: people.translate_unit(k) for k in UNITS if people.translate_unit(k) != UNITS[k]} == {}


def test_any_two_titles_compose_with_gyeom(people: PeopleTable) -> None:
    titles = sorted(TITLES)[::7]
    for first, second in zip(titles, reversed(titles), strict=True):
        english = people.translate_title(f"{first} 겸 {second}")
        expected = (
            TITLES[first] if TITLES[first] == TITLES[second] else f"{TITLES[first]} and {TITLES[second]}"
        )
        assert english == expected, (first, second)


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("국토부", "Ministry of Land, Infrastructure and Transport"),
        ("기재부", "Ministry of Economy and Finance"),
        ("조달청", "Public Procurement Service"),
        ("국정원", "National Intelligence Service"),
        ("서울중앙지검", "Seoul Central District Prosecutors' Office"),
        ("광주지법", "Gwangju District Court"),
        ("조국혁신당", "Rebuilding Korea Party"),
        ("미 국무부", "US State Department"),
        ("연준", "Federal Reserve"),
        ("LG 트윈스", "LG Twins"),
        ("KT 위즈", "KT Wiz"),
        ("토트넘", "Tottenham Hotspur"),
        ("성균관대", "Sungkyunkwan University"),
        ("하이브", "HYBE"),
        ("국제통화기금", "International Monetary Fund"),
    ],
)
def test_people_table_names_organisations(people: PeopleTable, ko: str, en: str) -> None:
    assert people.translate_org(ko) == en


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("부장판사", "presiding judge"),
        ("재판장", "presiding judge"),
        ("검사장", "chief prosecutor"),
        ("변호인", "defense lawyer"),
        ("총재", "Governor"),
        ("비상대책위원장", "interim leader"),
        ("경제부총리 겸 기획재정부 장관", "Deputy Prime Minister for Economic Affairs and Minister"),
        ("대표이사 겸 수석코치", "CEO and chief coach"),
        ("전 검찰총장", "former Prosecutor General"),
        ("대표이사 사장", "CEO and President"),
        ("기술혁신부문장", "head of the Technology Innovation Division"),  # the unit rule still wins
        ("석좌교수", "distinguished professor"),
        ("중령", "Lieutenant Colonel"),
        ("추기경", "Cardinal"),
    ],
)
def test_people_table_names_titles(people: PeopleTable, ko: str, en: str) -> None:
    assert people.translate_title(ko) == en


# ---------------------------------------------------------------- the quotes stage uses them
def _speakers(people: PeopleTable, paragraph: str) -> list[tuple[str, str | None, str | None, str | None]]:
    article = Article(
        id="t",
        source="t.txt",
        headline=None,
        subheadlines=(),
        paragraphs=(paragraph,),
        captions=(),
        outlet=Outlet(),
        reporters=(),
        date=None,
        date_evidence=None,
    )
    quotes = extract_quotes(article, people)
    return [
        (q.speaker.kind, q.speaker.en, q.speaker.title, q.speaker.org) for q in quotes if q.kind == "direct"
    ]


@pytest.mark.parametrize(
    ("sentence", "description"),
    [
        (
            '국토부 관계자는 "하반기 공급 물량을 늘리겠다"고 말했다.',
            "a Ministry of Land, Infrastructure and Transport official",
        ),
        (
            '공정위 관계자는 "과징금 규모를 다시 따지겠다"고 설명했다.',
            "a Korea Fair Trade Commission official",
        ),
        (
            '수원지검 관계자는 "추가 압수수색 계획은 없다"고 밝혔다.',
            "a Suwon District Prosecutors' Office official",
        ),
        ('한은 관계자는 "물가 흐름을 더 지켜봐야 한다"고 말했다.', "a Bank of Korea official"),
        ('대한항공 관계자는 "결항 노선을 곧 재개한다"고 말했다.', "a Korean Air official"),
        ('조국혁신당 대변인은 "그 제안은 받을 수 없다"고 말했다.', "a Rebuilding Korea Party spokesperson"),
        ('경찰 관계자는 "용의자의 행방을 쫓고 있다"고 말했다.', "a police official"),
    ],
)
def test_unnamed_sources_name_their_organisation(
    people: PeopleTable, sentence: str, description: str
) -> None:
    assert _speakers(people, sentence) == [("unnamed", description, None, _org_of(description))]


def _org_of(description: str) -> str:
    org = description.split(" ", 1)[1].rsplit(" ", 1)[0]
    return "the police" if org == "police" else org


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            '박서연 서울중앙지검 검사장은 "끝까지 엄정하게 수사하겠다"고 말했다.',
            ("Park Seo-yeon", "chief prosecutor", "Seoul Central District Prosecutors' Office"),
        ),
        (
            '윤서진 한양대 석좌교수는 "기초 연구비가 턱없이 부족하다"고 말했다.',
            ("Yoon Seo-jin", "distinguished professor", "Hanyang University"),
        ),
        ('최민호 하이브 대표는 "내년에 새 그룹을 선보인다"고 말했다.', ("Choi Min-ho", "CEO", "HYBE")),
        (
            '정하늘 경찰서장은 "주민 신고가 결정적이었다"고 말했다.',
            ("Jung Ha-neul", "police station chief", None),
        ),
    ],
)
def test_named_speakers_get_english_titles_and_organisations(
    people: PeopleTable, sentence: str, speaker: tuple[str, str, str | None]
) -> None:
    assert _speakers(people, sentence) == [("named", *speaker)]


# ---------------------------------------------------------------- the translation stage protects them
def test_translation_protects_names_from_the_organisation_table(people: PeopleTable) -> None:
    glossary = load_glossary(people=people)
    protected = protect("국토부와 서울중앙지검, 금감원이 공동 점검에 나섰다.", glossary, numbers=False)
    assert [s.en for s in protected.slots] == [
        "Ministry of Land, Infrastructure and Transport",
        "Seoul Central District Prosecutors' Office",
        "Financial Supervisory Service",
    ]
    # generic bodies ("the ...") and ordinary words stay with the model
    assert protect("검찰과 경찰은 현대 사회의 우리 문제를 다뤘다.", glossary, numbers=False).slots == ()
