"""GGUF translation speed: brief's ``llamacpp`` backend against llama.cpp itself (llama-cpp-python, the
same prompts), and against the transformers GGUF path, in one run.

The same seed sentences go through:

- brief llamacpp: ``LlamaCppBackend.translate_batch`` (prompt building, the GGUF's chat template, the
  answer slot's stop rules, parsing), one sentence a prompt (``--per-request 1``) so that both sides do
  the same completions;
- llama.cpp: ``Llama.create_completion`` on the very prompts brief builds (rendered beforehand, not
  timed), the same greedy settings, the same stop strings (a one-line slot ends at the first newline),
  on the same loaded model;
- transformers: ``InstructBackend`` on the GGUF file (dequantised to float32 on load), one sentence a
  ``generate`` call.

Tokens/s counts generated tokens over wall time, end to end per sentence (prompt evaluation included,
as a user waits for it). The goal is brief within 1.5x of llama.cpp (ratio >= 0.67).

No real model is reachable here, so by default the bench builds a random-weight Qwen2 GGUF with
``brief.testing`` (``--hidden``, ``--layers``; ``--quantization q8_0`` as a downloaded GGUF would be).
Its answers are noise, but the work per token is a real model's of that size. With a real file::

    pip install "brief[llamacpp]"
    python bench/gguf_bench.py --gguf ~/models/qwen2.5-1.5b-instruct-q4_k_m.gguf --sentences 32

    python bench/gguf_bench.py                     # built model (hidden 1024, 12 layers, q8_0)
    python bench/gguf_bench.py --skip-transformers --per-request 8
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_sentences(limit: int) -> list[str]:
    """The first ``limit`` sentences of the seed articles, cleaned and split by brief's own stages."""
    from brief.config import BriefConfig
    from brief.pipeline import load_articles
    from brief.translate.segment import split_sentences

    articles, _ = load_articles([SEEDS], BriefConfig())
    sentences = [p[start:end] for a in articles for p in a.paragraphs for start, end in split_sentences(p)]
    return sentences[:limit]


def build_model(folder: Path, hidden: int, layers: int, vocab: int, quantization: str) -> Path:
    from brief.testing import build_tiny_gguf, build_tiny_qwen2

    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    source = build_tiny_qwen2(
        folder / "src", texts=[text], vocab_size=vocab, hidden_size=hidden, layers=layers
    )
    return build_tiny_gguf(folder / f"bench-{quantization}.gguf", source, quantization=quantization)


