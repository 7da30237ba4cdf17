"""What is speech in a Korean sentence: the endings after a quote (고, 라고, 라며 …), reporting verbs and
nouns, questions and their askers, broadcast sound bites and labels, and the word-level tests the
extractor's rules share. Pure functions over one sentence's tokens; the walk through an article (who
spoke before, who is the topic) is ``brief.quotes.extract``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from brief.analysis import analyse_word
from brief.people import PeopleTable
from brief.quotes.marks import QuoteSpan
from brief.quotes.mentions import (
    TOPIC,
    Mention,
    Token,
    tokenize,
)
from brief.quotes.stance import speech_noun, stance_of, stance_of_idiom
from brief.records import Speaker

_QUOTATIVE = re.compile(r"(?:이?라고|고)(?:만|는|도)?(?=[\s,.]|$)")

_CHAIN = re.compile(r"(?:이?라며|며|이?라면서|면서)도?(?=[\s,.]|$)")  # "…"면서도 "…": a concession

# "…"라는 입장이다 / "…"라는 게 김 대표의 설명이다
_SAYS = re.compile(r"(?:이?라는|다는|는|이?란)\s+(?:(게|것이)\s+)?")

_NONE_AFTER = re.compile(r"[\s.,!?;:()\]」』…]|$")

# an unclosed quote that ends in its own reporting clause: …중요하다고 말했다.
UNCLOSED_END = re.compile(r"(?:다|요|것|까)(?:이?라고|고)\s+(\S+?)\.?\s*$")

REPORTED_END = ("다고", "라고", "냐고", "자고", "까고")

_CONNECTIVES = frozenset(
    [
        "그러면서",
        "그러면서도",
        "이어",
        "이어서",
        "또",
        "또한",
        "아울러",
        "특히",
        "그리고",
        "다만",
        "하지만",
        "그러나",
        "이에",
        "한편",
        "덧붙여",
        "나아가",
        "끝으로",
        "마지막으로",
        "이날",
        "이와",
        "함께",
        "이와함께",
        "그는",
        "그녀는",
        "재차",
        "거듭",
        "아울러",
        "특히나",
        "그러자",
    ]
)

THIS_WAY = ("이같이", "이렇게", "이처럼")

# a broadcast transcript's sound bite: "[인터뷰] 김형진/세종텔레콤 회장 : "…"", "[녹취] 과기정통부 관계자 : …"
_SOUND_BITE = re.compile(
    r"\s*(?:(?P<tag>[\[<]\s*(?:인터뷰|녹취|싱크|현장음|SYNC|INT)[^\]>]{0,10}[\]>])\s*)?(?:(?P<open>\[)\s*)?"
    r"(?P<who>[^:：\"“”‘\[\]\s][^:：\"“”‘\[\]]{1,59}?)\s*[:：]\s*(?P<said>\S.*)"
)

TAGGED = re.compile(r"\s*[\[<]\s*(?:인터뷰|녹취|싱크|현장음|SYNC|INT)")

# a label on a line of its own before a sound bite: "▶ 인터뷰 : 김민재 / 한빛전자 사장"
LABEL_LINE = re.compile(
    r"\s*(?:[▶■●◆-]\s*)?(?:[\[<]\s*)?(?:인터뷰|녹취|싱크|INT)\s*(?:[\]>]\s*)?(?:[:：]\s*)?"
    r"(?P<who>[^:：\"“”\[\]<>\s][^:：\"“”\[\]<>]{1,59}?)\s*$"
)

# a label alone on its line in brackets ("[재판장]", "[김서준 측 변호사]", "[박하윤 / 서울 마포구]"), and a
# line that is a quote and nothing else
BRACKET_LABEL = re.compile(r"\s*\[(?P<who>[^\[\]:：\"“”'‘’]{2,40})\]\s*$")

QUOTED_LINE = re.compile(r"\s*[\"“][^\"“”]{2,}[\"”]\s*$")

# a quoted question: "…냐"는 질문에 / "…"라는 질문을 받자 (the asker is not named: "X의 질문" is not matched)
QUESTION = re.compile(
    r"(?:이?라는|냐는|는|란)\s*(?:(?P<asker>기자|취재진|사회자|진행자)(?:들)?의\s*)?"
    r"((?:질문|물음)(?:에|을|이|에는|에도|을\s받자)?)(?=[\s,.\"“]|$)"
)

SAID_THINGS = frozenset(
    {"말", "내용", "얘기", "이야기", "설명", "당부", "발언", "대답", "답변", "주문", "각오"}
)

ASKERS = {"기자": "a reporter", "취재진": "reporters", "사회자": "the moderator", "진행자": "the host"}

# an asking verb that opens a clause for the answer: "…"냐고 묻자 / 질문하자 / 되묻자 / 물었는데
ASKED_THEN = re.compile(r"^(?:묻|물으|물었|되묻|되물|질문하|질문했|문의하|문의했)\w*(?:자|는데|더니)[,.]?$")

# a quote that is a whole statement of its own: "…수준입니다." / "…하겠다!" / "…인가?"
STATEMENT_END = re.compile(r"(?:[다요죠까][.!?]?|[.!?])\s*$")

_ADNOMINAL_ENDINGS = (
    "있는", "없는", "하는", "되는", "않는", "라는", "다는", "이라는", "같은", "많은", "높은", "좋은", "에는",
    "에서는", "으로는", "로는", "에게는", "과는", "와는", "관련해서는", "대해서는", "대해선", "이번엔",
)  # fmt: skip


@dataclass
class Item:
    """A sentence's words and quotes in order."""

    tokens: list[Token] = field(default_factory=list)
    quotes: list[QuoteSpan] = field(default_factory=list)
    start: int = 0
    end: int = 0
    mentions: list[Mention] = field(default_factory=list)


