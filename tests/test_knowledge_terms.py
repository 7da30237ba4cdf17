"""Terms of office, foreign people known by their family name, and stage names in the people table.

A short mention ("박 장관") the article never resolves names a table person only through a term of office
that covers the article's date, when exactly one person fits. The mechanism tests use people who do not
exist, in a user file with terms in the 2030s (no real term of the built-in tables reaches them, except a
president's, which these tests leave alone); a few tests check the built-in data itself.
"""

from __future__ import annotations

import datetime as dt
import itertools
from importlib import resources
from pathlib import Path

import pytest

from brief.analysis import word_shape
from brief.errors import ConfigError
from brief.people import FAMILY_NAMES, PeopleTable, load_people
from brief.quotes import extract_quotes
from brief.records import Article, Outlet, Speaker, Term

try:  # Python >= 3.11
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

BUILTIN = load_people()

# fictional office holders (family names 박, 도, 모, 최), all terms in the 2030s
FICTIONAL = """
[[person]]
ko = "박서진"
en = "Park Seo-jin"
terms = [{ title_ko = ["장관"], org_ko = ["보건복지부", "복지부"], from = "2031-03", to = "2033-06" }]

[[person]]
ko = "박민재"
en = "Park Min-jae"
terms = [{ title_ko = ["장관"], org_ko = ["보건복지부", "복지부"], from = "2033-06", to = "2034-12" }]

[[person]]
ko = "박도윤"
en = "Park Do-yoon"
terms = [{ title_ko = ["장관"], org_ko = ["국토교통부", "국토부"], from = "2032-01", to = "2032-12" }]

[[person]]
ko = "한지성"
en = "Han Ji-sung"
terms = [{ title_ko = ["장관"], org_ko = ["국토교통부", "국토부"], from = "2031-01", to = "2031-12" }]

[[person]]
ko = "도하윤"
en = "Do Ha-yoon"
[[person.terms]]
title_ko = ["총재"]
org_ko = ["한국은행", "한은"]
from = "2031-04-21"
to = "2035-04-20"
title = "Governor"

[[person]]
ko = "모태준"
en = "Mo Tae-jun"
terms = [
  { title_ko = ["감독"], org_ko = ["한화 이글스"], from = "2031-01", to = "2033-10", title = "manager" },
]

[[person]]
ko = "최은호"
en = "Choi Eun-ho"
terms = [{ title_ko = ["부사장"], org_ko = ["삼성전자"], from = "2031-01", to = "2034-12" }]
"""


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> PeopleTable:
    path = tmp_path_factory.mktemp("terms") / "people.toml"
    path.write_text(FICTIONAL, encoding="utf-8")
    return load_people([path])


def _speakers(people: PeopleTable, text: str, date: dt.date | None) -> list[Speaker]:
    article = Article(
        id="t", source="t.txt", headline=None, subheadlines=(),
        paragraphs=tuple(p for p in text.split("\n") if p.strip()), captions=(),
        outlet=Outlet(), reporters=(), date=date, date_evidence=None,
    )  # fmt: skip
    return [q.speaker for q in extract_quotes(article, people) if q.location == "body" and q.kind == "direct"]


def _names(people: PeopleTable, text: str, date: dt.date | None) -> list[str | None]:
    return [s.en for s in _speakers(people, text, date)]


MID_2032 = dt.date(2032, 5, 14)
HOSPITALS = '보건복지부는 필수의료 지원을 늘린다.\n박 장관은 "지역 병원을 돕겠다"고 말했다.'


