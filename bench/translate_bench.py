"""Translation throughput: brief's translator against the naive loop most tutorials show.

The model has the real ``Helsinki-NLP/opus-mt-ko-en`` architecture (its config's sizes, 65,001
tokens) with random weights, and a SentencePiece tokenizer trained on the seeds
(``brief.testing``), so nothing is downloaded. Every sentence generates exactly ``--new-tokens``
tokens on both sides (``min_new_tokens = max_new_tokens``), so tokens/s compare like with like.

- naive: one ``model.generate`` per sentence, batch size 1 (the loop most tutorials show).
- brief seq2seq: ``SentenceTranslator`` + ``Seq2SeqBackend`` (batched, sorted by length, bf16 on GPU).
- brief ctranslate2: the same translator on ``CT2Backend`` (int8 on CPU), conversion not timed.
- cached re-run: the seq2seq run again, served from the persistent cache (no model call).
- memory: peak RSS of whole runs over N and N/10 articles (``--articles``), in child processes.

Glossary and number protection are off here: a random model drops placeholders, which would make
brief retranslate those sentences, work a trained model does not cause. Every sentence that reaches
a model is counted, so the figures stay honest either way.

    python bench/translate_bench.py                       # quick CPU run (a few minutes on 2 cores)
    python bench/translate_bench.py --articles 1000       # + memory over 1,000 articles
    python bench/translate_bench.py --device cuda --sentences 8192 --batch-size 1024 --naive-sentences 64

A machine without kiwipiepy's model (a GPU box the 88 MB model cannot travel to) can run on sentences
split in advance: ``--write-presplit seeds.json`` here, then ``--presplit seeds.json`` there. Each
sentence becomes a one-sentence paragraph, so the translator does the same model work without
loading the sentence splitter.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


# ---------------------------------------------------------------- inputs
def seed_articles() -> list[Any]:
    """The seed articles, cleaned by brief's own stages."""
    from brief.config import BriefConfig
    from brief.pipeline import load_articles

    articles, failures = load_articles([SEEDS], BriefConfig())
    if failures or not articles:
        raise SystemExit(f"cannot read the seeds: {failures}")
    return articles


def article_sentences(article: Any) -> list[str]:
    from brief.translate.segment import split_sentences

    texts = [article.headline or "", *article.subheadlines, *article.paragraphs, *article.captions]
    return [text[s:e] for text in texts for s, e in split_sentences(text)]


def tagged_copies(articles: Sequence[Any], copies: int) -> list[Any]:
    """``copies`` copies of ``articles`` whose sentences differ (a copy number before each), so the
    translator cannot share work between copies."""
    out = list(articles)
    for copy in range(1, copies):
        for article in articles:
            tag = f"({copy}) "
            paragraphs = tuple(" ".join(tag + s for s in _split(p)) for p in article.paragraphs)
            out.append(
                dataclasses.replace(
                    article,
                    id=f"{article.id}-{copy}",
                    headline=tag + article.headline if article.headline else None,
                    subheadlines=tuple(tag + s for s in article.subheadlines),
                    paragraphs=paragraphs,
                    captions=tuple(tag + c for c in article.captions),
                )
            )
    return out


def presplit_articles(path: Path) -> list[Any]:
    """Articles rebuilt from ``--write-presplit`` output: one sentence per paragraph (no splitter)."""
    from brief.records import Article, Outlet

    use_presplit_splitter()
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        Article(
            id=item["id"],
            source=item["source"],
            headline=None,
            subheadlines=(),
            paragraphs=tuple(item["sentences"]),
            captions=(),
            outlet=Outlet(),
            reporters=(),
            date=None,
            date_evidence=None,
        )
        for item in data
    ]


class _WholeText:
    """Stands in for Kiwi under ``--presplit``: every text is one sentence. Faithful there, because
    ``write_presplit`` checked that Kiwi itself splits none of the stored sentences further."""

    def split_into_sents(self, texts: Sequence[str]) -> list[list[Any]]:
        from types import SimpleNamespace

        return [[SimpleNamespace(start=0, end=len(text))] for text in texts]


def use_presplit_splitter() -> None:
    from brief.translate import segment

    segment._kiwi = _WholeText  # type: ignore[assignment]


def write_presplit(path: Path) -> None:
    """The seeds' sentences, split here with kiwipiepy, for ``--presplit`` on another machine."""
    from brief.translate.segment import split_sentences

    data = [{"id": a.id, "source": a.source, "sentences": article_sentences(a)} for a in seed_articles()]
    for sentence in (s for d in data for s in d["sentences"]):
        if len(split_sentences(sentence)) != 1:
            raise SystemExit(f"Kiwi splits a stored sentence again: {sentence!r}")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {sum(len(d['sentences']) for d in data)} sentences of {len(data)} articles to {path}")


