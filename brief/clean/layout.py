"""Layout repair before lines are classified: one logical line a paragraph.

Scraped pages come in three broken shapes. Hard-wrapped text (broadcast scripts, old archives) breaks
a sentence over short lines; ``join_wrapped`` joins a line to the next when it cannot end there (an
open quote, a particle or a connective ending, a comma, a fixed column width). Flattened pages put a
whole article, its dateline and its byline on one line; ``split_flattened`` cuts such lines at
datelines, and at sentence ends on pages that are one long line. And a last paragraph often carries
the sign-off glued to it ("… 말했다. 홍길동 기자 hong@x.com 사진=KT", "… 했다. <헤드라인제주>");
``split_sign_off`` moves it to lines of its own, so that the paragraph stays a paragraph.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Callable

from brief.clean import boilerplate as bp
from brief.clean.captions import caption_text, is_credit_only, is_wire_photo_credit, split_credit
from brief.clean.dates import MONTH_STEMS, dateline_date
from brief.clean.metadata import DESK, NOT_A_NAME, email_only, reporter_line

__all__ = ["join_wrapped", "repair_layout", "split_flattened", "split_sign_off", "strip_html_residue"]

# ---------------------------------------------------------------- wrapped lines
_OPENERS, _CLOSERS = "“‘「『", "”’」』"
# The last word of a line that cannot end a Korean sentence or headline: a case or topic particle, a
# connective ending ("…연구팀은", "…앞두고", "…크롬기반의"), or a comma. (Adnominal endings such as
# "…생긴" are too often the end of a noun to count on their own; see _wrapped_block.)
_CONTINUES = re.compile(
    r"(?:[,、]|[가-힣](?:은|는|이|가|을|를|의|에|에서|에게|와|과|로|으로|도|만|까지|부터|보다|처럼|"
    r"고|며|면|면서|지만|는데|은데|인데|한데|어서|아서|해서|여서|라서|니까|려고|도록|게)"
    r"|(?<![가-힣])(?:위해|대해|통해|의해|향해|관해|비해|대비해|따라))$"  # verbs used as postpositions
)
# an adnominal ending ("…공백으로 생긴", "…차단하는"): trusted only on the first line of a wrapped script
_ADNOMINAL_END = re.compile(r"[가-힣](?:는|인|된|한|할|될|던|운|린|긴|난|진|온|간)$")
_PARTICLE_END = re.compile(r"[가-힣]{2}(?:은|는|이|가|을|를|에|에서|에게|와|과|으로|로)$")
_SENTENCE_END = re.compile(r"[.?!。…](?:['\"’”」』)\]]|\s)*$|(?:다|요|죠|까)['\"’”」』]?$")
_MAX_WRAPPED = 60  # hard-wrapped lines are short; a longer line is a paragraph of its own
_INT_LABEL = re.compile(r"◀\s*(?:INT|SYN|인터뷰|녹취)\s*▶")
# a list item or a label; a broadcast's turn label ends in ">" ("앵커>", "홍길동 기자>", "인터뷰> …")
_LIST_OR_LABEL = re.compile(
    r"^(?:[-•·▶▷■□◆◇●○▲△※*☞]|\d+[.)]|[①-⑳]|\[[^\]]{1,20}\]|<[^>]{1,20}>|(?=[가-힣A-Za-z ]{1,20}>))"
)


def _open_quotes(text: str) -> bool:
    """True when ``text`` leaves a quotation open (an odd number of straight double quotes, or more
    opening than closing curly ones)."""
    if text.count('"') % 2:
        return True
    return sum(text.count(c) for c in _OPENERS) > sum(text.count(c) for c in _CLOSERS)


def _is_fragment(line: str) -> bool:
    """A short line that is neither a sentence nor a list item, label, e-mail or byline."""
    return (
        0 < len(line) <= _MAX_WRAPPED
        and _SENTENCE_END.search(line) is None
        and _LIST_OR_LABEL.match(line) is None
        and ("@" not in line or email_only(line) is None)
        and reporter_line(line) is None
    )


def _is_metadata(line: str) -> bool:
    """Page furniture, a dateline, a byline, an e-mail or a copyright line: never part of a paragraph."""
    return (
        bp.boilerplate_reason(line) is not None
        or bp.is_copyright(line)
        or dateline_date(line) is not None
        or email_only(line) is not None
        or reporter_line(line) is not None
        or is_credit_only(line)
        or (len(line) <= 30 and DESK.fullmatch(line) is not None)
    )


def _display_width(line: str) -> int:
    """Columns a line takes in a fixed-width font: Hangul and other wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _fixed_width(block: list[str]) -> int | None:
    """The column a block is hard-wrapped at: three or more lines broken where no sentence ends, nearly
    all of them within three columns of the widest."""
    open_lines = [line for line in block[:-1] if _SENTENCE_END.search(line) is None and len(line) <= 80]
    if len(open_lines) < 3:
        return None
    widths = [_display_width(line) for line in open_lines]
    width = max(widths)
    if not 40 <= width <= 130:
        return None
    if any(_display_width(line) > width + 3 or _LIST_OR_LABEL.match(line) for line in block):
        return None  # a line wider than the column, or a list item: not a text wrapped at a column
    near = sum(1 for w in widths if w >= width - 3)
    return width if near >= 0.75 * len(open_lines) else None


