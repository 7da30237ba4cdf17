"""The people table, title and organisation tables, user people files, and name romanization."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.errors import ConfigError
from brief.people import load_people, romanize_name, split_korean_name

SEED_PEOPLE = [
    ("김영섭", "Kim Young-shub", "CEO", "KT"),
    ("사티아 나델라", "Satya Nadella", "Chairman and CEO", "Microsoft"),
    ("조원우", "Cho Won-woo", "CEO", "Microsoft Korea"),
    ("최지웅", "Choi Ji-woong", "CEO", "KT Cloud"),
    ("오승필", "Oh Seung-pil", "head of the Technology Innovation Division (CTO)", "KT"),
    ("서창석", "Seo Chang-seok", "head of the Network Division", "KT"),
    ("구현모", "Koo Hyun-mo", "President", "KT"),
    ("장석영", "Jang Seok-young", "Second Vice Minister", "Ministry of Science and ICT"),
    ("마츠 그란리드", "Mats Granryd", "Director General", "GSMA"),
    ("김우준", "Kim Woo-joon", "President and head of the Networks Business", "Samsung Electronics"),
    ("김명준", "Kim Myung-joon", "President", "ETRI"),
    ("임종룡", "Yim Jong-yong", "Chairman", "Woori Financial Group"),
    ("유상임", "Yoo Sang-im", "Minister", "Ministry of Science and ICT"),
]


@pytest.mark.parametrize(("ko", "en", "title", "org"), SEED_PEOPLE)
def test_seed_people_are_in_the_table(ko: str, en: str, title: str, org: str) -> None:
    person = load_people().get(ko)
    assert person is not None
    assert (person.en, person.title, person.org) == (en, title, org)


def test_get_by_alias_and_spacing() -> None:
    table = load_people()
    assert table.get("나델라") is table.get("사티아 나델라") is table.get("사티아나델라")
    assert table.get("홍길동") is None


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("김영섭", "Kim Yeong-seop"),  # the interface example: strict RR given name
        ("김광연", "Kim Gwang-yeon"),
        ("장석영", "Jang Seok-yeong"),  # no sound change in names: not "Seo-gyeong"
        ("임종룡", "Lim Jong-ryong"),  # not "Jong-nyong"
        ("홍빛나", "Hong Bit-na"),  # RR's own example
        ("한복남", "Han Bok-nam"),  # RR's own example
        ("박정호", "Park Jeong-ho"),
        ("이선영", "Lee Seon-yeong"),
        ("정우진", "Jung U-jin"),
        ("최지웅", "Choi Ji-ung"),
        ("윤선훈", "Yoon Seon-hun"),
        ("라예진", "Ra Ye-jin"),
        ("류현진", "Ryu Hyeon-jin"),
        ("유상임", "Yoo Sang-im"),
        ("노태우", "Roh Tae-u"),
        ("남궁민수", "Namgoong Min-su"),
        ("남궁민", "Namgoong Min"),
        ("황보관", "Hwangbo Gwan"),
        ("제갈성렬", "Jegal Seong-ryeol"),
        ("선우용여", "Sunwoo Yong-yeo"),
        ("선우진", "Sun U-jin"),  # three syllables: 선 + 우진 is the likelier reading
        ("독고영재", "Dokgo Yeong-jae"),
        ("김진", "Kim Jin"),
        ("곽상도", "Kwak Sang-do"),
        ("엄홍길", "Eom Hong-gil"),
    ],
)
def test_romanize_name(ko: str, en: str) -> None:
    assert romanize_name(ko) == en


def test_romanize_foreign_name_word_by_word() -> None:
    assert romanize_name("마츠 그란리드") == "Macheu Geuranrideu"


@pytest.mark.parametrize(
    ("ko", "split"),
    [("김영섭", ("김", "영섭")), ("남궁민수", ("남궁", "민수")), ("KT", None), ("가나다라마바", None)],
)
def test_split_korean_name(ko: str, split: tuple[str, str] | None) -> None:
    assert split_korean_name(ko) == split


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("대표", "CEO"),
        ("대표이사", "CEO"),
        ("사장", "President"),
        ("회장", "Chairman"),
        ("부회장", "Vice Chairman"),
        ("차관", "Vice Minister"),
        ("제2차관", "Second Vice Minister"),
        ("2차관", "Second Vice Minister"),
        ("장관", "Minister"),
        ("원장", "President"),
        ("총장", "President"),
        ("사무총장", "Director General"),
        ("의장", "Chairman"),
        ("최고경영자(CEO)", "CEO"),
        ("최고기술책임자(CTO)", "CTO"),
        ("전무", "Senior Vice President"),
        ("상무", "Vice President"),
        ("교수", "Professor"),
        ("의원", "lawmaker"),
        ("최고경영자(CEO) 겸 이사회 의장", "CEO and Chairman"),
        ("기술혁신부문장", "head of the Technology Innovation Division"),
        ("네트워크 부문장", "head of the Network Division"),
        ("컨설팅그룹장", "head of the Consulting Group"),
        ("미래사업부문장", "division head"),
        ("전 장관", "former Minister"),
        ("최고경영자 내정자", "CEO-designate"),
        ("없는직함", None),
    ],
)
def test_translate_title(ko: str, en: str | None) -> None:
    assert load_people().translate_title(ko) == en


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("KT", "KT"),
        ("KT클라우드", "KT Cloud"),
        ("마이크로소프트", "Microsoft"),
        ("MS", "Microsoft"),
        ("한국마이크로소프트", "Microsoft Korea"),
        ("과학기술정보통신부", "Ministry of Science and ICT"),
        ("과기정통부", "Ministry of Science and ICT"),
        ("삼성전자", "Samsung Electronics"),
        ("삼성전자 네트워크사업부", "Samsung Electronics"),
        ("GSMA", "GSMA"),
        ("없는회사", None),
    ],
)
def test_translate_org(ko: str, en: str | None) -> None:
    assert load_people().translate_org(ko) == en


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "people.toml"
    extra.write_text(
        """