def speaker_key(speaker: Speaker | None) -> str | None:
    return None if speaker is None else f"{speaker.kind}:{speaker.ko}:{speaker.en}"


def particle_after(text: str, span: QuoteSpan) -> tuple[str, str]:
    """("quotative"|"chain"|"none"|"term", the ending as written) for what follows a quote."""
    rest = text[span.end : span.end + 8]
    for kind, pattern in (("quotative", _QUOTATIVE), ("chain", _CHAIN)):
        match = pattern.match(rest)
        if match:
            return kind, match.group()
    if rest[:1] == " " and rest[1:3] in ("라며", "라고", "이라"):
        # ""…하겠습니다." 라며": the ending written apart from the closing mark (broadcast copy)
        for kind, pattern in (("quotative", _QUOTATIVE), ("chain", _CHAIN)):
            match = pattern.match(rest[1:])
            if match:
                return kind, match.group()
    if _NONE_AFTER.match(rest):
        return "none", ""
    if rest[:1] in "\"“'‘「":
        return "none", ""
    return "term", ""


def split_items(text: str, spans: Sequence[QuoteSpan]) -> list[Item]:
    """The paragraph cut into sentences at sentence punctuation outside quotes."""
    sentences: list[Item] = [Item(start=0)]
    cursor = 0
    for span in [*spans, None]:
        stop = span.start if span else len(text)
        for token in tokenize(text, cursor, stop):
            sentences[-1].tokens.append(token)
            if token.ends_sentence:
                sentences[-1].end = token.end
                sentences.append(Item(start=token.end))
        if span is not None:
            sentences[-1].quotes.append(span)
            cursor = span.end
    sentences[-1].end = len(text)
    return [s for s in sentences if s.tokens or s.quotes]


Verb = tuple[int, str, "str | None"]


def says_noun(
    text: str, span: QuoteSpan, tokens: Sequence[Token], stop: int, mentions: Sequence[Mention]
) -> tuple[Verb, Mention | None] | None:
    """A quote reported by a noun: "…"라는 입장이다 / 입장을 밝혔다, "…"라는 게 김 대표의 설명이다."""
    match = _SAYS.match(text, span.end)
    if match is None:
        return None
    k = tokens_before(tokens, match.end())
    if match.group(1):  # "…라는 게 X의 설명이다": the speaker is X
        for j in range(k, stop):
            found = speech_noun(tokens[j].core)
            if found and tokens[j].core.rstrip(".").endswith("다"):
                owner = next((m for m in mentions if m.last == j - 1 and m.particle == "의"), None)
                return ((j, tokens[j].core.rstrip("."), found[1]), owner) if owner else None
        return None
    if k >= stop:
        return None
    found = speech_noun(tokens[k].core)
    if found is None:
        return None
    core = tokens[k].core.rstrip(".")
    if core.endswith("다"):
        return (k, core, found[1]), None  # "…"라는 입장이다
    if not core.endswith(("을", "를")):
        return None  # "…"는 분석이 나온다: no one is said to have said it
    verb = find_verb(tokens, k + 1, stop)
    if verb is not None:
        return verb, None
    if k + 1 < stop and tokens[k + 1].core.endswith("다"):
        return (k + 1, f"{core} {tokens[k + 1].core.rstrip('.')}", found[1]), None  # "입장을 고수했다"
    return None