def _wrapped_block(block: list[str], fragment: list[bool]) -> bool:
    """A block of short lines broken mid-sentence (a broadcast script): leaving labels aside ("[앵커]"),
    three lines in four are short, a third or more are fragments, and two or more of those end in a
    particle or a connective ending."""
    content = [k for k, line in enumerate(block) if _LIST_OR_LABEL.match(line) is None]
    if len(content) < 3:
        return False
    short = sum(1 for k in content if len(block[k]) <= _MAX_WRAPPED)
    fragments = [k for k in content if fragment[k]]
    continuing = sum(1 for k in fragments if _CONTINUES.search(block[k]))
    return short * 4 >= len(content) * 3 and len(fragments) * 3 >= len(content) and continuing >= 2


def join_wrapped(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs; other lines are returned as they are.

    A line is joined to the next (non-blank) line when a quotation is open at its end, when it ends
    in a particle, a connective ending or a comma and the next line is not a list item or label, or
    when both belong to a block wrapped at a fixed column (then without a space if the break fell
    inside a word, which such blocks do: "전\\n망됐다").
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j]:
            j += 1
        if j == i:
            out.append("")
            i += 1
            continue
        out.extend(_join_block(lines[i:j]))
        i = j
    return out


_CURLY = re.compile(f"[{_OPENERS}{_CLOSERS}]")


def _quote_balance(text: str) -> tuple[int, int]:
    """(straight double quotes, curly openers minus closers) in ``text``."""
    if _CURLY.search(text) is None:
        return text.count('"'), 0
    return text.count('"'), sum(text.count(c) for c in _OPENERS) - sum(text.count(c) for c in _CLOSERS)


