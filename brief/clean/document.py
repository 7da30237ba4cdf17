"""clean_document: a decoded page -> an Article with the article's text, all of it, and nothing else.

The page is read line by line. Each line is first classified on its own (clutter with a reason, photo
caption, byline, heading, text), then the article is located: it starts at the first byline-led or
running-text line and ends at the first byline / e-mail / copyright line after it. Text lines before
the start are the headline and sub-headlines; everything after the end is dropped. Every line that
does not reach the article is kept in ``Article.removed`` with the rule that removed it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import logging
import re
from dataclasses import dataclass, field

from brief.clean import boilerplate as bp
from brief.clean.captions import (
    caption_text,
    is_caption_like,
    is_credit_only,
    is_wire_photo_credit,
    looks_like_photo_description,
    name_caption,
    split_credit,
)
from brief.clean.dates import (
    dateline_date,
    epoch_ms_dates,
    filename_date,
    parse_iso_date,
    pick_date,
    starts_with_date,
)
from brief.clean.html import HtmlExtract, extract_html
from brief.clean.kinds import PageSignals, listing_items, page_kind
from brief.clean.layout import repair_layout
from brief.clean.metadata import (
    DESK,
    EMAIL,
    NOT_A_NAME,
    OUTLET_SUFFIX,
    SURNAMES,
    Byline,
    anchor_credits,
    could_be_a_name,
    email_only,
    leading_byline,
    looks_like_a_name,
    reporter_line,
    trailing_byline,
)
from brief.clean.normalize import HANGUL, hangul_count, normalize_line, normalize_text
from brief.clean.outlets import OutletTable, load_outlets
from brief.errors import InputError
from brief.fetch.sidecar import complete_article
from brief.records import (
    Article,
    DateEvidence,
    Heading,
    Outlet,
    PageKind,
    RawDocument,
    RemovedLine,
    Reporter,
)

__all__ = ["article_id", "clean_document", "clean_page", "clean_text"]

log = logging.getLogger(__name__)

_IMAGE_FILE = re.compile(r"(?:\S*/)?[\w.\-%]+\.(?:jpe?g|png|gif|webp|bmp|svg)(?:\?\S*)?", re.IGNORECASE)
# the label of a newsroom contact line: tips, questions, "e-mail :" after a bullet
_TIP_LABEL = re.compile(r"제보|문의|보도\s*자료|[▷▶☞※]\s*(?:이메일|e-?mail|메일)", re.IGNORECASE)
_HEADING_MARK = re.compile(r"^[◇◆■□▣▶●○◈]\s*(?P<text>\S.*)$")
# the speaker label of a transcript turn ("● 기자: …", "■ 앵커 : …", "▶ 유지환: …"): a turn, not a heading
_TURN_LABEL = re.compile(r"[가-힣A-Za-z]{1,10}(?:\s[가-힣A-Za-z]{1,10})?\s*:\s*\S")
# an item of a roundup column of remarks: a mark, often an ellipsis, the remark in quotes, then "=" and
# who said it ("○…\"예산은 충분하다\" = 김 장관이 답하며."): a paragraph, not a heading
_ROUNDUP_ITEM = re.compile(r"^(?:[◇◆■□▣▶●○◈]\s*)?(?:…|\.{2,3})?\s*[\"“][^\"“”]{2,}[\"”]\s*=\s*\S")
# a closed quotation that the sentence goes on from ("\"…처음\"이라며", "“…늘리겠다”고"): the remark is
# whole even when the scraper cut the sentence after it
_CLOSED_QUOTE_GOES_ON = re.compile(r"[\"“][^\"“”]{4,}[\"”](?=[가-힣])")
# a remark printed on a line of its own ("\"끝까지 뛰자\""), before the line that names who said it
_STANDALONE_QUOTE = re.compile(r"^[\"“]+[^\"“”]{2,}[\"”]$")
# the next line names the speaker of that remark: "… 이렇게 말했다.", "… 감독의 말.", "…라고 밝혔다."
_NAMES_THE_SPEAKER = re.compile(
    r"^[^.!?]{0,80}?(?:(?:말|밝히|밝혔|전했|강조했|설명했|답했|덧붙였|주장했|언급했|토로했|당부했|털어놨|털어놓았"
    r"|외쳤|다짐했|소감을\s*밝혔)[가-힣]{0,4}|의\s*(?:말|설명|각오|소감)(?:이다)?)[.!]"
)
_LIST_START = re.compile(r"^(?:[△▲\-•·※*]|\d+[.)]|[①-⑳])")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-|:<>–—]|::)\s+")
_URL = re.compile(r"(?:(?:기사\s*)?(?:URL|주소|원문|링크)\s*[:：]?\s*)?https?://\S+", re.IGNORECASE)
_OUTLET_TAG = re.compile(r"[\[【(]\s*(?P<name>[^\]】)=]{2,15}?)\s*[\]】)]\s*(?=\S)")
_DATELINE_REPORTER = re.compile(r"([가-힣]{2,4})\s*기자")
_SOURCE_LINK = re.compile(
    r"(?:[▶▷■●•\-]\s*)?(?:from|source|via|출처|(?:기사\s*)?원문)\s*[:：]?\s*"
    r"(?:(?P<name>[^\s:：].{0,29}?)\s*[:：]?\s*)?(?P<url>https?://\S+)",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(r"(?:기사\s*제공|출처|제공|발행처)\s*[:=|]?\s*(?P<name>.+)")
# a reporter's name and e-mail without a title ("이태우 leetw@x.com", "장윤희(ego@x.co.kr)")
_NAMED_EMAIL = re.compile(
    r"(?:[가-힣A-Za-z]{1,10}(?:국|부|팀|센터)\s+)?"  # the desk, "뉴미디어국 하인영 …"
    r"(?P<name>[가-힣]{2,4})\s*[(<\[]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[)>\]]?$"
)
# the reporter who signs off a broadcast report
_SIGNED_OFF = re.compile(
    r"(?P<name>[가-힣]{2,4})(?:\s*(?:전문|선임|수석)?\s*기자)?(?:입니다|가\s*보도합니다|의\s*보도입니다)"
)
_SIGNING = frozenset({"broadcast sign-off", "reporter profile"})  # lines that name their reporter
_ANCHOR_NAMED = re.compile(r"(?:앵커|진행)\s*[:：]?\s*(?P<name>[가-힣]{2,4})")
_CAPTION_BULLET = re.compile(r"^[▲△]\s*")
_LISTED_CAPTION = re.compile(r"^(?:[•·]\s*)?[▲△]\s*")  # "• ▲ …": a caption in a list of photos
# a photo's credit with a copyright sign: "ⓒ한국프로축구연맹 제공", "© 가나시 제공", "사진 ⓒ 가나구청"
_PHOTO_COPYRIGHT = re.compile(r"[ⓒ©]\s*[^\s=ⓒ©]{2,20}\s*제공\s*|사진\s*[ⓒ©]\s*[^\s=ⓒ©]{2,20}\s*(?:제공)?\s*")
# a wire's dateline tag with the photographer ("[서울=뉴시스] 홍길동 기자 = …") over a line credited with
# the photo's date ("… 2019.03.14", "… 2019.03.14 photo@x.com"): a wire photo's caption
_WIRE_TAG = re.compile(r"[\[(【]\s*[가-힣]{1,6}\s*=\s*[^\])】]{1,12}[\])】]\s*[가-힣]{2,4}\s*기자\s*=")
_DATED_CREDIT = re.compile(r"(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?\s*/\s*[^/\s][^/]{0,60}")
_PHOTO_DATE = re.compile(r"^(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?(?:\s|$)")
# a bracketed tag that names only the kind of page ("[영상]", "[포토]"), with no source: no photo credit
_MEDIA_TAG = re.compile(
    r"[\[(<【]\s*(?:현장\s*)?(?:영상|동영상|사진|포토|그래픽|화보|카드\s*뉴스)\s*[\])>】]"
)
_SUMMARY_TAG = re.compile(
    r"^[\[【<(]\s*(?:AI\s*|\d\s*줄\s*|핵심\s*)?요약\s*[\]】>)]\s*\S|^(?:AI\s*)?요약\s*[:：]\s*\S"
)
# the words of a reporter-photo widget around the name ("기자이미지 홍길동", "홍길동 기자 사진")
_PHOTO_WIDGET_WORDS = re.compile(
    r"기자|리포터|앵커|특파원|이미지|사진|프로필|얼굴|썸네일|photo|image|(?<=\S)의(?=\s)"
)
_SUB_BULLET = re.compile(r"^(?:[-–—▶▷■□◆◇ㄴ·•]|\.{2,})\s*")
# a Korean sentence ending written without a full stop (blogs, forums): "…했습니다", "…있더라구요"
_SPOKEN_END = re.compile(r"(?:니다|어요|아요|에요|예요|해요|구요|군요|네요|지요|죠|[었였했겠]다)$")
_INNER_SENTENCE = re.compile(r"[다요][.!?]\s")
# a broadcast's speaker label on a line of its own, before what the speaker said: "[김민수/가나시장]",
# "[이영희 / 나라지방법원 공보판사]"
SPEAKER_LABEL = re.compile(r"[\[<]\s*[가-힣]{2,5}\s*/\s*[^\]\[<>@\d/]{1,30}?\s*[\]>]")
# a broadcast's sound-bite label over (or before) what was said: "▶ 인터뷰 : 김민수 / 가나시 시장",
# "<녹취> 이영희(가나군) :", "[인터뷰] 박철수 / 주민". The quote stage reads the speaker from it: it stays
# a body paragraph exactly as printed (not a heading, a caption with a credit, or a promotion)
SOUND_BITE_LABEL = re.compile(
    r"(?:[▶■●◆▷-]\s*)?[\[<◀]?\s*(?:인터뷰|녹취|싱크|현장음|INT|SYNC)\s*[\]>▶]?\s*[:：]?\s*"
    r"[가-힣A-Za-z]{1,10}(?:\s[가-힣A-Za-z]{1,10}){0,2}(?:\s*[/(][^:：\"“”\[\]<>]{1,40}\)?)?\s*[:：]?",
    re.IGNORECASE,
)
_SPEECH_START = re.compile(r"^[\"“'‘「『]")
# the interviewer's turn of a Q&A page: "Q. …", "Q) …", "문: …", "질문 : …"
_QUESTION_TURN = re.compile(r"^(?:Q|문|질문)\s*[.:)：]\s*\S")
# the page's reporter field: "기자명 홍길동", "• 기자명 홍길동", "작성기자: 홍길동"
_REPORTER_LABEL = re.compile(
    r"(?:[•·▪◦-]\s*)?(?:기자명|기자\s*이름|작성\s*기자)\s*[:：]?\s*(?P<name>[가-힣]{2,4})(?:\s*기자)?"
)
_MIN_HANGUL = 20  # fewer Hangul syllables than this in the article text: not a Korean article


@dataclass
class _Line:
    text: str
    index: int = 0  # position on the page, for listing removed lines in page order
    kind: str = "text"  # blank | removed | caption | heading | text | headline (below the body)
    reason: str = ""
    caption: str = ""


@dataclass
class _Evidence:
    outlets: list[tuple[int, Outlet, bool]] = field(default_factory=list)  # (priority, outlet, known)
    reporters: list[Reporter] = field(default_factory=list)
    dates: list[tuple[dt.date, DateEvidence]] = field(default_factory=list)
    late_dates: list[tuple[dt.date, DateEvidence]] = field(default_factory=list)  # "수정" stamps
    # every dateline as (line index, date, evidence, is_update): kept only where a dateline belongs
    datelines: list[tuple[int, dt.date, DateEvidence, bool]] = field(default_factory=list)
    listed: set[int] = field(default_factory=set)  # lines of a list of dates
    removed: list[tuple[float, RemovedLine]] = field(default_factory=list)  # (page position, line)
    loose_emails: list[str] = field(default_factory=list)  # e-mails seen before any reporter's name

    def drop(self, where: _Line | float, text: str, reason: str) -> None:
        """Record a removed piece of text and the rule that removed it."""
        position = where.index if isinstance(where, _Line) else where
        self.removed.append((position, RemovedLine(text, reason)))

    def add_reporter(self, name: str, email: str | None) -> None:
        if not could_be_a_name(name):
            return  # "시민" of "시민기자", "인턴", "사회부": reporters are people
        for i, known in enumerate(self.reporters):
            if known.name == name:
                if email and not known.email:
                    self.reporters[i] = Reporter(name=name, email=email)
                return
        self.reporters.append(Reporter(name=name, email=email or None))

    def add_email(self, email: str) -> None:
        """An e-mail on its own line belongs to the last reporter named without one."""
        for i in range(len(self.reporters) - 1, -1, -1):
            if self.reporters[i].email is None:
                self.reporters[i] = Reporter(name=self.reporters[i].name, email=email)
                return
        self.loose_emails.append(email)

    def settle_emails(self) -> None:
        """E-mails printed apart from any name go to the reporters still without one, in order."""
        for email in self.loose_emails:
            if any(r.email == email for r in self.reporters):
                continue
            for i, reporter in enumerate(self.reporters):
                if reporter.email is None:
                    self.reporters[i] = Reporter(name=reporter.name, email=email)
                    break
        self.loose_emails.clear()


def clean_document(raw: RawDocument, outlets: OutletTable | None = None) -> Article:
    """Clean one decoded page (text or HTML). Raises InputError when it holds no Korean article,
    and for a listing page (a page of teasers: ``clean_page`` splits it into its items)."""
    hints: HtmlExtract | None = extract_html(raw.text) if raw.media_type == "html" else None
    text = repair_layout(normalize_text(hints.text if hints is not None else raw.text))
    items = listing_items(text.split("\n"))
    if items is not None:
        raise InputError(raw.path, f"listing page, {len(items)} teasers: not one article")
    article = _clean_repaired(
        text,
        source=str(raw.path),
        encoding=raw.encoding,
        media_type=raw.media_type,
        hints=hints,
        outlets=outlets,
    )
    if raw.web is None:
        return article
    return complete_article(article, raw.web, outlets if outlets is not None else load_outlets())


def clean_page(
    raw: RawDocument, outlets: OutletTable | None = None, *, split_listings: bool = True
) -> list[Article]:
    """Clean one decoded page into its articles: one for an article page, one per teaser for a listing
    page (``source`` "path#N", kind "listing"). Raises InputError when it holds no Korean article.

    ``split_listings=False``: a listing page is one record of kind "listing" (see ``listing_page``),
    as ``brief clean`` and ``brief quotes`` show it; the later stages take its teasers one by one."""
    hints: HtmlExtract | None = extract_html(raw.text) if raw.media_type == "html" else None
    text = repair_layout(normalize_text(hints.text if hints is not None else raw.text))
    items = listing_items(text.split("\n"))
    if items is None:
        article = _clean_repaired(
            text,
            source=str(raw.path),
            encoding=raw.encoding,
            media_type=raw.media_type,
            hints=hints,
            outlets=outlets,
        )
        return [article if raw.web is None else complete_article(article, raw.web, outlets or load_outlets())]
    articles = []
    for n, (title, body) in enumerate(items, 1):
        try:
            article = _clean_repaired(
                "\n\n".join(body),
                source=f"{raw.path}#{n}",
                encoding=raw.encoding,
                media_type=raw.media_type,
                outlets=outlets,
                kind="listing",
            )
        except InputError:
            continue  # a teaser with too little text
        if title is not None and article.headline is None:
            article = dataclasses.replace(article, headline=title)
        if (
            raw.web is not None
        ):  # the page's address, not its feed entry's title or date: those are the page's
            web = dataclasses.replace(raw.web, feed_title=None, feed_date=None)
            article = complete_article(article, web, outlets or load_outlets())
            article = dataclasses.replace(article, source=f"{article.source}#{n}")
        articles.append(article)
    if not articles:
        raise InputError(raw.path, f"listing page, {len(items)} teasers, none with article text")
    return articles if split_listings else [listing_page(articles)]


def listing_page(teasers: list[Article]) -> Article:
    """A listing page as one record: its teasers' texts one after another, each teaser a section whose
    heading is the teaser's title (so nothing, a speaker least of all, carries over from one teaser to
    the next). A page of teasers has no headline and no date of its own: those are each teaser's."""
    paragraphs: list[str] = []
    headings: list[Heading] = []
    for n, teaser in enumerate(teasers, 1):
        headings.append(Heading(text=teaser.headline or f"({n})", before=len(paragraphs)))
        headings += [Heading(h.text, h.before + len(paragraphs)) for h in teaser.headings]
        paragraphs += teaser.paragraphs
    reporters = list({r.name: r for t in teasers for r in t.reporters}.values())
    outlets = [t.outlet for t in teasers if t.outlet.ko or t.outlet.en]
    first = teasers[0]
    return dataclasses.replace(
        first,
        id=article_id(paragraphs),
        source=first.source.rpartition("#")[0] or first.source,  # the page's path or address
        headline=None,
        subheadlines=(),
        paragraphs=tuple(paragraphs),
        captions=tuple(c for t in teasers for c in t.captions),
        outlet=outlets[0] if outlets else first.outlet,
        reporters=tuple(reporters),
        date=None,
        date_evidence=None,
        headings=tuple(headings),
        removed=tuple(r for t in teasers for r in t.removed),
        truncated=teasers[-1].truncated,
    )


