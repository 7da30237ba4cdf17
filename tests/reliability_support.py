"""Shared pieces of the reliability suite (test_fuzz_*, test_reliability_*, test_crash_*, test_hostile_*).

Hypothesis strategies for hostile text, the example budgets of the default and the slow runs, a small
well-formed Korean article for end-to-end runs, and a helper that runs ``python -m brief`` in a child
process with the test environment (offline, no progress bars).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# ---------------------------------------------------------------- budgets
# Examples per property: FAST in the default run, SLOW (>= 1,000 per stage) under `pytest -m slow`.
FAST_EXAMPLES = 100
SLOW_EXAMPLES = 1000
# Per-example deadline: typical examples take under 0.1 s, but two CPU cores are shared with other jobs,
# so allow for pauses of seconds; the quadratic regex the fuzzer found took 16 s on a 15,000-character
# line and grows with the square of the 2,000-60,000-repeat lines generated, far past this.
DEADLINE_MS = 10_000


def budget(examples: int, deadline_ms: int = DEADLINE_MS) -> settings:
    """Hypothesis settings for one property: ``examples`` cases, a deadline each, no example database."""
    return settings(
        max_examples=examples,
        deadline=deadline_ms,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


# ---------------------------------------------------------------- hostile text
QUOTE_MARKS = ('"', "“", "”", "‘", "’", "'", "`", "「", "」", "『", "』", "«", "»", "〈", "〉", "《", "》")

_ALPHABET = st.one_of(
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # Hangul syllables
    st.characters(min_codepoint=0x1100, max_codepoint=0x11FF),  # conjoining Jamo
    st.characters(min_codepoint=0x3130, max_codepoint=0x318F),  # compatibility Jamo
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # Hanja (CJK unified)
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),  # combining marks
    st.characters(min_codepoint=0x0590, max_codepoint=0x06FF),  # Hebrew, Arabic (RTL)
    st.sampled_from("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),  # bidi controls
    st.characters(max_codepoint=0x1F),  # C0 controls, NUL included
    st.sampled_from("\x7f\x85\u2028\u2029\ufeff\u200b\u200c\u200d\u00a0\u3000\ufffd"),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(".,!?:;()[]{}<>|#*_~=-+/\\@&%$^ \t\n\r"),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # printable ASCII
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji (astral plane)
    st.characters(codec="utf-8"),  # anything else UTF-8 can carry (no lone surrogates)
)
SEED_LINES: tuple[str, ...] = tuple(
    sorted(
        {line.strip() for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text("utf-8").splitlines()}
        - {""}
    )
)
_WORD_FOR_HUGE = st.sampled_from(
    ["가", "기자", "“", "』", " ", "다.", "\u0301", "ab", "=", "김영섭 대표는 ", "'", "「"]
)


def _huge_line(piece: str, repeat: int) -> str:
    return piece * repeat


huge_lines = st.builds(_huge_line, _WORD_FOR_HUGE, st.integers(min_value=2_000, max_value=60_000))
random_lines = st.text(alphabet=_ALPHABET, max_size=200)
nested_quotes = st.lists(
    st.one_of(st.sampled_from(QUOTE_MARKS), st.text(alphabet=_ALPHABET, max_size=8)), max_size=40
).map("".join)


@st.composite
def mutated_seed_line(draw: st.DrawFn) -> str:
    """A real article line with hostile text spliced in (reaches the deeper paths of the stages)."""
    line = draw(st.sampled_from(SEED_LINES))
    at = draw(st.integers(min_value=0, max_value=len(line)))
    insert = draw(st.one_of(random_lines, nested_quotes, st.sampled_from(QUOTE_MARKS)))
    cut = draw(st.integers(min_value=0, max_value=max(0, len(line) - at)))
    return line[:at] + insert + line[at + cut :]


any_line = st.one_of(
    random_lines, nested_quotes, st.sampled_from(SEED_LINES), mutated_seed_line(), st.just(""), st.just("   ")
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A whole page: lines of every kind above, now and then a huge line, or nothing but empty lines."""
    kind = draw(st.sampled_from(["mixed", "mixed", "mixed", "huge", "empty", "quotes"]))
    if kind == "empty":
        return "\n" * draw(st.integers(min_value=0, max_value=500)) + draw(
            st.sampled_from(["", " ", "\t", "\r\n"])
        )
    if kind == "quotes":
        return "\n".join(draw(st.lists(nested_quotes, max_size=20)))
    lines = draw(st.lists(any_line, max_size=40))
    if kind == "huge":
        lines.insert(draw(st.integers(min_value=0, max_value=len(lines))), draw(huge_lines))
    return "\n".join(lines)


@st.composite
def encoded_documents(draw: st.DrawFn) -> tuple[bytes, str, str]:
    """(bytes on disk, how they were made, the text) in every encoding ingest meets, some of them broken."""
    text = draw(documents())
    how = draw(
        st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp949", "cp949-truncated", "random", "mixed"])
    )
    if how == "random":
        return draw(st.binary(max_size=4096)), how, ""
    if how in ("cp949", "cp949-truncated"):
        data = text.encode("cp949", errors="ignore")
        if how == "cp949-truncated" and data:
            data = data[: draw(st.integers(min_value=0, max_value=len(data) - 1))]
        return data, how, text
    if how == "mixed":  # a UTF-8 half and a CP949 half in one file
        half = len(text) // 2
        return text[:half].encode("utf-8") + text[half:].encode("cp949", errors="ignore"), how, text
    return text.encode(how), how, text


# ---------------------------------------------------------------- end-to-end runs
GOOD_ARTICLE = """\
[테스트일보] 정부, 인공지능 투자 확대

홍길동 기자 = 정부는 26일 인공지능 산업에 5년간 2조원을 투자한다고 밝혔다.

김영섭 KT 대표는 "AI 전환을 이끌겠다"고 강조했다.

홍길동 기자 hong@example.com
"""

SECOND_ARTICLE = """\
서울시, 청년 일자리 지원 확대

이몽룡 기자 = 서울시는 27일 청년 일자리 사업에 300억원을 추가로 지원한다고 발표했다.

시 관계자는 "청년들의 취업을 적극 돕겠다"고 말했다.

이몽룡 기자 lee@example.com
"""

# Model options that keep a random tiny Marian fast: greedy search, a few new tokens a sentence.
FAST_MODEL_ARGS = ("--beams", "1", "--max-new-tokens", "4", "--summarizer", "extractive", "--quiet")


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a ``python -m brief`` child: offline, reproducible, one thread."""
    env = dict(os.environ)
    env.update(
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
        OMP_NUM_THREADS="1",
        SOURCE_DATE_EPOCH="1740646800",
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    env.update(extra)
    return env


def brief_command(args: Sequence[str | Path]) -> list[str]:
    return [sys.executable, "-m", "brief", *(str(a) for a in args)]


def run_brief(
    args: Sequence[str | Path], cwd: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m brief ARGS`` to the end; return its exit code and output."""
    return subprocess.run(
        brief_command(args),
        cwd=cwd,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