class Counted:
    """Wraps a model call, adding up the tokens it generated (``count(result)``)."""

    def __init__(self, call: Callable[..., Any], count: Callable[[Any, Any], int]) -> None:
        self.call, self.count, self.tokens, self.calls = call, count, 0, 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        result = self.call(*args, **kwargs)
        self.tokens += self.count(result, kwargs)
        self.calls += 1
        return result


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gguf", type=Path, help="a real GGUF chat model (default: build a random one)")
    parser.add_argument("--hidden", type=int, default=1024)
    parser.add_argument("--layers", type=int, default=12)
    parser.add_argument("--vocab", type=int, default=8000)
    parser.add_argument("--quantization", choices=("f32", "q8_0"), default="q8_0")
    parser.add_argument("--sentences", type=int, default=24)
    parser.add_argument("--new-tokens", type=int, default=48, help="max new tokens per sentence")
    parser.add_argument("--per-request", type=int, default=1, help="sentences per prompt for brief")
    parser.add_argument("--repeats", type=int, default=3, help="alternating runs; the best of each counts")
    parser.add_argument("--skip-transformers", action="store_true")
    args = parser.parse_args(argv)

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from brief.llama import SEED, available, cores
    from brief.models import resolve
    from brief.translate.llamacpp import LlamaCppBackend

    if not available():
        print('llama-cpp-python is not installed: pip install "brief[llamacpp]"', file=sys.stderr)
        return 2
    sentences = seed_sentences(args.sentences)
    with tempfile.TemporaryDirectory() as tmp:
        if args.gguf is None:
            built, gguf = timed(
                lambda: build_model(Path(tmp), args.hidden, args.layers, args.vocab, args.quantization)
            )
            size = gguf.stat().st_size / 2**20
            shape = f"hidden {args.hidden}, {args.layers} layers"
            print(f"built {gguf.name}: {shape}, {size:.0f} MiB, {built:.0f} s")
        else:
            gguf = args.gguf
        resolved = resolve(str(gguf))
        print(f"{len(sentences)} seed sentences, <= {args.new_tokens} new tokens each, {cores()} threads")

        brief = LlamaCppBackend(resolved, per_request=args.per_request, max_new_tokens=args.new_tokens)
        load_s, model = timed(brief.load)
        llm = model.llm
        usage = Counted(llm.create_completion, lambda r, kw: int(r["usage"]["completion_tokens"]))
        llm.create_completion = usage  # the backend's completions are counted; the direct ones too
        prompts = [brief.prompt([s]) for s in sentences]
        stops = ["\n", *brief.slot(1).stop]  # a one-line slot ends at its first newline

        def direct() -> None:
            from llama_cpp import StoppingCriteriaList

            for prompt, sentence in zip(prompts, sentences, strict=True):
                start, budget = (
                    len(llm.tokenize(prompt.encode("utf-8"), special=True)),
                    brief.max_tokens([sentence]),
                )
                # llama-cpp-python's own max_tokens check is skipped inside multi-byte characters; brief
                # guards the budget with a stopping criterion, so llama.cpp gets the same one here
                guard = StoppingCriteriaList([lambda ids, _, s=start, b=budget: len(ids) - s >= b])
                usage(
                    prompt, max_tokens=budget, temperature=0.0, top_k=1, repeat_penalty=1.0, seed=SEED,
                    stop=stops, stopping_criteria=guard,
                )  # fmt: skip

        brief.translate_batch(sentences[:1])  # warm-up: the shared prompt prefix is in the KV cache
        results: dict[str, list[tuple[float, int]]] = {"brief": [], "llama": []}
        runs = [("brief", lambda: brief.translate_batch(sentences)), ("llama", direct)]
        for repeat in range(max(1, args.repeats)):
            for name, run in runs if repeat % 2 == 0 else runs[::-1]:  # each goes first in turn
                before = usage.tokens
                seconds, _ = timed(run)
                results[name].append((seconds, usage.tokens - before))
                print(
                    f"  run {repeat + 1}: {name} {seconds:.1f} s, {usage.tokens - before} tokens", flush=True
                )
        rows = [
            ("brief llamacpp", load_s, *min(results["brief"])),
            ("llama.cpp", load_s, *min(results["llama"])),
        ]

        if not args.skip_transformers:
            from brief.translate.instruct import InstructBackend

            os.environ.setdefault("OMP_NUM_THREADS", str(cores()))
            import torch

            torch.set_num_threads(cores())
            hf = InstructBackend(
                resolved, device="cpu", dtype="float32", max_new_tokens=args.new_tokens, micro_batch=1
            )
            hf_load, loaded = timed(hf.load)
            generate = Counted(
                loaded.model.generate,
                lambda out, kw: int(out.shape[1] - kw["input_ids"].shape[1]),
            )
            loaded.model.generate = generate
            hf.translate_batch(sentences[:1])
            before = generate.tokens
            seconds, _ = timed(lambda: hf.translate_batch(sentences))
            rows.append(("transformers GGUF", hf_load, seconds, generate.tokens - before))

    print()
    print("| engine | load s | seconds | new tokens | tokens/s | sentences/s |")
    print("|---|---|---|---|---|---|")
    speed = {}
    for name, load, seconds, tokens in rows:
        speed[name] = tokens / seconds
        rate = f"{tokens / seconds:.1f} | {len(sentences) / seconds:.2f}"
        print(f"| {name} | {load:.1f} | {seconds:.2f} | {tokens} | {rate} |")
    ratio = speed["brief llamacpp"] / speed["llama.cpp"]
    print(
        f"\nbrief / llama.cpp tokens/s: {ratio:.2f} ({'within' if ratio >= 1 / 1.5 else 'NOT within'} 1.5x)"
    )
    if "transformers GGUF" in speed:
        times = speed["brief llamacpp"] / speed["transformers GGUF"]
        print(f"brief llamacpp / transformers GGUF tokens/s: {times:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
