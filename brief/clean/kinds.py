"""Page kinds: what a cleaned page is (article, broadcast transcript, interview, listing, forum or blog post).

``page_kind`` runs an ordered table of small rules over the signals of a cleaned page; the first rule
that holds names the kind. ``listing_items`` finds a listing page (a section or archive page of teasers)
before cleaning and cuts it into its items, so that unrelated stories are never merged into one article.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from brief.clean.metadata import leading_byline
from brief.records import PageKind

__all__ = ["PageSignals", "listing_items", "page_kind"]

# "● 기자: …", "공 보 관 - …", "김정주 회장 : …", "Q. …", "문) …": the speaker label of a transcript turn
_TURN = re.compile(
    r"^(?:[●■▶◆○◇▷-]\s*)?(?:[가-힣A-Za-z](?:[가-힣A-Za-z]|\s(?=[가-힣A-Za-z])){0,14}\s*(?::|-|：)\s+\S"
    r"|(?:Q|A|문|답)\s*[.:)]\s*\S|=\s+\S)"  # "= …": an answer whose question the page set in bold
)
# "[김철수 / 가나전자 대표 : …]", "[김철수/가나전자 대표 (어제): …]", "<녹취> 이름(지역) : …", "[인터뷰] …",
# "▶ 인터뷰 : 이름 / 직함": a
# broadcast sound bite or its label
_SOUND_BITE = re.compile(
    r"^(?:\[[^\]]{2,40}?\s:\s|\[[가-힣]{2,5}\s?/[^\]]{2,60}?[:：]\s|<\s*(?:녹취|인터뷰|싱크)\s*>|\[\s*(?:녹취|인터뷰|싱크)\s*\]"
    r"|[▶■●◆▷]\s*(?:녹취|인터뷰|싱크)\s*[:：])"
)
# "[김민수/가나시장]" on a line of its own: the label of the sound bite below it
_SPEAKER_LABEL = re.compile(r"[\[<]\s*[가-힣]{2,5}\s*/\s*[^\]\[<>@\d/]{1,30}?\s*[\]>]")
_QUESTION = re.compile(r"^[-–—]\s*\S.{0,80}[?.]$")
_SPOKEN_END = re.compile(r"(?:니다|어요|아요|에요|예요|해요|구요|군요|네요|지요|죠|[었였했겠]다)[!?]?$")
_BROADCAST_REASONS = frozenset({"broadcast label", "broadcast sign-off"})
_FORUM_REASONS = frozenset({"forum field", "board header", "post title repeated"})


@dataclass(frozen=True)
class PageSignals:
    """What the cleaner saw on a page: its paragraphs, the reasons lines were removed, and its metadata."""

    paragraphs: Sequence[str]
    removed_reasons: frozenset[str]
    has_byline: bool
    has_outlet: bool
    has_date: bool
    other_lines: Sequence[str] = ()  # the page's headings and removed lines (labels, furniture)


def _is_forum(s: PageSignals) -> bool:
    return bool(s.removed_reasons & _FORUM_REASONS)


def _is_interview(s: PageSignals) -> bool:
    """Three turns, or two turns of two speakers ("공 보 관 - …", "총 재 - …"), or two short questions
    each answered by the next paragraph ("-요즘 경기를 어떻게 보나." / "\"어렵다.\"")."""
    labels = [
        turn.group(0)[:-1]
        for p in s.paragraphs
        if (turn := _TURN.match(p)) is not None and _SOUND_BITE.match(p) is None  # "▶ 인터뷰 : …" is no turn
    ]
    if len(labels) >= 3 or len({re.sub(r"\W", "", label) for label in labels}) >= 2:
        return True
    questions = sum(
        1 for p, after in zip(s.paragraphs, s.paragraphs[1:], strict=False) if _QUESTION.match(p) and after
    )
    return questions >= 2


def _is_broadcast(s: PageSignals) -> bool:
    """A broadcaster's sign-off or labels removed, two sound bites or speaker labels, a script's
    production marks ("◀VCR▶", "앵커>"), or a report read out: most paragraphs end in the formal spoken
    "…니다." and someone signs it (a byline or an outlet)."""
    return (
        bool(s.removed_reasons & _BROADCAST_REASONS)
        or sum(1 for p in s.paragraphs if _SOUND_BITE.match(p) or _SPEAKER_LABEL.fullmatch(p)) >= 2
        or any(
            _SCRIPT_MARK.search(p)
            for p in itertools.chain(s.paragraphs, s.other_lines)
            if "▶" in p or ">" in p or "【" in p or "S/U" in p  # a mark's character first: cheap
        )
        or ((s.has_byline or s.has_outlet) and _read_out(s.paragraphs))
    )


# a broadcast script's production marks and turn labels: "◀ANC▶", "◀INT▶", "(S/U)", "앵커>", "【 기자 】"
_SCRIPT_MARK = re.compile(
    r"◀\s*(?:ANC|VCR|INT|END|SYN|CG|SOV)\s*▶|\(S/U\)"
    r"|^(?:[가-힣]{2,4}\s?)?(?:앵커|기자|국민기자|리포터|인터뷰|현장음|녹취)\s?>|^【\s*(?:앵커|기자)\s*】"
)
_FORMAL_ENDS = tuple(f"{ending}{mark}" for ending in ("니다", "니까") for mark in ".?!")
_READ_OUT_MIN = 3  # paragraphs in the formal spoken ending, and at least two thirds of them


def _read_out(paragraphs: Sequence[str]) -> bool:
    spoken = sum(1 for p in paragraphs if p.rstrip().rstrip("'\"’”").endswith(_FORMAL_ENDS))
    return spoken >= _READ_OUT_MIN and spoken * 3 >= len(paragraphs) * 2


def _is_blog(s: PageSignals) -> bool:
    """No byline, outlet or date, and written without full stops ("…끝이 났습니다")."""
    if s.has_byline or s.has_outlet or s.has_date or not s.paragraphs:
        return False
    unpunctuated = sum(1 for p in s.paragraphs if _SPOKEN_END.search(p.rstrip()))
    return unpunctuated * 2 >= len(s.paragraphs)


# Checked in order: the first rule that holds names the page.
_RULES: tuple[tuple[PageKind, Callable[[PageSignals], bool]], ...] = (
    ("forum", _is_forum),
    ("interview", _is_interview),
    ("broadcast", _is_broadcast),
    ("blog", _is_blog),
)


def page_kind(signals: PageSignals) -> PageKind:
    """The kind of a cleaned page; "article" when no other rule holds."""
    return next((kind for kind, rule in _RULES if rule(signals)), "article")


# ---------------------------------------------------------------- listings
_ITEM_TITLE = re.compile(r"^[•·▪◦\-▶▷■□●○]\s*(?P<title>\S.{4,120})$")
_TEASER_CUT = re.compile(r"(?:\.{2,}|…)\s*$")
_MIN_ITEMS = 3


def listing_items(lines: Sequence[str]) -> list[tuple[str | None, list[str]]] | None:
    """The items of a listing page as (title or None, teaser lines), or None for any other page.

    Four layouts are recognised: bulleted titles, each followed by a teaser cut with "..."; items set
    apart by separator lines ("-", "----"), each a title over a teaser cut with "..."; paragraphs
    that each open with the same byline ("[가나일보 - 홍길동 기자] …"), one story each; and teasers
    separated by date stamps, a stamp possibly split over lines ("09.11" then "2025").
    """
    return (
        _titled_teasers(lines)
        or _paired_teasers(lines)
        or _separated_teasers(lines)
        or _bylined_teasers(lines)
        or _dated_teasers(lines)
    )


def _titled_teasers(lines: Sequence[str]) -> list[tuple[str | None, list[str]]] | None:
    items: list[tuple[str | None, list[str]]] = []
    for line in lines:
        title = _ITEM_TITLE.match(line)
        if title is not None and not _TEASER_CUT.search(line):
            items.append((title.group("title").strip(), []))
        elif items and line:
            items[-1][1].append(line)
    teasers = [item for item in items if item[1]]
    cut = sum(1 for _, body in teasers if _TEASER_CUT.search(body[-1]))
    if len(teasers) < _MIN_ITEMS or cut * 2 < len(teasers):
        return None
    return teasers


def _paired_teasers(lines: Sequence[str]) -> list[tuple[str | None, list[str]]] | None:
    """Titles without bullets, each a short line that ends no sentence, right over a teaser of one
    paragraph cut with "..."; three pairs or more, holding two thirds of the page's text or more."""
    text = [line for line in lines if line]
    items: list[tuple[str | None, list[str]]] = []
    paired = 0
    for title, teaser in itertools.pairwise(text):
        if (
            len(title) <= 120
            and _SENTENCE_END.search(title) is None
            and not _TEASER_CUT.search(title)
            and len(teaser) >= _TEASER_MIN
            and _TEASER_CUT.search(teaser)
        ):
            items.append((title, [teaser]))
            paired += len(title) + len(teaser)
    if len(items) < _MIN_ITEMS or paired * 3 < sum(len(line) for line in text) * 2:
        return None
    return items


