"""Tiny random-weight models of the real architectures, for tests that must run offline.

Each builder writes a folder that loads exactly like a hub model (``from_pretrained``, safetensors)
and works with :func:`brief.models.resolve` and the loaders. The weights are random: these models
test mechanics (batching, splitting, caching, prompts), never wording.

The ``*_config()`` functions return the configuration of the real models (their public
``config.json`` sizes) for benchmarks that need a realistic amount of computation.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transformers import BartConfig, MarianConfig, Qwen2Config

__all__ = [
    "DEFAULT_ENGLISH",
    "QWEN_CHAT_TEMPLATE",
    "TransformersServer",
    "bart_large_cnn_config",
    "build_tiny_bart",
    "build_tiny_gguf",
    "build_tiny_marian",
    "build_tiny_qwen2",
    "free_port",
    "opus_mt_ko_en_config",
    "qwen2_5_1_5b_config",
]

logger = logging.getLogger(__name__)

# A little English, so that every tokenizer can spell the words our tests and prompts use.
DEFAULT_ENGLISH = """\
The company said on Monday that it will invest KRW 2.4 trillion in artificial intelligence over five years.
Microsoft Korea and KT Cloud signed a partnership to build data centres in Seoul.
"We will lead the AI transformation (AX) of Korean industry," the chief executive said.
The government announced a plan to support start-ups, universities and research institutes.
Sales rose 12.5 percent in the first quarter, while operating profit fell to 300 billion won.
Analysts expect the market to grow as cloud services, Azure and Korean-style AI models spread.
A spokesperson declined to comment on the report, citing ongoing negotiations with partners.
Translate the following Korean text into English. Summarize the article in three bullet points.
You are a careful translator. Keep names, numbers and quotes exactly. Output only the translation.
Reporter, editor, minister, president, official, chairman, professor, researcher, student, people.
0 1 2 3 4 5 6 7 8 9 10 100 1,000 2024 2025 % $ KRW won trillion billion million ( ) [ ] " ' : ; , . ! ?
"""

# Qwen2.5's ChatML template (system message defaulted), without the tool-calling branches.
QWEN_CHAT_TEMPLATE = (
    "{%- if messages[0]['role'] == 'system' %}"
    "{{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}"
    "{%- else %}"
    "{{- '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}"
    "{%- endif %}"
    "{%- for message in messages %}"
    "{%- if not (message['role'] == 'system' and loop.first) %}"
    "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{%- endif %}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
)


def _texts(texts: Iterable[str] | None) -> list[str]:
    lines = [line.strip() for text in (texts or ()) for line in text.splitlines()]
    return [line for line in lines if line]


# ---------------------------------------------------------------- Marian (OPUS-MT)
def _train_spm(lines: Sequence[str], vocab_size: int, byte_fallback: bool) -> Any:
    """Train a unigram SentencePiece model in memory and return its processor."""
    import io

    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0 if byte_fallback else 0.9995,
        byte_fallback=byte_fallback,
        hard_vocab_limit=False,
        num_threads=1,
        minloglevel=2,
        # Marian's own files: <unk>=0, <s>=1, </s>=2; vocab.json decides the model's ids anyway
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
    )
    processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
    return processor, model.getvalue()


def build_tiny_marian(
    out_dir: str | Path,
    texts: Iterable[str] | None = None,
    *,
    vocab_size: int = 1200,
    target_vocab_size: int = 600,
    d_model: int = 32,
    layers: int = 1,
    max_positions: int = 128,
    max_new_tokens: int = 24,
    num_beams: int = 1,
    source_lang: str = "ko",
    target_lang: str = "en",
    pad_vocab_to: int | None = None,
    seed: int = 0,
) -> Path:
    """Build a random-weight MarianMTModel (Korean -> English) with a trained SentencePiece tokenizer.

    ``texts`` (e.g. Korean articles) train the source tokenizer, byte fallback included, so any
    Korean text tokenizes without ``<unk>``. The target tokenizer is trained on English only, and the
    output layer is biased towards target pieces, so the random output decodes to English-looking
    words. ``max_positions`` is the model's input limit (small, so that splitting can be tested).
    ``pad_vocab_to`` fills the vocabulary with unused entries up to that size (65001 for the real
    opus-mt-ko-en shape, see :func:`opus_mt_ko_en_config`). Returns ``out_dir``.
    """
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    english = _texts([DEFAULT_ENGLISH])
    source_lines = _texts(texts) + english
    source, source_proto = _train_spm(source_lines, vocab_size, byte_fallback=True)
    target, target_proto = _train_spm(english * 3, target_vocab_size, byte_fallback=False)
    (out / "source.spm").write_bytes(source_proto)
    (out / "target.spm").write_bytes(target_proto)

    # One shared vocabulary, as the OPUS-MT ports have: </s>=0, <unk>=1, pieces..., <pad> last.
    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for processor in (target, source):
        for i in range(processor.get_piece_size()):
            piece = processor.id_to_piece(i)
            if piece not in vocab and not processor.is_control(i) and not processor.is_unknown(i):
                vocab[piece] = len(vocab)
    if pad_vocab_to is not None:
        if pad_vocab_to <= len(vocab):
            raise ValueError(f"pad_vocab_to={pad_vocab_to} must exceed the trained vocabulary ({len(vocab)})")
        vocab.update({f"<unused{i}>": i for i in range(len(vocab), pad_vocab_to - 1)})
    pad_id = len(vocab)
    vocab["<pad>"] = pad_id
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1), encoding="utf-8")
    target_pieces = {target.id_to_piece(i) for i in range(target.get_piece_size())}

    config = MarianConfig(
        vocab_size=len(vocab),
        decoder_vocab_size=len(vocab),
        d_model=d_model,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=2 * d_model,
        decoder_ffn_dim=2 * d_model,
        max_position_embeddings=max_positions,
        activation_function="swish",
        scale_embedding=True,
        pad_token_id=pad_id,
        eos_token_id=0,
        forced_eos_token_id=0,
        decoder_start_token_id=pad_id,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
        init_std=0.2,  # large enough that the random output depends on the input
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config).eval()
    with torch.no_grad():
        # Keep the random output on English pieces (and off <pad>/<unk>), and end it now and then.
        bias = torch.full((1, len(vocab)), -1e4)
        for piece, index in vocab.items():
            if piece in target_pieces:
                bias[0, index] = 0.0
        bias[0, 0] = -1.0
        model.final_logits_bias.copy_(bias)
    model.generation_config = GenerationConfig(
        bad_words_ids=[[pad_id]],
        decoder_start_token_id=pad_id,
        eos_token_id=0,
        forced_eos_token_id=0,
        pad_token_id=pad_id,
        max_new_tokens=max_new_tokens,
        num_beams=num_beams,
    )
    model.save_pretrained(out, safe_serialization=True)

    tokenizer = MarianTokenizer(
        source_spm=str(out / "source.spm"),
        target_spm=str(out / "target.spm"),
        vocab=str(out / "vocab.json"),
        source_lang=source_lang,
        target_lang=target_lang,
        model_max_length=max_positions,
    )
    tokenizer.save_pretrained(out)
    logger.debug("built tiny Marian model in %s (vocab %d)", out, len(vocab))
    return out


# ---------------------------------------------------------------- byte-level BPE (BART, Qwen2)
def _train_bpe(lines: Sequence[str], vocab_size: int, special: Sequence[str]) -> Any:
    """Train a byte-level BPE tokenizer (GPT-2 style) with the ``tokenizers`` library."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=list(special),
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(lines, trainer=trainer)
    return tokenizer


