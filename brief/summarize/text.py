"""English text helpers shared by the summarizers: sentences, content words, numbers and names."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from brief.records import TranslatedArticle

__all__ = [
    "NumberMention",
    "Sentence",
    "article_sentences",
    "content_tokens",
    "find_names",
    "find_numbers",
    "numbers_match",
    "split_sentences",
    "word_set",
]

# ---------------------------------------------------------------- sentences
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st co corp inc ltd jan feb mar apr jun jul aug sep sept oct nov dec vs etc
    no u.s u.k e.g i.e gov rep sen gen""".split()  # noqa: SIM905
)
_SENTENCE_END = re.compile(r"(?<=[.!?。])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9가-힣])")


def split_sentences(text: str) -> list[str]:
    """Split English text into sentences, keeping abbreviations ("Mr.", "U.S.") and decimals together."""
    text = " ".join(text.split())
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()].strip()
        last_word = candidate.rsplit(" ", 1)[-1].rstrip(".").lower() if candidate else ""
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
            continue  # "Mr. Kim", "J. Smith": not a sentence end
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


@dataclass(frozen=True)
class Sentence:
    """An English sentence of an article's body, with where it sits."""

    text: str
    paragraph: int  # body paragraph index
    index: int  # sentence index within the paragraph
    order: int  # position among all body sentences
    span_ko: tuple[int, int] = (0, 0)  # span of its Korean source in the paragraph (when aligned)


def article_sentences(translated: TranslatedArticle) -> list[Sentence]:
    """The body sentences of a translated article in reading order.

    Uses the sentence alignment when the translator provided it, else splits ``paragraphs_en``.
    """
    pairs = [p for p in translated.sentences if p.paragraph >= 0 and p.en.strip()]
    out: list[Sentence] = []
    if pairs:
        pairs.sort(key=lambda p: (p.paragraph, p.index))
        for pair in pairs:
            out.append(Sentence(" ".join(pair.en.split()), pair.paragraph, pair.index, len(out), pair.span))
        return out
    for paragraph, text in enumerate(translated.paragraphs_en):
        for index, sentence in enumerate(split_sentences(text)):
            out.append(Sentence(sentence, paragraph, index, len(out)))
    return out


# ---------------------------------------------------------------- words
_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just me more most my no nor
    not now of off on once only or other our ours out over own same she should so some such than that
    the their theirs them then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your said says say according also
    will would year years day days week month one two three""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*|\d+(?:[.,]\d+)*")


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ies", "es", "s"):
        if len(word) > 4 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def content_tokens(text: str) -> list[str]:
    """Lower-cased, lightly stemmed words of ``text`` without stopwords (numbers kept)."""
    out = []
    for raw in _WORD.findall(text):
        word = _stem(raw)
        if word and word not in _STOPWORDS:
            out.append(word)
    return out


def word_set(text: str) -> set[str]:
    """Every word of ``text`` lower-cased (possessive stripped), for look-ups by the guard."""
    words = set()
    for raw in _WORD.findall(text):
        word = raw.lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        words.add(word)
        if "-" in word:
            words.add(word.replace("-", ""))
            words.update(part for part in word.split("-") if part)
    for match in _CAPITALISED.finditer(text):  # dotted names: "U.S", "S.K"
        words.add(re.sub(r"['’]s$", "", match.group(0)).rstrip(".").lower())
    return words


# ---------------------------------------------------------------- numbers
@dataclass(frozen=True)
class NumberMention:
    """A number as written (``surface``) and what it means: a value and a kind."""

    surface: str
    value: float
    kind: str  # "plain" | "ordinal" | "percent" | "money:KRW" | "money:USD" | "money:EUR" | ...
    start: int = 0
    end: int = 0


