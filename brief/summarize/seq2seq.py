"""The seq2seq summarizer: BART / PEGASUS / T5 through transformers.

An article longer than the model's input limit is never cut: its sentences are packed into token
windows (``chunk_token_ids``), each window is summarized, and the window summaries are summarized again
until one remains (map-reduce). Windows of all articles are generated in batches.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from typing import Any

from brief.config import BriefConfig
from brief.errors import ModelError
from brief.records import ArticleBrief, BriefPoint, MergedBrief, TranslatedArticle
from brief.summarize.extractive import ExtractiveSummarizer, key_numbers, select_quotes
from brief.summarize.guard import GuardMode, guard_brief
from brief.summarize.text import article_sentences, split_sentences

__all__ = ["Seq2SeqSummarizer", "chunk_token_ids", "special_token_frame"]

log = logging.getLogger(__name__)

DEFAULT_MAX_NEW_TOKENS = 142  # bart-large-cnn's max_length
MAX_NEW_TOKENS_CAP = 512
MAX_REDUCE_ROUNDS = 4
# summarization settings a model may keep in config.task_specific_params["summarization"] (T5 does)
TASK_SETTINGS = ("num_beams", "no_repeat_ngram_size", "length_penalty", "early_stopping", "min_length")


def chunk_token_ids(pieces: Sequence[Sequence[int]], limit: int) -> tuple[list[list[int]], int]:
    """Pack the token ids of consecutive sentences into windows of at most ``limit`` tokens.

    Sentences stay whole where they fit; a sentence longer than ``limit`` is split into ``limit``-sized
    parts (counted in the second return value). No token is dropped or repeated: the concatenation of
    the windows equals the concatenation of ``pieces``.
    """
    if limit < 1:
        raise ValueError(f"window limit must be at least 1 token, got {limit}")
    windows: list[list[int]] = []
    current: list[int] = []
    split = 0
    for piece in pieces:
        piece = list(piece)
        if len(piece) > limit:
            split += 1
            if current:
                windows.append(current)
                current = []
            for start in range(0, len(piece), limit):
                part = piece[start : start + limit]
                if len(part) == limit:
                    windows.append(part)
                else:
                    current = part
            continue
        if len(current) + len(piece) > limit:
            windows.append(current)
            current = []
        current.extend(piece)
    if current:
        windows.append(current)
    return windows, split


def special_token_frame(tokenizer: Any) -> tuple[list[int], list[int]]:
    """The special tokens the tokenizer puts before and after a text ("<s>" ... "</s>" for BART)."""
    plain = tokenizer("hello", add_special_tokens=False)["input_ids"]
    full = tokenizer("hello", add_special_tokens=True)["input_ids"]
    for start in range(len(full) - len(plain) + 1):
        if full[start : start + len(plain)] == plain:
            return list(full[:start]), list(full[start + len(plain) :])
    raise ModelError("cannot find how the summarizer's tokenizer frames a text with special tokens")


class Seq2SeqSummarizer:
    """Abstractive briefs from an encoder-decoder summarization model, with extractive support."""

    def __init__(
        self,
        resolved: Any,
        config: BriefConfig,
        *,
        allowed: Sequence[str] = (),
        guard: GuardMode = "mark",
        loaded: Any = None,
    ) -> None:
        if loaded is None:
            from brief.models import load_seq2seq

            loaded = load_seq2seq(resolved, device=config.device, dtype=config.dtype)
        self.loaded = loaded
        self.tokenizer = loaded.tokenizer
        self.info = dataclasses.replace(loaded.info, role="summarization", backend="seq2seq")
        self.prompt_hashes: tuple[tuple[str, str], ...] = ()
        self.extractive = ExtractiveSummarizer(allowed=allowed, guard=guard)
        self.guard: GuardMode = guard
        self.batch_size = max(1, min(config.batch_size, 64))
        self.max_new_tokens = min(config.max_new_tokens or DEFAULT_MAX_NEW_TOKENS, MAX_NEW_TOKENS_CAP)
        self.prefix, self.suffix = special_token_frame(self.tokenizer)
        # T5-style models name their task in the input ("summarize: ") and keep their summarization
        # settings in task_specific_params; BART-CNN and PEGASUS have theirs in the generation config
        task = (getattr(loaded.model.config, "task_specific_params", None) or {}).get("summarization", {})
        if task.get("prefix"):
            self.prefix = self.prefix + list(
                self.tokenizer(task["prefix"], add_special_tokens=False)["input_ids"]
            )
        self.task_kwargs = {k: task[k] for k in TASK_SETTINGS if k in task}
        self.window = loaded.max_input_tokens - len(self.prefix) - len(self.suffix)
        if self.window < 8:
            raise ModelError(f"'{self.info.name}' accepts only {loaded.max_input_tokens} input tokens")

    # ------------------------------------------------------------ tokens
    def sentence_ids(self, sentences: Sequence[str]) -> list[list[int]]:
        """Token ids of each sentence, as they would be in the running text (a space between them)."""
        if not sentences:
            return []
        texts = [s if i == 0 else " " + s for i, s in enumerate(sentences)]
        return [list(ids) for ids in self.tokenizer(texts, add_special_tokens=False)["input_ids"]]

    def windows(self, sentences: Sequence[str]) -> tuple[list[list[int]], int]:
        """``sentences`` packed into model-sized windows (see ``chunk_token_ids``)."""
        return chunk_token_ids(self.sentence_ids(sentences), self.window)

    def generate(self, windows: Sequence[Sequence[int]]) -> list[str]:
        """Summaries of token windows, generated in batches; a batch is halved while the device is out
        of memory."""
        from brief.batching import run_in_halves

        out: list[str] = []
        for start in range(0, len(windows), self.batch_size):
            out += run_in_halves(
                windows[start : start + self.batch_size],
                self._generate_batch,
                model=self.info.name,
                device=self.loaded.device,
                task="summarizing one window of text",
            )
        return out

    def _generate_batch(self, windows: Sequence[Sequence[int]]) -> list[str]:
        import torch

        model = self.loaded.model
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        batch = [self.prefix + list(w) + self.suffix for w in windows]
        width = max(len(ids) for ids in batch)
        input_ids = torch.full((len(batch), width), pad, dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, ids in enumerate(batch):
            input_ids[row, : len(ids)] = torch.tensor(ids, dtype=torch.long)
            mask[row, : len(ids)] = 1
        kwargs: dict[str, Any] = {
            **self.task_kwargs,
            "max_new_tokens": self.max_new_tokens,
            **self.loaded.generate_kwargs,
        }
        min_length = kwargs.get("min_length", getattr(model.generation_config, "min_length", 0)) or 0
        if min_length > self.max_new_tokens:
            kwargs["min_length"] = self.max_new_tokens // 2
        with torch.inference_mode():
            generated = model.generate(
                input_ids=input_ids.to(self.loaded.device),
                attention_mask=mask.to(self.loaded.device),
                **kwargs,
            )
        return [" ".join(t.split()) for t in self.tokenizer.batch_decode(generated, skip_special_tokens=True)]

    def summaries(self, articles: Sequence[TranslatedArticle]) -> list[tuple[str, list[str]]]:
        """One summary text per article, and notes on how it was made (windows, reduce rounds)."""
        texts: list[list[str]] = []
        notes: list[list[str]] = [[] for _ in articles]
        for article in articles:
            sentences = [s.text for s in article_sentences(article)]
            if article.headline_en:
                sentences.insert(0, article.headline_en.rstrip(".") + ".")
            texts.append(sentences)
        pending = list(range(len(articles)))
        result = [""] * len(articles)
        for round_ in range(MAX_REDUCE_ROUNDS + 1):
            if not pending:
                break
            jobs: list[tuple[int, list[int]]] = []
            for i in pending:
                windows, split = self.windows(texts[i])
                if split:
                    notes[i].append(f"{split} sentence(s) longer than the model's window split into parts")
                if len(windows) > 1:
                    notes[i].append(
                        f"round {round_ + 1}: input of {sum(map(len, windows))} tokens summarized in "
                        f"{len(windows)} windows of at most {self.window}"
                    )
                jobs += [(i, w) for w in windows]
            outputs = self.generate([w for _, w in jobs]) if jobs else []
            parts: dict[int, list[str]] = {i: [] for i in pending}
            for (i, _), summary in zip(jobs, outputs, strict=True):
                parts[i].append(summary)
            still: list[int] = []
            for i in pending:
                if len(parts[i]) <= 1 or round_ == MAX_REDUCE_ROUNDS:
                    if len(parts[i]) > 1:
                        notes[i].append(
                            f"stopped reducing after {round_ + 1} rounds; window summaries joined"
                        )
                    result[i] = " ".join(parts[i])
                else:
                    texts[i] = [s for part in parts[i] for s in split_sentences(part)] or parts[i]
                    still.append(i)
            pending = still
        return [(result[i], notes[i]) for i in range(len(articles))]

    # ------------------------------------------------------------ briefs
    def _brief(self, translated: TranslatedArticle, summary: str, notes: list[str]) -> ArticleBrief:
        article_id = translated.article.id
        sentences = [s for s in split_sentences(summary) if len(s.split()) >= 3]
        base = self.extractive.summarize(translated)
        if not sentences:
            notes.append("the model's summary was empty; extractive brief used")
            return dataclasses.replace(base, notes=(*base.notes, *notes))
        lede, bullets = sentences[0], list(dict.fromkeys(sentences[1:]))[: self.extractive.max_bullets]
        if len(bullets) < self.extractive.min_bullets:
            extra = [b.text for b in base.bullets if b.text not in bullets and b.text != lede]
            needed = self.extractive.min_bullets - len(bullets)
            if extra[:needed]:
                notes.append(f"{len(extra[:needed])} bullet(s) added from the extractive brief")
            bullets += extra[:needed]
        date = translated.article.date
        brief = ArticleBrief(
            article_id=article_id,
            lede=lede,
            bullets=tuple(BriefPoint(text=b, sources=(article_id,), date=date) for b in bullets),
            key_numbers=key_numbers([summary, *base.key_numbers]),
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
        """Briefs of several articles; their windows are generated together in batches."""
        return [self._brief(a, s, n) for a, (s, n) in zip(articles, self.summaries(articles), strict=True)]

    def merge(self, briefs: Sequence[ArticleBrief], articles: Sequence[TranslatedArticle]) -> MergedBrief:
        """The deterministic merge of the article briefs (a seq2seq model cannot cite sources)."""
        from brief.summarize.merge import merge_briefs

        return merge_briefs(briefs, articles, allowed=self.extractive.allowed, model=self.info)
