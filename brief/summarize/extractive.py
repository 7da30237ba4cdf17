"""The extractive summarizer: picks the best English sentences of an article. No model, deterministic."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from brief.records import ArticleBrief, BriefPoint, MergedBrief, ModelInfo, Quote, TranslatedArticle
from brief.summarize.guard import GuardMode, SourceFacts, guard_brief
from brief.summarize.text import Sentence, article_sentences, content_tokens, find_names, find_numbers

__all__ = [
    "EXTRACTIVE_INFO",
    "ExtractiveSummarizer",
    "ScoredSentence",
    "key_numbers",
    "score_sentences",
    "select_quotes",
]

log = logging.getLogger(__name__)

EXTRACTIVE_INFO = ModelInfo(role="summarization", name="extractive", backend="extractive")

# Weights of the sentence features; position dominates, as news puts the essentials first.
W_POSITION = 1.0
W_FIRST = 0.3  # a news article's first sentence is its lede far more often than not
W_HEADLINE = 1.5
W_NUMBERS = 0.3
W_NAMES = 0.3
W_QUOTE = 0.2
MIN_WORDS = 6
MAX_WORDS = 60
REDUNDANT = 0.6  # content-word overlap above which a sentence repeats one already chosen


@dataclass(frozen=True)
class ScoredSentence:
    """A body sentence, its score and the features that made it."""

    sentence: Sentence
    score: float
    features: tuple[tuple[str, float], ...]

    @property
    def text(self) -> str:
        return self.sentence.text


def _overlap(a: set[str], b: set[str]) -> float:
    """How much of the smaller set the other covers (0..1)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _in_quote(sentence: Sentence, quotes: Sequence[Quote]) -> bool:
    for quote in quotes:
        if quote.location != "body" or quote.paragraph != sentence.paragraph:
            continue
        start, end = sentence.span_ko
        if start == end == 0 or (quote.span[0] < end and start < quote.span[1]):
            return True
    return False


def score_sentences(translated: TranslatedArticle, names: Iterable[str] = ()) -> list[ScoredSentence]:
    """Score every body sentence: position, overlap with the headline, numbers, named people, quotes."""
    sentences = article_sentences(translated)
    headline = set(content_tokens(" ".join([translated.headline_en or "", *translated.subheadlines_en])))
    known = [n.lower() for n in names if n]
    known += [q.speaker.en.lower() for q in translated.quotes if q.speaker.kind == "named" and q.speaker.en]
    scored = []
    for sentence in sentences:
        words = len(sentence.text.split())
        tokens = set(content_tokens(sentence.text))
        low = sentence.text.lower()
        features = {
            "position": W_POSITION / (1.0 + 0.35 * sentence.order)
            + (W_FIRST if sentence.order == 0 else 0.0),
            "headline": W_HEADLINE * (len(tokens & headline) / len(headline) if headline else 0.0),
            "numbers": W_NUMBERS if find_numbers(sentence.text) else 0.0,
            "names": W_NAMES
            if any(k in low for k in known) or any(len(r) > 1 for r in find_names(sentence.text))
            else 0.0,
            "quote": W_QUOTE if _in_quote(sentence, translated.quotes) else 0.0,
        }
        score = sum(features.values())
        if words < MIN_WORDS:
            score *= 0.3
        elif words > MAX_WORDS:
            score *= 0.7
        scored.append(ScoredSentence(sentence, score, tuple(features.items())))
    return scored


_SPEAKER_RANK = {"named": 0, "unnamed": 1, "unknown": 2}


def select_quotes(quotes: Sequence[Quote], limit: int = 3) -> tuple[Quote, ...]:
    """The quotes worth keeping, in article order: translated body quotes, named verified speakers first,
    direct before reported; quotes of unknown speakers only when there is nothing better."""
    usable = [q for q in quotes if (q.text_en or "").strip() and q.location == "body"]
    usable = [q for q in usable if len((q.text_en or "").split()) >= 4] or usable
    attributed = [q for q in usable if q.speaker.kind != "unknown"]
    ranked = sorted(
        attributed or usable,
        key=lambda q: (
            _SPEAKER_RANK[q.speaker.kind],
            not q.speaker.verified,
            q.kind != "direct",
            usable.index(q),
        ),
    )
    return tuple(sorted(ranked[:limit], key=lambda q: (q.paragraph, q.span)))


_YEAR = re.compile(r"^(19|20)\d\d$")
# words that end the "what it counts" tail of a key number
_NOT_UNITS = frozenset(
    """in on at of over for to from by with and or but as than since until after before during the a an
    this that which who was were is are be been will would said says year-on-year compared""".split()  # noqa: SIM905
)