def _join_block(block: list[str]) -> list[str]:
    width = _fixed_width(block)
    fragment = [_is_fragment(line) for line in block]
    script = _wrapped_block(block, fragment)
    known: dict[int, bool] = {}

    def metadata(index: int) -> bool:  # each line is tested once, and only where a join is possible
        if index not in known:
            known[index] = _is_metadata(block[index])
        return known[index]

    out: list[str] = []
    current = [block[0]]  # the physical lines of the paragraph so far
    size = len(block[0])
    straight, curly = _quote_balance(block[0])
    for k in range(1, len(block)):
        last, nxt = block[k - 1], block[k]
        # a script's first line may be its title: it joins only on the grammar of its own end
        wrapped = width is not None or (script and k > 1)
        if (straight % 2 == 1 or curly > 0) and _closed_within(block, k, straight, curly):
            # a quotation broken over lines, of one sentence or several: joined up to the line closing it
            joins = _LIST_OR_LABEL.match(nxt) is None and not metadata(k) and not metadata(k - 1)
        else:
            joins = _joins(
                k, metadata, last, nxt, fragment[k - 1], fragment[k], wrapped, script and k == 1
            ) or (len(current) > 1 and fragment[k - 1] and _finishes_sentence(last, nxt) and not metadata(k))
        if size <= 3000 and joins:
            glue = "" if width and _display_width(last) >= width - 3 and _mid_word(last, nxt) else " "
            current.append(glue + nxt)
            size += len(nxt) + 1
            more_straight, more_curly = _quote_balance(nxt)
            straight, curly = straight + more_straight, curly + more_curly
        else:
            out.append("".join(current))
            current, size = [nxt], len(nxt)
            straight, curly = _quote_balance(nxt)
    out.append("".join(current))
    return out


_QUOTE_REACH = 3  # lines a quotation broken over lines may still run on


def _closed_within(block: list[str], k: int, straight: int, curly: int) -> bool:
    """Whether the quotation open before line ``k`` closes within _QUOTE_REACH lines from ``k``, each of
    them a line that can be part of a paragraph (not a list item or label, not longer than 600)."""
    for line in block[k : k + _QUOTE_REACH]:
        if len(line) > 600 or _LIST_OR_LABEL.match(line):
            return False
        more_straight, more_curly = _quote_balance(line)
        straight, curly = straight + more_straight, curly + more_curly
        if straight % 2 == 0 and curly <= 0:
            return True
    return False


def _joins(
    k: int,
    metadata: Callable[[int], bool],
    last: str,
    nxt: str,
    last_fragment: bool,
    next_fragment: bool,
    wrapped: bool,
    script_start: bool,
) -> bool:
    """Whether line ``nxt`` continues the paragraph whose last line is ``last`` (cheap tests first), when
    no quotation open before it closes a few lines on."""
    if _INT_LABEL.match(last):
        return False  # "◀INT▶홍길동/주민": a sound bite's label, over what was said
    if _SENTENCE_END.search(last) is not None or len(last) < 4:
        return False
    if wrapped:
        joins = True
    elif not last_fragment:
        return False
    elif _CONTINUES.search(last) or (script_start and len(last.split()) >= 4 and _ADNOMINAL_END.search(last)):
        joins = True
    else:
        # a fragment ending in a noun ("…의과대학 병리학교실") continues when the next line is a
        # fragment that ends in a particle ("장영채, 박관규 교수 연구팀은")
        joins = next_fragment and _PARTICLE_END.search(nxt) is not None
    return joins and not (_LIST_OR_LABEL.match(nxt) or metadata(k) or metadata(k - 1))


# a word with a case particle inside a line ("국회의장이 ", "대표를 "): the middle of a sentence
_CASE_WORD = re.compile(r"[가-힣](?:이|가|을|를|은|는|에게|에서)\s")
_STATEMENT_LINE = re.compile(r"[가-힣](?:다|니다|요)[.!?]['\"’”」』)]*$")


def _finishes_sentence(last: str, nxt: str) -> bool:
    """A paragraph already joined mid-sentence goes on through a line whose last word is no particle
    ("…를 불러", "…를 거쳐") when that line carries a case particle and the next, short, line ends the
    sentence ("…논의합니다."): one sentence wrapped over three lines, not a title over a lead."""
    return (
        _CASE_WORD.search(last) is not None
        and len(nxt) <= _MAX_WRAPPED
        and _STATEMENT_LINE.search(nxt) is not None
        and _LIST_OR_LABEL.match(nxt) is None
    )


def _mid_word(current: str, nxt: str) -> bool:
    """A fixed-width break between two Hangul syllables that leaves no word boundary visible."""
    return bool(re.search(r"[가-힣]$", current) and re.match(r"[가-힣]", nxt)) and not _CONTINUES.search(
        current[-3:]
    )