# ---------------------------------------------------------------- the schema
def test_terms_are_parsed_with_month_and_day_dates(people: PeopleTable) -> None:
    term = people.get("박서진").terms[0]  # type: ignore[union-attr]
    assert term.title_ko == ("장관",) and term.org_ko == ("보건복지부", "복지부")
    assert (term.start, term.end) == (dt.date(2031, 3, 1), dt.date(2033, 6, 30))
    governor = people.get("도하윤").terms[0]  # type: ignore[union-attr]
    assert (governor.start, governor.end, governor.title) == (
        dt.date(2031, 4, 21),
        dt.date(2035, 4, 20),
        "Governor",
    )
    assert Term(("장관",), ("교육부",), dt.date(2031, 1, 1)).covers(dt.date(2099, 1, 1))  # no end: in office
    assert not term.covers(dt.date(2033, 7, 1)) and term.covers(dt.date(2031, 3, 1))


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ('[{ title_ko = ["장관"], org_ko = ["교육부"] }]', "'from' is missing"),
        ('[{ title_ko = ["장관"], org_ko = ["교육부"], from = "2031" }]', "YYYY-MM or YYYY-MM-DD"),
        ('[{ title_ko = ["장관"], org_ko = ["교육부"], from = "2031-13" }]', "YYYY-MM or YYYY-MM-DD"),
        (
            '[{ title_ko = ["장관"], org_ko = ["교육부"], from = "2032-01", to = "2031-12" }]',
            "'to' is before",
        ),
        ('[{ title_ko = ["장관"], org_ko = [], from = "2031-01" }]', "'org_ko' must be a non-empty list"),
        ('[{ title_ko = ["장관"], org_ko = ["교육부"], from = "2031-01", when = 1 }]', "unknown key(s) when"),
        ('"장관"', "'terms' must be a list"),
    ],
)
def test_bad_terms_name_the_file_and_the_entry(tmp_path: Path, terms: str, message: str) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(f'[[person]]\nko = "윤하람"\nen = "Yoon Ha-ram"\nterms = {terms}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_people([path])
    assert "mine.toml" in str(caught.value) and "윤하람" in str(caught.value) and message in str(caught.value)


# ---------------------------------------------------------------- resolution through a term
@pytest.mark.parametrize(
    ("text", "date", "speaker"),
    [
        # the article names the ministry; the mention carries none
        (
            '보건복지부는 다음 달부터 야간 진료 지원을 넓힌다.\n박 장관은 "지역 병원을 돕겠다"고 말했다.',
            MID_2032,
            ("박서진", "Park Seo-jin", "Minister", "Ministry of Health and Welfare"),
        ),
        # the mention carries the short form
        (
            '복지부 박 장관은 "의료 인력 양성 계획을 다시 짜겠다"고 강조했다.',
            MID_2032,
            ("박서진", "Park Seo-jin", "Minister", "Ministry of Health and Welfare"),
        ),
        # two ministries named, each holder known on the day, different families... and the other one
        (
            '복지부와 국토부는 합동 점검에 나섰다.\n한 장관은 "현장 안전부터 챙기겠다"고 말했다.',
            dt.date(2031, 6, 2),
            ("한지성", "Han Ji-sung", "Minister", "Ministry of Land, Infrastructure and Transport"),
        ),
        (
            '한은은 기준금리를 그대로 뒀다.\n도 총재는 "물가 흐름을 더 지켜보겠다"고 말했다.',
            dt.date(2032, 1, 16),
            ("도하윤", "Do Ha-yoon", "Governor", "Bank of Korea"),
        ),
        (
            '한화 이글스는 이날 연패를 끊었다.\n모 감독은 "선수들이 끝까지 버텼다"고 말했다.',
            dt.date(2032, 8, 3),
            ("모태준", "Mo Tae-jun", "manager", "Hanwha Eagles"),
        ),
    ],
)
def test_a_short_mention_resolves_through_the_one_term_that_fits(
    people: PeopleTable, text: str, date: dt.date, speaker: tuple[str, str, str, str]
) -> None:
    (found,) = _speakers(people, text, date)
    assert (found.ko, found.en, found.title, found.org) == speaker
    assert found.kind == "named" and found.verified  # the name is the table's


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # no date: no resolution from terms
        (HOSPITALS, None),
        # the date falls outside every term of that family
        (HOSPITALS, dt.date(2035, 3, 2)),
        (
            HOSPITALS,
            dt.date(2030, 12, 31),
        ),
        # a namesake in the article: the short form may be them
        (
            '박지훈 보건복지부 차관은 어제 국회에 출석했다.\n박 장관은 "지역 병원을 돕겠다"고 말했다.',
            MID_2032,
        ),
        ('보건복지부 박하윤 국장이 브리핑했다.\n박 장관은 "예산을 더 따내겠다"고 말했다.', MID_2032),
        # two holders of that family in the window: the month the post changed hands
        ('보건복지부는 새 지침을 냈다.\n박 장관은 "현장 의견을 듣겠다"고 말했다.', dt.date(2033, 6, 15)),
        # two holders of that family on the day, at two ministries the article names
        ('복지부와 국토부는 합동 점검에 나섰다.\n박 장관은 "현장 안전부터 챙기겠다"고 말했다.', MID_2032),
        # an organisation that differs: the mention's own
        ('국토부 박 장관은 "공급 일정을 앞당기겠다"고 말했다.', dt.date(2031, 6, 2)),
        ('교육부 박 장관은 "입시 제도를 손보겠다"고 말했다.', MID_2032),
        # the same title at another ministry only: the holder's own ministry is not named
        ('교육부는 새 학기 대책을 내놨다.\n박 장관은 "교실 환경을 바꾸겠다"고 말했다.', MID_2032),
        ('환경부는 배출 기준을 강화한다.\n박 장관은 "기업 부담도 살피겠다"고 말했다.', MID_2032),
        # another ministry the article names whose holder the table does not know on that day
        (
            '복지부와 환경부는 공동 조사에 들어갔다.\n박 장관은 "결과를 투명하게 공개하겠다"고 말했다.',
            MID_2032,
        ),
        # another state named near the mention: its leader may be meant
        ('복지부는 대북 지원을 검토한다.\n북한은 답하지 않았다. 박 장관은 "지원은 없다"고 말했다.', MID_2032),
        ('한은은 금리를 동결했다.\n미국에 간 도 총재는 "환율을 지켜보겠다"고 말했다.', dt.date(2032, 1, 16)),
        # a former holder, and a title that only ends like the term's ("사장" is not "부사장")
        ('보건복지부는 예산안을 냈다.\n박 전 장관은 "재정이 걱정된다"고 말했다.', MID_2032),
        ('삼성전자는 새 공장을 짓는다.\n최 사장은 "투자를 늘리겠다"고 말했다.', MID_2032),
    ],
)
def test_no_term_resolution_without_certainty(people: PeopleTable, text: str, date: dt.date | None) -> None:
    table_people = {"Park Seo-jin", "Park Min-jae", "Park Do-yoon", "Choi Eun-ho", "Do Ha-yoon"}
    assert not set(_names(people, text, date)) & table_people


