"""Photo captions: the credit that marks them ("[사진=KT]", "/ KT", "(사진 제공 = KT)"), and stripping it."""

from __future__ import annotations

import re

from brief.clean.metadata import SURNAMES as _SURNAMES

__all__ = [
    "caption_text",
    "is_caption_like",
    "is_credit_only",
    "is_wire_photo_credit",
    "name_caption",
    "split_credit",
]

_CREDIT_WORDS = (
    r"(?:사진|그래픽|자료|이미지|영상|제공|출처|캡처|일러스트"
    r"|사진\s*제공|자료\s*제공|사진\s*출처|자료\s*사진|사진\s*자료)"
)
# "[사진=KT]", "[사진 KT]", "[사진 제공 = KT]", "(사진=연합뉴스)", "<사진=KT>",
# "[연합뉴스 자료사진]", "[게티이미지]"
_BRACKETED = re.compile(
    r"[\[(<【]\s*(?:"
    + _CREDIT_WORDS
    + r"\s*[=:]?\s*[^\]\)>】]{0,40}|[^\]\)>】]{1,30}\s*(?:자료\s*사진|제공|캡처|DB|DB\s*금지|금지)"
    r"|(?:게티\s*이미지|getty\s*images?|셔터스톡|shutterstock|AP|AFP|로이터|EPA|연합뉴스)[^\]\)>】]{0,20})\s*[\]\)>】]",
    re.IGNORECASE,
)
# "… 있다. / KT", "… 2024.10.1/뉴스1", "… 있다. 사진=KT" at the end of a caption line
_SLASH = re.compile(r"(?:(?<=[.다)\d])\s*|\s+)/\s*(?P<credit>[^/]{1,40})$")
_FRACTION = re.compile(r"\d/\d")
_BARE = re.compile(r"\s+" + _CREDIT_WORDS + r"\s*=\s*[^=]{1,30}$")
_CLOSERS = ("]", ")", ">", "】")
_CAPTION_DATE = re.compile(r"\s*(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?$")
# "[사진=KT] 김영섭 대표가 발언하고 있다." — a credit that opens the caption
_CREDIT_AT_START = re.compile(
    r"\s*(?P<credit>[\[(<【]\s*" + _CREDIT_WORDS + r"\s*[=:]\s*[^\]\)>】]{1,40}[\]\)>】])\s*(?P<rest>\S.*)"
)
_BRACKETED_AT_END = re.compile(rf"(?P<credit>{_BRACKETED.pattern})$", re.IGNORECASE)
_TAIL = re.compile(r"(?<=[.다])\s+(?P<credit>[^\s.]{1,15}\s*(?:자료\s*사진|사진\s*제공|제공|DB))$")
# a person's place in the photo, in brackets after the name: "(왼쪽)", "(오른쪽 둘째)", "(앞줄 가운데)"
_POSITION = re.compile(r"[가-힣A-Za-z]\((?:사진\s*)?(?:맨\s*)?(?:왼쪽|오른쪽|가운데|앞줄|뒷줄)[^()]{0,12}\)")
_SHOWN_DOING = re.compile(r"(?:하고|고)\s*있다\.")
_PHOTO_MENTION = re.compile(r"사진\s*(?:은|속|\s)?\s*(?:왼쪽|오른쪽|가운데|위|아래|맨\s*왼쪽|앞줄|뒷줄)")
_PHOTO_VERB = re.compile(r"(?:하고|고|며)\s*있다\.$|(?:포즈|기념\s*촬영|기념\s*사진).{0,20}(?:있다|했다)\.$")


