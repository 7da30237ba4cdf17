"""Throughput of the summarizer backends' generation: batched against a naive one-by-one loop.

Random-weight models with the real architectures (bart-large-cnn for seq2seq, Qwen2.5-1.5B-Instruct for
instruct; configs from ``brief.testing``), fixed input and output lengths (``min_new_tokens`` =
``max_new_tokens``, so both ways do exactly the same work), greedy decoding.

    python bench/summarize_bench.py --quick                 # CPU, 2-layer variants (labelled), a minute
    python bench/summarize_bench.py --device cuda           # GPU, full models, bf16

Prints one line per measurement and the batched/naive speed-up of each backend.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Case:
    backend: str
    label: str
    items: int  # inputs (article windows / prompts)
    input_tokens: int
    new_tokens: int
    batch: int


def _sync(device: str) -> None:
    import torch

    if device.startswith("cuda"):
        torch.cuda.synchronize()


def _seq2seq_model(quick: bool, device: str, dtype: Any) -> tuple[Any, str]:
    import torch
    from transformers import BartForConditionalGeneration

    from brief.testing import bart_large_cnn_config

    config = bart_large_cnn_config()
    label = "bart-large-cnn (12+12 layers)"
    if quick:
        config.encoder_layers = config.decoder_layers = 2
        label = "bart-large-cnn config, 2+2 layers (--quick)"
    torch.manual_seed(0)
    model = BartForConditionalGeneration(config).to(device=device, dtype=dtype).eval()
    return model, label


def _instruct_model(quick: bool, device: str, dtype: Any) -> tuple[Any, str]:
    import torch
    from transformers import Qwen2ForCausalLM

    from brief.testing import qwen2_5_1_5b_config

    config = qwen2_5_1_5b_config()
    label = "Qwen2.5-1.5B (28 layers)"
    if quick:
        config.num_hidden_layers = 2
        config.max_window_layers = 2
        label = "Qwen2.5-1.5B config, 2 layers (--quick)"
    torch.manual_seed(0)
    model = Qwen2ForCausalLM(config).to(device=device, dtype=dtype).eval()
    return model, label


def _inputs(n: int, length: int, vocab: int, seed: int) -> list[list[int]]:
    import torch

    generator = torch.Generator().manual_seed(seed)
    lengths = [max(8, length - (i * 7) % (length // 4 + 1)) for i in range(n)]  # ragged, as real texts are
    return [torch.randint(10, vocab - 10, (k,), generator=generator).tolist() for k in lengths]


def _generate(model: Any, batch: list[list[int]], new_tokens: int, device: str, left_pad: bool) -> None:
    import torch

    width = max(len(x) for x in batch)
    ids = torch.full((len(batch), width), 1, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, x in enumerate(batch):
        if left_pad:
            ids[row, width - len(x) :] = torch.tensor(x)
            mask[row, width - len(x) :] = 1
        else:
            ids[row, : len(x)] = torch.tensor(x)
            mask[row, : len(x)] = 1
    with torch.inference_mode():
        model.generate(
            input_ids=ids.to(device),
            attention_mask=mask.to(device),
            do_sample=False,
            num_beams=1,
            max_new_tokens=new_tokens,
            min_new_tokens=new_tokens,
            pad_token_id=1,
            eos_token_id=None,
        )


def run(model: Any, case: Case, device: str, left_pad: bool) -> dict[str, Any]:
    vocab = model.config.vocab_size
    inputs = _inputs(case.items, case.input_tokens, vocab, seed=1)
    _generate(model, inputs[:2], 2, device, left_pad)  # warm-up
    _sync(device)
    start = time.perf_counter()
    for x in inputs:
        _generate(model, [x], case.new_tokens, device, left_pad)
    _sync(device)
    naive = time.perf_counter() - start
    start = time.perf_counter()
    for i in range(0, len(inputs), case.batch):
        _generate(model, inputs[i : i + case.batch], case.new_tokens, device, left_pad)
    _sync(device)
    batched = time.perf_counter() - start
    tokens = case.items * case.new_tokens
    return {
        "backend": case.backend,
        "model": case.label,
        "items": case.items,
        "input_tokens": case.input_tokens,
        "new_tokens": case.new_tokens,
        "batch": case.batch,
        "naive_s": round(naive, 3),
        "batched_s": round(batched, 3),
        "naive_tok_per_s": round(tokens / naive, 1),
        "batched_tok_per_s": round(tokens / batched, 1),
        "speedup": round(naive / batched, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--device", default="cpu", help="cpu, cuda or cuda:N")
    parser.add_argument("--dtype", default="auto", help="auto (bf16 on CUDA, fp32 on CPU), float32, bfloat16")
    parser.add_argument("--quick", action="store_true", help="2-layer variants and small sizes (CPU default)")
    parser.add_argument("--items", type=int, default=None, help="inputs per backend")
    parser.add_argument("--batch", type=int, default=None, help="batch size of the batched run")
    parser.add_argument("--backend", choices=("seq2seq", "instruct", "both"), default="both")
    parser.add_argument("--json", action="store_true", help="print JSON lines only")
    args = parser.parse_args(argv)

    import torch

    device = args.device
    if device == "cpu" and not args.quick:
        print("note: full models on the CPU are slow; --quick is the CPU default size", file=sys.stderr)
    dtype = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}.get(
        args.dtype, torch.bfloat16 if device.startswith("cuda") else torch.float32
    )
    torch.set_num_threads(max(1, torch.get_num_threads()))
    quick = args.quick
    items = args.items or (8 if quick else 32)
    batch = args.batch or (8 if quick else 16)
    results = []
    if args.backend in ("seq2seq", "both"):
        model, label = _seq2seq_model(quick, device, dtype)
        # a bart-large-cnn input window is up to 1,024 tokens; a summary ~60-142 tokens
        case = Case("seq2seq", label, items, 128 if quick else 1000, 16 if quick else 64, batch)
        results.append(run(model, case, device, left_pad=False))
        del model
    if args.backend in ("instruct", "both"):
        model, label = _instruct_model(quick, device, dtype)
        # an article prompt (system + article) ~600-1,500 tokens; a brief ~150-300 tokens
        case = Case("instruct", label, items, 128 if quick else 1200, 16 if quick else 128, batch)
        results.append(run(model, case, device, left_pad=True))
        del model
    for result in results:
        result["device"] = device + ("" if device == "cpu" else f" ({torch.cuda.get_device_name(0)})")
        result["dtype"] = str(dtype).replace("torch.", "")
        if args.json:
            print(json.dumps(result))
        else:
            print(
                f"{result['backend']:8} {result['model']}: "
                f"{result['items']} inputs x {result['input_tokens']} "
                f"tokens -> {result['new_tokens']} new tokens, {result['device']} {result['dtype']}\n"
                f"         naive one-by-one {result['naive_s']} s ({result['naive_tok_per_s']} tok/s), "
                f"batched x{result['batch']} {result['batched_s']} s ({result['batched_tok_per_s']} tok/s): "
                f"speed-up {result['speedup']}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