# ---------------------------------------------------------------- sign-offs glued to a paragraph
_SIGN_OFF_START = re.compile(r"(?<=[.!?\"'”’」』])\s*(?=\S)")
_OUTLET_TAG = re.compile(r"\s*(?:<\s*[가-힣A-Za-z0-9&.\s]{2,15}\s*>|【\s*[가-힣A-Za-z0-9&.\s]{2,15}\s*】)$")
_SIGN_OFF_WINDOW = 160
_STATEMENT_END = re.compile(r"[다요죠][.!?]['\"’”」』)]*$")


def _metadata_pieces(rest: str) -> list[str] | None:
    """``rest`` split into lines of page metadata (byline, e-mail, photo credit, copyright, outlet
    tag), or None when it is anything else."""
    rest = rest.strip().lstrip("/").strip()
    pieces: list[str] = []
    for _ in range(4):
        if not rest:
            return pieces or None
        if _OUTLET_TAG.fullmatch(rest) and len(rest) <= 20:
            return [rest, *pieces]
        if (
            reporter_line(rest) is not None
            or email_only(rest) is not None
            or bp.is_copyright(rest)
            or is_credit_only(rest)
            or (len(rest) <= 30 and DESK.fullmatch(rest) is not None)
        ):
            return [rest, *pieces]
        split = split_credit(rest)
        if split is None or not split[0] or split[0] == rest:
            return None
        rest, credit = split
        pieces.insert(0, credit)
    return None


def split_sign_off(line: str) -> list[str]:
    """A paragraph with a sign-off glued to its end, as the paragraph and the sign-off's pieces."""
    if len(line) < 20:
        return [line]
    tag = _OUTLET_TAG.search(line)
    if tag is not None and tag.start() > 0 and _SENTENCE_END.search(line[: tag.start()]):
        return [line[: tag.start()].rstrip(), tag.group(0).strip()]
    start = max(0, len(line) - _SIGN_OFF_WINDOW)
    for match in _SIGN_OFF_START.finditer(line, start):
        if _STATEMENT_END.search(line, 0, match.start()) is None:
            continue  # only a paragraph that ends like a sentence ("…말했다.") has a sign-off glued on
        rest = line[match.end() :]
        pieces = _metadata_pieces(rest)
        if not pieces or all(is_credit_only(piece) for piece in pieces):
            continue  # nothing glued on, or a bare photo credit: the line is a caption
        signed = any(reporter_line(p) is not None or email_only(p) is not None for p in pieces)
        credit = caption_text(line)[1]
        whole_credit = credit is not None and len(credit) >= len(rest.strip()) - 2
        if whole_credit and (not signed or is_wire_photo_credit(credit or "")):
            # the whole tail is one photo credit ("… 있다. 2024.11.19/뉴스1 ⓒ News1 김 기자", "… 있다.
            # 2019.03.14 photo@x.com"): the line is a caption, not a paragraph and its sign-off
            continue
        return [line[: match.start()].rstrip(), *pieces]
    return [line]


