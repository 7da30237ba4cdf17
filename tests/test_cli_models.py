"""`brief models list | pull | check` through Typer's CliRunner (offline)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.models import PRESETS
from tests.model_server import FaultProxy, TransformersServer, free_port

runner = CliRunner()


def test_list_shows_every_preset_with_licence() -> None:
    result = runner.invoke(app, ["models", "list"])
    assert result.exit_code == 0, result.output
    for preset in PRESETS.values():
        assert preset.name in result.output
        assert preset.hub_id in result.output
    nllb = next(line for line in result.output.splitlines() if line.startswith("nllb-200"))
    assert "CC-BY-NC-4.0" in nllb
    assert "NO (non-commercial" in nllb
    assert "opus-mt-tc-big-ko-en (default)" in result.output


def test_list_json() -> None:
    result = runner.invoke(app, ["models", "list", "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [row["name"] for row in rows] == list(PRESETS)
    assert rows[0]["licence"] == "CC-BY-4.0"


def test_pull_offline_fails_fast_with_the_fix() -> None:
    result = runner.invoke(app, ["models", "pull", "opus-mt-ko-en"])
    assert result.exit_code == 2
    assert "opus-mt-ko-en" in result.output
    assert "brief models pull opus-mt-ko-en" in result.output
    assert "--mt-model /path/to/model-folder" in result.output
    assert "Traceback" not in result.output


def test_check_lists_presets_and_exits_0() -> None:
    result = runner.invoke(app, ["models", "check"])
    assert result.exit_code == 0
    for name in PRESETS:
        assert name in result.output
    assert "not cached" in result.output


def test_check_named_models(tiny_marian: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["models", "check", str(tiny_marian)])
    assert result.exit_code == 0, result.output
    assert "ready" in result.output
    result = runner.invoke(app, ["models", "check", str(tiny_marian), "opus-mt-ko-en", str(tmp_path)])
    assert result.exit_code == 2
    assert "not cached" in result.output
    assert "no config.json" in result.output


def test_pull_and_check_a_cached_model(
    tiny_marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huggingface_hub import constants

    commit = "a" * 40
    repo = tmp_path / "models--Helsinki-NLP--opus-mt-ko-en"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    shutil.copytree(tiny_marian, repo / "snapshots" / commit)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    result = runner.invoke(app, ["models", "pull", "opus-mt-ko-en"])
    assert result.exit_code == 0, result.output
    assert commit in result.output
    result = runner.invoke(app, ["models", "check"])
    line = next(line for line in result.output.splitlines() if line.startswith("opus-mt-ko-en"))
    assert "ready (revision aaaaaaaaaaaa)" in line


# ---------------------------------------------------------------- openai:MODEL on a server
SECRET = "sk-check-never-shown-0123456789"


def test_check_a_model_on_a_real_server(proxy: FaultProxy, tiny_marian: Path) -> None:
    """`transformers serve` (the session's, behind the pass-through proxy) has 'tiny' (it lists only the
    models it has loaded, and loads on demand): the check finds it served, sends one translation request
    and reports its round trip; the key is never shown."""
    args = ["models", "check", "openai:tiny", str(tiny_marian), "--api-base", proxy.base_url]
    result = runner.invoke(app, args, env={"BRIEF_API_KEY": SECRET})
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("openai:tiny"))
    assert (
        "ready (answered; the server lists no models; one sentence in" in row
        and "s round trip)" in row
        and proxy.base_url in row
    )
    assert "ready (revision local)" in result.stdout  # the local model in the same table
    asked = [b for b in proxy.bodies if "<<<KOREAN>>>" in b["messages"][-1]["content"]]
    assert len(asked) == 1 and asked[0]["model"] == "tiny"
    assert SECRET not in result.stdout + result.stderr


def test_check_a_model_the_server_does_not_have(model_server: TransformersServer) -> None:
    args = ["models", "check", "openai:no-such-model", "--api-base", model_server.base_url]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "not served" in result.stdout
    # listed models without it, or (none loaded yet) a one-token request for it refused
    assert "has no such model" in result.stderr or "the server may not have this model" in result.stderr
    assert "ollama pull no-such-model" in result.stderr
    assert model_server.base_url in result.stderr


def test_check_a_model_a_listing_server_does_not_have(proxy: FaultProxy) -> None:
    """A server that lists its models (Ollama, vLLM) and not this one: answered from the list at once.
    The list is scripted by the proxy (the real server lists none)."""
    proxy.models = ["qwen2.5:7b", "llama3.2:3b"]
    result = runner.invoke(app, ["models", "check", "openai:qwen2.5:14b", "--api-base", proxy.base_url])
    assert result.exit_code == 2, result.output
    assert "not served" in result.stdout
    assert "has no such model (it lists: qwen2.5:7b, llama3.2:3b)" in result.stderr
    assert "ollama pull qwen2.5:14b" in result.stderr and not proxy.bodies  # no chat request was made
    proxy.models = ["qwen2.5:7b", "tiny"]
    result = runner.invoke(app, ["models", "check", "openai:tiny", "--api-base", proxy.base_url])
    assert result.exit_code == 0, result.output
    assert "ready (listed; one sentence in" in result.stdout


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        ("1. The government decided to raise this year's research budget by 5%.", "translation check passed"),
        ("1. Sure! Here is the translation: the budget grows.", "translation check flagged: chatter"),
        ("1. The budget rose by 7% in 2124.", "translation check flagged: "),
    ],
)
def test_check_runs_the_translation_check_on_the_answer(proxy: FaultProxy, answer: str, verdict: str) -> None:
    """Scripted answers from the proxy: a faithful one passes, chatter and invented numbers are flagged."""
    proxy.script = lambda request: answer
    result = runner.invoke(app, ["models", "check", "openai:tiny", "--api-base", proxy.base_url])
    assert result.exit_code == 0, result.output
    assert verdict in result.stdout


def test_check_an_unreachable_server_exits_2_with_the_url_and_the_fix() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    result = runner.invoke(
        app, ["models", "check", "openai:tiny"], env={"BRIEF_API_BASE": url, "OPENAI_API_KEY": SECRET}
    )
    assert result.exit_code == 2, result.output
    assert "unreachable" in result.stdout
    assert url in result.stderr and "cannot connect" in result.stderr and "ollama serve" in result.stderr
    assert SECRET not in result.stdout + result.stderr


def test_check_shows_no_password_from_the_url() -> None:
    port = free_port()
    result = runner.invoke(
        app, ["models", "check", "openai:tiny", "--api-base", f"http://me:hunter2@127.0.0.1:{port}/v1"]
    )
    assert result.exit_code == 2
    assert f"http://127.0.0.1:{port}/v1" in result.stderr
    assert "hunter2" not in result.stdout + result.stderr


def test_check_rejects_a_bad_api_base_as_the_other_commands_do() -> None:
    result = runner.invoke(app, ["models", "check", "openai:tiny", "--api-base", "localhost:8080"])
    assert result.exit_code == 1
    assert "--api-base must be an http(s) URL" in result.stderr


@pytest.mark.parametrize(
    ("installed", "exit_code", "said"), [(True, 0, "ready"), (False, 2, "llama-cpp-python")]
)
def test_check_a_gguf_for_the_llamacpp_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, installed: bool, exit_code: int, said: str
) -> None:
    """`llamacpp:FILE.gguf` is checked as the file it names (the kind is not part of the path), and
    says when llama-cpp-python is missing; nothing is loaded."""
    from brief import llama

    model = tmp_path / "chat.gguf"
    model.write_bytes(b"GGUF")
    monkeypatch.setattr(llama, "available", lambda: installed)
    result = runner.invoke(app, ["models", "check", f"llamacpp:{model}"])
    assert result.exit_code == exit_code, result.output
    assert said in result.output
    assert "does not exist" not in result.output


def test_check_llamacpp_needs_a_gguf(tiny_marian: Path) -> None:
    result = runner.invoke(app, ["models", "check", f"llamacpp:{tiny_marian}"])
    assert result.exit_code == 2
    assert ".gguf" in result.output
