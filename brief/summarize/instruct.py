"""The instruction-model summarizer: a chat model driven by ``prompts/``, its answer parsed strictly.

Greedy decoding with a bounded ``max_new_tokens``. An answer that does not follow the format of
``brief.summarize.output`` is not guessed at: the extractive brief is used instead, and its notes say
so. An article too long for the model's context is reduced to its best sentences, and that is noted.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from brief.config import BriefConfig
from brief.prompting import AnswerSlot, defuse_special_tokens, turn_stops
from brief.records import ArticleBrief, BriefPoint, MergedBrief, TranslatedArticle
from brief.summarize.extractive import (
    EXTRACTIVE_INFO,
    ExtractiveSummarizer,
    key_numbers,
    score_sentences,
    select_quotes,
)
from brief.summarize.guard import GuardMode, SourceFacts, guard_brief, guard_points
from brief.summarize.merge import merge_briefs, order_points, what_is_new
from brief.summarize.output import OutputFormatError, parse_article_output, parse_merged_output
from brief.summarize.prompts import (
    ARTICLE_PROMPTS,
    MERGED_PROMPTS,
    PROMPTS_DIR,
    neutralise,
    prompt_hashes,
    render_messages,
)
from brief.summarize.text import article_sentences

__all__ = [
    "ARTICLE_PREFILL",
    "ARTICLE_SLOT",
    "MERGED_PREFILL",
    "MERGED_SLOT",
    "InstructSummarizer",
    "article_variables",
    "merged_variables",
]

log = logging.getLogger(__name__)

DEFAULT_MAX_NEW_TOKENS = 320
MAX_NEW_TOKENS_CAP = 1024
MAX_BATCH = 8  # prompts are long: a few at a time
# The answer is started for the model ("prefilled"): small models then keep to the format instead of
# echoing the article. The parsers see the prefill plus what the model wrote.
ARTICLE_PREFILL = "LEDE:"
MERGED_PREFILL = "POINT ["
# Where each answer ends: after its last line (NUMBERS / NEW), or where the model starts a block
# marker or a second brief. Text after the slot is never parsed.
ARTICLE_SLOT = AnswerSlot(
    ARTICLE_PREFILL, stop=("<<<", "\nLEDE:"), last_line=r"\**\s*(?:KEY\s+)?NUMBERS\s*\**\s*:"
)
MERGED_SLOT = AnswerSlot(MERGED_PREFILL, stop=("<<<",), last_line=r"\**\s*NEW\s*\**\s*:")


def article_variables(
    translated: TranslatedArticle,
    sentences: Sequence[tuple[int, str]] | None = None,
    *,
    min_bullets: int = 3,
    max_bullets: int = 5,
) -> dict[str, Any]:
    """Template variables of an article brief prompt; all article text neutralised.

    ``sentences`` ((paragraph, text) pairs) replaces the body when given (an article cut to fit).
    """
    if sentences is None:
        sentences = [(s.paragraph, s.text) for s in article_sentences(translated)]
    paragraphs: dict[int, list[str]] = {}
    for paragraph, text in sentences:
        paragraphs.setdefault(paragraph, []).append(text)
    date = translated.article.date
    return {
        "headline": neutralise(translated.headline_en or ""),
        "date": date.isoformat() if date else "",
        "paragraphs": [neutralise(" ".join(p)) for _, p in sorted(paragraphs.items())],
        "min_bullets": min_bullets,
        "max_bullets": max_bullets,
    }


def merged_variables(
    briefs: Sequence[ArticleBrief], articles: Sequence[TranslatedArticle], labels: dict[str, str]
) -> dict[str, Any]:
    """Template variables of a merged brief prompt: each brief under its label, all text neutralised."""
    by_id = {a.article.id: a for a in articles}
    items = []
    for brief in sorted(briefs, key=lambda b: labels[b.article_id]):
        article = by_id.get(brief.article_id)
        date = article.article.date if article else None
        outlet = (article.article.outlet.en or article.article.outlet.ko) if article else None
        items.append(
            {
                "label": labels[brief.article_id],
                "date": date.isoformat() if date else "unknown",
                "outlet": neutralise(outlet or "unknown"),
                "lede": neutralise(brief.lede),
                "bullets": [neutralise(b.text) for b in brief.bullets if b.supported],
            }
        )
    n = len(items)
    return {"briefs": items, "min_points": min(3, max(1, n)), "max_points": min(12, max(3, 3 * n))}


class PromptTooLong(ValueError):
    """Even the best sentence of an article does not fit the model's context (internal: falls back)."""


