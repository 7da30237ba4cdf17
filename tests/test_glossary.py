"""The translation glossary: built-in entries, user files, the people table, and matching rules."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from brief.errors import ConfigError
from brief.people import load_people
from brief.translate.glossary import Glossary, load_glossary


@pytest.fixture(scope="module")
def glossary(kt_glossary_file: Path) -> Glossary:
    """The built-in glossary with the seeds' opt-in example file."""
    return load_glossary([kt_glossary_file], people=load_people())


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("마이크로소프트", "Microsoft"),
        ("MS", "Microsoft"),
        ("한국마이크로소프트", "Microsoft Korea"),
        ("KT클라우드", "KT Cloud"),
        ("애저", "Azure"),
        ("믿음", "Mi:dm"),
        ("한국적 AI", "Korean-style AI"),
        ("한국형 AI", "Korea-specific AI"),
        ("AX", "AI transformation (AX)"),
        ("과학기술정보통신부", "Ministry of Science and ICT"),
        ("현대중공업지주", "Hyundai Heavy Industries Holdings"),
        ("현대重", "Hyundai Heavy"),
        ("SK텔레콤", "SK Telecom"),
        ("시큐어 퍼블릭 클라우드", "Secure Public Cloud"),
        ("소버린 클라우드", "sovereign cloud"),
        ("AI 원팀", "AI One Team"),
    ],
)
def test_builtin_entries(glossary: Glossary, ko: str, en: str) -> None:
    entry = glossary.get(ko)
    assert entry is not None and entry.en == en


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("마이크로소프트(MS)와 손잡았다", [("마이크로소프트", "Microsoft"), ("MS", "Microsoft")]),
        (
            "조원우 한국마이크로소프트 대표는",
            [("조원우", "Cho Won-woo"), ("한국마이크로소프트", "Microsoft Korea")],
        ),
        ("'AI 원 팀(One Team)'으로 불린다", [("AI 원 팀(One Team)", "AI One Team")]),
        ("AI원팀 결성", [("AI원팀", "AI One Team")]),  # spaces do not matter
        ("KT 클라우드의 역할", [("KT 클라우드", "KT Cloud")]),
        (
            "데이터센터의 애저(azure) 시큐어 퍼블릭 클라우드",
            [("애저(azure)", "Azure"), ("시큐어 퍼블릭 클라우드", "Secure Public Cloud")],
        ),
        (
            "김영섭 KT 대표와 사티아 나델라 MS CEO",
            [("김영섭", "Kim Young-shub"), ("사티아 나델라", "Satya Nadella"), ("MS", "Microsoft")],
        ),
        ("자체 언어모델 '믿음'이라고 하는", [("믿음", "Mi:dm")]),
    ],
)
def test_find(glossary: Glossary, text: str, found: list[tuple[str, str]]) -> None:
    assert [(text[m.start : m.end], m.entry.en) for m in glossary.find(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "SMS 인증",  # MS inside a Latin word
        "AXIS 프로젝트",  # AX inside a Latin word
        "메타버스 플랫폼",  # not Meta
        "정부는 발표했다",  # generic words from the organisation table are left to the model
        "믿음직한 파트너",  # 믿음 inside a longer word
        "한 전 총리는 말했다",  # "former Prime Minister Han", not 한전 (KEPCO) with a space inside
        "조 전 장관과 한 전 대표",  # short keys match a space inside only where written with one
    ],
)
def test_no_false_matches(glossary: Glossary, text: str) -> None:
    assert glossary.find(text) == []


def test_user_file_overrides_and_extends(tmp_path: Path, kt_glossary_file: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text('[terms]\n"믿음" = "Mideum"\n"초광대역" = "ultra-wideband"\n', encoding="utf-8")
    glossary = load_glossary([kt_glossary_file, user])
    assert glossary.get("믿음").en == "Mideum"  # type: ignore[union-attr]
    assert glossary.find("믿음이 깨졌다")[0].entry.en == "Mideum"  # the winning plain entry: always a name
    assert glossary.get("초광대역").en == "ultra-wideband"  # type: ignore[union-attr]
    assert glossary.version != load_glossary().version
    assert str(user) in glossary.sources


def test_later_user_file_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text('[orgs]\n"케이티" = "KT Corp"\n', encoding="utf-8")
    second.write_text('[orgs]\n"케이티" = "KT Corporation"\n', encoding="utf-8")
    assert load_glossary([first, second]).get("케이티").en == "KT Corporation"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[terms]\n"믿음" = ', "not valid TOML"),
        ('[words]\n"믿음" = "Mi:dm"\n', "unknown section"),
        ('[terms]\n"믿음" = ""\n', "must be non-empty"),
        ('[terms]\n"믿음" = 3\n', "must be non-empty"),
    ],
)
def test_bad_user_file_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_glossary([bad])
    assert str(bad) in str(info.value)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_glossary([tmp_path / "absent.toml"])


def test_glossary_toml_entries_are_unique() -> None:
    glossary = load_glossary()
    keys = ["".join(e.ko.split()).lower() for e in glossary.entries]
    assert len(keys) == len(set(keys))
    assert all(e.en.strip() == e.en and e.en for e in glossary.entries)