def build_tiny_bart(
    out_dir: str | Path,
    texts: Iterable[str] | None = None,
    *,
    vocab_size: int = 800,
    d_model: int = 32,
    layers: int = 1,
    max_positions: int = 128,
    seed: int = 0,
) -> Path:
    """Build a random-weight BartForConditionalGeneration shaped like ``facebook/bart-large-cnn``.

    Same special tokens, generation settings (beam search, length penalty, no_repeat_ngram_size) and
    token ids as bart-large-cnn, tiny sizes, and ``max_positions`` input positions (so chunking can
    be tested). The byte-level BPE tokenizer is trained on ``texts`` plus some English.
    """
    import torch
    from tokenizers import processors
    from transformers import BartForConditionalGeneration, GenerationConfig, PreTrainedTokenizerFast

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    special = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    bpe = _train_bpe(_texts(texts) + _texts([DEFAULT_ENGLISH]), vocab_size, special)
    bpe.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>", special_tokens=[("<s>", 0), ("</s>", 2)]
    )
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=bpe,
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>",
        mask_token="<mask>",
        cls_token="<s>",
        sep_token="</s>",
        model_max_length=max_positions,
    )
    config = bart_large_cnn_config()
    config.update(
        {
            "vocab_size": bpe.get_vocab_size(),
            "d_model": d_model,
            "encoder_layers": layers,
            "decoder_layers": layers,
            "encoder_attention_heads": 2,
            "decoder_attention_heads": 2,
            "encoder_ffn_dim": 2 * d_model,
            "decoder_ffn_dim": 2 * d_model,
            "max_position_embeddings": max_positions,
            "init_std": 0.2,
        }
    )
    torch.manual_seed(seed)
    model = BartForConditionalGeneration(config).eval()
    model.generation_config = GenerationConfig(
        bos_token_id=0,
        eos_token_id=2,
        pad_token_id=1,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
        early_stopping=True,
        length_penalty=2.0,
        max_length=min(142, max_positions),
        min_length=min(56, max_positions // 4),
        no_repeat_ngram_size=3,
        num_beams=4,
    )
    model.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    logger.debug("built tiny BART model in %s", out)
    return out


def build_tiny_qwen2(
    out_dir: str | Path,
    texts: Iterable[str] | None = None,
    *,
    vocab_size: int = 800,
    hidden_size: int = 32,
    layers: int = 2,
    max_positions: int = 2048,
    max_new_tokens: int = 16,
    chat_template: str | None = QWEN_CHAT_TEMPLATE,
    seed: int = 0,
) -> Path:
    """Build a random-weight Qwen2ForCausalLM chat model with a ChatML template.

    The tokenizer (byte-level BPE, trained on ``texts`` plus some English) has Qwen's special tokens
    ``<|endoftext|>``, ``<|im_start|>`` and ``<|im_end|>``; generation is greedy and stops at
    ``<|im_end|>``. Pass ``chat_template=None`` to build a model without a template.
    """
    import torch
    from transformers import GenerationConfig, PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    special = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    bpe = _train_bpe(_texts(texts) + _texts([DEFAULT_ENGLISH]), vocab_size, special)
    endoftext, im_end = bpe.token_to_id("<|endoftext|>"), bpe.token_to_id("<|im_end|>")
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=bpe,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        unk_token=None,
        model_max_length=max_positions,
        padding_side="left",
    )
    if chat_template is not None:
        tokenizer.chat_template = chat_template
    config = Qwen2Config(
        vocab_size=bpe.get_vocab_size(),
        hidden_size=hidden_size,
        intermediate_size=2 * hidden_size,
        num_hidden_layers=layers,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=max_positions,
        max_window_layers=layers,
        rms_norm_eps=1e-6,
        rope_parameters={"rope_type": "default", "rope_theta": 1_000_000.0},
        tie_word_embeddings=True,
        bos_token_id=endoftext,
        eos_token_id=im_end,
        pad_token_id=endoftext,
        initializer_range=0.2,  # large enough that the random output depends on the input
    )
    torch.manual_seed(seed)
    model = Qwen2ForCausalLM(config).eval()
    model.generation_config = GenerationConfig(
        bos_token_id=endoftext,
        eos_token_id=[im_end, endoftext],
        pad_token_id=endoftext,
        do_sample=False,
        max_new_tokens=max_new_tokens,
    )
    model.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    logger.debug("built tiny Qwen2 model in %s", out)
    return out