# ---------------------------------------------------------------- flattened pages
_INLINE_DATELINE = re.compile(
    r"(?:기사\s*입력|최종\s*수정|입력|등록|승인|수정|송고|업데이트)\s*[:：]?\s*"
    r"(?:19|20)\d{2}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*일?\.?"
    r"(?:\s*\([월화수목금토일]\))?(?:\s*(?:오전|오후)?\s*\(?\d{1,2}:\d{2}(?::\d{2})?\)?)?"
    # an English time stamp, labelled or closed by a field bar: "Oct 30th 2011, 08:57 |", "Dec 1 2019 |",
    # "Posted on Oct 30, 2011 08:57" (a date inside an English phrase of the text stays)
    r"|(?:(?P<label>posted|published|updated)\s+(?:on\s+)?)?(?<![A-Za-z\d])"
    rf"(?:{MONTH_STEMS})[a-z]{{0,6}}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?(?:\s*\||(?(label)|(?!)))|\s*\|)",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[다요죠까][.!?])\s+|(?<=[.!?][\"”’'])\s+(?=[^\s\"”’'])")
# a final ending before a space where the site stripped every full stop ("…이었습니다 한 해에 …"): the
# polite and plain statement endings and the polite 요-endings, never a noun that ends in 요 ("필요");
# and the end of a bracketed sound bite ('[NAME/ROLE : "…"]')
_BARE_BREAK = re.compile(
    r"(?:(?:니다|[았었였했겠있없]다|[한된인]다|이다|[어아에예해지네군고]요|죠)|[\"”]\s*\])(?=\s+[^\s\"”’'\])])"
)
_BARE_MIN = 200  # a piece this long without one full stop is running text that lost its punctuation
_FLAT_MIN = 400  # a line this long on a page of few lines is a flattened page


def split_flattened(line: str, whole_page: bool) -> list[str]:
    """Cut a long line at inline datelines ("… 제목 입력 2024.10.01 14:13 본문 …", "… 제목 Oct 30th 2011,
    08:57 | 본문 …"); on a page that is
    one long line (``whole_page``), also at sentence ends outside quotations."""
    if len(line) < 40 or dateline_date(line) is not None:
        return [line]
    parts: list[str] = []
    last = 0
    for match in _INLINE_DATELINE.finditer(line):
        if match.start() == 0 and match.end() == len(line):
            return [line]
        parts.append(line[last : match.start()])
        parts.append(match.group(0))
        last = match.end()
    parts.append(line[last:])
    pieces = [p.strip() for p in parts if p.strip()]
    if not whole_page:
        return pieces
    out: list[str] = []
    for piece in pieces:
        sentences = _sentences(piece)
        bare = len(sentences) == 1 and _unpunctuated_run(piece)
        if bare:
            sentences = _bare_sentences(piece)
        if len(sentences) >= 2 and _cut_sentence(sentences[-1]) and not bare:
            # the scraper cut the last sentence: it stays with the sentence before it, so that the
            # paragraph is kept (and marked truncated) rather than dropped as a fragment; where the page
            # lost its full stops, the sentence before it ends like a sentence, so the fragment stays apart
            sentences[-2:] = [f"{sentences[-2]} {sentences[-1]}"]
        for sentence in sentences:
            out.extend(_cut_at_bylines(sentence))
    return out


_SURE_BREAK = re.compile(r"(?:니다|[았었였했겠있없]다)(?=\s+[^\s\"”’'\])])")
_AROUND_BRACKETS = re.compile(r"(?<=\])\s+|\s+(?=\[)")
_KIWI_MAX = 20_000  # characters of one unpunctuated line that Kiwi splits; a longer one goes by the endings


def _bare_sentences(line: str) -> list[str]:
    """The sentences of a line whose full stops the site stripped. Kiwi's morphology finds where they
    end ("…고요 그 자체였다" is one sentence, "…왔다 어민들은" two); its model is loaded only for such a
    line (rare: mirror sites), since it costs ~270 MB; a very long one is cut after the final endings."""
    if len(line) > _KIWI_MAX:
        return _sentences(line, _BARE_BREAK)
    from brief.analysis.morph import kiwi

    out: list[str] = []
    for sentence in kiwi().split_into_sents(line):
        # a transcript's labels and bites in brackets ("[리포트]", '[NAME/ROLE : "…"]') stand apart, and
        # an ending that only ends sentences ("-니다", "-었다", "있다") ends one where Kiwi ran two together
        for piece in _AROUND_BRACKETS.split(line[sentence.start : sentence.end]):
            out.extend(_sentences(piece, _SURE_BREAK))
    return [piece for piece in out if piece]


def _unpunctuated_run(line: str) -> bool:
    """A long line of running text whose full stops the site stripped: three final endings or more
    before a space, and no full stop followed by a space."""
    return (
        len(line) >= _BARE_MIN
        and re.search(r"[.!?]\s", line) is None
        and next(itertools.islice(_BARE_BREAK.finditer(line), 2, None), None) is not None
    )


def _cut_sentence(text: str) -> bool:
    """Running Korean text that stops before its sentence ends ("… 고민이 깊어지고 있다고 전했")."""
    return (
        len(text.split()) >= 3
        and _SENTENCE_END.search(text) is None
        and re.search(r"[가-힣]", text) is not None
        and not _is_metadata(text)
        and _INLINE_BYLINE.search(text) is None
        and _INLINE_NAV.search(text) is None
    )


# inside a flattened page: a byline with its e-mail, and the header of a list of other articles
_INLINE_BYLINE = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{2,4})\s?기자(?![들상단회실증])(?:\s*[(<\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>\]]?)?"
)
_INLINE_NAV = re.compile(
    r"관련\s?기사|많이\s?본\s?(?:뉴스|기사)|인기\s?(?:뉴스|기사)|주요\s?뉴스|이\s?시각\s?(?:뉴스|주요)"
)