# a wire photo's tail: "(사진=삼성전자 제공) 2024.11.12. photo@newsis.com *재판매 및 DB 금지" (only photos
# carry the no-resale note); the source, the date and the photo desk's e-mail are part of the credit
_WIRE_TAIL = re.compile(
    r"\s*(?:[\[(]\s*" + _CREDIT_WORDS + r"\s*[=:]?[^\])]{0,40}[\])]\s*)?"
    r"(?:(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?\s*)?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*)?"
    r"(?:[|│¦]\s*)?(?:\*?\s*재판매\s*및\s*DB\s*금지\.?)?$",
    re.IGNORECASE,
)
# "[서울=뉴시스] …", "(서울=연합뉴스) …": a wire dateline tag that opens a photo caption
_DATED_EMAIL = re.compile(r"(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?\s*[\w.+-]+@")
_DATELINE_TAG = re.compile(
    r"^[\[(【]\s*[가-힣]{1,6}\s*=\s*[^\])】]{1,12}[\])】]\s*(?:[가-힣]{2,4}\s*기자\s*=\s*)?"
)

_LEADING_BAR = re.compile(r"^\|\s*(?=\S)")
_TRAILING_BAR = re.compile(r"(?<=\S)\s*[|│¦]+$")
_WINDOW = 100  # a credit is short: only the end of a line is searched
_CREDIT_MARKS = ("/", "=", "@", "사진", "제공", "DB")  # one of them is in every credit's tail


def is_wire_photo_credit(credit: str) -> bool:
    """A wire photo's credit: the photo's date and the photo desk's e-mail ("2019.03.14 photo@x.com"),
    or the no-resale note that only photos carry."""
    return _DATED_EMAIL.search(credit) is not None or "재판매" in credit


def split_credit(line: str) -> tuple[str, str] | None:
    """(caption text, credit) when ``line`` ends with a photo credit, else None."""
    line = _TRAILING_BAR.sub("", line.rstrip())  # "… 2019.03.14 photo@x.com |": a table cell's edge
    line = _LEADING_BAR.sub("", line)  # "| 가수 홍길동(사진=가나엔터)": the cell's other edge
    cut = max(0, len(line) - _WINDOW)
    tail = line[cut:]
    if not any(mark in tail for mark in _CREDIT_MARKS) and not line.endswith(_CLOSERS):
        return None  # the common case, decided without a regular expression
    wire = _WIRE_TAIL.search(tail)
    # the no-resale note, or a photo's date and the photographer's e-mail together, mark a wire caption
    marked = wire is not None and ("금지" in wire.group(0) or _DATED_EMAIL.search(wire.group(0)) is not None)
    if wire is not None and marked and wire.start() > 0:
        text = _DATELINE_TAG.sub("", line[: cut + wire.start()].rstrip())
        return (text, wire.group(0).strip()) if text else None
    tagged = _DATELINE_TAG.match(line)
    dated = (
        _CAPTION_DATE.search(tail) if tagged is not None and tagged.group(0).rstrip().endswith("=") else None
    )
    if tagged is not None and dated is not None and dated.start() > 0:
        # "[서울=뉴시스] 홍길동 기자 = … 정박해 있다. 2023.4.12": a wire photo's caption, dated by its photo
        text = line[tagged.end() : cut + dated.start()].rstrip()
        return (text, dated.group(0).strip()) if text else None
    if line.endswith(_CLOSERS):
        match = _BRACKETED_AT_END.search(tail)
        if match is not None:
            return line[: cut + match.start()].rstrip(), match.group("credit")
    slash = _SLASH.search(tail)
    if slash is not None and _splits_brackets(line[: cut + slash.start()], slash.group("credit")):
        slash = None  # "(가나공원 / 다라시 동구)": a place in brackets, not a caption and its credit
    if slash is not None and _FRACTION.match(tail, max(0, slash.start() - 1)) is not None:
        slash = None  # "1/1", "3/10": a count or a page number, not a credit
    if (
        slash is not None
        and not _looks_like_sentence(slash.group("credit"))
        and "기자" not in slash.group("credit")[-4:]
    ):
        return line[: cut + slash.start()].rstrip(), slash.group(0).strip()
    if slash is not None and re.search(r"(?:사진|제공|뉴스\d*|DB|ⓒ)", slash.group("credit")):
        return line[: cut + slash.start()].rstrip(), slash.group(0).strip()
    for pattern in (_BARE, _TAIL):
        found = pattern.search(tail)
        if found is not None:
            return line[: cut + found.start()].rstrip(), found.group(0).strip()
    return None