def clean_text(
    text: str,
    *,
    source: str = "<text>",
    encoding: str = "utf-8",
    media_type: str = "text",
    hints: HtmlExtract | None = None,
    outlets: OutletTable | None = None,
    kind: PageKind | None = None,
) -> Article:
    """Clean the text of one page (one block a line). See the module docstring for the method.

    ``kind`` is the page's kind when the caller knows it (a listing's item); else it is recognised."""
    return _clean_repaired(
        repair_layout(normalize_text(text)),
        source=source,
        encoding=encoding,
        media_type=media_type,
        hints=hints,
        outlets=outlets,
        kind=kind,
    )


def _clean_repaired(
    text: str,
    *,
    source: str,
    encoding: str = "utf-8",
    media_type: str = "text",
    hints: HtmlExtract | None = None,
    outlets: OutletTable | None = None,
    kind: PageKind | None = None,
) -> Article:
    """``clean_text`` after normalisation and layout repair."""
    table = outlets if outlets is not None else load_outlets()
    if HANGUL.search(text) is None:
        raise InputError(source, "no Korean text found; brief reads Korean news articles")
    evidence = _Evidence()
    lines = [_Line(t, i) for i, t in enumerate(text.split("\n"))]
    _classify(lines, evidence, table)
    _name_captions(lines)
    _drop_summary_boxes(lines, evidence)
    _drop_summary_points(lines, evidence)
    _drop_dated_lists(lines, evidence)
    _mark_duplicates(lines, evidence)
    _board_subject(lines, evidence)
    _board_title(lines, evidence)
    _credited_photo_over_lead(lines)
    _repeated_title(lines, evidence)

    lo, hi = _main_segment(lines)
    start = _body_start(lines, lo, hi)
    if start is None:
        raise InputError(source, f"no article text found: {_what_the_page_is(lines)}")
    start = _lead_above(lines, lo, start, evidence, titled=hints is not None and bool(hints.title))
    below = None if hints is not None and hints.title else _title_below(lines, lo, start)
    end = _body_end(lines, start, hi)
    _drop_link_lists(lines, start, end, evidence)
    _drop_repeated_paragraphs(lines, start, end, evidence)

    _lone_names(lines, start, end, evidence, table)
    headline, subheadlines = _header(lines[:start], evidence, hints, table)
    if headline is None and below is not None:
        headline = below
    paragraphs, headings, truncated = _body(lines, start, end, evidence, table)
    captions = _captions(lines[:end], evidence)
    if hints is not None:
        captions = _html_captions(hints, captions, evidence)
    for line in lines[end:]:
        if line.kind in ("text", "heading", "caption"):
            evidence.drop(line, line.text, "after end of article")

    if not _enough_korean(paragraphs):
        raise InputError(
            source, "no Korean article text found (too little Korean running text after cleaning)"
        )

    for paragraph in paragraphs:
        for name in anchor_credits(paragraph):
            if table.by_name(name) is None:
                evidence.add_reporter(name, None)
    evidence.settle_emails()
    for reporter in evidence.reporters:
        if reporter.email:
            entry = table.by_domain(reporter.email)
            if entry:
                evidence.outlets.append((2, entry.outlet, True))
    if hints is not None:
        _html_evidence(hints, evidence, table)
    _place_datelines(lines, end, evidence)
    date, date_evidence = pick_date(evidence.dates or evidence.late_dates)
    if kind is None:
        kind = page_kind(
            PageSignals(
                paragraphs=paragraphs,
                removed_reasons=frozenset(r.reason for _, r in evidence.removed),
                has_byline=bool(evidence.reporters),
                has_outlet=bool(evidence.outlets),
                has_date=date is not None,
                other_lines=[h.text for h in headings] + [r.text for _, r in evidence.removed],
            )
        )
    return Article(
        id=article_id(paragraphs),
        source=source,
        headline=headline,
        subheadlines=tuple(subheadlines),
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        outlet=_pick_outlet(evidence.outlets),
        reporters=tuple(evidence.reporters),
        date=date,
        date_evidence=date_evidence,
        headings=tuple(headings),
        removed=tuple(r for _, r in sorted(evidence.removed, key=lambda item: item[0])),
        encoding=encoding,
        media_type="html" if media_type == "html" else "text",
        kind=kind,
        truncated=truncated,
    )


def _what_the_page_is(lines: list[_Line]) -> str:
    """What a page without running text holds, from its lines ("a page of 3 titles, 12 lines of
    navigation header, link list")."""
    reasons: dict[str, int] = {}
    for line in lines:
        if line.kind == "removed":
            reasons[line.reason] = reasons.get(line.reason, 0) + 1
    titles = sum(1 for line in lines if line.kind in ("text", "heading"))
    captions = sum(1 for line in lines if line.kind == "caption")
    parts = [
        f"{count} lines of {reason}" for reason, count in sorted(reasons.items(), key=lambda r: -r[1])[:3]
    ]
    if titles:
        parts.insert(0, f"{titles} title or label lines without a sentence")
    if captions:
        parts.append(f"{captions} photo captions")
    return "no running text; the page holds " + (", ".join(parts) if parts else "nothing readable")


def _enough_korean(paragraphs: list[str]) -> bool:
    """At least _MIN_HANGUL Hangul syllables in the body (counted only as far as needed)."""
    total = 0
    for paragraph in paragraphs:
        total += hangul_count(paragraph)
        if total >= _MIN_HANGUL:
            return True
    return False


