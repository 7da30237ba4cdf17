"""Shared fixtures. No test reaches the network: a stray hub download fails at once."""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"  # set before transformers / huggingface_hub are imported
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# Tiny models gain nothing from several threads, and on a busy machine OpenMP threads waiting on
# each other make torch 10-20x slower; one thread per test process (set before torch is imported).
os.environ.setdefault("OMP_NUM_THREADS", "1")
# A developer's own BRIEF_* settings must not change what the tests see (brief.cli.settings reads them).
for _name in [n for n in os.environ if n.startswith("BRIEF_") and n != "BRIEF_UPDATE_SNAPSHOTS"]:
    del os.environ[_name]

from pathlib import Path  # noqa: E402  (after the environment above is set)

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
# the opt-in glossary of the seeds' story (KT and Microsoft): tests about the seeds load it explicitly
KT_MICROSOFT_GLOSSARY = ROOT / "brief" / "data" / "examples" / "kt_microsoft.toml"


@pytest.fixture(scope="session", autouse=True)
def _no_user_config(tmp_path_factory: pytest.TempPathFactory) -> None:
    """An empty user config folder: a developer's ~/.config/brief/brief.toml must not change the tests."""
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("xdg-config"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def kt_glossary_file() -> Path:
    return KT_MICROSOFT_GLOSSARY


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_text(seed_files: list[Path]) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in seed_files)


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> Path:
    """A random-weight Marian model with a SentencePiece tokenizer trained on the seeds, saved to disk."""
    from brief.testing import build_tiny_marian

    return build_tiny_marian(tmp_path_factory.mktemp("tiny-marian"), texts=[seed_text])


@pytest.fixture(scope="session")
def tiny_bart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random-weight BART model (bart-large-cnn's architecture, tiny sizes), saved to disk."""
    from brief.testing import build_tiny_bart

    return build_tiny_bart(tmp_path_factory.mktemp("tiny-bart"))


@pytest.fixture(scope="session")
def tiny_qwen2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random-weight Qwen2 chat model with a chat template, saved to disk."""
    from brief.testing import build_tiny_qwen2

    return build_tiny_qwen2(tmp_path_factory.mktemp("tiny-qwen2"))


@pytest.fixture(scope="session")
def model_server(tmp_path_factory: pytest.TempPathFactory, seed_text: str):  # type: ignore[no-untyped-def]
    """A real ``transformers serve`` on 127.0.0.1 (free port, bounded lifetime) serving the tiny Qwen2
    chat model as "tiny" (its tokenizer trained on the seeds), one per session."""
    pytest.importorskip("fastapi")
    pytest.importorskip("uvicorn")
    from brief.testing import build_tiny_qwen2
    from tests.model_server import TransformersServer

    folder = tmp_path_factory.mktemp("served")
    build_tiny_qwen2(folder / "tiny", texts=[seed_text], vocab_size=2000)
    server = TransformersServer(folder)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _session_proxy(model_server):  # type: ignore[no-untyped-def]
    from tests.model_server import FaultProxy

    proxy = FaultProxy(f"http://127.0.0.1:{model_server.port}")
    yield proxy
    proxy.close()


@pytest.fixture
def proxy(_session_proxy):  # type: ignore[no-untyped-def]
    """The fault-injecting proxy in front of the session's server, reset for each test."""
    _session_proxy.reset()
    yield _session_proxy
    _session_proxy.reset()
