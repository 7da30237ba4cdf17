"""Errors whose messages say what is wrong and how to fix it. Only the CLI maps them to exit codes."""

from __future__ import annotations

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_MODEL",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "BriefError",
    "ConfigError",
    "InputError",
    "ModelError",
    "ModelUnavailableError",
    "PromptError",
    "ServerUnavailableError",
]

EXIT_OK = 0
EXIT_BAD_INPUT = 1  # bad input or usage: nothing (more) was produced
EXIT_MODEL = 2  # a model or other resource is unavailable
EXIT_PARTIAL = 3  # output was produced, but some inputs were skipped (each reported)


class BriefError(Exception):
    """Base of every error brief reports to its user."""

    exit_code = EXIT_BAD_INPUT


class InputError(BriefError):
    """An input file or folder cannot be used. ``path`` names it."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ConfigError(BriefError):
    """An option or configuration file is invalid."""


class PromptError(BriefError):
    """A prompt template is missing or refers to an unknown variable."""


class ModelError(BriefError):
    """A model exists but cannot be used (wrong kind, wrong direction, failed to run)."""

    exit_code = EXIT_MODEL


class ModelUnavailableError(ModelError):
    """A model is neither cached nor reachable. The message says how to pull it or pass a local path."""

    def __init__(self, model: str, role: str = "translation", detail: str = "") -> None:
        from brief.display import one_line

        self.model = model
        self.role = role
        model, detail = one_line(model), one_line(detail)  # the message's lines are its own, never a name's
        option = "--mt-model" if role == "translation" else "--summarizer"
        lines = [
            f"The {role} model '{model}' is not available on this machine"
            + (f" ({detail})" if detail else "")
            + ".",
            f"  - on a machine with internet access, run: brief models pull {model}",
            "    (it is stored in the Hugging Face cache; copy that cache here, or set HF_HOME to it)",
            f"  - or pass a local copy: {option} /path/to/model-folder",
        ]
        if role != "translation":
            lines.append("  - or use the model-free summarizer: --summarizer extractive")
        super().__init__("\n".join(lines))


class ServerUnavailableError(ModelError):
    """A model server cannot be reached or does not have the model. The message names the URL tried."""
