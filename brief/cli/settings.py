"""Option defaults from a config file and ``BRIEF_*`` environment variables, for every command at once.

Precedence: command-line flags, then environment variables, then the config file, then the built-in
defaults. Nothing here knows a single option by name: the options are read off the command tree, so
an option a command gains later is settable from the file and the environment without another line.

- The file is ``--config FILE`` (anywhere on the command line), else ``$BRIEF_CONFIG``, else
  ``brief.toml`` in the working folder, else ``brief.toml`` in the user's config folder (platformdirs).
- A top-level key sets that option for every command that has it; a ``[build]`` (or ``[models.pull]``)
  table sets it for one command only and wins over the top level. Keys are long option names
  (``mt-model``, ``no-cache``, ``output``); unknown keys are errors naming the file and line.
- Relative paths for path options (``people``, ``glossary``, ``cache-dir``, ``output``) are relative to
  the file's folder, so a cron job gives the same result from any working folder.
- The environment variable of an option is ``BRIEF_`` and its key in capitals with ``_`` for ``-``
  (``BRIEF_MT_MODEL``); a list takes several values separated by ``:`` (paths) or spaces.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

try:  # recent typer carries its own copy of click
    from typer import _click as click
except ImportError:  # pragma: no cover - typer on plain click
    import click  # type: ignore[no-redef]

__all__ = [
    "CONFIG_ENV",
    "CONFIG_NAME",
    "ENV_PREFIX",
    "Setting",
    "Settings",
    "effective_settings",
    "env_name",
    "find_config",
    "iter_commands",
    "load_settings",
    "option_key",
    "redact",
    "split_config_flag",
]

CONFIG_NAME = "brief.toml"
ENV_PREFIX = "BRIEF_"
CONFIG_ENV = "BRIEF_CONFIG"
_NOT_SETTINGS = frozenset({"help", "version", "config", "install-completion", "show-completion"})
_KEY_LINE = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*=""")
_TABLE_LINE = re.compile(r"^\s*\[([^\[\]]+)\]\s*(?:#.*)?$")