def key_numbers(texts: Sequence[str], limit: int = 5) -> tuple[str, ...]:
    """The numbers worth listing, with the words that say what they count ("KRW 2.4 trillion investment").

    Years and days of the month are left out: they date the story, they are not its figures.
    """
    seen: set[tuple[float, str]] = set()
    out: list[str] = []
    for text in texts:
        for mention in find_numbers(text):
            if mention.kind == "ordinal" or (mention.kind == "plain" and _YEAR.match(mention.surface)):
                continue
            if mention.kind == "plain" and not mention.surface[0].isdigit():
                continue  # "five": a number word, rarely a key figure
            if (mention.value, mention.kind) in seen:
                continue
            seen.add((mention.value, mention.kind))
            tail = []
            for word in re.findall(r"[\w'’\-]+|[^\w\s]", text[mention.end :])[:3]:
                if not word[0].isalnum() or word.lower() in _NOT_UNITS or find_numbers(word):
                    break
                tail.append(word)
            out.append(" ".join([mention.surface, *tail]).strip())
            if len(out) >= limit:
                return tuple(out)
    return tuple(out)


class ExtractiveSummarizer:
    """Lede and bullets are the article's own best sentences; always available, deterministic."""

    def __init__(
        self,
        *,
        allowed: Sequence[str] = (),
        max_bullets: int = 5,
        min_bullets: int = 3,
        max_quotes: int = 3,
        guard: GuardMode = "mark",
    ) -> None:
        if not 1 <= min_bullets <= max_bullets:
            raise ValueError(f"need 1 <= min_bullets <= max_bullets, got {min_bullets}, {max_bullets}")
        self.allowed = tuple(allowed)
        self.max_bullets = max_bullets
        self.min_bullets = min_bullets
        self.max_quotes = max_quotes
        self.guard: GuardMode = guard
        self.info = EXTRACTIVE_INFO
        self.prompt_hashes: tuple[tuple[str, str], ...] = ()

    def facts(self, translated: TranslatedArticle) -> SourceFacts:
        """What the guard accepts for ``translated``."""
        return SourceFacts.from_article(translated, self.allowed)

    def select(self, translated: TranslatedArticle) -> tuple[str, list[str]]:
        """The lede and the bullets (in article order) chosen from the article's sentences."""
        scored = score_sentences(translated, self.allowed)
        if not scored:
            return (translated.headline_en or "").strip(), []
        ranked = sorted(scored, key=lambda s: (-s.score, s.sentence.order))
        chosen: list[ScoredSentence] = []
        chosen_tokens: list[set[str]] = []
        for candidate in ranked:
            tokens = set(content_tokens(candidate.text))
            if any(_overlap(tokens, other) > REDUNDANT for other in chosen_tokens):
                continue
            chosen.append(candidate)
            chosen_tokens.append(tokens)
            if len(chosen) > self.max_bullets:
                break
        lede = chosen[0]
        bullets = sorted(chosen[1:], key=lambda s: s.sentence.order)
        # keep the weak tail only while we have fewer than min_bullets
        strong = [b for b in bullets if b.score >= 0.25 * lede.score]
        if len(strong) >= self.min_bullets:
            bullets = strong
        return lede.text, [b.text for b in bullets[: self.max_bullets]]

    def summarize(self, translated: TranslatedArticle) -> ArticleBrief:
        """A brief of one article: its best sentence as lede, the next best as bullets."""
        lede, bullets = self.select(translated)
        article_id = translated.article.id
        texts = [s.text for s in sorted(score_sentences(translated), key=lambda s: -s.score)]
        brief = ArticleBrief(
            article_id=article_id,
            lede=lede,
            bullets=tuple(
                BriefPoint(text=b, sources=(article_id,), date=translated.article.date) for b in bullets
            ),
            key_numbers=key_numbers([translated.headline_en or "", *texts]),
            quotes=select_quotes(translated.quotes, self.max_quotes),
            supported=0,
            total=0,
            model=self.info,
        )
        return guard_brief(brief, self.facts(translated), self.guard)

    def summarize_all(self, articles: Sequence[TranslatedArticle]) -> list[ArticleBrief]:
        """Briefs of several articles, in order."""
        return [self.summarize(a) for a in articles]

    def merge(self, briefs: Sequence[ArticleBrief], articles: Sequence[TranslatedArticle]) -> MergedBrief:
        """One brief across articles: each fact once, with all its sources, in date order."""
        from brief.summarize.merge import merge_briefs

        return merge_briefs(briefs, articles, allowed=self.allowed, model=self.info)