# a line that only separates two items: "-", "----", "* * *", "＿＿＿"
_SEPARATOR = re.compile(r"[-–—=_＿*~·•]+(?:\s*[-–—=_＿*~·•]+)*")
_SENTENCE_END = re.compile(r"[.?!。](?:['\"’”」』)\]]|\s)*$")


def _separated_teasers(lines: Sequence[str]) -> list[tuple[str | None, list[str]]] | None:
    """Items between separator lines, each a title (a short line that ends no sentence) over teaser
    text; three items or more, most of them cut with "..." (the page before the first separator, its
    menus, is no item)."""
    segments: list[list[str]] = [[]]
    for line in lines:
        if not line:
            continue
        if len(line) <= 80 and _SEPARATOR.fullmatch(line):
            if segments[-1]:
                segments.append([])
        else:
            segments[-1].append(line)
    if len(segments) <= _MIN_ITEMS:
        return None
    items = [
        (segment[0], segment[1:])
        for segment in segments[1:]
        if len(segment) >= 2
        and len(segment[0]) <= 120
        and _SENTENCE_END.search(segment[0]) is None
        and sum(len(line) for line in segment[1:]) >= _TEASER_MIN
    ]
    cut = sum(1 for _, body in items if _TEASER_CUT.search(body[-1]))
    if len(items) < _MIN_ITEMS or len(items) * 4 < (len(segments) - 1) * 3 or cut * 2 < len(items):
        return None
    return [(title, body) for title, body in items]


