"""Reporting verbs and their English stance ("강조했다" -> "stressed").

A verb is looked up by its dictionary form, which Kiwi's morphology gives whatever the ending
("강조했다", "강조하며", "강조한" are all 강조하다), so one entry covers every form. Two-word idioms
("힘을 보탰다") are looked up first.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from brief.analysis import Morph, analyse_word

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
    "speech_lemma",
    "speech_noun",
    "stance_of",
    "stance_of_idiom",
]

# reporting verbs by their dictionary form (a noun + 하다 for Sino-Korean verbs) -> English stance. A verb
# as written is reduced to this form by Kiwi's morphology, whatever its ending ("강조했다", "강조하며",
# "강조한", "강조했습니다" are all 강조하다); see ``speech_lemma``.
STANCES: Mapping[str, str] = MappingProxyType(
    {
        "말하다": "said", "밝히다": "stated", "강조하다": "stressed", "설명하다": "explained",
        "덧붙이다": "added", "답하다": "answered", "답변하다": "answered", "대답하다": "answered",
        "전하다": "said", "주장하다": "claimed", "일축하다": "dismissed", "단언하다": "asserted",
        "언급하다": "mentioned", "당부하다": "urged", "인사하다": "said", "약속하다": "promised",
        "지적하다": "pointed out", "내다보다": "predicted", "전망하다": "forecast",
        "자신하다": "expressed confidence", "평가하다": "assessed", "독려하다": "encouraged",
        "피력하다": "expressed", "소개하다": "introduced", "꼽다": "cited", "하다": "said",
        "발언하다": "said", "토로하다": "lamented", "역설하다": "stressed", "반박하다": "rebutted",
        "해명하다": "explained", "제안하다": "proposed", "촉구하다": "urged", "호소하다": "appealed",
        "요청하다": "requested", "경고하다": "warned", "우려하다": "expressed concern",
        "기대하다": "expected", "예상하다": "expected", "분석하다": "analysed", "진단하다": "diagnosed",
        "확신하다": "expressed conviction", "장담하다": "assured", "다짐하다": "vowed",
        "공언하다": "declared", "선언하다": "declared", "발표하다": "announced", "비판하다": "criticised",
        "질타하다": "rebuked", "칭찬하다": "praised", "부연하다": "elaborated", "귀띔하다": "hinted",
        "시사하다": "hinted", "털어놓다": "confided", "묻다": "asked", "질문하다": "asked",
        "되묻다": "asked back", "반문하다": "asked back", "인정하다": "acknowledged", "부인하다": "denied",
        "해석하다": "interpreted", "예고하다": "signalled", "자평하다": "assessed", "회고하다": "recalled",
        "회상하다": "recalled", "꼬집다": "pointed out", "짚다": "pointed out", "맞받다": "retorted",
        "맞받아치다": "retorted", "반발하다": "protested", "항변하다": "protested", "주문하다": "called for",
        "요구하다": "demanded", "적다": "wrote", "쓰다": "wrote", "조언하다": "advised",
        "권고하다": "recommended", "말씀하다": "said", "고백하다": "confessed",
        "밝혀오다": "stated", "얘기하다": "said", "이야기하다": "said", "농담하다": "joked",
        "반성하다": "reflected", "사과하다": "apologised", "감사하다": "thanked", "고민하다": "reflected",
        "외치다": "shouted", "울먹이다": "said tearfully", "전언하다": "said", "설파하다": "argued",
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


def speech_lemma(verb: str) -> str | None:
    """The dictionary form of the verb a word is built on, by Kiwi's morphology ("강조했습니다" ->
    "강조하다", "밝혀왔다" -> "밝히다", "털어놨다" -> "털어놓다"); None when the word holds no verb, or
    holds a passive or a "show" auxiliary ("전해졌다": it is reported; "말해준다": it shows)."""
    word = verb.strip().strip(".,!?\"'”’…")
    if not word:
        return None
    morphs = analyse_word(word)
    for k, morph in enumerate(morphs):
        following = morphs[k + 1 :]
        if morph.tag in ("XSV", "XSA") or morph.tag.startswith(("VV", "VA", "VX")):
            if any(m.tag.startswith("VX") and m.form in ("지", "주") for m in following):
                return None  # "전해졌다", "말해준다"
            if morph.tag == "XSV":
                if morph.form != "하" or k == 0 or not morphs[k - 1].tag.startswith("N"):
                    return None  # "설명되다": a passive
                return f"{morphs[k - 1].form}하다"
            if morph.tag.startswith("VX"):
                return None
            compound = _compound(morph.form, following)
            return compound or f"{morph.form}다"
    return None


def _compound(stem: str, following: tuple[Morph, ...] | list[Morph]) -> str | None:
    """ "털" + "어" + "놓" -> "털어놓다": a verb joined to an auxiliary that makes one verb with it."""
    if len(following) >= 2 and following[0].tag == "EC" and following[1].tag.startswith("VX"):
        joined = f"{stem}{following[0].form}{following[1].form}다"
        return joined if joined in STANCES else None
    return None


def stance_of(verb: str) -> str | None:
    """The English stance of a reporting verb as written ("강조했다" -> "stressed"), or None."""
    lemma = speech_lemma(verb)
    return STANCES.get(lemma) if lemma else None


def stance_of_idiom(first: str, second: str) -> str | None:
    """The stance of an "object verb" idiom ("힘을", "보탰다" -> "added"), or None."""
    stance = IDIOMS.get(first.strip())
    if stance and second.strip().startswith(IDIOM_VERBS):
        return stance
    return None