def test_the_organisation_must_be_named_near_the_mention_or_at_the_top(people: PeopleTable) -> None:
    far = [
        "정부는 내년 예산안을 확정했다.",
        "여야는 예산안 처리를 두고 맞섰다.",
        "보건복지부는 필수의료 예산을 늘렸다.",
        "지역 병원들은 인력난을 호소했다.",
        "전문가들은 대책이 늦었다고 지적했다.",
        '박 장관은 "지역 의료를 살리겠다"고 말했다.',
    ]
    assert "Park Seo-jin" not in _names(people, "\n".join(far), MID_2032)
    near = [*far[:4], "보건복지부는 따로 브리핑을 열었다.", far[5]]
    assert _names(people, "\n".join(near), MID_2032) == ["Park Seo-jin"]
    top = ["보건복지부가 필수의료 예산을 늘렸다.", *far[1:]]
    assert _names(people, "\n".join(top), MID_2032) == ["Park Seo-jin"]


def test_the_article_date_reaches_the_resolver(people: PeopleTable) -> None:
    text = HOSPITALS
    assert _names(people, text, dt.date(2031, 3, 1)) == ["Park Seo-jin"]
    assert _names(people, text, dt.date(2034, 1, 5)) == ["Park Min-jae"]
    assert _names(people, text, dt.date(2033, 6, 1)) != ["Park Seo-jin"]  # both held it that month


@pytest.mark.parametrize(
    ("text", "date", "name"),
    [
        (
            '보건복지부는 국민연금 개편안을 냈다.\n박 장관은 "세대 간 형평을 따지겠다"고 말했다.',
            dt.date(2019, 10, 1),
            "Park Neung-hoo",
        ),
        (
            '한국은행은 기준금리를 올렸다.\n이 총재는 "물가가 먼저"라고 말했다.',
            dt.date(2023, 1, 13),
            "Rhee Chang-yong",
        ),
        (
            '한국은행은 기준금리를 내렸다.\n이 총재는 "경기가 약하다"고 말했다.',
            dt.date(2016, 6, 9),
            "Lee Ju-yeol",
        ),
        (
            'LG 트윈스는 이날 3연승을 달렸다.\n염 감독은 "타선이 살아났다"고 말했다.',
            dt.date(2024, 5, 1),
            "Yeom Kyung-yeob",
        ),
    ],
)
def test_built_in_terms(text: str, date: dt.date, name: str) -> None:
    assert _names(BUILTIN, text, date) == [name]