# ---------------------------------------------------------------- a term that is also an ordinary word
# "믿음" is KT's model Mi:dm in the example file and also the word for trust or belief: it is replaced
# only where the text marks it as a name.
@pytest.mark.parametrize(
    "text",
    [
        "자사 언어모델 ‘믿음 2.0’을 공개했다",  # curly quotes of its own, with a version
        '"믿음"은 경량 모델이다',  # straight quotes
        "《믿음》 모델은 공공 분야에 쓰인다",  # title brackets
        "회사는 믿음 (Midm) 기반 서비스를 늘린다",  # its Latin form in parentheses
        "`믿음`의 새 버전",  # backticks
    ],
)
def test_ordinary_word_term_is_a_name_where_marked(glossary: Glossary, text: str) -> None:
    assert [m.entry.en for m in glossary.find(text)] == ["Mi:dm"]


@pytest.mark.parametrize(
    "text",
    [
        "국민의 믿음을 저버리지 않겠다",
        "두 나라 사이의 믿음이 깨졌다",
        "종교적 믿음과 과학은 충돌하지 않는다",
        '그는 "믿음이 가장 중요하다"고 말했다',  # a quoted sentence that starts with the word
        "믿음 (信) 의 문제",  # a parenthesis, but no Latin name in it
    ],
)
def test_ordinary_word_term_is_left_to_the_model_elsewhere(glossary: Glossary, text: str) -> None:
    assert [m.entry.ko for m in glossary.find(text)] == []


def test_an_article_that_marks_the_name_once_names_it_everywhere(glossary: Glossary) -> None:
    marked = ["KT는 24일 '믿음'의 새 버전을 내놨다.", "믿음은 공공 기관에 먼저 쓰인다."]
    named = glossary.named_in(marked)
    assert named == frozenset({"믿음"})
    assert [m.entry.en for m in glossary.find(marked[1], named)] == ["Mi:dm"]
    assert glossary.named_in(["고객의 믿음에 보답하겠다.", "믿음이 쌓이려면 시간이 걸린다."]) == frozenset()


def test_ordinary_word_flag_comes_from_the_winning_file(tmp_path: Path, kt_glossary_file: Path) -> None:
    flagged = tmp_path / "flagged.toml"
    flagged.write_text('[terms]\n"신뢰" = { en = "Trust Inc.", ordinary_word = true }\n', encoding="utf-8")
    glossary = load_glossary([flagged])
    assert glossary.find("신뢰가 무너졌다") == []
    assert [m.entry.en for m in glossary.find("'신뢰'가 출시됐다")] == ["Trust Inc."]
    assert glossary.version != load_glossary().version


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[terms]\n"믿음" = { en = "Mi:dm", ordinary_word = "yes" }\n', "must be true or false"),
        ('[terms]\n"믿음" = { en = "Mi:dm", only = true }\n', "unknown key"),
        ('[terms]\n"믿음" = { ordinary_word = true }\n', "must be non-empty"),
    ],
)
def test_bad_ordinary_word_entry_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_glossary([bad])
    assert str(bad) in str(info.value)


def test_seed_story_entries_are_opt_in(kt_glossary_file: Path) -> None:
    builtin = load_glossary()
    for ko in ("믿음", "한국적 AI", "AI 원팀", "광화문 사옥", "웨스틴 조선호텔"):
        assert builtin.get(ko) is None, ko
        assert load_glossary([kt_glossary_file]).get(ko) is not None, ko


def test_find_stays_fast_with_the_full_tables() -> None:
    glossary = load_glossary(people=load_people())
    text = "김영섭 KT 대표는 종로구 사옥에서 기획재정부와 한국은행 관계자들을 만나 협력을 논의했다. " * 40
    glossary.find(text)  # compiles what it needs
    started = time.perf_counter()
    found = glossary.find(text)
    assert time.perf_counter() - started < 0.5  # about 0.03 s; one big alternation took over 5 s
    assert {m.entry.en for m in found} >= {"Ministry of Economy and Finance", "Bank of Korea"}


def test_indexed_find_matches_one_longest_first_alternation(seed_text: str, kt_glossary_file: Path) -> None:
    """The first-character index finds exactly what one alternation of all entries (longest first) finds."""
    import re

    from brief.translate.glossary import _pattern, _squash

    full = load_glossary([kt_glossary_file], people=load_people())
    entries = [e for e in full.entries if _squash(e.ko) not in full.ordinary_words][::6]  # a sixth: fast
    glossary = Glossary(entries)
    ordered = sorted(glossary.entries, key=lambda e: (-len(_squash(e.ko)), e.ko))
    regex = re.compile("|".join(f"({_pattern(e.ko)})" for e in ordered))
    text = seed_text[:5000]
    matches = [m for m in regex.finditer(text) if m.lastindex]
    expected = [(m.start(), m.end(), ordered[m.lastindex - 1].ko) for m in matches]  # type: ignore[operator]
    assert [(m.start, m.end, m.entry.ko) for m in glossary.find(text)] == expected
    assert len(expected) > 10
