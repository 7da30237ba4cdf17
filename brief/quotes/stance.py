"""Reporting verbs and their English stance ("강조했다" -> "stressed").

A verb is looked up by the longest stem that starts it ("강조했다", "강조하며", "강조한" all start
with "강조"), so one entry covers every ending. Two-word idioms ("힘을 보탰다") are looked up first.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Verbs that name a thing rather than report speech: "…"이라고 부른다 / 불린다 / 적혀 있다
NAMING_STEMS = (
    "부르", "부른", "불러", "불린", "불리", "불렀", "명명", "칭하", "칭한", "칭했", "일컫",
    "적혀", "적힌", "쓰여", "쓰인", "새겨", "표기", "이름", "읽히", "해석",
)  # fmt: skip

__all__ = [
    "IDIOMS",
    "IDIOM_VERBS",
    "NAMING_STEMS",
    "SPEECH_NOUNS",
    "STANCES",
    "speech_noun",
    "stance_of",
    "stance_of_idiom",
]

# stem (the start of the verb as written) -> English stance
STANCES: Mapping[str, str] = MappingProxyType(
    {
        "말했": "said", "말하": "said", "말한": "said", "말해": "said",
        "밝혔": "stated", "밝히": "stated", "밝힌": "stated", "밝혀": "stated",
        "강조": "stressed",
        "설명": "explained",
        "덧붙": "added",
        "답했": "answered", "답하": "answered", "답한": "answered", "답해": "answered", "답변": "answered",
        "전했": "said", "전하": "said", "전한": "said", "전해": "said",
        "주장": "claimed",
        "일축": "dismissed",
        "단언": "asserted",
        "언급": "mentioned",
        "당부": "urged",
        "약속": "promised",
        "지적": "pointed out",
        "내다봤": "predicted", "내다보": "predicted", "내다본": "predicted",
        "전망": "forecast",
        "자신했": "expressed confidence", "자신하": "expressed confidence", "자신한": "expressed confidence",
        "자신감을": "expressed confidence",
        "평가": "assessed",
        "독려": "encouraged",
        "피력": "expressed",
        "소개": "introduced",
        "꼽았": "cited", "꼽으": "cited", "꼽은": "cited", "꼽아": "cited",
        "했다": "said", "했고": "said", "하며": "said", "한다": "said", "했으": "said", "했지": "said",
        "발언": "said",
        "토로": "lamented",
        "역설": "stressed",
        "반박": "rebutted",
        "해명": "explained",
        "제안": "proposed",
        "촉구": "urged",
        "호소": "appealed",
        "요청": "requested",
        "경고": "warned",
        "우려": "expressed concern",
        "기대": "expected",
        "예상": "expected",
        "분석": "analysed",
        "진단": "diagnosed",
        "확신": "expressed conviction",
        "장담": "assured",
        "다짐": "vowed",
        "공언": "declared",
        "선언": "declared",
        "발표": "announced",
        "비판": "criticised",
        "질타": "rebuked",
        "칭찬": "praised",
        "부연": "elaborated",
        "귀띔": "hinted",
        "시사": "hinted",
        "털어놨": "confided", "털어놓": "confided",
        "물었": "asked", "묻자": "asked", "질문하": "asked", "질문했": "asked", "물으": "asked",
        "되묻": "asked back",
        "되물었": "asked back",
        "반문": "asked back",
        "인정": "acknowledged",
        "말하기": "said", "강조하기": "stressed", "밝히기": "stated", "설명하기": "explained",
        "부인": "denied",
        "해석": "interpreted",
        "예고": "signalled",
        "자평": "assessed",
        "회고": "recalled",
        "회상": "recalled",
        "꼬집": "pointed out",
        "짚었": "pointed out", "짚어": "pointed out", "짚은": "pointed out",
        "맞받": "retorted",
        "반발": "protested",
        "항변": "protested",
        "주문": "called for",
        "요구": "demanded",
        "적었": "wrote", "적어": "wrote", "썼": "wrote", "써": "wrote",
        "조언": "advised",
        "권고": "recommended",
        "답": "answered",
    }
)  # fmt: skip

# "object verb" idioms whose verb alone says little ("힘을 보탰다": lent support)
IDIOMS: Mapping[str, str] = MappingProxyType(
    {
        "힘을": "added",  # 힘을 보탰다 / 힘을 실었다
        "선을": "drew the line",  # 선을 그었다
        "포부를": "stated",  # 포부를 밝혔다
        "목소리를": "stressed",  # 목소리를 높였다
        "입을": "agreed",  # 입을 모았다
        "말을": "declined to comment",  # 말을 아꼈다
        "의지를": "expressed determination",  # 의지를 드러냈다 / 다졌다
        "각오를": "vowed",  # 각오를 다졌다
        "자신감을": "expressed confidence",  # 자신감을 드러냈다 / 내비쳤다
        "기대감을": "expressed hope",  # 기대감을 나타냈다
        "우려를": "expressed concern",  # 우려를 나타냈다
        "소감을": "said",  # 소감을 밝혔다 / 전했다
        "뜻을": "stated",  # 뜻을 밝혔다
        "입장을": "stated",  # 입장을 밝혔다
        "강조점을": "stressed",
        "감사를": "thanked",  # 감사를 표했다
        "말문을": "began",  # 말문을 열었다
        "쓴소리를": "criticised",  # 쓴소리를 했다
    }
)

# nouns that report speech: "…라는 입장이다", "…라는 게 김 대표의 설명이다"
SPEECH_NOUNS: Mapping[str, str] = MappingProxyType(
    {
        "입장": "stated", "뜻": "stated", "의견": "said", "생각": "said", "말": "said", "견해": "said",
        "설명": "explained", "주장": "claimed", "분석": "analysed", "전망": "forecast",
        "지적": "pointed out", "당부": "urged", "각오": "vowed", "포부": "stated", "소감": "said",
        "메시지": "said", "반응": "responded", "얘기": "said", "이야기": "said", "전언": "said",
        "평가": "assessed", "판단": "judged", "답변": "answered", "글": "wrote",
        "답": "answered", "대답": "answered", "해명": "explained", "고백": "confessed", "다짐": "vowed",
        "약속": "promised", "호소": "appealed", "조언": "advised", "발언": "said", "농담": "joked",
    }
)  # fmt: skip
_NOUN_ENDINGS = ("이다", "였다", "이었다", "다", "을", "를", "이", "도", "은", "는", "")


def speech_noun(word: str) -> tuple[str, str] | None:
    """(noun, stance) when ``word`` is a speech noun with a copula or particle ("설명이다", "입장을")."""
    for noun, stance in SPEECH_NOUNS.items():
        if word.startswith(noun) and word[len(noun) :].rstrip(".") in _NOUN_ENDINGS:
            return noun, stance
    return None


# second words of those idioms (a verb, so the idiom is a predicate)
IDIOM_VERBS = (
    "보탰", "보태", "실었", "실어", "그었", "긋", "그어", "밝혔", "밝히", "높였", "높이", "모았", "모아",
    "아꼈", "아끼", "드러냈", "드러내", "다졌", "다지", "내비쳤", "내비치", "나타냈", "나타내",
    "전했", "전하", "표했", "표하",
)  # fmt: skip

_LONGEST = max(map(len, STANCES))
# passives and look-alikes: "전해졌다" (it is reported), "밝혀졌다" (it came to light), "말해준다" (it shows)
_NOT_SPEECH = (
    "전해졌", "전해진", "전해지", "밝혀졌", "밝혀진", "밝혀지",
    "말해주", "말해준", "말해줬", "설명된", "설명되",
)  # fmt: skip


def stance_of(verb: str) -> str | None:
    """The English stance of a reporting verb as written ("강조했다" -> "stressed"), or None."""
    word = verb.strip().rstrip(".,!?\"'”’")
    if word.startswith(_NOT_SPEECH):
        return None
    for length in range(min(_LONGEST, len(word)), 0, -1):
        stance = STANCES.get(word[:length])
        if stance is None:
            continue
        if length == 1 and word[0] == "답" and not word.startswith(("답했", "답하")):
            continue
        return stance
    return None


def stance_of_idiom(first: str, second: str) -> str | None:
    """The stance of an "object verb" idiom ("힘을", "보탰다" -> "added"), or None."""
    stance = IDIOMS.get(first.strip())
    if stance and second.strip().startswith(IDIOM_VERBS):
        return stance
    return None