def _bylined_teasers(lines: Sequence[str]) -> list[tuple[str | None, list[str]]] | None:
    starts = [(i, led[0].text) for i, line in enumerate(lines) if (led := leading_byline(line)) is not None]
    if len(starts) < _MIN_ITEMS or len({text for _, text in starts}) != 1:
        return None  # one byline opens the article; the same byline over several stories is a listing
    first = starts[0][0]
    if any(line and leading_byline(line) is None for line in lines[:first] if len(line) > 60):
        return None  # running text before the first item: an article that quotes a byline later
    bounds = [i for i, _ in starts] + [len(lines)]
    return [(None, [line for line in lines[a:b] if line]) for a, b in itertools.pairwise(bounds)]


# a line that is only a date stamp, or a piece of one ("09.11", "2025", "2025.09.11", "9월 11일 (목)")
_STAMP = re.compile(
    r"(?:(?:19|20)\d{2}\s*[.\-/년]\s*)?\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*일?\.?(?:\s*\(?[월화수목금토일]\)?)?"
    r"(?:\s*\d{1,2}:\d{2})?|(?:19|20)\d{2}\s*년?"
)
_TEASER_MIN = 40  # a teaser is a few sentences; a bare linked title is shorter


def _dated_teasers(lines: Sequence[str]) -> list[tuple[str | None, list[str]]] | None:
    """Teasers separated by date stamps: three or more runs of text of teaser length, each after (or
    each before) a stamp, holding more text than the page around them."""
    segments: list[list[str]] = [[]]
    stamps = 0
    for line in lines:
        if not line:
            continue
        if len(line) <= 25 and _STAMP.fullmatch(line):
            if segments[-1]:
                segments.append([])
            stamps += 1
        else:
            segments[-1].append(line)
    if stamps < _MIN_ITEMS or len(segments) < _MIN_ITEMS:
        return None
    date_first = sum(len(line) for line in segments[-1]) >= _TEASER_MIN
    items, rest = (segments[1:], segments[:1]) if date_first else (segments[:-1], segments[-1:])
    teasers = [item for item in items if sum(len(line) for line in item) >= _TEASER_MIN]
    if len(teasers) < _MIN_ITEMS or len(teasers) * 4 < len(items) * 3:
        return None
    inside = sum(len(line) for item in teasers for line in item)
    outside = sum(len(line) for segment in rest for line in segment)
    if outside >= inside:
        return None
    return [(None, item) for item in teasers]