def _split(text: str) -> list[str]:
    from brief.translate.segment import split_sentences

    return [text[s:e] for s, e in split_sentences(text)]


# ---------------------------------------------------------------- models
def build_model(folder: Path, real: bool) -> Path:
    """The benchmark model: opus-mt-ko-en's architecture (``real``) or the tiny test model."""
    import torch
    from transformers import GenerationConfig, MarianMTModel

    from brief.testing import build_tiny_marian, opus_mt_ko_en_config

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not real:
        return build_tiny_marian(folder, texts)
    marker = folder / "bench-model.json"
    if marker.is_file():
        return folder
    build_tiny_marian(folder, texts, pad_vocab_to=65001, max_positions=512)
    torch.manual_seed(0)
    model = MarianMTModel(opus_mt_ko_en_config()).eval()
    model.generation_config = GenerationConfig(
        decoder_start_token_id=65000, pad_token_id=65000, eos_token_id=0, forced_eos_token_id=0,
        bad_words_ids=[[65000]], num_beams=1,
    )  # fmt: skip
    model.save_pretrained(folder)
    marker.write_text(json.dumps({"architecture": "opus-mt-ko-en", "random": True}))
    return folder


class Counting:
    """A SentenceBackend wrapper that counts the sentences that reach the model."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self.sentences = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.backend, name)

    @property
    def info(self) -> Any:
        return self.backend.info

    @property
    def settings(self) -> Mapping[str, str]:
        return self.backend.settings

    @property
    def max_input_tokens(self) -> int:
        return int(self.backend.max_input_tokens)

    def count_tokens(self, sentence: str) -> int:
        return int(self.backend.count_tokens(sentence))

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        self.sentences += len(sentences)
        return list(self.backend.translate_batch(sentences))


@dataclasses.dataclass
class Row:
    name: str
    sentences: int  # source sentences translated
    generated: int  # tokens generated by the model
    seconds: float

    @property
    def sentences_per_s(self) -> float:
        return self.sentences / self.seconds

    @property
    def tokens_per_s(self) -> float:
        return self.generated / self.seconds


# ---------------------------------------------------------------- runs
def run_naive(folder: Path, sentences: Sequence[str], new_tokens: int, device: str, dtype: Any) -> Row:
    """One ``model.generate`` per sentence, batch size 1."""
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSeq2SeqLM.from_pretrained(folder, dtype=dtype).to(device).eval()
    options = {"min_new_tokens": new_tokens, "max_new_tokens": new_tokens, "num_beams": 1}
    model.generate(**tokenizer(sentences[0], return_tensors="pt").to(device), **options)  # warm-up
    _sync(device)
    generated = 0
    start = time.perf_counter()
    for sentence in sentences:
        inputs = tokenizer(sentence, return_tensors="pt").to(device)
        output = model.generate(**inputs, **options)
        generated += output.shape[1] - 1  # less the decoder start token
    _sync(device)
    return Row(
        "naive loop (generate per sentence, batch 1)", len(sentences), generated, time.perf_counter() - start
    )


def _sync(device: str) -> None:
    if device.startswith("cuda"):
        import torch

        torch.cuda.synchronize()


def make_backend(kind: str, folder: Path, args: argparse.Namespace, work: Path) -> Any:
    from brief.models import resolve

    resolved = resolve(str(folder))
    fixed = {"min_new_tokens": args.new_tokens, "max_new_tokens": args.new_tokens}
    if kind == "seq2seq":
        from brief.translate.seq2seq import Seq2SeqBackend

        return Seq2SeqBackend(
            resolved, device=args.device, dtype=args.dtype, num_beams=1, generate_overrides=fixed
        )
    from brief.translate.ct2 import CT2Backend

    return CT2Backend(
        resolved, device=args.device, dtype=args.dtype, num_beams=1, root=work / "ct2", threads=args.threads,
        decode_overrides={"min_decoding_length": args.new_tokens, "max_decoding_length": args.new_tokens},
    )  # fmt: skip


def run_brief(
    name: str, translator_backend: Any, model: Counting, articles: Sequence[Any], args: argparse.Namespace
) -> Row:
    """Translate ``articles`` with brief's translator; ``model`` counts what reaches the model."""
    from brief.translate import SentenceTranslator, translate_articles

    translator = SentenceTranslator(
        translator_backend, None, batch_size=args.batch_size, protect_numbers=False
    )
    before = model.sentences
    start = time.perf_counter()
    translated = translate_articles(translator, articles)
    seconds = time.perf_counter() - start
    sentences = sum(len(t.sentences) for t in translated)
    return Row(name, sentences, (model.sentences - before) * args.new_tokens, seconds)