def build_tiny_gguf(
    out_file: str | Path, qwen2_dir: str | Path | None = None, *, quantization: str = "f32"
) -> Path:
    """Write a tiny Qwen2 chat model as a GGUF file, as llama.cpp's converter would.

    ``qwen2_dir`` is a folder from :func:`build_tiny_qwen2` (one is built beside ``out_file`` when
    None). The file carries the tokenizer (GPT-2 style BPE), the chat template and the weights, and
    loads through ``transformers`` with ``gguf_file=`` (which needs the ``gguf`` package) and through
    llama.cpp. ``quantization`` "q8_0" stores the weight matrices in llama.cpp's 8-bit blocks (as a
    downloaded GGUF would be quantised); "f32" (default) keeps every tensor in float32.
    """
    if quantization not in ("f32", "q8_0"):
        raise ValueError(f"quantization must be 'f32' or 'q8_0', got {quantization!r}")
    import gguf
    from safetensors.torch import load_file

    out = Path(out_file)
    out.parent.mkdir(parents=True, exist_ok=True)
    source = Path(qwen2_dir) if qwen2_dir is not None else build_tiny_qwen2(out.with_suffix(".src"))
    config = json.loads((source / "config.json").read_text(encoding="utf-8"))
    tokenizer = json.loads((source / "tokenizer.json").read_text(encoding="utf-8"))
    template_file = source / "chat_template.jinja"
    if template_file.is_file():
        template = template_file.read_text(encoding="utf-8")
    else:
        settings = json.loads((source / "tokenizer_config.json").read_text(encoding="utf-8"))
        template = settings.get("chat_template")

    writer = gguf.GGUFWriter(str(out), "qwen2")
    writer.add_name(source.name)
    writer.add_context_length(config["max_position_embeddings"])
    writer.add_embedding_length(config["hidden_size"])
    writer.add_block_count(config["num_hidden_layers"])
    writer.add_feed_forward_length(config["intermediate_size"])
    writer.add_head_count(config["num_attention_heads"])
    writer.add_head_count_kv(config["num_key_value_heads"])
    writer.add_layer_norm_rms_eps(config["rms_norm_eps"])
    rope = config.get("rope_parameters") or {}
    writer.add_rope_freq_base(float(rope.get("rope_theta", config.get("rope_theta", 1_000_000.0))))
    q8 = quantization == "q8_0"
    writer.add_file_type(gguf.LlamaFileType.MOSTLY_Q8_0 if q8 else gguf.LlamaFileType.ALL_F32)

    size = config["vocab_size"]
    tokens = [f"[PAD{i}]" for i in range(size)]
    types = [gguf.TokenType.UNUSED] * size
    for token, index in tokenizer["model"]["vocab"].items():
        tokens[index], types[index] = token, gguf.TokenType.NORMAL
    special = {t["content"]: t["id"] for t in tokenizer["added_tokens"]}
    for token, index in special.items():
        tokens[index], types[index] = token, gguf.TokenType.CONTROL
    merges = [m if isinstance(m, str) else " ".join(m) for m in tokenizer["model"]["merges"]]
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("qwen2")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_token_merges(merges)
    writer.add_bos_token_id(special["<|endoftext|>"])
    writer.add_eos_token_id(special["<|im_end|>"])
    writer.add_pad_token_id(special["<|endoftext|>"])
    writer.add_add_bos_token(False)
    if template:
        writer.add_chat_template(template)

    names = gguf.get_tensor_name_map(gguf.MODEL_ARCH.QWEN2, config["num_hidden_layers"])
    for name, tensor in load_file(str(source / "model.safetensors")).items():
        gguf_name = names.get_name(name, try_suffixes=(".weight", ".bias"))
        if gguf_name is None:
            raise ValueError(f"no GGUF name for tensor {name}")
        data = tensor.float().numpy()
        if q8 and data.ndim == 2 and data.shape[-1] % 32 == 0:
            kind = gguf.GGMLQuantizationType.Q8_0
            writer.add_tensor(gguf_name, gguf.quants.quantize(data, kind), raw_dtype=kind)
        else:
            writer.add_tensor(gguf_name, data)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    logger.debug("wrote tiny GGUF model %s", out)
    return out