def article_id(paragraphs: list[str] | tuple[str, ...]) -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of the cleaned body."""
    return hashlib.sha256("\n".join(paragraphs).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- pass 1: each line on its own
def _classify(lines: list[_Line], ev: _Evidence, table: OutletTable) -> None:
    expected_rank: int | None = None  # inside a ranked / linked list: the next item number (0: bullets)
    previous: _Line | None = None  # the last non-blank line
    # after a portal's "3줄 요약" label: how many of the lines below are its summary, not the article (the
    # count the label gives, up to the next removed line); a label without a count: _drop_summary_points
    in_summary = 0
    for line in lines:
        t = line.text
        if not t:
            line.kind = "blank"  # a summary box may print its counted points apart
            continue
        if expected_rank is not None:
            rank = bp.list_item_number(t)
            if rank is not None and rank == expected_rank:
                _remove(line, "ranked list", ev)
                expected_rank += 1
                previous = line
                continue
            if expected_rank <= 1 and bp.is_bullet_item(t):
                _remove(line, "link list", ev)
                previous = line
                continue
            expected_rank = None
        _classify_line(line, previous, ev, table)
        if in_summary and line.kind == "text" and len(t) <= _SUMMARY_LENGTH:
            _remove(line, "portal summary", ev)
            in_summary -= 1
        elif line.kind == "removed" and line.reason == "portal note" and "요약" in t:
            counted = _SUMMARY_COUNT.search(t)  # "3줄 요약": its three lines; else see _drop_summary_points
            in_summary = _LINE_COUNTS.get(counted.group(1), 0) if counted else 0
        else:
            in_summary = 0
        if line.kind == "removed" and line.reason == "navigation header":
            expected_rank = 1
        previous = line


# a broadcast's turn label that credits the anchor or reporter ("홍길동 앵커>", "홍길동 국민기자>")
_TURN_CREDIT = re.compile(
    rf"(?P<name>[{SURNAMES}][가-힣]{{2}})\s*(?:[가-힣]{{2}}\s?)?(?:기자|앵커|특파원)\s*>"
)
_RUNNING_LINE = 20  # a paragraph of the story is longer than this; a name or a short label shorter


def _lone_names(lines: list[_Line], start: int, end: int, ev: _Evidence, table: OutletTable) -> None:
    """A name alone on its line signs the article where a byline stands: next to the dateline above
    the article ("홍길동" over "발행날짜: …"), or right after its last paragraph. A name the article
    itself mentions is someone in the story (a photo's label), and stays."""
    texts = [i for i in range(start, end) if lines[i].kind == "text"]
    running = [i for i in texts if len(lines[i].text) >= _RUNNING_LINE]
    last = _neighbour(lines, running[-1], 1) if running else None  # the line after the last paragraph
    body = " ".join(lines[i].text for i in texts if i != last)
    near = [i for i in range(start) if lines[i].kind == "removed" and lines[i].reason == "dateline"]
    after = next((i for i in range(end, len(lines)) if lines[i].kind != "blank"), None)
    candidates = {k for d in near for k in (_neighbour(lines, d, -1), _neighbour(lines, d, 1))}
    for i in sorted(k for k in candidates | {after, last} if k is not None):
        if lines[i].kind not in ("text", "heading") or (start <= i < end and i != last):
            continue
        name = lines[i].text.strip()
        if looks_like_a_name(name) and name not in body and table.by_name(name) is None:
            _remove(lines[i], "byline", ev)
            ev.add_reporter(name, None)


def _neighbour(lines: list[_Line], index: int, step: int) -> int | None:
    """The nearest non-blank line before (step -1) or after (step 1) ``index``."""
    i = index + step
    while 0 <= i < len(lines) and lines[i].kind == "blank":
        i += step
    return i if 0 <= i < len(lines) else None


def _name_captions(lines: list[_Line]) -> None:
    """A line of a name and a title under a bullet ("▲ 홍길동 가나시 노인회 부회장") between paragraphs,
    with no such line next to it: the caption of a person's photo. (Several in a row are a list, of
    people appointed or awarded, and stay.)"""
    texts = [line for line in lines if line.kind != "blank"]
    for k, line in enumerate(texts):
        if line.kind != "text" or not line.text.startswith(("▲", "△")):
            continue
        caption = name_caption(line.text)
        if caption is None:
            continue
        neighbours = texts[max(0, k - 1) : k] + texts[k + 1 : k + 2]
        if any(n.text.startswith(("▲", "△")) for n in neighbours):
            continue
        line.kind, line.caption = "caption", caption


_SUMMARY_COUNT = re.compile(r"(\d|한|두|세|네|다섯)\s*줄")
_LINE_COUNTS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5} | {str(n): n for n in range(1, 10)}
_SUMMARY_LINES = 5  # a summary box with no count holds a few short lines
_SUMMARY_LENGTH = 200  # a longer line is a paragraph of the article, not a summary point
_SUMMARY_REACH = 200  # lines below a summary point searched for the text it repeats
_SUMMARY_BOXES = 10  # summary labels examined on one page


def _bigrams(text: str) -> set[str]:
    """The pairs of adjacent Hangul syllables in ``text`` (inflection changes a word's end, not these)."""
    return {text[i : i + 2] for i in range(len(text) - 1) if _PAIR.fullmatch(text, i, i + 2)}


_PAIR = re.compile(r"[가-힣]{2}")


def _drop_summary_boxes(lines: list[_Line], ev: _Evidence) -> None:
    """A machine summary printed above its disclaimer ("…요약한 결과입니다."): the short lines right
    above it (up to five, nearest first) that the page has already said, six in ten of each one's
    syllable pairs appearing in the text above it, repeat the article and are removed as its summary.
    A box printed above the article is found by what follows it instead: see _drop_summary_above."""
    for at, line in enumerate(lines):
        if not (line.kind == "removed" and line.reason == "reader widget" and "요약" in line.text):
            if _summary_disclaimer(line):
                _drop_summary_above(lines, at, ev)
            continue
        if _drop_summary_above(lines, at, ev):
            continue
        checked = 0
        for k in range(at - 1, -1, -1):
            above = lines[k]
            if above.kind == "blank" or (above.kind == "removed" and above.reason == "portal note"):
                continue
            if above.kind != "text" or len(above.text) > 200 or checked == 5:
                break
            checked += 1
            pairs = _bigrams(above.text)
            earlier: set[str] = set()
            for previous in lines[:k]:
                if previous.kind == "text":
                    earlier |= _bigrams(previous.text)
            if not pairs or len(pairs & earlier) * 10 < len(pairs) * 6:
                break
            _remove(above, "portal summary", ev)


def _summary_disclaimer(line: _Line) -> bool:
    """A removed sentence that says the lines above it are a machine summary ("…자동요약한 결과입니다.")."""
    return (
        line.kind == "removed"
        and line.reason in ("reader widget", "portal note", "summary notice")
        and "요약" in line.text
        and len(line.text) >= 20
        and _full_stop(line.text)
    )


def _drop_summary_above(lines: list[_Line], at: int, ev: _Evidence) -> bool:
    """A summary box above the article: the sentences right above the disclaimer at ``at`` (up to
    _SUMMARY_LINES, each a short line of prose), two in three of which the article below the disclaimer
    repeats (half of each one's syllable pairs). All of them go, the one the page cut from the article
    too. True when a box was removed."""
    box: list[_Line] = []
    for k in range(at - 1, -1, -1):
        above = lines[k]
        if above.kind == "blank" or (above.kind == "removed" and above.reason == "portal note"):
            continue
        if above.kind != "text" or len(above.text) > _SUMMARY_LENGTH or not bp.is_prose(above.text):
            break
        box.append(above)
        if len(box) == _SUMMARY_LINES:
            break
    if not box:
        return False
    later: set[str] = set()
    for below in lines[at + 1 : at + 1 + _SUMMARY_REACH]:
        if below.kind == "text":
            later |= _bigrams(below.text)
    repeated = 0
    for point in box:
        pairs = _bigrams(point.text)
        repeated += bool(pairs) and len(pairs & later) * 2 >= len(pairs)
    if repeated * 3 < len(box) * 2:
        return False
    for point in box:
        _remove(point, "portal summary", ev)
    return True


def _drop_summary_points(lines: list[_Line], ev: _Evidence) -> None:
    """Below a summary label that gives no count ("자동요약", "AI 요약"), up to _SUMMARY_LINES short lines
    (to the next removed line) that repeat the text below them, half of each one's syllable pairs or
    more, are the summary's points; the first line that says something new is the article."""
    labels = (
        at
        for at, label in enumerate(lines)
        if label.kind == "removed"
        and label.reason == "portal note"
        # a summary's label ("AI 요약"), or its note sending the reader to the whole text ("… 본문 보기를
        # 권장합니다"), which some portals print above the points
        and ("요약" in label.text or "본문" in label.text)
        and not _SUMMARY_COUNT.search(label.text)  # "3줄 요약": counted in _classify
    )
    for at in itertools.islice(labels, _SUMMARY_BOXES):  # a page has a box or two; a hostile one, many
        k = at + 1
        for confirmed in range(_SUMMARY_LINES):  # the points removed so far
            while k < len(lines) and lines[k].kind == "blank":
                k += 1
            if k >= len(lines) or lines[k].kind != "text" or len(lines[k].text) > _SUMMARY_LENGTH:
                break
            pairs = _bigrams(lines[k].text)
            later: set[str] = set()
            for below in lines[k + 1 : k + 1 + _SUMMARY_REACH]:
                if below.kind == "text":
                    later |= _bigrams(below.text)
            if not pairs or len(pairs & later) * 2 < len(pairs):
                # the box's last point, which the cut page may not repeat: a box already shown to repeat
                # the article (two points) ends where the page's furniture starts again
                after = _neighbour(lines, k, 1)
                if confirmed >= 2 and after is not None and lines[after].kind == "removed":
                    _remove(lines[k], "portal summary", ev)
                break
            _remove(lines[k], "portal summary", ev)
            k += 1


def _remove(line: _Line, reason: str, ev: _Evidence) -> None:
    line.kind, line.reason = "removed", reason
    ev.drop(line, line.text, reason)


