"""The sentence-aligned translator: split, protect, batch across articles, restore, realign.

``SentenceTranslator`` wraps a SentenceBackend (usually a CachedBackend around a model backend).
It splits every text of every article into sentences (kiwipiepy), splits sentences over the model's
limit, hides glossary entries and numbers behind placeholders, translates all unique sentences of
all articles in batches sorted by length, and puts each English sentence back beside its Korean one.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from brief.errors import ModelError
from brief.records import Article, ModelInfo, Quote, SentencePair, TranslatedArticle
from brief.translate.base import SentenceBackend
from brief.translate.check import FLAG, TranslationChecker
from brief.translate.glossary import Glossary
from brief.translate.protect import Protected, protect, restore, unprotected_notes
from brief.translate.segment import SegmentCache, fit_to_limit, segment_key, split_many

if TYPE_CHECKING:
    from brief.people import PeopleTable

__all__ = [
    "HEADLINE",
    "SentenceTranslator",
    "caption_paragraph",
    "subheadline_paragraph",
    "trim_repetition",
]

log = logging.getLogger(__name__)

HEADLINE = -1  # SentencePair.paragraph of the headline's sentences
# last syllables of words that look like names but are verb or particle forms ("한다는", "이유다")
_NOT_NAME_ENDINGS = frozenset("다는고며를을에서도")
# words before a name that end a phrase ("왼쪽부터 김영섭", "KT와 김영섭"), so the name starts there
_ENDINGS = (
    "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "서", "며", "고", "다",
    "부터", "까지", "에게", "께서", "면서", "지만", "든", "나", "야", "요", "만",
    "된", "한", "던", "해", "데", "인", "운", "난", "될", "할", "게", "지",
)  # fmt: skip
_FUNCTION_WORDS = frozenset(
    {"및", "겸", "등", "또", "또한", "그리고", "한편", "이날", "당시", "전", "현", "신임", "새"}
)


def subheadline_paragraph(i: int) -> int:
    """SentencePair.paragraph of sub-headline ``i``: -2, -3, ..."""
    return -2 - i


def caption_paragraph(i: int) -> int:
    """SentencePair.paragraph of caption ``i``: -1000, -1001, ... (below every sub-headline)."""
    return -1000 - i


@dataclass
class _Unit:
    """One Korean sentence (of an article text or of a quote) on its way through the model."""

    article: int
    paragraph: int  # SentencePair convention; for quotes, the quote's index
    index: int
    ko: str
    span: tuple[int, int]
    is_quote: bool
    pieces: list[Protected] = field(default_factory=list)
    english: list[str | None] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pending: int = 0

    @property
    def text(self) -> str:
        return " ".join(e for e in self.english if e)


def trim_repetition(text: str, max_n: int = 8, keep: int = 2) -> tuple[str, bool]:
    """Collapse a word sequence repeated more than ``keep`` times in a row (a generation loop)."""
    words = text.split()
    changed = False
    for n in range(1, max_n + 1):
        i = 0
        while i + n * (keep + 1) <= len(words):
            chunk = words[i : i + n]
            repeats = 1
            while words[i + repeats * n : i + (repeats + 1) * n] == chunk:
                repeats += 1
            if repeats > keep:
                del words[i + n : i + repeats * n]
                changed = True
            i += 1
    return (" ".join(words), True) if changed else (text, False)


def _can_ask_strictly(backend: SentenceBackend) -> bool:
    """Whether ``backend`` (or the one a cache wraps) has a stricter prompt to ask again with."""
    supports = getattr(backend, "supports_strict", None)
    if supports is not None:
        return bool(supports)
    return callable(getattr(backend, "translate_strict", None))


class SentenceTranslator:
    """A Translator built from a SentenceBackend, a glossary and a batch size."""

    def __init__(
        self,
        backend: SentenceBackend,
        glossary: Glossary | None = None,
        *,
        batch_size: int = 32,
        protect_numbers: bool = True,
        segment_cache: SegmentCache | None = None,
        people: PeopleTable | None = None,
        check: bool = True,
    ) -> None:
        """``segment_cache`` remembers sentence splits between runs (the translation cache does).
        With ``people``, people named with a title in an article but missing from the table
        ("송창현 현대자동차그룹 사장") are protected too, romanized the way the quotes stage does.
        ``check``: every translated sentence goes through ``brief.translate.check``; a flagged one is
        asked again once with a stricter prompt where the backend can, then kept with its notes."""
        self.backend = backend
        self.segment_cache = segment_cache
        self.people = people
        self.glossary = glossary
        self.batch_size = batch_size
        self.protect_numbers = protect_numbers
        self.checker: TranslationChecker | None = None
        if check:
            names = [*(e.en for e in glossary.entries)] if glossary is not None else []
            names += list(people.english_names) if people is not None else []
            self.checker = TranslationChecker.from_names(names)

    @property
    def info(self) -> ModelInfo:
        return self.backend.info

    def translate(self, article: Article, quotes: Sequence[Quote] = ()) -> TranslatedArticle:
        """The article in English, sentence by sentence, with each quote's English text filled in."""
        return self.translate_many([article], {article.id: quotes})[0]

    # ------------------------------------------------------------ the whole run
    def translate_many(
        self,
        articles: Sequence[Article],
        quotes_by_id: Mapping[str, Sequence[Quote]] | None = None,
        progress: Callable[[int], None] | None = None,
        total: Callable[[int], None] | None = None,
    ) -> list[TranslatedArticle]:
        """Translate many articles at once: their sentences share batches (sorted by length).
        ``total(n)`` is told the number of article sentences once they are split, before translating."""
        quotes_by_id = quotes_by_id or {}
        texts: list[tuple[int, int, str, bool]] = []  # article, paragraph (or quote), text, is quote
        for a, article in enumerate(articles):
            texts += [(a, paragraph, text, False) for paragraph, text in self._texts(article)]
            texts += [(a, q, quote.text_ko, True) for q, quote in enumerate(quotes_by_id.get(article.id, ()))]
        units: list[_Unit] = []
        spans = split_many([text for _, _, text, _ in texts], self.segment_cache)
        names = [self._names(article) for article in articles]
        named = [self._named(article) for article in articles]
        for (a, paragraph, text, is_quote), sentence_spans in zip(texts, spans, strict=True):
            units += self._split(a, paragraph, text, sentence_spans, is_quote, names[a], named[a])
        if total is not None:
            total(sum(1 for unit in units if not unit.is_quote))
        jobs: dict[str, list[tuple[_Unit, int]]] = defaultdict(list)
        for unit in units:
            for p, piece in enumerate(unit.pieces):
                jobs[piece.masked].append((unit, p))
        self._run(jobs, progress)
        self._check(units)
        return [self._assemble(a, article, units, quotes_by_id) for a, article in enumerate(articles)]

    def _texts(self, article: Article) -> Iterable[tuple[int, str]]:
        if article.headline:
            yield HEADLINE, article.headline
        for i, text in enumerate(article.subheadlines):
            yield subheadline_paragraph(i), text
        yield from enumerate(article.paragraphs)
        for i, text in enumerate(article.captions):
            yield caption_paragraph(i), text

    def _names(self, article: Article) -> dict[str, str]:
        """People of ``article`` who are named with a title but are not in the people table."""
        if self.people is None:
            return {}
        from brief.people import romanize_name, split_korean_name
        from brief.quotes.mentions import find_mentions, tokenize

        found: dict[str, str] = {}
        foreign: set[str] = set()
        for _, text in self._texts(article):
            for mention in find_mentions(tokenize(text), text, self.people):
                name = mention.name
                if mention.kind != "person" or not name or mention.person is not None or not mention.title:
                    continue
                if self.glossary is not None and self.glossary.get(name) is not None:
                    continue
                if split_korean_name(name) is None or name[-1] in _NOT_NAME_ENDINGS:
                    continue  # "한다는 구 사장": a verb before a short mention, not a name
                if mention.org and self.people.translate_org(mention.org) is None:
                    continue
                if self._after_a_given_name(text, text.find(name, mention.start)):
                    foreign.add(name)  # "사티아 나델라": the family name of a foreign person
                found[name] = romanize_name(name)
        return {ko: en for ko, en in found.items() if ko not in foreign}

    def _named(self, article: Article) -> frozenset[str]:
        """Glossary terms that are also ordinary words ("믿음") and that ``article`` marks as a name."""
        if self.glossary is None:
            return frozenset()
        return self.glossary.named_in(text for _, text in self._texts(article))

    def _after_a_given_name(self, text: str, position: int) -> bool:
        """Whether the word before ``position`` looks like the first part of a (foreign) name: a bare
        Hangul word that is no particle-ending word, organisation or title."""
        assert self.people is not None
        words = text[:position].split()
        if not words or not re.fullmatch("[가-힣]+", words[-1]):
            return False
        word = words[-1]
        if word.endswith(_ENDINGS) or word in _FUNCTION_WORDS:
            return False
        return self.people.translate_org(word) is None and not self.people.is_title(word)

    def _split(
        self,
        article: int,
        paragraph: int,
        text: str,
        spans: list[tuple[int, int]],
        is_quote: bool,
        names: Mapping[str, str],
        named: frozenset[str] = frozenset(),
    ) -> list[_Unit]:
        units = []
        for index, (start, end) in enumerate(spans):
            ko = text[start:end]
            unit = _Unit(article, paragraph, index, ko, (start, end), is_quote)
            parts = self._fit(ko)
            if len(parts) > 1:
                unit.notes.append(f"split: over model limit ({len(parts)} parts)")
            unit.pieces = [
                protect(ko[s:e], self.glossary, self.protect_numbers, names, named) for s, e in parts
            ]
            unit.english = [None] * len(unit.pieces)
            unit.pending = len(unit.pieces)
            units.append(unit)
        return units

    def _fit(self, sentence: str) -> list[tuple[int, int]]:
        """Spans of ``sentence`` that fit the model (remembered in the segment cache, if any)."""
        limit = self.backend.max_input_tokens
        if len(sentence.encode("utf-8")) + 8 <= limit:  # no tokenizer packs a byte into less than a token
            return [(0, len(sentence))]
        key = segment_key(f"fit {self.info.name} {self.info.revision} {limit}\n{sentence}")
        if self.segment_cache is not None:
            found = self.segment_cache.get_segments([key]).get(key)
            if found is not None:
                return found
        spans = fit_to_limit(sentence, self.backend.count_tokens, limit)
        if self.segment_cache is not None:
            self.segment_cache.put_segments({key: spans})
        return spans

    def _run(
        self, jobs: Mapping[str, list[tuple[_Unit, int]]], progress: Callable[[int], None] | None
    ) -> None:
        order = sorted(jobs, key=lambda s: (len(s), s))
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            outputs = self._translate(batch)
            retry: dict[str, list[tuple[_Unit, int]]] = defaultdict(list)
            finished: list[_Unit] = []
            for masked, output in zip(batch, outputs, strict=True):
                for unit, p in jobs[masked]:
                    restored = restore(unit.pieces[p], output)
                    unit.notes.extend(restored.notes)
                    if restored.text is None:
                        retry[unit.pieces[p].inline or unit.pieces[p].source].append((unit, p))
                    else:
                        finished += self._done(unit, p, restored.text)
            if retry:  # a placeholder was dropped: translate with the English forms written in
                sources = list(retry)
                for source, output in zip(sources, self._translate(sources), strict=True):
                    for unit, p in retry[source]:
                        unit.notes.append("retranslated without placeholders")
                        unit.notes.extend(unprotected_notes(unit.pieces[p], output))
                        finished += self._done(unit, p, output)
            done = sum(1 for unit in finished if not unit.is_quote)
            if progress is not None and done:
                progress(done)

    def _check(self, units: Sequence[_Unit]) -> None:
        """Check every sentence; ask the model once more, strictly, for the flagged ones it can; note
        what is still wrong (FLAG notes)."""
        if self.checker is None:
            return
        found = {id(u): self.checker.check(u.ko, u.text) for u in units}
        retry = [u for u in units if found[id(u)] and len(u.pieces) == 1]
        if retry and _can_ask_strictly(self.backend):
            asked: dict[tuple[str, str], list[_Unit]] = defaultdict(list)
            for unit in retry:
                asked[(unit.pieces[0].masked, "; ".join(found[id(unit)]))].append(unit)
            sources = list(asked)
            answers = self.backend.translate_strict(  # type: ignore[attr-defined]
                [s for s, _ in sources], [why for _, why in sources]
            )
            for key, answer in zip(sources, answers, strict=True):
                for unit in asked[key]:
                    restored = restore(unit.pieces[0], answer)
                    text = trim_repetition(restored.text.strip())[0] if restored.text else ""
                    again = self.checker.check(unit.ko, text) if text else found[id(unit)]
                    unit.notes.append("retranslated with a stricter prompt after the check")
                    if text and len(again) <= len(found[id(unit)]):
                        unit.english[0] = text
                        found[id(unit)] = again
        for unit in units:
            unit.notes += [FLAG + problem for problem in found[id(unit)]]

    def _translate(self, sentences: list[str]) -> list[str]:
        outputs = self.backend.translate_batch(sentences)
        if len(outputs) != len(sentences):
            raise ModelError(
                f"{self.info.name}: the {self.info.backend} backend returned {len(outputs)} "
                f"translations for {len(sentences)} sentences"
            )
        return outputs

    def _done(self, unit: _Unit, p: int, english: str) -> list[_Unit]:
        english, trimmed = trim_repetition(english.strip())
        if trimmed:
            unit.notes.append("repetition loop trimmed")
        if not english:
            unit.notes.append("empty output")
        unit.english[p] = english
        unit.pending -= 1
        return [unit] if unit.pending == 0 else []

    # ------------------------------------------------------------ putting articles together
    def _assemble(
        self, a: int, article: Article, units: list[_Unit], quotes_by_id: Mapping[str, Sequence[Quote]]
    ) -> TranslatedArticle:
        by_paragraph: dict[int, list[_Unit]] = defaultdict(list)
        by_quote: dict[int, list[_Unit]] = defaultdict(list)
        for unit in units:
            if unit.article == a:
                (by_quote if unit.is_quote else by_paragraph)[unit.paragraph].append(unit)

        def joined(paragraph: int) -> str:
            return " ".join(u.text for u in by_paragraph.get(paragraph, []) if u.text)

        pairs = [
            SentencePair(
                paragraph=u.paragraph,
                index=u.index,
                ko=u.ko,
                en=u.text,
                span=u.span,
                notes=tuple(dict.fromkeys(u.notes)),
            )
            for paragraph, _ in self._texts(article)
            for u in by_paragraph.get(paragraph, [])
        ]
        quotes = tuple(
            dataclasses.replace(
                quote, text_en=" ".join(u.text for u in by_quote.get(q, []) if u.text) or None
            )
            for q, quote in enumerate(quotes_by_id.get(article.id, ()))
        )
        return TranslatedArticle(
            article=article,
            headline_en=joined(HEADLINE) if article.headline else None,
            subheadlines_en=tuple(joined(subheadline_paragraph(i)) for i in range(len(article.subheadlines))),
            paragraphs_en=tuple(joined(i) for i in range(len(article.paragraphs))),
            sentences=tuple(pairs),
            quotes=quotes,
            model=self.info,
            captions_en=tuple(joined(caption_paragraph(i)) for i in range(len(article.captions))),
        )