def _splits_brackets(text: str, credit: str) -> bool:
    """A cut that leaves a bracket open before it and closes it after it."""
    return text.count("(") > text.count(")") and credit.count(")") > credit.count("(")


def _looks_like_sentence(text: str) -> bool:
    return len(text) > 25 or text.rstrip().endswith(("다.", "다"))


def is_credit_only(line: str) -> bool:
    """A line that is only a photo credit ("[사진=KT]", "/ KT", "사진 제공=KT")."""
    if _BRACKETED.fullmatch(line.strip()):
        return True
    return re.fullmatch(r"/?\s*" + _CREDIT_WORDS + r"\s*[=:|]\s*\S.{0,30}", line.strip()) is not None


def is_caption_like(line: str) -> bool:
    """A caption without a credit: it names who is where in the photo ("사진 왼쪽부터 …", or "NAME(왼쪽
    둘째)와 NAME(오른쪽)이 … 들어 보이고 있다.", a position after a name in a line that shows an action)."""
    if len(line) > 600:
        return False
    return _PHOTO_MENTION.search(line) is not None or (
        _POSITION.search(line) is not None and _SHOWN_DOING.search(line) is not None
    )


# A photo of a person captioned with only the name and title ("▲ 홍길동 가나시 노인회 부회장"): a family
# name (the common ones), a given name, then up to five words whose last is a title or a role
_NAME_CAPTION = re.compile(
    rf"[▲△]\s*(?P<name>[{_SURNAMES}][가-힣]{{1,3}})\s+(?:[가-힣A-Za-z0-9·()]+\s+){{0,5}}"
    r"[가-힣]*(?:회장|위원장|의장|이사장|원장|총장|관장|청장|단장|소장|지회장|협의회장|부장|국장|과장|실장|센터장"
    r"|사장|시장|군수|구청장|지사|장관|차관|대표|이사|의원|위원|교수|총재|감독|선수|코치|작가|변호사|박사|연구원|대변인|고문"
    r"|회원|주민|교사|씨)(?:\s*\([^()]{1,12}\))?"
)
# places whose names end like a title ("행사장" like "사장", "전통시장" like "시장")
_PLACE_JANG = re.compile(
    r"(?:행사장|전시장|회의장|경기장|전통시장|재래시장|수산시장|청과시장|주식시장|증권시장)\s*$"
)


def name_caption(line: str) -> str | None:
    """The caption of a person's photo that gives only a name and a title ("▲ 홍길동 가나시 노인회 부회장"),
    without its bullet; None for other lines."""
    if len(line) > 60:
        return None
    match = _NAME_CAPTION.fullmatch(line.strip())
    if match is None:
        return None
    if _PLACE_JANG.search(line):
        return None
    return line.strip().lstrip("▲△").strip()


def looks_like_photo_description(line: str) -> bool:
    """A sentence that describes a photo ("… 기념촬영을 하고 있다.") — used only for repeated lines."""
    return _PHOTO_VERB.search(line) is not None


def caption_text(line: str) -> tuple[str, str | None]:
    """The caption without its credit, and the credit (or None)."""
    split = split_credit(line)
    if split is not None:
        dated = _CAPTION_DATE.search(split[0])  # "… 계량기. 2024.10.10/뉴스1": the photo's date goes too
        if dated is not None and dated.start() > 0:
            return split[0][: dated.start()].strip(), dated.group(0).strip() + split[1]
        return split[0].strip(), split[1]
    leading = _CREDIT_AT_START.match(line)
    if leading is not None:
        return leading.group("rest").strip(), leading.group("credit")
    return line.strip(), None