# ---------------------------------------------------------------- the built-in data
def _builtin_files() -> dict[str, dict[str, object]]:
    folder = resources.files("brief") / "data"
    return {
        n: tomllib.loads((folder / n).read_text(encoding="utf-8"))
        for n in ("people.toml", "officeholders.toml")
    }


def test_no_name_is_in_both_built_in_files() -> None:
    files = _builtin_files()
    names = [{p["ko"] for p in data["person"]} for data in files.values()]  # type: ignore[union-attr]
    assert names[0] & names[1] == set()
    assert len(BUILTIN.people) == sum(len(n) for n in names)


def test_every_term_names_a_known_organisation_and_title() -> None:
    for person in BUILTIN.people:
        for term in person.terms:
            english = {BUILTIN.translate_org(o) for o in term.org_ko}
            assert None not in english, (person.ko, term.org_ko)
            assert term.title or all(BUILTIN.translate_title(t) for t in term.title_ko), (person.ko, term)


def test_no_two_people_of_one_family_hold_one_office_at_once() -> None:
    """Successors may share the month of the handover; anything longer is a data error."""
    held = [
        (p, t, BUILTIN.translate_org(t.org_ko[0]), title)
        for p in BUILTIN.people for t in p.terms for title in t.title_ko
    ]  # fmt: skip
    for (p1, t1, o1, a1), (p2, t2, o2, a2) in itertools.combinations(held, 2):
        if p1.ko == p2.ko or o1 != o2 or a1 != a2:
            continue
        end1, end2 = t1.end or dt.date.max, t2.end or dt.date.max
        overlap = (min(end1, end2) - max(t1.start, t2.start)).days
        assert overlap <= 31, (p1.ko, p2.ko, o1, a1)


@pytest.mark.parametrize(
    "word",
    [
        "조국",
        "진영",
        "진동수",
        "신조",
        "비",
        "태양",
        "지수",
        "정국",
        "거미",
        "선미",
        "진",
        "세븐",
        "수",
        "잡스정",
    ],
)
def test_ordinary_words_are_never_a_name_alone(word: str) -> None:
    assert BUILTIN.get(word) is None


def test_foreign_family_names_are_not_korean_words() -> None:
    """The last word of a foreign name counts alone as a name: it must not be a Korean common noun."""
    for person in BUILTIN.people:
        for name in (person.ko, *person.aliases):
            last = name.split()[-1]
            if " " in name and not person.context_ko and last not in FAMILY_NAMES:  # "황": a short form
                assert word_shape(last) != "common", (person.ko, last)


# ---------------------------------------------------------------- foreign people by family name
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('로이스터 감독은 "불펜부터 다시 짜겠다"고 말했다.', "Jerry Royster"),
        ('벤투 감독은 "우리 축구를 끝까지 하겠다"고 강조했다.', "Paulo Bento"),
        ('메르켈 총리는 "유럽이 함께 움직여야 한다"고 말했다.', "Angela Merkel"),
        ('기시다 총리는 "대화의 문은 열려 있다"고 밝혔다.', "Fumio Kishida"),
        ('버냉키 전 의장은 "위기는 끝나지 않았다"고 경고했다.', "Ben Bernanke"),
    ],
)
def test_foreign_people_by_family_name(text: str, name: str) -> None:
    assert _names(BUILTIN, text, None) == [name]


def test_a_japanese_given_name_that_is_a_word_is_no_name() -> None:
    text = '그는 "원칙은 하나"라며 자신의 신조를 밝혔다.'
    assert "Shinzo Abe" not in _names(BUILTIN, text, None)


# ---------------------------------------------------------------- stage names
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('가수 비는 "새 앨범을 겨울에 낸다"고 말했다.', "Rain"),
        ('빅뱅 태양은 "무대가 그리웠다"고 말했다.', "Taeyang"),
        ('방탄소년단 정국은 "팬들 덕분"이라고 말했다.', "Jungkook"),
        ('아이유는 "이번 노래는 나에게 특별하다"고 말했다.', "IU"),
    ],
)
def test_stage_names_with_their_job_or_group(text: str, name: str) -> None:
    assert _names(BUILTIN, text, None) == [name]