def _classify_line(line: _Line, previous: _Line | None, ev: _Evidence, table: OutletTable) -> None:
    t = line.text
    if _IMAGE_FILE.fullmatch(t):
        _remove(line, "image file name", ev)
        found = filename_date(t)
        if found:
            ev.dates.append(found)
        return
    if _URL.fullmatch(t):
        _remove(line, "link", ev)  # a date in its path dates whatever it links to, not this page
        entry = table.by_domain(t.split("//", 1)[-1].split("/", 1)[0])
        if entry:
            ev.outlets.append((4, entry.outlet, True))
        return
    source = _SOURCE_LINK.fullmatch(t) if "://" in t else None
    if source is not None:  # "from 시사IN http://…": the re-posted article's source, named and linked
        _remove(line, "source link", ev)
        name = source.group("name")
        entry = (table.by_name(name) if name else None) or table.by_domain(
            source.group("url").split("//", 1)[-1].split("/", 1)[0]
        )
        if entry is not None or name:
            ev.outlets.append((3, entry.outlet, True) if entry else (3, Outlet(ko=name), False))
        return
    if bp.is_metadata_numbers(t):
        _remove(line, "metadata ids and timestamps", ev)
        ev.dates.extend(epoch_ms_dates(t))
        entry = table.find_in(t)
        if entry:
            ev.outlets.append((4, entry.outlet, True))
        return
    if len(t) <= 90 and SOUND_BITE_LABEL.fullmatch(t):
        return  # "▶ 인터뷰 : 김민수 / 가나시 시장": a sound bite's label, kept as printed
    labelled = _REPORTER_LABEL.fullmatch(t)
    if labelled is not None:  # "기자명 홍길동": the page's reporter field, above or below the article
        _remove(line, "reporter field", ev)
        if table.by_name(labelled.group("name")) is None:
            ev.add_reporter(labelled.group("name"), None)
        return
    turn = _TURN_CREDIT.fullmatch(t) if t.endswith(">") else None
    if turn is not None and turn.group("name") not in NOT_A_NAME:
        _remove(line, "broadcast label", ev)  # "홍길동 앵커>": the anchor's turn, like "<앵커>", credited
        ev.add_reporter(turn.group("name"), None)
        return
    byline = reporter_line(t)
    if byline is not None and byline.reporters:
        _remove(line, "byline", ev)
        _take_byline(byline, ev, table)
        return
    if len(t) <= 30 and DESK.fullmatch(t) and "사진" in t:
        # "대통령실사진기자단", "국회사진기자단": the press pool that took the photo above, not a desk that
        # signs the article (the article does not end here)
        _remove(line, "photo credit", ev)
        if previous is not None and previous.kind == "text" and _reads_as_caption(previous.text):
            previous.kind, previous.caption = "caption", caption_text(previous.text)[0]
        return
    if len(t) <= 30 and DESK.fullmatch(t):
        _remove(line, "desk credit", ev)  # "특별취재팀": the article is over, and no person wrote it
        return
    email = email_only(t)
    if email is not None and _TIP_LABEL.search(t) and "기자" not in t:
        _remove(line, "tip line", ev)  # "▷ 이메일 : kbs1234@kbs.co.kr": the newsroom's, not a reporter's
        return
    if email is not None:
        _remove(line, "reporter e-mail", ev)
        named = _NAMED_EMAIL.match(t)
        if email and named is not None and table.by_name(named.group("name")) is None:
            ev.add_reporter(named.group("name"), email)  # "이태우 leetw@x.com", "장윤희(ego@x.co.kr)"
        elif email:
            ev.add_email(email)
        entry = table.find_in(t)
        if entry:
            ev.outlets.append((2, entry.outlet, True))
        return
    if _DATED_CREDIT.fullmatch(t):
        # "2019.1.10/뉴스1 © News1 홍길동 기자" on its own line: the credit of the photo above. Its date is
        # the photo's (a file photo's may be years old), not the article's: it dates nothing
        _remove(line, "photo credit", ev)
        if previous is not None and previous.kind == "text" and _reads_as_caption(previous.text):
            previous.kind, previous.caption = "caption", caption_text(previous.text)[0]
        return
    if _PHOTO_COPYRIGHT.fullmatch(t):
        # "ⓒ한국프로축구연맹 제공": who provided the photo above, not who printed the article
        _remove(line, "photo credit", ev)
        bullet = previous is not None and _LISTED_CAPTION.match(previous.text) is not None
        if previous is not None and previous.kind == "text" and (bullet or _reads_as_caption(previous.text)):
            previous.kind, previous.caption = "caption", _LISTED_CAPTION.sub("", previous.text)
        return
    if bp.is_copyright(t) and not _credited_caption(t):
        _remove(line, "copyright", ev)
        _copyright_outlet(t, ev, table)
        return
    dated = dateline_date(t)
    if dated is not None:
        _remove(line, "dateline", ev)
        entry = table.find_in(t)  # "(가나일보 1996년 11월 19일자)": the paper and its issue
        if entry is not None:
            ev.outlets.append((3, entry.outlet, True))
        ev.datelines.append((line.index, dated[0], dated[1], dated[2]))
        for name in _DATELINE_REPORTER.findall(t):
            ev.add_reporter(name, None)
        return
    if len(t) <= 30:
        named = _SOURCE_LINE.fullmatch(t)
        entry = table.by_name(named.group("name") if named else t)
        if entry is not None:
            _remove(line, "outlet name", ev)
            ev.outlets.append((3, entry.outlet, True))
            return
    reason = bp.boilerplate_reason(t)
    if reason is not None:
        _remove(line, reason, ev)
        if reason in _SIGNING:  # "김민지 기자입니다.", "… 담당 김민지 기자입니다."
            signed = _SIGNED_OFF.search(t)
            if signed is not None:
                ev.add_reporter(signed.group("name"), None)
            entry = table.find_in(t[: signed.start()] if signed is not None else t)
            if entry is not None and reason == "broadcast sign-off":
                # the network signs; an affiliate's copyright line, if any, wins
                ev.outlets.append((3, entry.outlet, True))
        elif reason == "anchor credit":  # "앵커 홍길동": anchors are credited, as the README says
            named = _ANCHOR_NAMED.search(t)
            if named is not None and could_be_a_name(named.group("name")):
                ev.add_reporter(named.group("name"), None)
        elif reason == "reporter photo":  # "기자이미지 홍길동": the photo of the reporter who wrote it
            names = _PHOTO_WIDGET_WORDS.sub(" ", t).split()
            if len(names) == 1 and 2 <= len(names[0]) <= 4 and table.by_name(names[0]) is None:
                ev.add_reporter(names[0], None)
        return
    if SPEAKER_LABEL.fullmatch(t):
        return  # "[박영수 / 가나군 주민]": a speaker's label, not a photo credit after a slash
    if is_credit_only(t):
        _remove(line, "photo credit", ev)
        if previous is not None and previous.kind == "text" and _reads_as_caption(previous.text):
            previous.kind, previous.caption = "caption", caption_text(previous.text)[0]
        return
    caption, credit = caption_text(t)
    if credit is not None and _titled_with_site(caption, credit, table):
        # "제목 … / YTN", "제목 … / KBS 2022.09.01.": a title signed with the site's name (and the day it
        # was broadcast), not a photo credit
        signed = _SIGNED_DATE.search(credit)
        dated = dateline_date(signed.group(0)) if signed else None
        if dated is not None:
            ev.dates.append((dated[0], dated[1]))
        signer = _SIGNED_DATE.sub("", credit.lstrip("/ ")).strip()
        entry = table.by_name(signer) or table.by_name(signer.split()[0])
        if entry is not None:
            ev.outlets.append((3, entry.outlet, True))
        return
    if credit is not None and _MEDIA_TAG.fullmatch(credit) and _title_like(caption):
        return  # "… 사장의 사과 [영상]": a title tagged with what the page shows, crediting no one
    if credit is not None and caption and HANGUL.search(caption):
        ev.drop(line.index + 0.5, credit, "photo credit")
        wire_photo = is_wire_photo_credit(credit) or (_WIRE_TAG.match(t) and _PHOTO_DATE.search(credit))
        if _is_paragraph_with_credit(caption) and not (
            wire_photo and len(caption) <= 250 and not _CLOSED_QUOTE_GOES_ON.search(caption)
        ):
            # a paragraph with a photo credit glued on, not a caption: a wire's photo line that reports
            # what someone said ("(부산=연합뉴스) 홍길동 기자 = 김 시장은 \"…\"고 말했다. 2025.3.7 …") is
            # a paragraph too; its dateline and byline are cut where the body starts
            cut = t.rfind(credit)
            line.text = t[:cut].rstrip() if wire_photo and cut > 0 else caption
            return
        line.kind, line.caption = "caption", _CAPTION_BULLET.sub("", caption)  # "▲ 최수연 대표가 …"
        return
    if is_caption_like(t) or (_CAPTION_BULLET.match(t) and (looks_like_photo_description(t) or "사진" in t)):
        line.kind, line.caption = "caption", _CAPTION_BULLET.sub("", t)
        return
    if _SUMMARY_TAG.match(t):
        _remove(line, "portal summary", ev)  # "[요약] 서울 아파트 값이 …": a summary card's point
        return
    mark = _HEADING_MARK.match(t)
    if (
        mark
        and len(t) <= 150
        and not t.endswith("다.")
        and not _TURN_LABEL.match(mark.group("text"))
        and not _ROUNDUP_ITEM.match(t)  # "○…\"…\" = 김 장관이 답하며": an item of a roundup of remarks
    ):
        line.kind, line.caption = "heading", mark.group("text").strip()


_PHOTO_WORDS = re.compile(
    r"왼쪽|오른쪽|가운데|사진|촬영|포즈|모습|전경|조감도|제공|기념|현장|이미지|일러스트|그래픽"
)


def _is_paragraph_with_credit(text: str) -> bool:
    """Text before a photo credit that reads like a paragraph of the story rather than a caption:
    several sentences, or a plain statement ("…라고 밝혔다.") that neither describes a photo nor
    is a noun phrase ("… 공장 전경")."""
    if len(text) > 250 and len(_INNER_SENTENCE.findall(text)) >= 2:
        return True
    return (
        text.endswith("다.") and not looks_like_photo_description(text) and _PHOTO_WORDS.search(text) is None
    )


_SIGNED_DATE = re.compile(r"(?<=\s)(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?$")
_SIGNED_TITLE = re.compile(
    r"\s/\s*[가-힣A-Za-z][가-힣A-Za-z0-9]{1,10}\s+(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?$"
)


def _titled_with_site(text: str, credit: str, table: OutletTable) -> bool:
    """A title line signed "/ OUTLET" with a known outlet's name (a video site's title), which reads as
    a headline rather than a photo description; a date may follow the name ("/ KBS 2022.09.01.")."""
    name = _SIGNED_DATE.sub("", credit.lstrip("/ ")).strip()
    words = name.split()
    return (
        credit.startswith("/")
        # the outlet alone, or with its programme's name ("/ 가나TV 뉴스현장")
        and (table.by_name(name) is not None or (1 < len(words) <= 4 and table.by_name(words[0]) is not None))
        and _title_like(text)
        and not looks_like_photo_description(text)
    )


def _reads_as_caption(text: str) -> bool:
    """The line above a photo credit is its caption when it describes a photo ("… 발언하고 있다.",
    "사진 왼쪽부터 …") or is a short label without a full stop ("정신아 카카오 대표"); a paragraph of
    the story ("… 덧붙였습니다.", "28일 0시 공개.") stays body."""
    if looks_like_photo_description(text) or _PHOTO_WORDS.search(text) or is_caption_like(text):
        return True
    return len(text) <= 60 and not text.rstrip("'\"’”」』) ").endswith((".", "!", "?"))


def _credited_caption(text: str) -> bool:
    """A photo caption whose credit carries a copyright sign ("… 2024.10.10/뉴스1 ⓒ News1 김도우 기자")."""
    split = split_credit(text)
    return split is not None and len(split[0]) >= 10 and not bp.is_copyright(split[0])


def _take_byline(byline: Byline, ev: _Evidence, table: OutletTable) -> None:
    for name, email in byline.reporters:
        entry = table.by_name(name)
        if entry is not None:  # "뉴스웨이 유민주 기자": the outlet's name before the reporter's
            ev.outlets.append((0, entry.outlet, True))
            continue
        ev.add_reporter(name, email)
    if byline.outlet:
        # "이데일리 스타in": a known outlet's section is the outlet's
        entry = table.by_name(byline.outlet) or table.by_name(byline.outlet.split()[0])
        ev.outlets.append((0, entry.outlet if entry else Outlet(ko=byline.outlet), entry is not None))


def _copyright_outlet(text: str, ev: _Evidence, table: OutletTable) -> None:
    entry = table.find_in(text)
    if entry is None:
        for domain in re.findall(r"(?:https?://)?((?:[\w-]+\.)+[a-z]{2,})", text, re.IGNORECASE):
            entry = table.by_domain(domain)
            if entry:
                break
    if entry is not None:
        ev.outlets.append((1, entry.outlet, True))
        return
    match = re.search(r"[ⓒ©]\s*(?:\(주\)\s*)?([가-힣][가-힣A-Za-z0-9]{1,14}|[A-Za-z][A-Za-z0-9]{1,14})", text)
    if match and not re.match(r"\s*제공", text[match.end() :]):
        ev.outlets.append((1, Outlet(ko=match.group(1)), False))


_SUBJECT = re.compile(r"(?:Subject|제목)\s*[:：]?\s*(?P<title>\S.{3,150})")


def _board_subject(lines: list[_Line], ev: _Evidence) -> None:
    """A board post names its title in a field ("Subject …", "제목 : …"): that is the headline, and the
    text above it (the board's own description) is no part of the post."""
    at = next(
        (k for k, line in enumerate(lines) if line.kind == "text" and _SUBJECT.fullmatch(line.text)), None
    )
    if at is None:
        return
    for line in lines[:at]:
        if line.kind in ("text", "heading", "caption"):
            _remove(line, "board header", ev)
    match = _SUBJECT.fullmatch(lines[at].text)
    if match is not None:
        ev.drop(lines[at].index - 0.5, lines[at].text[: match.start("title")].strip(), "forum field")
        lines[at].text, lines[at].reason = match.group("title").strip(), _SUBJECT_FIELD