def _cut_at_bylines(text: str) -> list[str]:
    """A piece of a flattened page cut before and after a byline that is no subject of a sentence
    ("… 이수진 기자 sujin@x.com 관련기사 …"), and before a list header ("관련기사", "많이 본 뉴스")."""
    cuts: set[int] = set()
    for match in _INLINE_BYLINE.finditer(text):
        if match.group("name") in NOT_A_NAME:
            continue  # "시민기자", "명예 기자": a kind of reporter, no one's byline
        following = text[match.end() : match.end() + 2]
        closing = following.lstrip()[:1] in ("=", "]", ")")  # "김 기자 ]": a bracketed byline's end
        if closing or following.startswith(("가 ", "는 ", "이 ", "의 ", "와 ")):
            continue  # "김 기자가 …": the reporter is the subject of a sentence; "기자 =": a dateline
        cuts.update((match.start(), match.end()))
    cuts.update(match.start() for match in _INLINE_NAV.finditer(text))
    bounds = sorted(c for c in cuts if 0 < c < len(text))
    pieces = [text[a:b].strip() for a, b in itertools.pairwise([0, *bounds, len(text)])]
    return [p for p in pieces if p]


def _sentences(text: str, breaks: re.Pattern[str] = _SENTENCE_BREAK) -> list[str]:
    out: list[str] = []
    start = 0
    for match in breaks.finditer(text):
        candidate = text[start : match.start() if breaks is _SENTENCE_BREAK else match.end()]
        if _open_quotes(candidate):
            continue
        out.append(candidate.strip())
        start = match.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


# HTML left in a text page: tags with ASCII names ("<br>", "</p>", "<b class=x>"), character references
# ("&quot;", "&#39;"). Korean in angle brackets ("<헤드라인제주>", "<앵커 멘트>") is text and stays.
_TAG = re.compile(
    r"</?(?:a|b|i|u|s|p|br|hr|em|strong|span|div|font|img|li|ul|ol|h[1-6]|title|table|tr|td|th|sup|sub"
    r"|center|iframe|script|style|figure|figcaption|section|article|header|footer|nav)"
    r"(?:\s+[^<>]*?=[^<>]*?)?\s*/?>",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9A-Fa-f]{2,5});")


def strip_html_residue(line: str) -> str:
    """A text line without leftover HTML tags and with character references decoded."""
    cleaned = _TAG.sub(" ", line) if "<" in line else line
    if "&" in cleaned and _ENTITY.search(cleaned):
        cleaned = html.unescape(cleaned)
    return line if cleaned == line else " ".join(cleaned.split())