@pytest.mark.parametrize(
    "text",
    [
        '"비가 그칠 것"이라고 기상청은 말했다.',
        '비는 "오후 늦게 그친다"는 예보와 달리 밤새 내렸다.',
        '밤새 내린 비로 피해가 컸다. 주민은 "비가 이렇게 올 줄 몰랐다"고 말했다.',
        '태양은 "가장 가까운 별"이라고 교사는 설명했다.',
        '정국은 "안갯속"이라고 한 의원은 말했다.',
        '지수는 "당분간 약세"라고 증권가는 내다봤다.',
    ],
)
def test_a_stage_name_that_is_a_word_is_no_person_alone(text: str) -> None:
    names = _names(BUILTIN, text, dt.date(2024, 5, 1))
    assert not {"Rain", "Taeyang", "Jungkook", "Jisoo"} & set(names)


def _lg_manager(tmp_path: Path, ko: str, en: str) -> Path:
    path = tmp_path / f"{en}.toml"
    path.write_text(
        f'[[person]]\nko = "{ko}"\nen = "{en}"\n'
        'terms = [{ title_ko = ["감독"], org_ko = ["LG 트윈스"], from = "2032-01", to = "2032-10" }]\n',
        encoding="utf-8",
    )
    return path


def test_a_club_by_its_short_name_is_a_rival(tmp_path: Path) -> None:
    """ "LG" on a sports page may be LG 트윈스: unless the table knows its manager on the day, and of
    another family, "모 감독" is unsure."""
    fictional = tmp_path / "fictional.toml"
    fictional.write_text(FICTIONAL, encoding="utf-8")
    text = '한화 이글스와 LG의 경기가 열렸다.\n모 감독은 "불펜이 잘 막았다"고 말했다.'
    day = dt.date(2032, 8, 3)
    unknown_holder = load_people([fictional])
    same_family = load_people([fictional, _lg_manager(tmp_path, "모정훈", "Mo Jeong-hun")])
    other_family = load_people([fictional, _lg_manager(tmp_path, "우정훈", "Woo Jeong-hun")])
    assert "Mo Tae-jun" not in _names(unknown_holder, text, day)
    assert not {"Mo Tae-jun", "Mo Jeong-hun"} & set(_names(same_family, text, day))
    assert _names(other_family, text, day) == ["Mo Tae-jun"]


@pytest.mark.parametrize(
    ("text", "date", "label"),
    [
        # a full name with a bare title: the term on the day gives the organisation
        (
            '박서진 장관은 "응급실 인력을 늘리겠다"고 말했다.',
            MID_2032,
            "Park Seo-jin, Minister of the Ministry of Health and Welfare",
        ),
        (
            '도하윤 총재는 "금리를 서둘러 내리지 않겠다"고 말했다.',
            dt.date(2032, 1, 16),
            "Do Ha-yoon, Governor of the Bank of Korea",
        ),
        # outside every term, or a title no term of the day fits: the article's words only
        ('박서진 장관은 "응급실 인력을 늘리겠다"고 말했다.', dt.date(2036, 1, 5), "Park Seo-jin, Minister"),
        ('박서진 의원은 "응급실 인력을 늘리겠다"고 말했다.', MID_2032, "Park Seo-jin, lawmaker"),
    ],
)
def test_a_full_name_takes_the_office_of_the_day(
    people: PeopleTable, text: str, date: dt.date, label: str
) -> None:
    (speaker,) = _speakers(people, text, date)
    assert speaker.label == label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another title at an organisation the table person never served: a namesake, not them (their
        # name romanized by the rules, "Do Ha-yun", not the table's "Do Ha-yoon")
        ('박서진 한빛증권 연구원은 "매도가 이어진다"고 말했다.', ("Park Seo-jin", "researcher", False)),
        ('도하윤 한빛대 교수는 "금리 인하가 늦었다"고 말했다.', ("Do Ha-yun", "Professor", False)),
        # the title of one of their offices: them, verified; no date, so no organisation
        ('모태준 감독은 "선수들이 버텼다"고 말했다.', ("Mo Tae-jun", "manager", True)),
        ('도하윤 총재는 "물가가 먼저"라고 말했다.', ("Do Ha-yoon", "Governor", True)),
    ],
)
def test_a_namesake_of_an_officeholder_is_not_them(
    people: PeopleTable, text: str, expected: tuple[str, str, bool]
) -> None:
    (speaker,) = _speakers(people, text, None)
    assert (speaker.en, speaker.title, speaker.verified) == expected