def _credited_photo_over_lead(lines: list[_Line]) -> None:
    """A sentence signed by a photographer ("… 가결됐다. /홍길동 기자", its credit split onto a byline line)
    right over a paragraph that opens with the article's own byline ("[가나일보ㅣ김가나 기자] …") is the
    photo's caption: the article starts at its byline, and a byline stands over no paragraph of it."""
    shown = [line for line in lines if line.kind != "blank"]
    for before, credit, lead in zip(shown, shown[1:], shown[2:], strict=False):
        if (
            credit.kind == "removed"
            and credit.reason == "byline"
            and before.kind == "text"
            and lead.kind == "text"
            and len(before.text) <= 300
            and not _INNER_SENTENCE.search(before.text)
            and bp.is_prose(before.text)
            and leading_byline(lead.text) is not None
        ):
            before.kind, before.caption = "caption", before.text
            return


# one field of a board post's header, "label : value" ("추천 : 34", "댓글수 : 7개", "게시물ID : abc_123")
_POST_FIELD = re.compile(r"[가-힣A-Za-z]{1,8}\s*[:：]\s*\S.{0,40}")
_POST_FIELD_REASONS = frozenset({"forum field", "board widget"})
_BOARD_REACH = 40  # lines from the top of the page where a post's header fields stand
_BOARD_LINE = 60  # the board's menus and help above a post's title are short lines


def _board_title(lines: list[_Line], ev: _Evidence) -> None:
    """A board post prints its title right above its header fields (author, post id, views, posted
    time): that line is the headline, the fields are furniture, and the text above the title (the
    board's menus, its help text, its name) is no part of the post. Needs two fields or more in one
    block (a posted time counts), one of them a post's own (author, post id, a counter), and no running
    text above; a page whose title a "제목" field gave is left as it is."""
    if any(line.reason == _SUBJECT_FIELD for line in lines):
        return
    first = next(
        (
            k
            for k, line in enumerate(lines[:_BOARD_REACH])
            if line.kind == "removed" and line.reason in _POST_FIELD_REASONS
        ),
        None,
    )
    if first is None:
        return

    def in_block(line: _Line) -> bool:
        field = line.kind == "text" and _POST_FIELD.fullmatch(line.text) is not None
        return line.kind == "removed" or field

    top = first
    while top > 0 and in_block(lines[top - 1]):
        top -= 1
    bottom = first
    while bottom + 1 < len(lines) and in_block(lines[bottom + 1]):
        bottom += 1
    block = lines[top : bottom + 1]
    fields = [
        line
        for line in block
        if line.kind == "text" or line.reason in _POST_FIELD_REASONS or line.reason == "dateline"
    ]
    if len(fields) < 2:
        return
    above = _neighbour(lines, top, -1)
    if above is None or lines[above].kind != "text":
        return
    title = lines[above].text
    if not _title_like(title) or _plain_statement(title):
        return
    if any(
        line.kind == "text" and len(line.text) > _BOARD_LINE and bp.is_prose(line.text)
        for line in lines[:above]
    ):
        return  # running text above: these are the counters under a post, not the header over it
    for line in block:
        if line.kind == "text":
            _remove(line, "forum field", ev)
    for line in lines[:above]:
        if line.kind in ("text", "heading", "caption"):
            _remove(line, "board header", ev)


_POST_TITLE = "post title"
_TAG_PREFIX = re.compile(r"^\s*[\[【(<][^\]】)>]{1,8}[\]】)>]\s*")
_FIELDS_BETWEEN = 4  # a post's header fields between its title and the title printed again


def _repeated_title(lines: list[_Line], ev: _Evidence) -> None:
    """A post prints its title, its header fields (author, posted time, counters), then the title again
    over its text ("[펌]제목" … "제목"; a portal re-post does the same around its byline and dateline):
    the first line is the headline, whatever its grammar (a title
    may end in a full stop), the lines between (two or more, one with a digit) are furniture and the
    repeat is dropped."""
    first = next((k for k, line in enumerate(lines[:_BOARD_REACH]) if line.kind == "text"), None)
    if first is None:
        return
    title = _TAG_PREFIX.sub("", lines[first].text)
    if len(title) < 8:
        return
    between: list[_Line] = []
    for repeat in lines[first + 1 :]:
        if repeat.kind == "blank":
            continue
        if repeat.kind == "text" and _TAG_PREFIX.sub("", repeat.text) == title:
            break
        if len(between) == _FIELDS_BETWEEN or (repeat.kind == "text" and len(repeat.text) > 80):
            return
        between.append(repeat)
    else:
        return
    fields = [line for line in between if line.kind == "text"]
    if len(between) < 2 or len(title) > 120 or any(_is_statement(line.text) for line in fields):
        return
    if not any(any(ch.isdigit() for ch in line.text) for line in between):
        return  # a post's fields carry a time or a count
    head = lines[first]
    head.kind, head.caption, head.reason = "heading", head.text, _POST_TITLE
    for line in fields:
        _remove(line, "forum field", ev)
    # the repeat marks a board post when the page's own fields stood between (a portal re-post prints its
    # title twice around a byline and a dateline: a news page)
    board = fields or any(line.reason in _POST_FIELD_REASONS for line in between)
    _remove(repeat, "post title repeated" if board else "duplicate headline", ev)


_DATELINE_REACH = 4  # non-blank lines between a dateline and the article or its sign-off


def _drop_dated_lists(lines: list[_Line], ev: _Evidence) -> None:
    """Three or more lines in a row that open with a date (search history, archive, related stories)
    are a list: removed, and their dates date nothing."""
    run: list[_Line] = []
    for line in [*lines, _Line("", -1, "blank")]:
        if line.kind == "blank":
            continue
        if line.index >= 0 and starts_with_date(line.text):
            run.append(line)
            continue
        if len(run) >= 3:
            for item in run:
                if item.kind == "removed":  # a dateline until now: its record says what it is
                    ev.removed = [(at, r) for at, r in ev.removed if at != item.index]
                _remove(item, "list of dates", ev)
                ev.listed.add(item.index)
        run = []


def _place_datelines(lines: list[_Line], end: int, ev: _Evidence) -> None:
    """Keep the datelines that date the article: above it (with the headline), inside it, or just
    after its end (beside the byline), not below a comment section's heading (a reader's comment
    is stamped with its own date), and not in a list of dates."""
    after = [line.index for line in lines[end:] if line.kind != "blank"][:_DATELINE_REACH]
    comments = next((i for i in after if _COMMENT_SECTION.fullmatch(lines[i].text)), None)
    limit = comments if comments is not None else after[-1] if after else end
    for index, date, evidence, late in ev.datelines:
        if index in ev.listed or index > limit:
            continue
        (ev.late_dates if late else ev.dates).append((date, evidence))


# ---------------------------------------------------------------- pass 2: repeated lines
def _mark_duplicates(lines: list[_Line], ev: _Evidence) -> None:
    """A line printed twice in a row is a photo caption (pages repeat them) or a scraping echo."""
    last: _Line | None = None
    for line in lines:
        if line.kind == "blank":
            continue
        if line.kind == "removed" and line.reason == "photo credit":
            continue
        if last is not None and line.text == last.text and line.kind in ("text", "caption"):
            if last.kind == "text" and looks_like_photo_description(last.text):
                last.kind, last.caption = "caption", caption_text(last.text)[0]
            _remove(line, "duplicate caption" if last.kind == "caption" else "duplicate line", ev)
        last = line


# ---------------------------------------------------------------- pass 3: where the article is
def _main_segment(lines: list[_Line]) -> tuple[int, int]:
    """The stretch between bylines / e-mails / copyright lines that holds the most running text.

    Portal pages print the reporter's name above the article as well as below it; the article is
    the stretch with the most prose, wherever the markers fall.
    """
    bounds = [
        -1,
        *(i for i, line in enumerate(lines) if line.kind == "removed" and line.reason in bp.END_REASONS),
    ]
    bounds.append(len(lines))
    best, best_mass = (0, len(lines)), -1
    for before, after in itertools.pairwise(bounds):
        mass = sum(
            len(line.text)
            for line in lines[before + 1 : after]
            if line.kind == "text" and bp.is_prose(line.text)
        )
        if mass > best_mass:
            best, best_mass = (before + 1, after), mass
    return best