# ---------------------------------------------------------------- real architectures (benchmarks)
def opus_mt_ko_en_config() -> MarianConfig:
    """The configuration of ``Helsinki-NLP/opus-mt-ko-en`` (transformer-base Marian, 65,001 tokens)."""
    from transformers import MarianConfig

    return MarianConfig(
        vocab_size=65001,
        decoder_vocab_size=65001,
        d_model=512,
        encoder_layers=6,
        decoder_layers=6,
        encoder_attention_heads=8,
        decoder_attention_heads=8,
        encoder_ffn_dim=2048,
        decoder_ffn_dim=2048,
        max_position_embeddings=512,
        activation_function="swish",
        scale_embedding=True,
        pad_token_id=65000,
        eos_token_id=0,
        forced_eos_token_id=0,
        decoder_start_token_id=65000,
        share_encoder_decoder_embeddings=True,
        dropout=0.1,
        attention_dropout=0.0,
        activation_dropout=0.0,
        init_std=0.02,
        architectures=["MarianMTModel"],
    )


def bart_large_cnn_config() -> BartConfig:
    """The configuration of ``facebook/bart-large-cnn`` (12+12 layers, d_model 1024, 1,024 positions)."""
    from transformers import BartConfig

    # its generation settings (beams, lengths, forced BOS) belong in generation_config, not here
    return BartConfig(
        vocab_size=50264,
        d_model=1024,
        encoder_layers=12,
        decoder_layers=12,
        encoder_attention_heads=16,
        decoder_attention_heads=16,
        encoder_ffn_dim=4096,
        decoder_ffn_dim=4096,
        max_position_embeddings=1024,
        activation_function="gelu",
        scale_embedding=False,
        dropout=0.1,
        attention_dropout=0.0,
        activation_dropout=0.0,
        init_std=0.02,
        bos_token_id=0,
        pad_token_id=1,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_eos_token_id=2,
        architectures=["BartForConditionalGeneration"],
    )


