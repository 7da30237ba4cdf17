"""Outlets from copyright lines and e-mail domains; reporters are people (synthetic pages)."""

from __future__ import annotations

import pytest

from brief.clean import clean_text, load_outlets
from brief.clean.metadata import reporter_line

BODY = "구단 소식\n\n구단은 이날 새 감독을 선임했다. 계약 기간은 3년이다.\n\n"


def test_the_table_covers_a_hundred_outlets_with_domains() -> None:
    table = load_outlets()
    assert len(table.entries) >= 100
    assert sum(1 for e in table.entries if e.domains) >= 90
    for entry in table.entries:
        assert entry.ko and entry.en


COPYRIGHTS = [
    ("Copyright ⓒ 스포츠조선. All rights reserved.", "Sports Chosun"),
    ("ⓒ 엑스포츠뉴스, 무단 전재 및 재배포 금지", "Xportsnews"),
    ("저작권자 © 한경닷컴, 무단전재 및 재배포 금지", "The Korea Economic Daily"),
    ("Copyright © Daegu Munhwa Broadcasting Corporation. All rights reserved.", "Daegu MBC"),
    ("ⓒ 마이데일리 무단전재&재배포 금지", "My Daily"),
]


@pytest.mark.parametrize(("line", "outlet"), COPYRIGHTS)
def test_copyright_lines_name_the_outlet(line: str, outlet: str) -> None:
    assert clean_text(BODY + line).outlet.en == outlet


EMAILS = [
    ("홍길동 기자 hong@sportschosun.com", "Sports Chosun"),
    ("김하나 기자 hana@mk.co.kr", "Maeil Business Newspaper"),
    ("이두리 기자 duri@xportsnews.com", "Xportsnews"),
    ("박세찬 기자 sechan@hankyung.com", "The Korea Economic Daily"),
]


@pytest.mark.parametrize(("line", "outlet"), EMAILS)
def test_reporter_e_mail_domains_name_the_outlet(line: str, outlet: str) -> None:
    assert clean_text(BODY + line).outlet.en == outlet


CREDITS = [
    ("김철수 인턴 기자", ["김철수"]),
    ("[가나일보 이민지 인턴기자]", ["이민지"]),
    ("사진 김영희 기자", ["김영희"]),
    ("정우성 기자·최하나 인턴 기자", ["정우성", "최하나"]),
]


@pytest.mark.parametrize(("line", "names"), CREDITS)
def test_reporters_are_people_not_roles(line: str, names: list[str]) -> None:
    byline = reporter_line(line)
    assert byline is not None
    assert [name for name, _ in byline.reporters] == names


DESKS = ["특별취재팀", "디지털뉴스팀", "사회부 종합"]


@pytest.mark.parametrize("desk", DESKS)
def test_a_desk_is_no_reporter_and_ends_the_article(desk: str) -> None:
    article = clean_text(BODY + desk + "\n\n다른 기사 제목이 여기에 있다.")
    assert article.reporters == ()
    assert article.paragraphs == ("구단은 이날 새 감독을 선임했다. 계약 기간은 3년이다.",)


SIGNATURES = [
    ("가나일보 정하늘 기자", ["정하늘"], "Sports Chosun", "스포츠조선 정하늘 기자"),
    ("김민지 기자입니다.", ["김민지"], None, None),
    ("이태우 leetw@example.com", ["이태우"], None, None),
    ("장윤희(ego@example.co.kr)", ["장윤희"], None, None),
    ("뉴미디어국 하인영 inyoung@example.com", ["하인영"], None, None),
    ("[ 김한준 기자 / hanjun@example.net ]", ["김한준"], None, None),
    ("사직 | 배영은 기자 yeb@example.com", ["배영은"], None, None),
    ("KBS 뉴스 박도윤입니다.", ["박도윤"], None, None),
]


@pytest.mark.parametrize(("line", "names", "outlet", "variant"), SIGNATURES)
def test_signatures_name_the_reporter(
    line: str, names: list[str], outlet: str | None, variant: str | None
) -> None:
    article = clean_text(BODY + (variant or line))
    assert [r.name for r in article.reporters] == names
    if outlet is not None:
        assert article.outlet.en == outlet  # the outlet's name before the reporter's is no reporter


@pytest.mark.parametrize("line", ["인기 기자", "최신 기자", "다른 기자"])
def test_menu_words_before_기자_are_no_reporters(line: str) -> None:
    assert clean_text(BODY + line).reporters == ()