_COPULA_AFTER = re.compile(r"(?:이)?(?:었|였)?다[.\s]|(?:이)?(?:었|였)?다$")


def owned_before(
    text: str, span: QuoteSpan, tokens: Sequence[Token], mentions: Sequence[Mention]
) -> tuple[Verb, Mention | None] | None:
    """ "김 대표의 설명은 "…"이었다", "취재진의 질문은 "…"였다": a speech noun of someone before the quote
    and a copula after it; the owner is that someone (for a question, its asker)."""
    if not _COPULA_AFTER.match(text, span.end):
        return None
    k = tokens_before(tokens, span.start) - 1
    if k < 1 or tokens[k].raw != tokens[k].core or tokens[k].core[-1:] not in "은는이가":
        return None
    noun = tokens[k].core[:-1]
    asked = noun in ("질문", "물음")
    found = speech_noun(noun)
    if not asked and found is None:
        return None
    stance = "asked" if asked else (found[1] if found else None)
    owner = next((m for m in mentions if m.last == k - 1 and m.particle == "의"), None)
    before = tokens[k - 1].core
    if asked and before.endswith("의") and before[:-1].rstrip("들") in ASKERS:
        who = ASKERS[before[:-1].rstrip("들")]
        owner = Mention("unnamed", tokens[k - 1].start, tokens[k].end, k - 1, k, "", "질문자",
                        title="질문자", description=who)  # fmt: skip
    if owner is None:
        return None
    return (k, tokens[k].core, stance), owner


def find_verb(tokens: Sequence[Token], start: int, stop: int) -> tuple[int, str, str | None] | None:
    """The first reporting verb among tokens[start:stop]: (index, verb as written, stance)."""
    for k in range(start, stop):
        core = tokens[k].core
        if not _is_predicate(core):
            continue
        if k > start:
            idiom = stance_of_idiom(tokens[k - 1].core, core)
            if idiom:
                return k, f"{tokens[k - 1].core} {core}", idiom
        stance = stance_of(core)
        if stance:
            return k, core, stance
    return None


def _is_predicate(word: str) -> bool:
    """A verb form that can carry a report: ends a sentence or links to the next clause."""
    if word.endswith(REPORTED_END):
        return False
    return word.endswith(("다", "며", "면서", "한", "고", "했", "데", "해", "해왔다", "자", "기도"))


_AND = ("와", "과", "랑", "이랑", "하고")


def is_joint(mentions: Sequence[Mention], subject: Mention) -> bool:
    """Whether ``subject`` is the last of people joined by 와/과 ("A 사장과 B 사장은")."""
    return joint_start(mentions, subject) < subject.start


def joint_start(mentions: Sequence[Mention], subject: Mention) -> int:
    """Where the people joined with ``subject`` begin (``subject.start`` when it stands alone)."""
    index = next((i for i, m in enumerate(mentions) if m is subject), None)
    if index is None or subject.kind == "org":
        return subject.start
    start = subject.start
    while index > 0:
        before = mentions[index - 1]
        joined = before.last == mentions[index].first - 1 and before.particle in _AND
        if not joined or before.kind not in ("person", "short", "unnamed"):
            break
        start, index = before.start, index - 1
    return start


def sound_bite(text: str) -> tuple[str, int, int] | None:
    """(the speaker label as written, where the words said start and end) for a transcript's sound bite:
    "[인터뷰] NAME/ORG TITLE : …", "<녹취> NAME(PLACE) : "…"", "[NAME / ORG TITLE : …]" (the bite wholly
    inside the brackets)."""
    if ":" not in text and "：" not in text:
        return None
    match = _SOUND_BITE.match(text)
    if match is None:
        return None
    who = match.group("who").strip()
    end = len(text.rstrip())
    bracketed = match.group("open") is not None and text[:end].endswith("]")
    if match.group("tag") is None and "/" not in who and not bracketed:
        return None  # "일시: …", "A: …": only a tagged line or a "NAME/ORG TITLE" label names a speaker
    if match.group("open") and text[:end].endswith("]"):
        end -= 1  # "[NAME / TITLE : …]": the closing bracket is not said
    return " ".join(who.split()), match.start("said"), end


_PLAIN_ENDINGS = frozenset({"다", "ᆫ다", "는다", "라", "자"})  # also slogans and headings ("하면 된다")