[[person]]
ko = "홍길동"
en = "Gil-dong Hong"
title = "CEO"
org = "Example Corp"
title_ko = ["대표"]

[[person]]
ko = "김영섭"
en = "Young-Shub Kim"

[orgs]
"예시전자" = "Example Electronics"

[titles]
"수석매니저" = "senior manager"
""",
        encoding="utf-8",
    )
    table = load_people([extra])
    assert table.get("홍길동").en == "Gil-dong Hong"  # type: ignore[union-attr]
    assert table.get("김영섭").en == "Young-Shub Kim"  # type: ignore[union-attr]
    assert table.translate_org("예시전자") == "Example Electronics"
    assert table.translate_title("수석매니저") == "senior manager"
    assert load_people().get("김영섭").en == "Kim Young-shub"  # type: ignore[union-attr]  # built-in untouched


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[person]]\nko = "홍길동"\n', "'en' is missing"),
        ('[[person]]\nko = "Hong"\nen = "Hong"\n', "Hangul"),
        ('[[person]]\nko = "홍길동"\nen = "Hong"\nnickname = "x"\n', "unknown key(s) nickname"),
        ('[[person]]\nko = "홍길동"\nen = "Hong"\ntitle_ko = "대표"\n', None),  # a single string is allowed
        ('[[person]]\nko = "홍길동"\nen = "Hong"\ntitle_ko = [1]\n', "'title_ko' must be a list"),
        ("[people]\nx = 1\n", "unknown section(s) people"),
        ("[[person]\n", "not valid TOML"),
        ('[orgs]\n"가" = 3\n', "[orgs]"),
    ],
)
def test_user_file_errors_name_file_and_entry(tmp_path: Path, content: str, message: str | None) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(content, encoding="utf-8")
    if message is None:
        assert load_people([extra]).get("홍길동") is not None
        return
    with pytest.raises(ConfigError) as info:
        load_people([extra])
    text = str(info.value)
    assert str(extra) in text and message in text
    if "[[person]]" in content and "TOML" not in message:
        assert "[[person]] #1" in text


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_people([tmp_path / "nope.toml"])


def test_builtin_tables_are_consistent() -> None:
    table = load_people()
    for person in table.people:
        assert person.ko and person.en
        for title in person.title_ko:
            assert table.translate_title(title) is not None, (person.ko, title)
        for org in person.org_ko:
            assert table.translate_org(org) is not None, (person.ko, org)