_EMPTY_CELLS = re.compile(r"(?<=\S)(?:\s+\|){2,}\s*$")  # "… 너무... | | |": a table's empty cells after text
_ONE_CELL = re.compile(r"\|\s*(?P<cell>[^|\s][^|]*?)\s*\|?")


def _one_cell(line: str) -> str:
    """A markdown table row of one cell ("| ▲ 현장을 찾은 의원들 |", a photo's caption) as its text."""
    match = _ONE_CELL.fullmatch(line.strip())
    return match.group("cell") if match else line


# a link to the rest of the text glued to a teaser's or a lead's end: "… 밝혔다... read full story",
# "… 설명했다. [기사 전문 보기]", "… 했다… 더보기 ›"
_READ_MORE = re.compile(
    r"(?<=[.!?…])\s*[\[(]?\s*(?:read\s+(?:the\s+)?(?:full\s+)?(?:story|article|more)"
    r"|continue\s+reading|(?:기사\s*)?(?:전문|원문|본문|전체\s*기사|자세히)\s*(?:보기|읽기)|(?:기사\s*)?더\s*보기)"
    r"\s*[\])]?\s*[»>›→]*$",
    re.IGNORECASE,
)

# the link follows a sentence, or a teaser the site cut with an ellipsis ("… 타석으로... read full story")
_READ_MORE_AFTER = re.compile(r"[다요죠][.!?…]+$|[가-힣](?:\.{3}|…)$")


# a photo's credit glued before the lead: "▲ 사진=가나군 가나군은 오는 9월 …", "사진=다라시다라시 … 밝혔다."
_GLUED_CREDIT = re.compile(
    r"^[▲△]?\s*(?P<credit>(?:사진|자료)\s*[=:]\s*)(?P<source>\S{1,24})\s+(?P<rest>\S.{39,})$"
)
_DOUBLED = re.compile(r"(?P<half>\S{2,12})(?P=half)")


def split_glued_credit(line: str) -> list[str]:
    """A line whose photo credit the scraper glued before the lead's text, as the credit and the text.
    Where the credit's source ran into the lead's first word, the same name twice ("다라시다라시"), the
    name is split between them."""
    found = _GLUED_CREDIT.match(line) if "=" in line[:12] or ":" in line[:12] else None
    if found is None or not bp.is_prose(found.group("rest")):
        return [line]
    source, rest = found.group("source"), found.group("rest")
    doubled = _DOUBLED.fullmatch(source)
    if doubled is not None:
        source, rest = doubled.group("half"), f"{doubled.group('half')} {rest}"
    return [f"{found.group('credit').strip()}{source}", rest]


def split_read_more(line: str) -> list[str]:
    """A line with a "read more" link glued to its end, as the text and the link's words."""
    found = _READ_MORE.search(line) if len(line) >= 20 else None
    if found is None or _READ_MORE_AFTER.search(line, 0, found.start()) is None:
        return [line]
    return [line[: found.start()].rstrip(), line[found.start() :].strip()]


def repair_layout(text: str) -> str:
    """The page's text with HTML residue removed, flattened lines cut, sign-offs split off and
    wrapped lines joined."""
    lines = [strip_html_residue(line) if ("<" in line or "&" in line) else line for line in text.split("\n")]
    lines = [_one_cell(line) if line.startswith("|") else line for line in lines]
    lines = [_EMPTY_CELLS.sub("", line) if line.endswith("|") else line for line in lines]
    non_blank = [line for line in lines if line]
    longest = max(non_blank, key=len, default="")
    flat = len(non_blank) <= 3 and (len(longest) >= _FLAT_MIN or _unpunctuated_run(longest))
    cut: list[str] = []
    for line in lines:
        if not line:
            cut.append(line)
            continue
        for piece in split_flattened(line, flat):
            for text_piece in split_read_more(piece):
                for credited in split_glued_credit(text_piece):
                    cut.extend(split_sign_off(credited))
    return "\n".join(join_wrapped(cut))