def said_whole(inner: str) -> bool:
    """Whether a quote is a whole sentence as someone says it aloud: it ends in a final ending of
    speech ("죄송합니다", "좋아요", "어쩌죠?") or the polite 요 ("되기는요"), not a plain 다."""
    words = inner.split()
    if not words:
        return False
    last = words[-1].rstrip(".!?…~")
    if last.endswith("요"):
        return True
    morphs = [m for m in analyse_word(last) if not m.tag.startswith("S")]
    return bool(morphs) and morphs[-1].tag == "EF" and morphs[-1].form not in _PLAIN_ENDINGS


def tokens_before(tokens: Sequence[Token], position: int | None) -> int:
    """The index of the first token that starts at or after ``position``."""
    if position is None:
        return len(tokens)
    return bisect_left(tokens, position, key=_start_of)


def _start_of(token: Token) -> int:
    return token.start


def first_of(mention: Mention) -> int:
    return mention.first


def words_between(tokens: Sequence[Token], start: int, stop: int) -> bool:
    """Whether any word other than a chain ending ("며", "이라면서") stands between two quotes."""
    first = tokens_before(tokens, start)
    last = tokens_before(tokens, stop)
    between = tokens[first:last]
    if not between:
        return False
    if len(between) > 1:
        return True
    return not (between[0].start == start and _CHAIN.fullmatch(between[0].core))


def blocks_continuation(token: Token, table: PeopleTable | None = None) -> bool:
    """A word that looks like a subject we did not recognise ("전 장관은"), so the last speaker cannot
    be assumed."""
    core = token.core
    if core in _CONNECTIVES or len(core) < 2 or not core.endswith(tuple(TOPIC)):
        return False
    if table is not None and len(core) >= 3 and table.is_title(core[:-1]):
        return True  # "배우는", "감독은": a title as the subject (Kiwi may read "배우는" as a verb)
    # a noun with the topic particle ("전 장관은"); not an adnominal verb ("넣은") nor "에는", "에서는"
    morphs = analyse_word(core)
    return len(morphs) >= 2 and morphs[-1].tag == "JX" and morphs[-2].tag[:1] in ("N", "S", "X")


def new_subject_also(region: Sequence[Token], k: int, table: PeopleTable) -> bool:
    """A new subject marked "also" ("배우 한가람도", "박민지 역시", "그 역시" excepted): someone else
    speaks now, so the last speaker is not carried over."""
    core = region[k].core
    if core in ("역시", "또한") and k > 0:
        before = region[k - 1]
        if before.raw != before.core or before.core in ("그", "그녀", "이", "이번", "이날"):
            return False
        morphs = analyse_word(before.core)
        return bool(morphs) and all(m.tag in ("NNP", "NNG", "MM") or m.oov for m in morphs)
    if len(core) < 3 or not core.endswith("도") or core in _CONNECTIVES:
        return False
    morphs = analyse_word(core)
    if len(morphs) < 2 or morphs[-1].tag != "JX" or morphs[-1].form != "도":
        return False
    # a name ("한가람도": proper noun or unknown word), not a time or place ("이날도", "오늘도", "현장에도")
    nouns = morphs[:-1]
    named = all(m.tag in ("NNP", "MM") or m.oov for m in nouns)
    named = named and any(m.tag == "NNP" or m.oov for m in nouns)
    titled = k > 0 and region[k - 1].raw == region[k - 1].core and table.is_title(region[k - 1].core)
    return named or titled  # "배우 한가람도": a title before it


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def skip_connectives(text: str, start: int, end: int) -> int:
    """Move past leading connectives ("다만 그러면서도 …") of a reported statement."""
    while True:
        word_end = start
        while word_end < end and not text[word_end].isspace():
            word_end += 1
        if text[start:word_end].rstrip(",") in _CONNECTIVES | {"그러면서도", "동시에", "이처럼"}:
            start = word_end
            while start < end and text[start].isspace():
                start += 1
            continue
        return start


def whose_words(
    tokens: Sequence[Token], mentions: Sequence[Mention], stop: int
) -> tuple[str, tuple[str, str] | None, Mention | None]:
    """ "… 김 대표의 말이다." ending at token ``stop``: (its last word, that word's speech noun and stance,
    the mention marked 의 right before it)."""
    last = tokens[stop - 1].core.rstrip(".") if stop > 0 else ""
    owner = next((m for m in mentions if m.last == stop - 2 and m.particle == "의"), None)
    return last, speech_noun(last), owner