def warm_up(backend: Any) -> None:
    """Load (and for CTranslate2, convert) the model before the clock starts."""
    backend.translate_batch(["정부는 발표했다."])


# ---------------------------------------------------------------- memory
def memory_child(args: argparse.Namespace) -> None:
    """Translate ``--memory-child`` articles in this process and print its peak RSS (MiB) as JSON."""
    from brief.translate import SentenceTranslator, translate_articles

    work = Path(args.workdir)
    folder = build_model(
        work / ("model" if args.memory_model == "real" else "tiny"), args.memory_model == "real"
    )
    args.new_tokens = args.memory_new_tokens
    backend = make_backend("seq2seq", folder, args, work)
    warm_up(backend)
    base = presplit_articles(args.presplit) if args.presplit else seed_articles()
    articles = tagged_copies(base, max(1, args.memory_child // len(base)))[: args.memory_child]
    translator = SentenceTranslator(backend, None, batch_size=args.batch_size, protect_numbers=False)
    translate_articles(translator, base[:1])  # loads the sentence splitter's model before measuring
    del base
    import gc

    gc.collect()
    before = _rss_mib()
    start = time.perf_counter()
    gpu = args.device.startswith("cuda")
    if gpu:
        import torch

        torch.cuda.reset_peak_memory_stats()
    with RssSampler() as sampler:
        translated = translate_articles(translator, articles)
    result = {
        "articles": len(articles), "sentences": sum(len(t.sentences) for t in translated),
        "peak_rss_mib": sampler.peak_mib, "rss_before_mib": before, "seconds": time.perf_counter() - start,
    }  # fmt: skip
    if gpu:
        result["peak_gpu_mib"] = torch.cuda.max_memory_allocated() / 2**20
    print(json.dumps(result))


def _peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


class RssSampler:
    """Samples this process's resident memory every few milliseconds and keeps the highest value."""

    def __init__(self, interval_s: float = 0.02) -> None:
        import threading

        self.interval_s = interval_s
        self.peak_mib = _rss_mib()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.peak_mib = max(self.peak_mib, _rss_mib())

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mib = max(self.peak_mib, _rss_mib())


def _rss_mib() -> float:
    """Current resident set size (Linux /proc; elsewhere the process's peak so far)."""
    try:
        fields = Path("/proc/self/statm").read_text().split()
        return int(fields[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return _peak_rss_mib()


def run_memory(args: argparse.Namespace) -> list[dict[str, Any]]:
    results = []
    for count in (max(1, args.articles // 10), args.articles):
        command = [
            sys.executable, __file__, "--memory-child", str(count), "--workdir", args.workdir,
            "--device", args.device, "--dtype", args.dtype, "--batch-size", str(args.batch_size),
            "--memory-model", args.memory_model, "--memory-new-tokens", str(args.memory_new_tokens),
            "--threads", str(args.threads),
            *(["--presplit", str(args.presplit)] if args.presplit else []),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False, env={**os.environ})
        if done.returncode != 0:
            raise SystemExit(f"memory run over {count} articles failed:\n{done.stderr[-3000:]}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


# ---------------------------------------------------------------- main
def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--device", default="cpu", help="cpu, cuda, cuda:N or auto (default cpu)")
    parser.add_argument("--dtype", default="auto", help="auto (bf16/fp16 on GPU, fp32 on CPU), float32, ...")
    parser.add_argument("--batch-size", type=int, default=64, help="sentences per model call for brief")
    parser.add_argument("--new-tokens", type=int, default=32, help="tokens generated per sentence (fixed)")
    parser.add_argument("--sentences", type=int, default=0, help="repeat the seeds' sentences to this many")
    parser.add_argument("--naive-sentences", type=int, default=16, help="sentences the naive loop runs")
    parser.add_argument("--backends", default="seq2seq,ctranslate2", help="brief backends to time")
    parser.add_argument("--threads", type=int, default=0, help="torch and CTranslate2 threads (0: all)")
    parser.add_argument("--articles", type=int, default=100, help="articles for the memory runs (0: skip)")
    parser.add_argument(
        "--memory-model", choices=("tiny", "real"), default="tiny", help="model of the memory runs"
    )
    parser.add_argument("--memory-new-tokens", type=int, default=8, help="tokens per sentence in memory runs")
    parser.add_argument("--workdir", default=None, help="keep the built model here between runs")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    parser.add_argument("--presplit", type=Path, default=None, help="sentences from --write-presplit")
    parser.add_argument("--write-presplit", type=Path, default=None, help="write the seeds' sentences, exit")
    parser.add_argument("--memory-child", type=int, default=0, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    args = parse_args(argv)
    args.workdir = args.workdir or tempfile.mkdtemp(prefix="brief-bench-")
    if args.write_presplit:
        write_presplit(args.write_presplit)
        return
    if args.memory_child:
        if args.threads:
            import torch

            torch.set_num_threads(args.threads)
        memory_child(args)
        return
    import torch

    from brief.models import resolve_dtype, select_device

    if args.threads:
        torch.set_num_threads(args.threads)
    work = Path(args.workdir)
    device = select_device(args.device)
    dtype = resolve_dtype(args.dtype, device)
    dtype_name = str(dtype).replace("torch.", "")
    threads = torch.get_num_threads()
    print(f"device {device} ({dtype_name}), torch threads {threads}, {args.new_tokens} tokens per sentence, "
          f"brief batch size {args.batch_size}", flush=True)  # fmt: skip
    folder = build_model(work / "model", real=True)
    base = presplit_articles(args.presplit) if args.presplit else seed_articles()
    per_copy = sum(len(article_sentences(a)) for a in base)
    copies = max(1, -(-args.sentences // per_copy)) if args.sentences else 1
    articles = tagged_copies(base, copies)
    naive_pool = [s for a in articles for s in article_sentences(a)]
    print(
        f"{len(articles)} articles, {per_copy * copies} sentences; naive loop over {args.naive_sentences}",
        flush=True,
    )

    rows: list[Row] = [run_naive(folder, naive_pool[: args.naive_sentences], args.new_tokens, device, dtype)]
    print(_format(rows[-1], rows[0]), flush=True)
    extra: dict[str, Any] = {}
    for kind in [k.strip() for k in args.backends.split(",") if k.strip()]:
        backend = make_backend(kind, folder, args, work)
        warm_up(backend)
        model = Counting(backend)
        if kind == "seq2seq":
            from brief.translate.cache import CachedBackend, TranslationCache

            cache_file = work / "translations.sqlite3"
            cache_file.unlink(missing_ok=True)
            cached = CachedBackend(model, TranslationCache(cache_file))
            row = run_brief(
                "brief seq2seq (batched, length-sorted, cold cache)", cached, model, articles, args
            )
            rows.append(row)
            print(_format(row, rows[0]), flush=True)
            again = run_brief("brief seq2seq, cached re-run", cached, model, articles, args)
            extra["cached_speedup"] = row.seconds / again.seconds
            extra["cached_model_sentences"] = again.generated // args.new_tokens
            print(f"  cached re-run: {again.seconds:.3f} s, {again.sentences_per_s:,.0f} sentences/s, "
                  f"{extra['cached_speedup']:,.0f}x faster than cold; sentences sent to the model: "
                  f"{extra['cached_model_sentences']}", flush=True)  # fmt: skip
        else:
            label = "brief ctranslate2 (int8 on CPU)" if device == "cpu" else "brief ctranslate2"
            row = run_brief(label, model, model, articles, args)
            rows.append(row)
            print(_format(row, rows[0]), flush=True)
    memory = run_memory(args) if args.articles else []
    for result in memory:
        growth_mib = result["peak_rss_mib"] - result["rss_before_mib"]
        gpu = f", peak GPU memory {result['peak_gpu_mib']:,.0f} MiB" if "peak_gpu_mib" in result else ""
        print(f"memory: {result['articles']:>5} articles, {result['sentences']:>6} sentences: "
              f"peak RSS {result['peak_rss_mib']:,.0f} MiB, {growth_mib:+,.0f} MiB over the loaded model"
              + gpu)  # fmt: skip
    if len(memory) == 2:
        small, large = memory
        extra["memory_ratio"] = large["peak_rss_mib"] / small["peak_rss_mib"]
        growth = large["articles"] / small["articles"]
        print(f"  {growth:.0f}x the articles -> {extra['memory_ratio']:.2f}x the peak RSS")
    if args.json:
        print(json.dumps({"rows": [dataclasses.asdict(r) | {"tokens_per_s": r.tokens_per_s} for r in rows],
                          "memory": memory, **extra}, indent=2))  # fmt: skip


def _format(row: Row, naive: Row) -> str:
    ratio = row.tokens_per_s / naive.tokens_per_s
    return (
        f"{row.name:<52} {row.sentences:>6} sent  {row.seconds:>8.2f} s  {row.sentences_per_s:>8.1f} sent/s  "
        f"{row.tokens_per_s:>9,.0f} tok/s  {ratio:>6.1f}x naive"
    )


if __name__ == "__main__":
    main()
