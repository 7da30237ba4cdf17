"""Bylines and reporter lines: who wrote the article, with their e-mail, and which outlet printed it."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "DESK",
    "EMAIL",
    "NOT_A_NAME",
    "OUTLET_SUFFIX",
    "SURNAMES",
    "Byline",
    "anchor_credits",
    "could_be_a_name",
    "email_only",
    "leading_byline",
    "looks_like_a_name",
    "reporter_line",
    "trailing_byline",
]

_NAME = r"[가-힣]{2,4}"
_NAMES = rf"{_NAME}(?:(?:\s*[·ㆍ,、]\s*|\s+){_NAME})*"
_ROLE = (
    r"(?:기자|특파원|선임기자|전문기자|객원기자|인턴기자|수습기자|논설위원|해설위원|칼럼니스트|통신원|에디터|PD|앵커"
    r"|기상캐스터)"
)
# A newsroom desk credited instead of a person ("특별취재팀", "디지털뉴스팀", "사회부"): not a reporter.
DESK = re.compile(
    r"[/\[(]?\s*(?:[가-힣A-Za-z0-9]{1,12}\s*)?(?:특별\s*)?(?:취재\s*(?:팀|반)|기자단|편집국|보도국|"
    r"(?:디지털|온라인|인터넷|모바일)?\s*뉴스\s*(?:팀|부|센터)|[가-힣]{1,4}(?:부|팀)\s*(?:종합|기자))\s*[\])]?"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HIDDEN_EMAIL = r"\[email\s*protected\]"
_EMAIL_OR_HIDDEN = rf"(?:{EMAIL.pattern}|{_HIDDEN_EMAIL})"
# an outlet's name: one word, or two where the second has Latin letters ("이데일리 스타in", "SBS Biz")
_OUTLET = r"[가-힣A-Za-z][가-힣A-Za-z0-9&.]*(?:\s(?=[가-힣]*[A-Za-z])[가-힣A-Za-z][가-힣A-Za-z0-9]*)?"


@dataclass(frozen=True)
class Byline:
    """What a byline says: the outlet as printed (or None) and (name, e-mail or None) pairs."""

    outlet: str | None
    reporters: tuple[tuple[str, str | None], ...]
    text: str  # the byline as printed


# words of a credit that are no one's name: "김철수 인턴 기자", "사진 김영희 기자", "디지털뉴스팀 기자"
_NOT_A_NAME = frozenset(
    {
        "인턴",
        "수습",
        "객원",
        "선임",
        "전문",
        "기자",
        "사진",
        "영상",
        "취재",
        "정리",
        "디지털",
        "온라인",
        "뉴스",
        "인터넷",
        "편집",
        "그래픽",
        "종합",
        "특파원",
        "기획",
        "팀장",
        "부장",
        "차장",
        "데스크",
        "보도",
        "뉴스팀",
        "인기",
        "최신",
        "속보",
        "단독",
        "전체",
        "다른",
        "이메일",
        "문의",
        "제보",
        # the first half of a compound role noun ("시민기자", "명예기자"): a kind of reporter, no one's name
        "시민",
        "국민",
        "명예",
        "학생",
        "청소년",
        "어린이",
        "대학생",
        "주부",
        "독자",
        "종군",
        "방송",
        "신문",
        "출입",
        "담당",
        "현직",
        "전직",
        "기상",
        "여성",
        "청년",
        "소비자",
        "블로거",
        "마을",
    }
)
NOT_A_NAME = _NOT_A_NAME
# the common Korean family names (together nearly every Korean), as first syllables of a name
SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함"
    "변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉"
)


# a newsroom desk printed before the reporter's name ("보도국 홍길동 기자", "사회부 김영희 기자")
_DESK_WORD = re.compile(
    r"(?:보도|편집|취재|사회|경제|정치|국제|문화|체육|스포츠|산업|금융|증권|디지털|온라인|인터넷|뉴스|사진|영상"
    r"|전국|지방|기획|연예|생활|과학|기상)(?:국|부|팀|센터|본부|실)"
)


# a word that names a paper or a channel ("월간조선", "가나일보", "다라뉴스"), printed before "기자"
# how the names of papers and channels end ("가나일보", "다라뉴스", "마바 청소년신문")
OUTLET_SUFFIX = (
    r"(?:일보|신문|뉴스|방송|조선|경제|저널|타임스|타임즈|데일리|투데이|미디어|통신|닷컴|매일|매거진)"
)
_OUTLET_WORD = re.compile(rf"[가-힣]*{OUTLET_SUFFIX}")


# a beat before "전문기자" ("의학전문기자", "경제 전문기자"): the reporter's field, not a name
_BEAT_WORD = re.compile(r"[가-힣]{1,3}전문")


def _names(text: str) -> list[str]:
    return [n for n in re.findall(_NAME, re.sub(_ROLE, " ", text)) if could_be_a_name(n)]


# Bylines that open the first paragraph.
_LEADING = (
    # [아이뉴스24 안세준·윤소진 기자] / [이코노미스트 라예진 기자] / [임영신 기자] / [헤럴드경제=김철수 기자]
    # / [아시아경제 김철수 기자, 이영희 기자]
    re.compile(
        rf"\[\s*(?:(?P<outlet>{_OUTLET})\s*(?:[=\-|ㅣ│]\s*|\s))?"  # "ㅣ": a Hangul letter as a bar
        rf"(?P<names>{_NAMES}\s*{_ROLE}(?:\s*[,·]\s*{_NAMES}\s*{_ROLE})*)\s*\]\s*"
    ),
    # (서울=연합뉴스) 김철수 기자 = / [서울=뉴시스]김철수 기자 = / 【서울=뉴시스】김철수 기자 =
    re.compile(
        rf"[(\[【]\s*[가-힣]{{1,6}}\s*=\s*(?P<outlet>[^)\]】]{{2,15}}?)\s*[)\]】]\s*"
        rf"(?:(?P<names>{_NAMES})\s*{_ROLE}\s*=?\s*)?"
    ),
    # 아주경제=윤선훈 기자 / 머니투데이 김철수 기자 = (only with an '=' or a following '=')
    re.compile(rf"(?P<outlet>{_OUTLET})\s*=\s*(?P<names>{_NAMES})\s*{_ROLE}\s*(?:=\s*)?"),
    re.compile(rf"(?P<names>{_NAMES})\s*{_ROLE}\s*=\s*"),
)


def leading_byline(line: str) -> tuple[Byline, str] | None:
    """A byline at the start of a paragraph, and the paragraph without it; None if there is none."""
    for pattern in _LEADING:
        match = pattern.match(line)
        if match is None:
            continue
        rest = line[match.end() :].strip()
        if not rest:
            return None  # a line that is only a byline is a reporter line, not a paragraph
        names = match.groupdict().get("names") or ""
        outlet = (match.groupdict().get("outlet") or "").strip() or None
        byline = Byline(
            outlet=outlet, reporters=tuple((n, None) for n in _names(names)), text=match.group(0).strip()
        )
        return byline, rest
    return None


# One reporter with an optional e-mail: "안세준 기자(nocount-jun@inews24.com)", "김철수 기자 kim@x.com"
_ONE = re.compile(
    rf"(?P<names>{_NAMES})\s*{_ROLE}\s*(?:(?:[(<\[]|/)?\s*(?P<email>{_EMAIL_OR_HIDDEN})\s*[)>\]]?)?"
)
_ANOTHER = _ONE.pattern.replace("?P<names>", "").replace("?P<email>", "")
_REPORTER_LINE = re.compile(
    r"(?:[•·▪◦∙\-–—]\s*)?"  # a bullet of the block above the article: "• 홍길동 기자", "- 홍길동 기자"
    rf"[/\[(<‹〈]?\s*(?:[가-힣]{{1,8}}\s*\|\s*)?"  # the place of a sports dateline: "사직 | 배영은 기자"
    rf"(?:글\s*[·ㆍ]\s*사진\s*=?\s*|(?:글|정리|취재|기획)\s*[=:：]\s*|(?P<outlet>{_OUTLET})\s*=\s*"
    rf"|(?P<outlet2>{_OUTLET})\s+(?={_NAMES}\s*{_ROLE}\s*\])"
    rf"|(?P<outlet3>[가-힣A-Za-z0-9&.]{{5,20}})\s+(?={_NAMES}\s*{_ROLE}))?"  # too long for a name
    rf"(?P<body>{_ONE.pattern}(?:\s*[,·/]\s*{_ANOTHER})*)"
    rf"\s*[\])>›〉]?\s*(?:{_EMAIL_OR_HIDDEN})?\s*"
    r"(?:\+?\s*(?:구독|구독하기|구독\s*중|기자\s*페이지|다른\s*기사\s*보기|기사\s*더\s*보기)\s*)?"
)


def reporter_line(line: str) -> Byline | None:
    """A line that is only a byline: "[임영신 기자]", "김광연 기자", "아주경제=윤선훈 기자 [email protected]",
    "/안세준 기자(nocount-jun@inews24.com),윤소진 기자(sojin@inews24.com)", "홍길동 기자 hong@x.com"."""
    if len(line) > 160 or ("기자" not in line and not re.search(_ROLE, line)):
        return None
    match = _REPORTER_LINE.fullmatch(line.strip())
    if match is None:
        return None
    if line.rstrip().endswith((">", "›", "〉")) and not re.match(r"\s*[<‹〈]", line):
        return None  # "홍길동 앵커>": a broadcast's turn label, whose words follow; "< 홍길동 기자 >" signs
    outlet = (match.group("outlet") or match.group("outlet2") or match.group("outlet3") or "").strip() or None
    if outlet is None:  # "정혜연 월간조선 기자": the paper's name between the name and the title
        outlet = next((w for w in match.group("body").split() if _OUTLET_WORD.fullmatch(w)), None)
    reporters: list[tuple[str, str | None]] = []
    for one in _ONE.finditer(match.group("body")):
        email = one.group("email")
        if email and not EMAIL.fullmatch(email):
            email = None  # "[email protected]": hidden by the site's e-mail obfuscation
        names = _names(one.group("names"))
        reporters.extend((name, email if len(names) == 1 else None) for name in names)
    trailing = EMAIL.findall(line[match.start("body") + len(match.group("body")) :])
    if trailing and reporters and reporters[-1][1] is None:
        reporters[-1] = (reporters[-1][0], trailing[0])
    return Byline(outlet=outlet, reporters=tuple(reporters), text=line.strip())


_CONTACT = re.compile(rf"(?P<before>[^@]{{0,25}}?)[\s(<\[]*(?P<email>{_EMAIL_OR_HIDDEN})[\s)>\]]*")


def email_only(line: str) -> str | None:
    """The e-mail of a contact line: an e-mail address (or a hidden one) with at most a short label
    before it ("◎공감언론 뉴시스 choimj@newsis.com"); "" for a hidden address; None for other lines."""
    match = _CONTACT.fullmatch(line.strip())
    if match is None or re.search(r"[다요][.!?]", match.group("before")):
        return None
    email = match.group("email")
    return email if EMAIL.fullmatch(email) else ""


_TRAILING = re.compile(
    rf"(?<=[.!?\"'”’])\s*/?\s*(?P<byline>(?:{_OUTLET}\s*=\s*)?{_NAMES}\s*{_ROLE}\s*[(<\[]?\s*(?:{_EMAIL_OR_HIDDEN})?\s*[)>\]]?)\s*$"
)


_TRAILING_WINDOW = 300  # a trailing byline is short; searching only the tail keeps one huge line linear


def trailing_byline(line: str) -> tuple[Byline, str] | None:
    """A byline glued to the end of the last paragraph ("… 말했다. /홍길동 기자 hong@x.com")."""
    match = _TRAILING.search(line, max(0, len(line) - _TRAILING_WINDOW))  # the look-behind still sees before
    if match is None:
        return None
    byline = reporter_line(match.group("byline"))
    if byline is None:
        return None
    return byline, line[: match.start()].rstrip()


# the syllables common in Korean given names: a lone word on a line is taken for a name only when both
# syllables after the family name are among them (with the words below that read as names but are not)
_GIVEN = set(
    "가각간강건걸결겸경계고곤공관광교구국군권규균근금기길나남녀노누늘다단담대덕도돈동두득람란래량려련령례로"
    "룡루류륜률름리린림마만매명모목무문미민바박배백범법별병보복봄봉부분빈빛사산삼상새생서석선설섭성세소솔송수숙순"
    "슬승시식신실심아안애야양언엄여연열영예오옥온완요용우욱운웅원월위유윤율은을음이익인일임자작장재전정제조"
    "종주준중지진찬창채천철청초춘충치탁태택판평포표풍필하학한해행향헌혁현형혜호홍화환활황효후훈휘흠희"
)
_COMMON_WORDS = frozenset(
    {"이미지", "이메일", "이용자", "한국인", "한국어", "주민들", "전문가", "기사들", "이번주"}
)


def looks_like_a_name(word: str) -> bool:
    """A three-syllable word that reads as a Korean person's name: a common family name and two
    syllables common in given names ("이덕영"), not a word of the page ("이미지", "조회수")."""
    return (
        len(word) == 3
        and word[0] in SURNAMES
        and word[1] in _GIVEN
        and word[2] in _GIVEN
        and word not in _COMMON_WORDS
        and could_be_a_name(word)
    )


# The anchor hands over to the reporter: "먼저 홍길동 기자가 소개합니다.", "… 홍길동 국민기자가 다녀왔습니다."
_ANCHOR_CREDIT = re.compile(
    rf"(?:^|(?<=\s))(?P<name>[{SURNAMES}][가-힣]{{2}})\s*(?:[가-힣]{{2}}\s?)?(?:기자|특파원|리포터)가\s+"
    r"(?:[^.!?\"“”]{0,40}\s)?(?:소개합니다|보도합니다|전합니다|전해\s?드립니다|취재했습니다|다녀왔습니다"
    r"|정리했습니다|[가-힣]{1,2}봤습니다)[.!]?(?=\s|$)"
)


def anchor_credits(paragraph: str) -> list[str]:
    """The reporters an anchor's lead credits ("먼저 홍길동 기자가 소개합니다."): names of three
    syllables with a common family name, never a role word ("시민기자가 …")."""
    if "가 " not in paragraph:
        return []
    return [
        m.group("name")
        for m in _ANCHOR_CREDIT.finditer(paragraph)
        if m.group("name") not in _NOT_A_NAME and not _OUTLET_WORD.fullmatch(m.group("name"))
    ]


def could_be_a_name(word: str) -> bool:
    """Whether a word credited as a reporter can be a person's name: not a role word ("인턴", "시민" of
    "시민기자"), a desk ("사회부") or an outlet's name ("가나일보")."""
    return (
        word not in _NOT_A_NAME
        and not _DESK_WORD.fullmatch(word)
        and not _OUTLET_WORD.fullmatch(word)
        and not _BEAT_WORD.fullmatch(word)
    )
