"""The translation glossary: built-in entries, user files, the people table, and matching rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.errors import ConfigError
from brief.people import load_people
from brief.translate.glossary import Glossary, load_glossary


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(people=load_people())


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
    ],
)
def test_no_false_matches(glossary: Glossary, text: str) -> None:
    assert glossary.find(text) == []


def test_user_file_overrides_and_extends(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text('[terms]\n"믿음" = "Mideum"\n"초광대역" = "ultra-wideband"\n', encoding="utf-8")
    glossary = load_glossary([user])
    assert glossary.get("믿음").en == "Mideum"  # type: ignore[union-attr]
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