def _body_start(lines: list[_Line], lo: int = 0, hi: int | None = None) -> int | None:
    hi = len(lines) if hi is None else hi
    texts = [i for i in range(lo, hi) if lines[i].kind == "text"]
    if not texts:
        return None
    prose = next((i for i in texts if _is_statement(lines[i].text)), None)
    if prose is not None and prose == texts[0] and _is_question_title(lines[prose].text):
        prose = next((i for i in texts if i > prose and _is_statement(lines[i].text)), prose)
    if prose is None:  # a post written without full stops ("…끝이 났습니다"): its first spoken sentence
        prose = next(
            (
                i
                for i in texts
                if len(lines[i].text) >= 10
                and (_SPOKEN_END.search(lines[i].text) or _plain_statement(lines[i].text))
            ),
            None,
        )
    half = texts[: max(1, (len(texts) + 1) // 2)]
    led = next((i for i in half if _leads_paragraph(lines[i].text)), None)
    if led is not None and (prose is None or led <= prose or _only_short_before(lines, texts, led)):
        prose = led
    # a broadcast page opens with a speaker's label and what they said ("[NAME/ROLE]" then "\"…\"")
    label = next(
        (
            i
            for i, after in itertools.pairwise([*texts, None])
            if i is not None
            and (prose is None or i < prose)
            and after is not None
            and SPEAKER_LABEL.fullmatch(lines[i].text)
            and (_SPEECH_START.match(lines[after].text) or _QUESTION_TURN.match(lines[after].text))
        ),
        None,
    )
    return label if label is not None else prose


# The lead's first sentence printed without a full stop above the rest of the body. A line of the
# header is body when it reads as prose: a spoken sentence ("…항의하고 있습니다"), a question in prose
# form ("변호사는 정말 … 말해야 할까?") under the headline, or, when it is the page's only candidate
# for a headline, a plain statement ("올겨울 첫 한파특보가 내려졌다") with none of a headline's marks.
_POLITE_END = re.compile(
    r"[가-힣](?:니다|니까|세요|어요|아요|에요|예요|해요|지요|죠|네요|군요|거든요|는데요)\??$"
)
_PROSE_QUESTION = re.compile(r"[가-힣](?:까|나|냐|니|는가|은가|인가|지|죠|요)\?$")
# what a headline has and a sentence of running text has not: quotes, a comma after the topic, an
# ellipsis, brackets, a middle dot, a slash
_HEADLINE_MARKS = re.compile(r"[,，…·‘’“”\"'\[\]<>《》「」【】/|!?]|\.\.|\bvs\b", re.IGNORECASE)
_PARTICLE_WORD = re.compile(r"[가-힣](?:이|가|은|는|을|를|에서|에게|으로)\s")
_LEAD = "lead sentence"
_SUBJECT_FIELD = "subject field"
_BETWEEN_LEAD = frozenset({"dateline", "reporter photo", "ui label", "page tool", "page region"})


def _lead_above(lines: list[_Line], lo: int, start: int, ev: _Evidence, *, titled: bool) -> int:
    """The body's first line, moved up over header lines that read as the lead's first sentences; or
    moved down past a teaser that trails off ("…상승...") over the lead it repeats."""
    if lines[start].text.endswith(("..", "…")):
        below = next((i for i in range(start + 1, len(lines)) if lines[i].kind == "text"), None)
        skipped = [lines[i] for i in range(start + 1, below or start) if lines[i].kind != "blank"]
        if (
            below is not None
            and all(line.reason in _BETWEEN_LEAD for line in skipped)
            and _teases(lines[start].text, lines[below].text)
        ):
            _remove(lines[start], "teaser of the lead", ev)
            return below
    while True:
        above = [i for i in range(lo, start) if lines[i].kind == "text"]
        if not above:
            return start
        k = above[-1]
        between = [lines[i] for i in range(k + 1, start) if lines[i].kind != "blank"]
        adjacent = not between
        text = lines[k].text
        words = len(text.split())
        prose_shaped = words >= 3 and _HEADLINE_MARKS.search(text[:-1]) is None
        if lines[k].reason == _SUBJECT_FIELD:
            return start  # the post's own "제목 :" field: its title, whatever its grammar
        headed = any(_title_like(lines[i].text) for i in above[:-1])
        if adjacent and headed and prose_shaped and _POLITE_END.search(text):
            start = _mark_lead(lines[k])  # a spoken sentence: "주민들이 시청 앞에 모여 항의하고 있습니다"
            continue
        if adjacent and headed and _plain_statement(text) and not _full_stop(lines[start].text):
            start = _mark_lead(lines[k])  # a page written without full stops: "…아수라장이 됐다"
            continue
        if (
            adjacent
            and headed
            and prose_shaped
            and _PROSE_QUESTION.search(text)
            and _PARTICLE_WORD.search(text)
        ):
            return _mark_lead(lines[k])  # a question that opens the body under the headline
        candidates = [i for i in above if _title_like(lines[i].text) or _is_question_title(lines[i].text)]
        sole = (
            not titled
            and candidates in ([], [k])
            and all(line.kind == "removed" and line.reason in _BETWEEN_LEAD for line in between)
        )
        if sole and _teases(text, lines[start].text):
            _remove(lines[k], "teaser of the lead", ev)  # the lead's opening printed above it
            return start
        if sole and prose_shaped and _statement_end(text) and _PARTICLE_WORD.search(text):
            return _mark_lead(lines[k])  # the only candidate for a headline is the lead's first sentence
        return start


# a labelled dateline ("입력 2024-01-25 21:14", "등록일 : …"), as a post's own time is printed
_LABELLED_DATELINE = re.compile(r"(?:기사\s*)?(?:입력|등록|작성|게재|발행|송고|승인|수정)")


def _title_below(lines: list[_Line], lo: int, start: int) -> str | None:
    """The headline printed below the article, right above its labelled dateline, when no title
    stands above it (a brief whose page puts its text first: the paragraph, then "[코너] 제목", then
    "입력 …"). The line is taken out of the body (kind "headline"); None when there is no such line."""
    if any(lines[i].kind in ("text", "heading") for i in range(lo, start)):
        return None
    rest = [line for line in lines[start + 1 :] if line.kind != "blank"]
    for k, line in enumerate(rest[:-1]):
        if line.kind != "text" or bp.is_prose(line.text):
            continue
        dated = rest[k + 1]
        if (
            (k == 0 or rest[k - 1].kind == "text")  # right under the text ("다음 기사" over it: a link)
            and _title_like(line.text)
            and dated.kind == "removed"
            and dated.reason == "dateline"
            and _LABELLED_DATELINE.match(dated.text)
            and not any(after.kind == "text" and bp.is_prose(after.text) for after in rest[k + 2 :])
        ):
            line.kind = "headline"
            return line.text
        return None
    return None


_PAST_OR_PRESENT = frozenset({4, 18, 20})  # final ㄴ ("한다"), ㅄ ("없다"), ㅆ ("했다", "있다", "겠다")


def _statement_end(text: str) -> bool:
    """``text`` ends in a plain declarative ending: "…했다", "…올랐다", "…늘린다", "…없다", "…이다",
    "…하다" (the syllable before 다 carries a tense or is a copula or 하), not a noun ("바다")."""
    if len(text) < 2 or not text.endswith("다") or not "가" <= text[-2] <= "힣":
        return False
    before = text[-2]
    return (ord(before) - 0xAC00) % 28 in _PAST_OR_PRESENT or before in "이하"


def _teases(line: str, lead: str) -> bool:
    """``line`` is the opening of ``lead`` printed above it (a teaser, often cut with "…")."""
    core = "".join(line.rstrip(" .…").split())
    return len(core) >= 12 and "".join(lead.split()).startswith(core)


def _full_stop(text: str) -> bool:
    return text.rstrip("'\"’”」』)] ").endswith((".", "。"))


def _plain_statement(text: str) -> bool:
    """A sentence of running text printed without its full stop ("새 노선은 다음 달부터 운행된다"): a
    plain declarative ending, four words or more, a particle, none of a headline's marks."""
    return (
        len(text.split()) >= 4
        and _statement_end(text)
        and _PARTICLE_WORD.search(text) is not None
        and _HEADLINE_MARKS.search(text) is None
    )


def _mark_lead(line: _Line) -> int:
    """Mark ``line`` as a sentence of the lead (a paragraph, never a section heading); its index."""
    line.reason = _LEAD
    return line.index


def _is_speaker_label(text: str) -> bool:
    """A broadcast's label naming who speaks next ("[김민수/가나시장]", "▶ 인터뷰 : 김민수 / 가나시장")."""
    return SPEAKER_LABEL.fullmatch(text) is not None or (
        len(text) <= 90 and SOUND_BITE_LABEL.fullmatch(text) is not None
    )


def _is_question_title(text: str) -> bool:
    """A first line that asks or exclaims ("…가 꿈꾸는 세상은 무엇일까?") is the title, not the lead; a
    Korean page's title is written in Korean (a button's "Click here!" is not one)."""
    return (
        text.rstrip("'\"’”」』) ").endswith(("?", "!"))
        and len(text) <= 120
        and HANGUL.search(text) is not None
    )


def _leads_paragraph(text: str) -> bool:
    """A line that opens with a byline and goes on with the article ("[가나일보 홍길동 기자] 정부는 …");
    a byline over a short title fragment ("[가나일보 홍길동 기자] 2022년 7월") opens no paragraph."""
    led = leading_byline(text)
    return led is not None and (bp.is_prose(led[1]) or len(led[1]) > 60)


def _only_short_before(lines: list[_Line], texts: list[int], index: int) -> bool:
    """True when the text lines before ``index`` are short (titles), so a byline there starts the body."""
    return all(len(lines[i].text) <= 120 for i in texts if i < index)


# furniture below an article (a list of other stories, a comment box, a board's counters and buttons):
# the article is over when no running text follows it
_CLOSING_FURNITURE = frozenset(
    {
        "navigation header",
        "comment widget",
        "ranked list",
        "board widget",
        "forum field",
        "category label",
        "ui label",
        "reader widget",
        "template placeholder",
        "ui prompt",
        "support box",
        "source link",
        "navigation run",
    }
)


# the heading of the comment section under an article: "댓글", "댓글 3", "전체 댓글 12개", "댓글쓰기", "12개의
# 댓글", "댓글운영규칙"
_COMMENT_SECTION = re.compile(
    r"[•·▪\-\s]*(?:(?:전체|독자|최신)\s*)?댓글(?:\s*[\[(]?\s*[\d,]+\s*개?\s*[\])]?)?"
    r"|[•·▪\-\s]*(?:댓글|답글)\s*(?:쓰기|작성|달기|남기기|운영\s*(?:원칙|정책|규칙)|정책|규칙)|[\d,]+\s*개의\s*댓글.{0,20}"
    r"|(?:독자\s*)?의견\s*(?:쓰기|남기기|[\[(]?\s*[\d,]+\s*[\])]?)|leave\s+a\s+(?:reply|comment)",
    re.IGNORECASE,
)


def _body_end(lines: list[_Line], start: int, hi: int) -> int:
    """The end of the main segment (a byline / e-mail / copyright line), or before that the first
    clutter block after which no running text follows."""
    seen_text = False
    prose_before = 0
    prose_after = [False] * (hi + 1)
    for i in range(hi - 1, -1, -1):
        prose_after[i] = prose_after[i + 1] or (lines[i].kind == "text" and bp.is_prose(lines[i].text))
    for i in range(start, hi):
        line = lines[i]
        if line.kind == "text":
            seen_text = True
            prose_before += bp.is_prose(line.text)
        elif seen_text and line.kind == "removed":
            if line.reason in bp.END_REASONS:
                return i
            if line.reason in _CLOSING_FURNITURE and not prose_after[i]:
                return i
            comments = line.reason == "comment widget" and _COMMENT_SECTION.fullmatch(line.text)
            if comments and prose_before >= 2:
                return i  # readers' comments below it are prose, not the article
    return hi


def _drop_link_lists(lines: list[_Line], start: int, end: int, ev: _Evidence) -> None:
    """Inside the article, the headlines under a "관련기사" header are links, not text: up to the
    next line of running text, short non-sentence lines after such a header are removed."""
    in_list = False
    for line in lines[start:end]:
        if line.kind == "removed" and line.reason == "navigation header":
            in_list = True
        elif line.kind == "text" and in_list:
            if bp.is_prose(line.text) or len(line.text) > 80:
                in_list = False
            else:
                _remove(line, "link list", ev)
        elif line.kind not in ("blank", "removed"):
            in_list = False


_REPEAT_MIN = 20  # a shorter line ("네, 그렇습니다.") may well be said twice


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'”’」』)]*\s+")
_NOT_COMPARED = re.compile(r"[\s\"'“”‘’「」『』]")


def _sentence_keys(text: str) -> set[str]:
    """The sentences of ``text`` of eight characters or more, without spaces or quotation marks (a copy
    may be spaced or quoted otherwise)."""
    keys = (_NOT_COMPARED.sub("", piece) for piece in _SENTENCE_SPLIT.split(text))
    return {key for key in keys if len(key) >= 8}


def _drop_repeated_paragraphs(lines: list[_Line], start: int, end: int, ev: _Evidence) -> None:
    """A page that prints the article twice (or a paragraph of it again further down): a line of the
    body that repeats an earlier line of the body word for word is the page's copy, not new text, and
    so are the lines after it, short ones too ("직접 들어보시죠."), as long as they repeat the lines that
    followed the first copy. A line made only of sentences the body has already said is a copy too."""
    texts = [line for line in lines[start:end] if line.kind == "text"]
    keys = [" ".join(line.text.split()) for line in texts]
    first: dict[str, int] = {}
    said: set[str] = set()  # the sentences of the lines kept so far
    copied_from: int | None = None  # in a copy: the position of the first copy's line it repeats
    for k, (line, key) in enumerate(zip(texts, keys, strict=True)):
        if copied_from is not None and copied_from + 1 < k and keys[copied_from + 1] == key:
            copied_from += 1
            _remove(line, "repeated paragraph", ev)
            continue
        copied_from = None
        # a question may be put again to the next person ("Q. 앞으로의 계획은 무엇인가요?"): not a copy
        if len(key) >= _REPEAT_MIN and key in first and not key.endswith("?"):
            copied_from = first[key]
            _remove(line, "repeated paragraph", ev)
            continue
        sentences = _sentence_keys(key)
        if len(key) >= _REPEAT_MIN and sentences and sentences <= said and not key.endswith("?"):
            _remove(line, "repeated paragraph", ev)  # the copy wrapped or split otherwise
            continue
        first.setdefault(key, k)
        said |= sentences


# ---------------------------------------------------------------- pass 4: header and body
def _header(
    lines: list[_Line], ev: _Evidence, hints: HtmlExtract | None, table: OutletTable
) -> tuple[str | None, list[str]]:
    """Headline and sub-headlines: the text lines before the body (None when there are none)."""
    title = _clean_title(hints.title, hints.sitename) if hints and hints.title else None
    if title is not None and not (" " in title and HANGUL.search(title) and not _is_statement(title)):
        title = None  # a <title> that is only the site's name, or a placeholder
    context_block = _context_block(lines)
    texts: list[_Line] = []
    for line in lines:
        if line.kind not in ("text", "heading"):
            continue
        if line.kind == "text" and _CAPTION_BULLET.match(line.text):  # "▲ 김 대표": a photo's caption
            line.kind, line.caption = "caption", _CAPTION_BULLET.sub("", caption_text(line.text)[0])
            continue
        led = leading_byline(line.text) if line.kind == "text" else None
        if led is not None:  # "[뉴스콤 홍길동 기자] 2022년 7월": a byline over a title block
            _take_byline(led[0], ev, table)
            ev.drop(line, line.text, "byline")
            continue
        candidate = line.caption if line.kind == "heading" else line.text
        if (
            _title_like(candidate)
            or line.reason == _POST_TITLE
            or (not texts and _is_question_title(candidate))
            or (texts and id(line) in context_block)
        ):
            texts.append(line)
        else:
            ev.drop(line, line.text, "page text before the article")
    texts = _without_mastheads(texts, ev, table)
    texts = _without_menus(texts, ev)
    texts = _from_dated_title(lines, texts, ev)
    if title:  # the page's own <title> says which line is the headline
        at = next(
            (
                k
                for k, line in enumerate(texts)
                if _same_title(line.text, title) or _same_title(title, line.text)
            ),
            0,
        )
        for line in texts[:at]:
            ev.drop(line, line.text, "page text before the article")
        texts = texts[at:]
    headline: str | None = None
    subheadlines: list[str] = []
    for line in texts:
        candidate = line.caption if line.kind == "heading" else line.text
        if headline is not None:
            candidate = _SUB_BULLET.sub("", candidate) or candidate
        if headline is None:
            category = _BOARD_CATEGORY.match(candidate)
            if category is not None:  # "기사/뉴스 [속보] …": the board the post is filed under
                ev.drop(line.index - 0.5, category.group(0).strip(), "category label")
                candidate = candidate[category.end() :]
            headline = candidate
            continue
        if _same_title(candidate, headline):
            ev.drop(line, line.text, "duplicate headline")
        elif candidate in subheadlines:
            ev.drop(line, line.text, "duplicate sub-headline")
        else:
            subheadlines.append(candidate)
    if title and headline is None:
        headline = title
    elif (
        title
        and headline
        and not _same_title(title, headline)
        and _same_title(title, " ".join(subheadlines[:1]))
    ):
        headline, subheadlines = title, subheadlines[1:]
    return headline, subheadlines


# a board's category glued before a post's bracketed title: "기사/뉴스 [속보] …", "정치/사회 【단독】 …"
_BOARD_CATEGORY = re.compile(r"[가-힣A-Za-z]{1,6}\s?/\s?[가-힣A-Za-z]{1,6}\s+(?=[\[【<]\S)")


def _from_dated_title(lines: list[_Line], texts: list[_Line], ev: _Evidence) -> list[_Line]:
    """The header from the title that stands right above the article's dateline ("등록일 : …"), when
    page text that is no title (a widget's name, a menu word) parts it from the candidates above it: those
    are a banner or a teaser of another page, not this article's headline."""
    for i, line in enumerate(texts[1:], 1):
        at = _neighbour(lines, line.index, 1)
        below = lines[at] if at is not None else None
        if below is None or below.kind != "removed" or below.reason != "dateline":
            continue
        parted = any(
            between.kind == "text" and not any(between is t for t in texts)
            for between in lines[texts[i - 1].index + 1 : line.index]
        )
        if not parted:
            return texts
        for above in texts[:i]:
            ev.drop(above, above.text, "page text before the article")
        return texts[i:]
    return texts


# a site's own name printed over the article: "가나 청소년신문", "다라일보", "마바 경제 뉴스"
_MASTHEAD = re.compile(rf"(?:[가-힣A-Za-z0-9]+[\s·]?){{0,3}}{OUTLET_SUFFIX}")


def _without_mastheads(texts: list[_Line], ev: _Evidence, table: OutletTable) -> list[_Line]:
    """The header's candidates without the site's name over the article (a short line that is only an
    outlet's name), when a title follows it; the name is the outlet's, after every other evidence."""
    if len(texts) < 2:
        return texts
    kept: list[_Line] = []
    for k, line in enumerate(texts):
        if k < len(texts) - 1 and len(line.text) <= 24 and _MASTHEAD.fullmatch(line.text):
            _remove(line, "outlet name", ev)
            entry = table.by_name(line.text)
            ev.outlets.append((6, entry.outlet if entry else Outlet(ko=line.text), entry is not None))
        else:
            kept.append(line)
    return kept


def _context_line(text: str) -> bool:
    """A short line of context (a place, a court, "원인 조사 중"), too short or of one word to be a
    headline."""
    return len(text) <= 30 and hangul_count(text) >= 3 and not bp.is_prose(text) and "@" not in text


def _context_block(lines: list[_Line]) -> set[int]:
    """The short lines of context that stand in a block of three or more short lines in a row under a
    broadcast's title ("나라지방법원" / "전 구청장 징역 3년" / …): they are sub-headlines. A short line on
    its own ("홍보팀") is not."""
    block: set[int] = set()
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and line.kind == "text" and (_context_line(line.text) or _title_like(line.text)):
            run.append(line)
            continue
        if len(run) >= 3:
            block.update(id(member) for member in run if _context_line(member.text))
        run = []
    return block


def _without_menus(texts: list[_Line], ev: _Evidence) -> list[_Line]:
    """The header's candidate lines without menu bars (``bp.is_menu_shaped``). A menu-shaped line above
    the headline is dropped when another candidate is left to be the headline, or when it has five words
    or more (a headline of only bare nouns is short; a sole four-word line of nouns may be a terse
    headline). Below the headline such lines are sub-headlines ("소방관 80명 투입", "원인 조사 중")."""
    menus = [line for line in texts if line.kind == "text" and bp.is_menu_shaped(line.text)]
    if not menus:
        return texts
    first = next((line for line in texts if not any(line is m for m in menus)), None)
    dropped = {
        id(line)
        for line in menus
        if (first is not None and line.index < first.index) or (first is None and len(line.text.split()) >= 5)
    }
    for line in menus:
        if id(line) in dropped:
            _remove(line, "menu", ev)
    return [line for line in texts if id(line) not in dropped]


def _is_statement(text: str) -> bool:
    """Running text that can open an article: a sentence ending in a full stop, or a long question
    or exclamation. Headlines may end in "?" or "!" ("…어디까지 오를까?"), never in a full stop."""
    if not bp.is_prose(text):
        return False
    if _SIGNED_TITLE.search(text):
        return False  # a title signed with the site's name and date: "… / KBS 2022.09.01."
    if text.rstrip("'\"’”」』)] ").endswith((".", "。")):
        return True
    return len(text) >= 50 and not _quoted_remarks(text)


_QUOTED_SPAN = re.compile(r"\"[^\"]{1,80}\"|“[^”]{1,80}”|‘[^’]{1,80}’")
_TAG_SPAN = re.compile(r"\[[^\]]{1,12}\]|【[^】]{1,12}】|<[^>]{1,12}>")


def _quoted_remarks(text: str) -> bool:
    """A title made of quoted remarks and little else ('[현장영상] "…습니까?" "…겁니까!"'): two quoted
    spans, or one and a bracketed tag, with at most three words outside them."""
    spans = _QUOTED_SPAN.findall(text)
    tags = _TAG_SPAN.findall(text)
    if len(spans) + min(len(tags), 1) < 2:
        return False
    rest = _TAG_SPAN.sub(" ", _QUOTED_SPAN.sub(" ", text))
    return len(rest.split()) <= 3


def _title_like(text: str) -> bool:
    """A line that can be a headline: Korean, two words or more, not a sentence."""
    return (
        len(text) >= 8 and " " in text.strip() and HANGUL.search(text) is not None and not _is_statement(text)
    )


def _same_title(a: str, b: str) -> bool:
    """``a`` repeats title ``b`` (exactly, or cut short with "…" / "...")."""
    a_core, b_core = a.rstrip(" …."), b.rstrip(" ….")
    if not a_core or not b_core:
        return False
    return a_core == b_core or (a.rstrip().endswith(("…", "...")) and b_core.startswith(a_core))


def _clean_title(title: str, sitename: str | None) -> str | None:
    """A page <title> without the site name appended to it ("헤드라인 - 매일경제")."""
    title = normalize_line(title)
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        longest = max(parts, key=lambda p: hangul_count(p) * 1000 + len(p))
        title = longest
    if sitename and title.endswith(sitename):
        title = title[: -len(sitename)].rstrip(" -|:")
    return title or None


def _body(
    lines: list[_Line], start: int, end: int, ev: _Evidence, table: OutletTable
) -> tuple[list[str], list[Heading], bool]:
    """The paragraphs, the section headings, and whether the last paragraph was cut off."""
    paragraphs: list[str] = []
    sources: list[_Line] = []  # the line each paragraph came from
    headings: list[Heading] = []
    pending: list[tuple[str, _Line]] = []  # headings waiting for the paragraph they stand before
    body = [line for line in lines[start:end] if line.kind in ("text", "heading")]
    next_text: list[_Line | None] = [None] * len(body)  # the first text line after each line
    following: _Line | None = None
    for k in range(len(body) - 1, -1, -1):
        next_text[k] = following
        if body[k].kind == "text":
            following = body[k]
    previous = ""  # the text of the body line before (a paragraph or a heading)
    for k, line in enumerate(body):
        text, answering = line.text, _asks(previous)
        previous = line.caption if line.kind == "heading" else line.text
        led = (
            leading_byline(text) if text.startswith(("[", "(", "【")) or not (paragraphs or pending) else None
        )
        if led is not None and (not (paragraphs or pending) or (led[0].text.endswith("]") and led[0].outlet)):
            # the first paragraph's byline, or a bracketed one with the outlet further down ("[가나일보 |
            # 홍길동 기자] …" where a portal printed a summary box above the article; "[홍길동 기자]" there
            # may be a turn label of a broadcast, and stays)
            byline, text = led
            ev.drop(line.index - 0.5, byline.text, "byline")
            _take_byline(byline, ev, table)
        if not paragraphs and not pending:
            tag = _OUTLET_TAG.match(text)  # "[파이낸셜뉴스] 본문…": the outlet's name alone
            if tag is not None and table.by_name(tag.group("name")) is not None:
                ev.drop(line.index - 0.5, tag.group(0).strip(), "byline")
                ev.outlets.append((0, table.outlet_for(tag.group("name")), True))
                text = text[tag.end() :]
        if line.kind == "heading":
            pending.append((line.caption, line))
            continue
        if (
            not bp.is_prose(text)
            and line.reason != _LEAD
            and not answering
            and not _is_speaker_label(text)
            and not _LABELLED_BITE.fullmatch(text)  # "[NAME/ROLE (지난 3일): …]": speech, not a heading
            and _is_heading(text, next_text[k])
        ) or _labels_a_turn(text, next_text[k]):
            pending.append((text, line))
            continue
        for heading, _ in pending:
            headings.append(Heading(text=heading, before=len(paragraphs)))
        pending = []
        paragraphs.append(_TABLE_TAIL.sub("", text) or text)
        sources.append(line)
    for heading, source in pending:
        ev.drop(source, heading, "heading after the last paragraph")
    # the article ends at its last sentence: drop short non-sentence lines left at the end, but keep a
    # paragraph the scraper cut in the middle of a sentence (whole sentences or a whole remark before the
    # cut, or one running sentence), and
    # on a page written without full stops (a blog), a line that ends like a spoken sentence
    unpunctuated = sum(1 for p in paragraphs if bp.is_prose(p)) * 2 < len(paragraphs)
    while (
        paragraphs
        and not bp.is_prose(paragraphs[-1])
        and len(paragraphs[-1]) <= 100
        and not _INNER_SENTENCE.search(paragraphs[-1])
        and not (unpunctuated and _SPOKEN_END.search(paragraphs[-1]))
        and not _plain_statement(paragraphs[-1])
        and not _remark_before_cut(paragraphs[-1])
        and not _sentence_before_cut(paragraphs[-1])
        and not _LABELLED_BITE.fullmatch(paragraphs[-1])
    ):
        ev.drop(sources.pop(), paragraphs.pop(), "after end of article")
        headings = [h for h in headings if h.before < len(paragraphs)]
    if paragraphs:
        kept, menu = _without_run_together_tail(paragraphs[-1])
        if menu:  # "… 요구했다. 광역시 경기도강원도충청북도…": a menu run together, glued to the end
            paragraphs[-1] = kept
            ev.drop(sources[-1].index + 0.5, menu, "navigation run")
        kept, glued = _without_trailing_widgets(paragraphs[-1])
        if glued:  # "… 밝혔다. 이 콘텐츠를 공유하세요. 목록보기": the page's furniture glued to the end
            paragraphs[-1] = kept
            for text, reason in glued:
                ev.drop(sources[-1].index + 0.5, text, reason)
        tail = trailing_byline(paragraphs[-1])
        if tail is not None:
            byline, rest = tail
            paragraphs[-1] = rest
            ev.drop(sources[-1].index + 0.5, byline.text, "byline")
            _take_byline(byline, ev, table)
    cut_caption = _CUT_CREDIT.fullmatch(paragraphs[-1]) if paragraphs else None
    if cut_caption is not None and looks_like_photo_description(cut_caption.group("caption")):
        # "… 입장하고 있다. 대통령실사진": a photo's caption whose credit the page end cut, not a paragraph
        line = sources.pop()
        paragraphs.pop()
        line.kind, line.caption = "caption", cut_caption.group("caption")
        ev.drop(line.index + 0.5, cut_caption.group("credit"), "photo credit")
        headings = [h for h in headings if h.before < len(paragraphs)]
    truncated = (
        bool(paragraphs)
        and _cut_off(paragraphs[-1])
        and not _ends_before_furniture(paragraphs[-1], lines, sources[-1].index)
    )
    if truncated:
        paragraphs[-1] = paragraphs[-1].rstrip("\ufffd ")  # a character the cut broke in two
        if _cut_sentence_alone(paragraphs, headings):
            # the sentence the scraper cut stays with the one before it (as on a flattened page), so that
            # the last paragraph holds the article's last complete sentence
            paragraphs[-2:] = [f"{paragraphs[-2]} {paragraphs[-1]}"]
    return paragraphs, headings, truncated


def _cut_sentence_alone(paragraphs: list[str], headings: list[Heading]) -> bool:
    """The last paragraph is one sentence the scraper cut, quoting no one ("강을 건너 찾아온 이들은 꽃"),
    right after a paragraph that ends like a sentence, with no heading between them."""
    last = paragraphs[-1]
    return (
        len(paragraphs) >= 2
        and _INNER_SENTENCE.search(last) is None
        and not any(mark in last for mark in "\"“”'‘’")
        and bp.is_prose(paragraphs[-2])
        and not any(h.before == len(paragraphs) - 1 for h in headings)
    )


# the empty cells of a layout table a paragraph sat in ("… 했다. | | |")
_TABLE_TAIL = re.compile(r"(?:\s+\|)+\s*$")


# furniture that a flattened page glues after the last sentence
_GLUED_FURNITURE = frozenset(
    {"reader widget", "ui label", "template placeholder", "page tool", "comment widget", "subscription"}
)
_GLUED_BREAK = re.compile(r"(?<=[.!?])\s+(?=\S)|\s+(?=\S+$)")
_GLUED_WINDOW = 200
_GLUED_PIECE = 80


_LAST_STOP = re.compile(r"[.!?][\"'”’」』)]*\s+(?=\S)")


def _without_run_together_tail(paragraph: str) -> tuple[str, str | None]:
    """The paragraph without a line of names run together (a menu) glued after its last sentence, and
    that line (None when there is none)."""
    stops = list(_LAST_STOP.finditer(paragraph, max(0, len(paragraph) - 3000)))
    if not stops:
        return paragraph, None
    tail = paragraph[stops[-1].end() :]
    if not bp.is_run_together(tail):
        return paragraph, None
    return paragraph[: stops[-1].end()].rstrip(), tail


def _without_trailing_widgets(paragraph: str) -> tuple[str, list[tuple[str, str]]]:
    """The paragraph without page furniture glued after its last sentence, and what was cut (text and
    reason), last first. Only the end of the paragraph is searched, and a paragraph is never emptied."""
    glued: list[tuple[str, str]] = []
    cutting = True
    while cutting:
        cutting = False
        breaks = list(_GLUED_BREAK.finditer(paragraph, max(0, len(paragraph) - _GLUED_WINDOW)))
        for cut in reversed(breaks):  # the shortest tail first: "목록보기", then "이 콘텐츠를 … 목록보기"
            piece = paragraph[cut.end() :]
            if len(piece) > _GLUED_PIECE:
                break
            reason = bp.boilerplate_reason(piece)
            if reason in _GLUED_FURNITURE and bp.is_prose(paragraph[: cut.start()]):
                glued.append((piece, reason))
                paragraph, cutting = paragraph[: cut.start()].rstrip(), True
                break
    return paragraph, glued


# a last line that is a photo's caption and the start of its credit, cut by the page end ("… 입장하고 있다.
# 대통령실사진", "… 인사하고 있다. 사진=")
_CUT_CREDIT = re.compile(r"(?P<caption>[^.]{8,250}다\.)\s+(?P<credit>[^\s.]{0,12}사진[^\s.]{0,12})")


# a broadcast sound bite with its speaker's label in one bracket: "[김민수/가나시장 : 잘하겠습니다…]"
_LABELLED_BITE = re.compile(r"\[\s*[가-힣]{2,5}\s*/\s*[^\]\[:：]{1,40}[:：]\s*[^\]\[]{4,}\]")


def _remark_before_cut(paragraph: str) -> bool:
    """A last paragraph the scraper cut after a whole quoted remark ("… 이장은 \"…처음\"이라며", a
    roundup's "○…\"…\" = 한 기자가"): it stays, marked truncated, for the remark it holds; a cut inside
    the quotation ("… \"기록도 저렇게 중") or a line without one ("편집팀") goes."""
    return (
        len(paragraph.split()) >= 3
        and (
            _CLOSED_QUOTE_GOES_ON.search(paragraph) is not None or _ROUNDUP_ITEM.match(paragraph) is not None
        )
        and _cut_off(paragraph)
    )


def _sentence_before_cut(paragraph: str) -> bool:
    """A last paragraph of one running sentence the scraper cut ("올해 말 접수된 고발 건은 경찰서가 수사"):
    five words or more, two of them with a case particle, none of a headline's marks but the comma. It
    stays, marked truncated; a teaser title, a desk's name or a tag line after the article reads otherwise."""
    return (
        len(paragraph.split()) >= 5
        and len(_PARTICLE_WORD.findall(paragraph)) >= 2
        and _HEADLINE_MARKS.search(paragraph.replace(",", "")) is None
        and _cut_off(paragraph)
    )


def _ends_before_furniture(paragraph: str, lines: list[_Line], index: int) -> bool:
    """The last paragraph ends like a statement without its full stop ("…있는 것이다") and the page's
    furniture follows it (a related-stories label, a copyright line): the article ends there; the scraper
    did not cut it. (A line of text after it, dropped as a fragment, is the article the scraper cut.)"""
    if not _statement_end(paragraph.rstrip("'\"’”」』) ")):
        return False
    below = next((line for line in lines[index + 1 :] if line.kind != "blank"), None)
    return below is not None and below.kind == "removed"


def _cut_off(paragraph: str) -> bool:
    """A last paragraph that stops in the middle of a sentence ("… 어려울 전망입니")."""
    end = paragraph.rstrip("'\"’”」』)] ")
    return not end.endswith((".", "?", "!", "。", "…", "~")) and _SPOKEN_END.search(end) is None


def _is_heading(text: str, nxt: _Line | None) -> bool:
    """A short non-sentence line followed by running text (``nxt``, the next text line) is a heading;
    not an item of a roundup of remarks, a bracketed answer of a transcript ("[네, 맞습니다.]"), or a
    remark on a line of its own whose speaker the next line names (``_remark_then_speaker``)."""
    if len(text) > 80 or _LIST_START.match(text) or EMAIL.search(text) or _INNER_SENTENCE.search(text):
        return False
    if _ROUNDUP_ITEM.match(text) or _bracketed_sentence(text):
        return False
    return nxt is not None and bp.is_prose(nxt.text) and not _remark_then_speaker(text, nxt.text)


def _asks(previous: str) -> bool:
    """``previous`` is a question turn ("Q. …") or a speaker's label: the line after it is the answer,
    however short ("망했죠."), never a heading."""
    return bool(previous) and (_QUESTION_TURN.match(previous) is not None or _bare_label(previous))


def _labels_a_turn(text: str, nxt: _Line | None) -> bool:
    """A speaker's label ("[홍길동 / 회사원]") over a question turn or an answer without quote marks
    heads that part of a Q&A page; over a quoted bite it stays a paragraph (the quote stage reads the
    speaker from it)."""
    return nxt is not None and _bare_label(text) and _SPEECH_START.match(nxt.text) is None


def _bare_label(text: str) -> bool:
    """A speaker's label alone ("[홍길동 / 회사원]"), not a labelled bite ("[홍길동/회사원 : …]")."""
    return SPEAKER_LABEL.fullmatch(text) is not None and ":" not in text and "：" not in text


def _bracketed_sentence(text: str) -> bool:
    """A transcript's answer printed in brackets without a label ("[네, 거의 다 왔습니다.]", "[네.]"): it
    ends like a sentence inside the brackets, which a heading or a tag ("[앵커]") does not."""
    return text.startswith("[") and text.endswith("]") and text[:-1].rstrip().endswith((".", "?", "!"))


def _remark_then_speaker(text: str, following: str) -> bool:
    """``text`` is a remark in quotes on a line of its own, and ``following`` opens by naming who said it
    ("\"끝까지 뛰자\"" / "주장 박민이 경기 전 이렇게 말했다.")."""
    return _STANDALONE_QUOTE.match(text) is not None and _NAMES_THE_SPEAKER.match(following) is not None


def _captions(lines: list[_Line], ev: _Evidence) -> list[str]:
    """Each distinct caption once, in page order."""
    seen: dict[str, None] = {}
    for line in lines:
        if line.kind != "caption":
            continue
        # a markdown table's cell edges around a caption ("| ▲ 현장을 찾은 의원들 |")
        line.caption = _CAPTION_BULLET.sub("", line.caption.strip("|│¦ "))
        if line.caption in seen:
            ev.drop(line, line.text, "duplicate caption")
        elif line.caption:
            seen[line.caption] = None
    return list(seen)


def _html_captions(hints: HtmlExtract, captions: list[str], ev: _Evidence) -> list[str]:
    """Captions the page marks as such (<figcaption>, class="caption"), after those found in the text."""
    seen = dict.fromkeys(captions)
    for raw in hints.captions:
        text, credit = caption_text(normalize_line(raw))
        if credit:
            ev.drop(float("inf"), credit, "photo credit")
        if text and hangul_count(text) and text not in seen:
            seen[text] = None
    return list(seen)


def _html_evidence(hints: HtmlExtract, ev: _Evidence, table: OutletTable) -> None:
    date = parse_iso_date(hints.date)
    if date is not None:
        ev.dates.append((date, DateEvidence("html_meta", hints.date or "")))
    for src in hints.images:
        found = filename_date(src.rsplit("/", 1)[-1])
        if found:
            ev.dates.append(found)
            break
    for name in (hints.sitename, hints.url):
        if not name:
            continue
        entry = (
            table.by_name(name) or table.find_in(name) or table.by_domain(name.split("//")[-1].split("/")[0])
        )
        if entry:
            ev.outlets.append((5, entry.outlet, True))


def _pick_outlet(candidates: list[tuple[int, Outlet, bool]]) -> Outlet:
    """Known outlets before unknown names; then bylines, copyright, e-mail domain, name lines, metadata."""
    if not candidates:
        return Outlet()
    _, outlet, _ = min(candidates, key=lambda c: (not c[2], c[0]))
    return outlet