_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
_KO_UNITS = {"조": 1e12, "억": 1e8, "만": 1e4, "천": 1e3}
_CURRENCY_BEFORE = {
    "krw": "KRW",
    "₩": "KRW",
    "usd": "USD",
    "us$": "USD",
    "$": "USD",
    "eur": "EUR",
    "€": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "jpy": "JPY",
    "¥": "JPY",
}
_CURRENCY_AFTER = {
    "won": "KRW",
    "krw": "KRW",
    "원": "KRW",
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "달러": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "yen": "JPY",
    "pound": "GBP",
    "pounds": "GBP",
}
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
        sixteen seventeen eighteen nineteen twenty""".split()  # noqa: SIM905
    )
    if word not in ("zero", "one")  # "one" is mostly a pronoun ("one of the ...")
}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80})
_NUMBER_WORDS.update({"ninety": 90, "hundred": 100, "dozen": 12})

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_KO_AMOUNT = re.compile(rf"(?:(?:{_NUM})\s?[조억만천]\s?)+(?:{_NUM})?\s?원?")
_EN_NUMBER = re.compile(
    r"(?P<cur>\bKRW|\bUSD|US\$|\$|₩|€|£|\bEUR|\bJPY|¥|\bGBP)?\s?"
    rf"(?P<num>{_NUM})"
    r"(?P<ord>st|nd|rd|th)?"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|bn|tn|trn)\b)?"
    r"(?:\s?(?P<unit>%|percent\b|per\s?cent\b|percentage points?\b|won\b|KRW\b|dollars?\b|USD\b|"
    r"euros?\b|EUR\b|yen\b|pounds?\b|원|달러))?",
    re.IGNORECASE,
)
_WORD_NUMBER = re.compile(r"\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.I)


def _canonical(value: float) -> float:
    if value == 0:
        return 0.0
    digits = 6 - math.floor(math.log10(abs(value))) - 1
    return round(value, digits)


def _parse_korean_amount(text: str) -> float:
    total = 0.0
    for number, unit in re.findall(rf"({_NUM})\s?([조억만천])", text):
        total += float(number.replace(",", "")) * _KO_UNITS[unit]
    rest = re.sub(rf"(?:{_NUM})\s?[조억만천]", "", text)
    tail = re.search(_NUM, rest)
    if tail:
        total += float(tail.group(0).replace(",", ""))
    return total


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text`` with its value and kind.

    "KRW 2.4 trillion", "2.4 trillion won" and "2조4000억원" are all (2.4e12, "money:KRW"); "25th" is
    (25, "ordinal"); "30%" and "30 percent" are (30, "percent"); years and plain counts are "plain";
    number words from "two" to "hundred" are read too ("five years" -> 5).
    """
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    for match in _KO_AMOUNT.finditer(text):
        value = _parse_korean_amount(match.group(0))
        kind = "money:KRW" if match.group(0).rstrip().endswith("원") else "plain"
        found.append(
            NumberMention(match.group(0).strip(), _canonical(value), kind, match.start(), match.end())
        )
        taken.append((match.start(), match.end()))
    for match in _EN_NUMBER.finditer(text):
        if any(s <= match.start("num") < e for s, e in taken):
            continue
        before = text[match.start("num") - 1] if match.start("num") > 0 else " "
        if (before.isalpha() or before == ".") and not match.group("cur"):
            continue  # "G7", "A.1": part of a name, not a quantity
        value = float(match.group("num").replace(",", ""))
        kind = "plain"
        if match.group("ord"):
            kind = "ordinal"
        if match.group("scale"):
            value *= _SCALES[match.group("scale").lower()]
        unit = (match.group("unit") or "").lower()
        currency = match.group("cur")
        if unit == "%" or unit.startswith("per"):
            kind = "points" if unit.startswith("percentage") else "percent"
        elif currency:
            kind = "money:" + _CURRENCY_BEFORE[currency.lower()]
        elif unit:
            kind = "money:" + _CURRENCY_AFTER.get(unit, unit.upper())
        surface = match.group(0).strip()
        found.append(NumberMention(surface, _canonical(value), kind, match.start(), match.end()))
    for match in _WORD_NUMBER.finditer(text):
        value = float(_NUMBER_WORDS[match.group(1).lower()])
        after = text[match.end() :].lstrip()
        scale = re.match(r"(thousand|million|billion|trillion)\b", after, re.I)
        if scale:
            value *= _SCALES[scale.group(1).lower()]
        found.append(NumberMention(match.group(0), _canonical(value), "plain", match.start(), match.end()))
    found.sort(key=lambda m: m.start)
    return found


def numbers_match(claim: NumberMention, source: NumberMention) -> bool:
    """Whether a number in a brief is backed by a number in the source (same value, compatible kind)."""
    if not math.isclose(claim.value, source.value, rel_tol=1e-6, abs_tol=1e-9):
        return False
    if claim.kind == source.kind or claim.kind == "plain":
        return True
    if claim.kind == "ordinal":
        return source.kind in ("plain", "ordinal")
    if claim.kind.startswith("money:"):
        return source.kind == "plain"  # "2.4 trillion ... won" written apart in the source
    return False


# ---------------------------------------------------------------- names
_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9]*(?:['’\-&.][A-Za-z0-9]+)*(?:['’]s)?")
_LEADING_COMMON = frozenset(
    """the a an and but or so yet if in on at as by for from to of with after before during while when
    meanwhile however also this that these those it its he she they we i you his her their our its there
    here according under over despite since until although though because with without both each every
    all some many most several other another such what which who where why how yes no not then now today
    yesterday tomorrow earlier later last next first second third new more meanwhile separately""".split()  # noqa: SIM905
)
_ALWAYS_KNOWN = frozenset(
    """january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mr mrs
    ms dr i""".split()  # noqa: SIM905
)


def find_names(text: str) -> list[tuple[str, ...]]:
    """Runs of capitalised words that may name a person or an organisation ("Satya Nadella", "KT").

    A common word that opens a sentence ("The", "Meanwhile") is left out; possessives are stripped.
    """
    runs: list[tuple[str, ...]] = []
    for sentence in split_sentences(text):
        current: list[str] = []
        last_end = -1
        for match in _CAPITALISED.finditer(sentence):
            if match.start() > 0 and (
                sentence[match.start() - 1].isalnum() or sentence[match.start() - 1] in "'’"
            ):
                continue  # inside a word
            word = re.sub(r"['’]s$", "", match.group(0)).rstrip(".")
            at_start = sentence[: match.start()].strip(" \"“‘'([") == ""
            if at_start and word.lower() in _LEADING_COMMON:
                continue
            adjacent = current and sentence[last_end : match.start()] in (" ", "-")
            if current and not adjacent:
                runs.append(tuple(current))
                current = []
            current.append(word)
            last_end = match.end()
        if current:
            runs.append(tuple(current))
    return [run for run in runs if any(w.lower() not in _ALWAYS_KNOWN for w in run)]


def name_known(run: tuple[str, ...], vocabulary: set[str]) -> tuple[str, ...]:
    """The words of a name run that are not in ``vocabulary`` (lower-cased words; see ``word_set``)."""
    missing = []
    for word in run:
        low = word.lower().replace("’", "'")
        if low in _ALWAYS_KNOWN or low in vocabulary or low.replace("-", "") in vocabulary:
            continue
        if "-" in low and all(part in vocabulary for part in low.split("-") if part):
            continue
        missing.append(word)
    return tuple(missing)