class InstructSummarizer:
    """Briefs written by a chat model from our prompts, parsed, checked, and noted when they fall back."""

    def __init__(
        self,
        resolved: Any,
        config: BriefConfig,
        *,
        allowed: Sequence[str] = (),
        guard: GuardMode = "mark",
        loaded: Any = None,
        prompts_dir: Path = PROMPTS_DIR,
        pool: Any = None,
        cache: Any = None,
    ) -> None:
        """The model loads on the first answer not in ``cache`` (a TranslationCache), into ``pool`` (a
        ModelPool shared with the translator) when given; ``loaded`` passes a model already loaded."""
        from brief.models import LazyModel, check_chat_model

        self.resolved = resolved if resolved is not None else loaded.resolved
        if loaded is None:
            check_chat_model(self.resolved)
            self.lazy = LazyModel(
                self.resolved, "instruct", device=config.device, dtype=config.dtype, pool=pool
            )
        else:
            self.lazy = LazyModel.of(loaded)
        base_info = loaded.info if loaded is not None else self.resolved.info("instruct")
        self.info = dataclasses.replace(base_info, role="summarization", backend="instruct")
        self.extractive = ExtractiveSummarizer(allowed=allowed, guard=guard)
        self.guard: GuardMode = guard
        self.prompts_dir = prompts_dir
        self.prompt_hashes = prompt_hashes(prompts_dir)
        self.max_new_tokens = min(config.max_new_tokens or DEFAULT_MAX_NEW_TOKENS, MAX_NEW_TOKENS_CAP)
        self.batch_size = max(1, min(config.batch_size, MAX_BATCH))
        self.cache = cache
        self.generated = 0  # answers the model generated (not from the cache), for tests

    # ------------------------------------------------------------ the model, loaded on first use
    @property
    def loaded(self) -> Any:
        """The loaded chat model (loaded now if it was not)."""
        return self.lazy.load()

    @property
    def tokenizer(self) -> Any:
        """The model's tokenizer (without loading the model, until it is loaded)."""
        return self.lazy.tokenizer

    @property
    def context(self) -> int:
        """The longest prompt plus answer the model takes, in tokens (from its config or GGUF metadata)."""
        return self.lazy.context

    def slot(self, base: AnswerSlot) -> AnswerSlot:
        """``base`` (ARTICLE_SLOT or MERGED_SLOT), also ended by this model's new-turn marker."""
        return base.with_stops(turn_stops(self.tokenizer))

    def _signature(self) -> str:
        resolved = self.resolved
        prompts = hashlib.sha256("".join(h for _, h in self.prompt_hashes).encode()).hexdigest()[:16]
        parts = [
            f"model={resolved.source}",
            f"revision={resolved.revision or ''}",
            f"gguf={resolved.gguf_file or ''}",
            f"prompts={prompts}",
            f"max_new_tokens={self.max_new_tokens}",
            "decoding=greedy",
        ]
        return "summary|" + "|".join(parts)

    # ------------------------------------------------------------ prompts
    def chat_text(self, messages: list[dict[str, str]], prefill: str = "") -> str:
        """The prompt the model sees: the messages through the model's own chat template, and the start
        of the answer (``prefill``), which holds small models to the format. The model's special-token
        strings are removed from every message first, so article text cannot open a chat turn."""
        if not getattr(self.tokenizer, "chat_template", None):
            from brief.errors import ModelError

            raise ModelError(
                f"'{self.resolved.name}' has no chat template, so it cannot follow instructions; pass an "
                "instruction-tuned ('-Instruct' / '-chat') model, not a base model."
            )
        messages = [{**m, "content": defuse_special_tokens(m["content"], self.tokenizer)} for m in messages]
        text = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        return str(text) + prefill

    def _length(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def article_prompt(self, translated: TranslatedArticle) -> tuple[str, list[str]]:
        """The chat prompt of one article, reduced to its best sentences if it is over the context."""
        budget = self.context - self.max_new_tokens
        low, high = self.extractive.min_bullets, self.extractive.max_bullets
        variables = article_variables(translated, min_bullets=low, max_bullets=high)
        text = self.chat_text(
            render_messages(ARTICLE_PROMPTS, variables, self.prompts_dir, example=True), ARTICLE_PREFILL
        )
        if self._length(text) <= budget:
            return text, []
        ranked = sorted(score_sentences(translated, self.extractive.allowed), key=lambda s: -s.score)
        keep = len(ranked)
        while True:
            if keep <= 1:
                raise PromptTooLong(f"the prompt does not fit the model's context of {self.context} tokens")
            keep = max(1, keep * 3 // 4)
            chosen = sorted(ranked[:keep], key=lambda s: s.sentence.order)
            body = [(s.sentence.paragraph, s.text) for s in chosen]
            variables = article_variables(translated, body, min_bullets=low, max_bullets=high)
            text = self.chat_text(
                render_messages(ARTICLE_PROMPTS, variables, self.prompts_dir, example=True), ARTICLE_PREFILL
            )
            if self._length(text) <= budget:
                break
        note = (
            f"article over the model's context ({self.context} tokens incl. {self.max_new_tokens} for the "
            f"answer): prompt holds its {keep} best of {len(ranked)} sentences"
        )
        log.warning("%s: %s", translated.article.source, note)
        return text, [note]

    # ------------------------------------------------------------ generation
    def generate(self, prompts: Sequence[str], slot: AnswerSlot = ARTICLE_SLOT) -> list[str]:
        """Greedy answers to chat prompts (ending with ``slot.prefill``), each trimmed to ``slot``: from
        the cache (keyed by model, prompt hash and the prompt) when there, else generated in batches
        (left padding; a batch is halved while the device is out of memory) and stored at once."""
        signature = self._signature()
        keys = [hashlib.sha256(f"{signature}\n{p}".encode()).hexdigest() for p in prompts]
        found = self.cache.get_answers(sorted(set(keys))) if self.cache is not None else {}
        todo = list(dict.fromkeys(p for p, k in zip(prompts, keys, strict=True) if k not in found))
        for start in range(0, len(todo), self.batch_size):
            batch = todo[start : start + self.batch_size]
            answers = self._run_batch(batch, slot)
            self.generated += len(answers)
            rows = {
                hashlib.sha256(f"{signature}\n{p}".encode()).hexdigest(): a
                for p, a in zip(batch, answers, strict=True)
            }
            if self.cache is not None:
                self.cache.put_answers(rows)
            found.update(rows)
        return [found[k] for k in keys]

    def _run_batch(self, batch: Sequence[str], slot: AnswerSlot) -> list[str]:
        """Answers to one batch; halved while the device is out of memory."""
        from brief.batching import run_in_halves

        return run_in_halves(
            batch,
            lambda part: self._generate_batch(part, self.slot(slot)),
            model=self.info.name,
            device=self.loaded.device,
            task="summarizing one prompt",
        )

    def _generate_batch(self, batch: Sequence[str], slot: AnswerSlot) -> list[str]:
        from brief.generation import generate_in_slot

        return generate_in_slot(self.loaded, batch, slot, self.max_new_tokens)

    # ------------------------------------------------------------ briefs
    def _fallback(self, translated: TranslatedArticle, reason: str, notes: list[str]) -> ArticleBrief:
        base = self.extractive.summarize(translated)
        note = f"{self.info.name}: no usable answer ({reason}); extractive brief used"
        log.warning("%s: %s", translated.article.source, note)
        return dataclasses.replace(base, notes=(*notes, note, *base.notes))

    def brief_from_answer(self, translated: TranslatedArticle, answer: str, notes: list[str]) -> ArticleBrief:
        """The brief in a model answer, checked by the guard; the extractive brief when it does not parse."""
        try:
            parsed = parse_article_output(answer, min_bullets=1, max_bullets=self.extractive.max_bullets)
        except OutputFormatError as error:
            log.debug("unparsable answer for %s:\n%s", translated.article.id, answer)
            return self._fallback(translated, f"answer did not parse: {error}", notes)
        notes = [*notes, f"{self.info.name}: answer parsed", *parsed.notes]
        article_id, date = translated.article.id, translated.article.date
        bullets = list(parsed.bullets)
        base = self.extractive.summarize(translated)
        if len(bullets) < self.extractive.min_bullets:
            extra = [b.text for b in base.bullets if b.text not in bullets and b.text != parsed.lede]
            extra = extra[: self.extractive.min_bullets - len(bullets)]
            if extra:
                notes.append(f"{len(extra)} bullet(s) added from the extractive brief")
            bullets += extra
        numbers = parsed.numbers or key_numbers([s.text for s in article_sentences(translated)])
        brief = ArticleBrief(
            article_id=article_id,
            lede=parsed.lede,
            bullets=tuple(BriefPoint(text=b, sources=(article_id,), date=date) for b in bullets),
            key_numbers=tuple(numbers[:5]),
            quotes=select_quotes(translated.quotes, self.extractive.max_quotes),
            supported=0,
            total=0,
            model=self.info,
            notes=tuple(notes),
        )
        return guard_brief(brief, self.extractive.facts(translated), self.guard, fallback_lede=base.lede)

    def summarize(self, translated: TranslatedArticle) -> ArticleBrief:
        """The brief of one article."""
        return self.summarize_all([translated])[0]

    def summarize_all(self, articles: Sequence[TranslatedArticle]) -> list[ArticleBrief]:
        """Briefs of several articles; prompts are generated together in batches."""
        prompts: list[tuple[str, list[str]] | None] = []
        for article in articles:
            try:
                prompts.append(self.article_prompt(article))
            except PromptTooLong as error:
                log.warning("%s: %s", article.article.source, error)
                prompts.append(None)
        answers = iter(self.generate([p[0] for p in prompts if p is not None]))
        briefs = []
        for article, prompt in zip(articles, prompts, strict=True):
            if prompt is None:
                briefs.append(self._fallback(article, "prompt too long for the model's context", []))
            else:
                briefs.append(self.brief_from_answer(article, ARTICLE_PREFILL + next(answers), prompt[1]))
        return briefs

    # ------------------------------------------------------------ merged brief
    def merge(self, briefs: Sequence[ArticleBrief], articles: Sequence[TranslatedArticle]) -> MergedBrief:
        """The model's merged brief (POINT lines citing article labels), checked; the deterministic merge
        when the answer does not parse or there is only one article."""
        fallback = merge_briefs(briefs, articles, allowed=self.extractive.allowed, model=self.info)
        if len(briefs) < 2:
            return fallback
        dates = {a.article.id: a.article.date for a in articles}
        ordered = sorted(
            range(len(briefs)),
            key=lambda i: (
                dates.get(briefs[i].article_id) is None,
                dates.get(briefs[i].article_id) or _dt.date.max,
                i,
            ),
        )
        labels = {briefs[i].article_id: f"A{n}" for n, i in enumerate(ordered, 1)}
        ids = {label: article_id for article_id, label in labels.items()}
        variables = merged_variables(briefs, articles, labels)
        prompt = self.chat_text(render_messages(MERGED_PROMPTS, variables, self.prompts_dir), MERGED_PREFILL)
        if self._length(prompt) > self.context - self.max_new_tokens:
            note = "article briefs over the model's context; deterministic merge used"
            return dataclasses.replace(fallback, notes=(*fallback.notes, note))
        answer = MERGED_PREFILL + self.generate([prompt], MERGED_SLOT)[0]
        try:
            parsed = parse_merged_output(answer, set(ids))
        except OutputFormatError as error:
            log.debug("unparsable merged answer:\n%s", answer)
            note = f"{self.info.name}: merged answer did not parse ({error}); deterministic merge used"
            log.warning("%s", note)
            return dataclasses.replace(fallback, notes=(*fallback.notes, note), model=EXTRACTIVE_INFO)
        points = []
        for cited, text in parsed.points:
            sources = tuple(ids[c] for c in cited)
            cited_dates = [d for d in (dates.get(s) for s in sources) if d is not None]
            points.append(
                BriefPoint(text=text, sources=sources, date=min(cited_dates) if cited_dates else None)
            )
        facts = {a.article.id: SourceFacts.from_article(a, self.extractive.allowed) for a in articles}
        checked = order_points(guard_points(points, facts))
        notes = [f"{self.info.name}: merged answer parsed", *parsed.notes]
        union = SourceFacts((), frozenset())
        for f in facts.values():
            union = union | f
        new = parsed.new
        problems = union.check(new)
        if problems:
            notes.append(f"NEW paragraph replaced ({'; '.join(problems)}): {new}")
            new = what_is_new(checked, len(briefs))
        return MergedBrief(
            points=tuple(checked),
            what_is_new=new,
            supported=sum(p.supported for p in checked),
            total=len(checked),
            model=self.info,
            notes=tuple(notes),
        )