def qwen2_5_1_5b_config() -> Qwen2Config:
    """The configuration of ``Qwen/Qwen2.5-1.5B-Instruct`` (28 layers, hidden 1536, GQA 12/2 heads)."""
    from transformers import Qwen2Config

    return Qwen2Config(
        vocab_size=151936,
        hidden_size=1536,
        intermediate_size=8960,
        num_hidden_layers=28,
        num_attention_heads=12,
        num_key_value_heads=2,
        hidden_act="silu",
        max_position_embeddings=32768,
        max_window_layers=21,
        rms_norm_eps=1e-6,
        rope_parameters={"rope_type": "default", "rope_theta": 1_000_000.0},
        tie_word_embeddings=True,
        use_sliding_window=False,
        sliding_window=32768,
        bos_token_id=151643,
        eos_token_id=151645,
        architectures=["Qwen2ForCausalLM"],
    )


# ---------------------------------------------------------------- a local OpenAI-compatible server
SERVER_LIFETIME_S = 900  # a server left behind by a crashed test session or benchmark dies on its own


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_command() -> list[str]:
    """How to start ``transformers serve`` with this interpreter's packages."""
    found = shutil.which("transformers", path=str(Path(sys.executable).parent))
    if found:
        return [found, "serve"]
    return [sys.executable, "-c", "from transformers.cli.transformers import main; main()", "serve"]


class TransformersServer:
    """``transformers serve`` (OpenAI-compatible) on 127.0.0.1, offline, on the CPU, for tests and
    benchmarks: started in a folder of model folders, killed by ``stop`` or after SERVER_LIFETIME_S."""

    def __init__(self, folder: Path, port: int | None = None, extra: Sequence[str] = ()) -> None:
        """``folder`` holds model folders (a request for model "tiny" loads ``folder/tiny``); ``extra``
        are more ``transformers serve`` options (e.g. ``--continuous-batching``)."""
        self.folder = folder
        self.extra = list(extra)
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = folder / f"serve-{self.port}.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self, timeout_s: float = 120.0) -> None:
        env = {
            **os.environ,
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "OMP_NUM_THREADS": "1",
            "TOKENIZERS_PARALLELISM": "false",
        }
        command = ["timeout", str(SERVER_LIFETIME_S), *serve_command()]
        command += ["--host", "127.0.0.1", "--port", str(self.port), "--device", "cpu", *self.extra]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=self.folder, env=env, stdout=log, stderr=log, start_new_session=True
            )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"transformers serve exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"transformers serve did not start in {timeout_s} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self.process = None