# ---------------------------------------------------------------- the command tree
def iter_commands(group: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every leaf command under ``group``, with its path of names (``("models", "pull")``)."""
    for name, command in getattr(group, "commands", {}).items():
        if getattr(command, "commands", None) is not None:
            yield from iter_commands(command, (*path, name))
        else:
            yield (*path, name), command


def option_key(param: Any) -> str | None:
    """The key of an option in the file: its first long name without dashes (None: not a setting)."""
    if getattr(param, "param_type_name", "") != "option":
        return None
    longs = [opt[2:] for opt in param.opts if opt.startswith("--")]
    if not longs or longs[0] in _NOT_SETTINGS:
        return None
    return longs[0]


def options_of(command: Any) -> dict[str, Any]:
    """key -> option, for the settable options of one command."""
    found = {}
    for param in command.params:
        key = option_key(param)
        if key is not None:
            found[key] = param
    return found


def env_name(key: str) -> str:
    """The environment variable of an option key: ``mt-model`` -> ``BRIEF_MT_MODEL``."""
    return ENV_PREFIX + key.upper().replace("-", "_")


def attach_environment(group: Any) -> None:
    """Give every settable option its ``BRIEF_*`` variable (Click reads it between flag and default)."""
    for _, command in iter_commands(group):
        for key, param in options_of(command).items():
            if not param.envvar:
                param.envvar = env_name(key)


def _is_path(param: Any) -> bool:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:  # typer's own parameters
        return bool(descriptor.is_path) or (
            descriptor.envvar_list_splitter == os.pathsep and bool(descriptor.is_list)
        )
    path_type = getattr(click, "Path", None)  # plain click's Path (typer's own copy may not export it)
    return path_type is not None and isinstance(getattr(param, "type", None), path_type)


# ---------------------------------------------------------------- the file
def split_config_flag(args: list[str]) -> tuple[Path | None, list[str]]:
    """``--config FILE`` (or ``--config=FILE``) taken out of ``args``, wherever it stands."""
    rest: list[str] = []
    found: Path | None = None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg == "--config":
            if i + 1 >= len(args):
                raise ConfigError("--config needs a file name (e.g. --config brief.toml)")
            found = Path(args[i + 1])
            i += 2
            continue
        if arg.startswith("--config="):
            found = Path(arg.split("=", 1)[1])
        else:
            rest.append(arg)
        i += 1
    return found, rest


def find_config(explicit: Path | None, cwd: Path, environ: Mapping[str, str]) -> Path | None:
    """The config file in force: --config, $BRIEF_CONFIG, ./brief.toml, the user's config folder."""
    named = explicit or (Path(environ[CONFIG_ENV]) if environ.get(CONFIG_ENV, "").strip() else None)
    if named is not None:
        if not named.is_file():
            where = "--config" if explicit else CONFIG_ENV
            raise ConfigError(f"{where} {_show(named)}: no such file")
        return named
    if (cwd / CONFIG_NAME).is_file():
        return cwd / CONFIG_NAME if cwd != Path.cwd() else Path(CONFIG_NAME)  # messages say "brief.toml:3"
    from platformdirs import user_config_dir

    user = Path(user_config_dir("brief")) / CONFIG_NAME
    return user if user.is_file() else None


def _show(path: Path) -> str:
    from brief.display import display_path

    return display_path(path)


@dataclass(frozen=True)
class _File:
    path: Path
    data: dict[str, Any]
    lines: tuple[str, ...]

    def line_of(self, table: tuple[str, ...], key: str | None = None) -> int:
        """The line where ``key`` of ``table`` is set (or the table starts); 1 when it cannot be told."""
        current: tuple[str, ...] = ()
        header = 1
        for number, line in enumerate(self.lines, start=1):
            table_match = _TABLE_LINE.match(line)
            if table_match:
                current = tuple(part.strip().strip("\"'") for part in table_match.group(1).split("."))
                if current == table:
                    header = number
                    if key is None:
                        return number
                continue
            key_match = _KEY_LINE.match(line)
            if key_match and key is not None:
                name = next(g for g in key_match.groups() if g is not None)
                parts = tuple(part.strip() for part in name.split("."))
                if (*current, *parts[:-1]) == table and parts[-1] == key:
                    return number
        return header

    def where(self, table: tuple[str, ...], key: str | None = None) -> str:
        return f"{_show(self.path)}:{self.line_of(table, key)}"

    def where_entry(self, prefix: tuple[str, ...], key: str, value: Any) -> str:
        """Where a key or a ``[table]`` header is (a dotted or inline table is found by its key)."""
        if isinstance(value, dict) and any(
            (m := _TABLE_LINE.match(line)) and m.group(1).replace(" ", "") == ".".join((*prefix, key))
            for line in self.lines
        ):
            return self.where((*prefix, key))
        return self.where(prefix, key)


def _read(path: Path) -> _File:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{_show(path)}: cannot read the config file ({error})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{_show(path)}: not valid TOML: {error}") from None
    return _File(path, data, tuple(text.splitlines()))


# ---------------------------------------------------------------- settings
@dataclass(frozen=True)
class Setting:
    """One option's effective default for one command, and where it came from."""

    command: str  # "build", "models pull"
    key: str  # "mt-model"
    value: Any
    source: str  # "default", "env BRIEF_MT_MODEL", "file brief.toml:3"


@dataclass(frozen=True)
class Settings:
    """The config file in force (if any) and the option defaults it gives each command."""

    path: Path | None = None
    defaults: dict[tuple[str, ...], dict[str, tuple[Any, str]]] = field(default_factory=dict)

    def default_map(self) -> dict[str, Any]:
        """Click's nested ``default_map`` (command -> parameter name -> value)."""
        tree: dict[str, Any] = {}
        for path, values in self.defaults.items():
            node = tree
            for name in path:
                node = node.setdefault(name, {})
            node.update({name: value for name, (value, _) in values.items()})
        return tree


def _suggest(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _convert(file: _File, param: Any, value: Any) -> Any:
    """A TOML value as the option takes it: one value or a list, relative paths from the file's folder."""
    if param.multiple and not isinstance(value, list):
        value = [value]
    if _is_path(param):
        base = file.path.parent

        def resolve(item: Any) -> Any:
            return str(base / item) if isinstance(item, str) and not Path(item).is_absolute() else item

        value = [resolve(v) for v in value] if isinstance(value, list) else resolve(value)
    return value


def _check(path: tuple[str, ...], command: Any, param: Any, value: Any, where: str) -> None:
    """Fail now, naming the file and line, when the option would reject the value."""
    if param.callback is not None:
        return
    if isinstance(value, dict):
        raise ConfigError(f"{where}: '{option_key(param)}' takes a value, not a table")
    context = click.Context(command, info_name=" ".join(path), resilient_parsing=True)
    try:
        param.process_value(context, value)
    except (click.ClickException, ValueError, TypeError) as error:
        message = getattr(error, "message", None) or str(error)
        raise ConfigError(f"{where}: bad value {value!r} for '{option_key(param)}': {message}") from None


def load_settings(root: Any, explicit: Path | None, cwd: Path, environ: Mapping[str, str]) -> Settings:
    """Read the config file in force and check every key against the options of ``root``'s commands."""
    path = find_config(explicit, cwd, environ)
    if path is None:
        return Settings()
    file = _read(path)
    commands = dict(iter_commands(root))
    options = {p: options_of(c) for p, c in commands.items()}
    shared_keys = sorted({key for keys in options.values() for key in keys})
    groups = {p[:i] for p in commands for i in range(1, len(p))}
    shared: dict[str, Any] = {}
    sections: dict[tuple[str, ...], dict[str, Any]] = {}

    def walk(table: dict[str, Any], prefix: tuple[str, ...]) -> None:
        for key, value in table.items():
            here = (*prefix, key)
            if isinstance(value, dict) and (here in commands or here in groups):
                if here in commands:
                    sections[here] = value
                else:
                    walk(value, here)
            elif not prefix and key in shared_keys:
                shared[key] = value
            else:
                names = [p[-1] for p in (*commands, *groups) if p[:-1] == prefix]
                known = shared_keys + names if not prefix else names
                is_table = isinstance(value, dict)
                raise ConfigError(
                    f"{file.where_entry(prefix, key, value)}: unknown {'table' if is_table else 'setting'}"
                    f" '{key}'{_suggest(key, known)}"
                    + ("; the keys are option names, see `brief config show`" if not is_table else "")
                )

    walk(file.data, ())
    defaults: dict[tuple[str, ...], dict[str, tuple[Any, str]]] = {}
    for command_path, section in sections.items():
        own = options[command_path]
        for key in section:
            if key not in own:
                raise ConfigError(
                    f"{file.where(command_path, key)}: '{' '.join(command_path)}' has no option '{key}'"
                    + _suggest(key, sorted(own))
                )
    for command_path, command in commands.items():
        chosen: dict[str, tuple[Any, str]] = {}
        for key, param in options[command_path].items():
            section = sections.get(command_path, {})
            if key in section:
                table: tuple[str, ...] = command_path
                raw = section[key]
            elif key in shared:
                table, raw = (), shared[key]
            else:
                continue
            where = file.where(table, key)
            value = _convert(file, param, raw)
            _check(command_path, command, param, value, where)
            chosen[param.name] = (value, f"file {where}")
        if chosen:
            defaults[command_path] = chosen
    return Settings(path=path, defaults=defaults)


_SECRET = re.compile(r"(key|token|secret|password)", re.IGNORECASE)
REDACTED = "(set, not shown)"


def redact(key: str, value: Any) -> Any:
    """A secret option's value (``api-key``, ``token``, ...) is never printed: only that it is set."""
    return REDACTED if value and _SECRET.search(key) else value


def _default_of(param: Any) -> Any:
    default = param.default
    return default() if callable(default) else default


def effective_settings(root: Any, settings: Settings, environ: Mapping[str, str]) -> list[Setting]:
    """Every option of every command, with the value a run without flags would use and its source."""
    found = []
    for path, command in iter_commands(root):
        from_file = settings.defaults.get(path, {})
        for key, param in options_of(command).items():
            variable = param.envvar if isinstance(param.envvar, str) else None
            value: object
            if variable and environ.get(variable):
                value, source = environ[variable], f"env {variable}"
                if param.multiple:  # as the option splits it: paths at ":" (";" on Windows), else spaces
                    value = value.split(os.pathsep) if _is_path(param) else value.split()
            elif param.name in from_file:
                value, source = from_file[param.name]
            else:
                value, source = _default_of(param), "default"
            found.append(Setting(" ".join(path), key, redact(key, value), source))
    return found
