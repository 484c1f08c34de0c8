"""README.md as a newcomer reads and runs it: short, no internal issue numbers, and every command in
its ```sh blocks parses against the real `migrate` CLI (an unknown command or option fails here).

Convention: a ```sh block holds only commands (one per line, `\\` continues a line, `#` comments);
what they print goes in ```text blocks. `migrate` is the console script pyproject.toml declares, so
the CLI is imported from there and follows the entry point wherever it moves.
"""

from __future__ import annotations

import importlib
import re
import shlex
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
FENCE = re.compile(r"^```(\S*)")
ISSUE_NUMBER = re.compile(r"\bissue \d+", re.IGNORECASE)
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@dataclass(frozen=True)
class Command:
    """One command of a README ```sh block: the line it starts on and its words."""

    line: int
    argv: tuple[str, ...]

    def __str__(self) -> str:
        return f"README.md:{self.line}: {shlex.join(self.argv)}"


def fenced_blocks(text: str) -> list[tuple[str, int, list[str]]]:
    """Every fenced block: (language, line number of its first content line, its lines)."""
    blocks: list[tuple[str, int, list[str]]] = []
    current: tuple[str, int, list[str]] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        fence = FENCE.match(line)
        if fence and current is None:
            current = (fence.group(1), number + 1, [])
        elif fence:
            assert current is not None
            blocks.append(current)
            current = None
        elif current is not None:
            current[2].append(line)
    assert current is None, "README.md: a fenced block is not closed"
    return blocks


def shell_lines(text: str) -> list[tuple[int, str]]:
    """The command lines of the ```sh blocks, continuations joined, comments and blanks dropped."""
    lines: list[tuple[int, str]] = []
    for language, first, body in fenced_blocks(text):
        if language != "sh":
            continue
        pending: tuple[int, str] | None = None
        for offset, raw in enumerate(body):
            stripped = raw.strip()
            if pending is None and (not stripped or stripped.startswith("#")):
                continue
            start, so_far = pending if pending is not None else (first + offset, "")
            joined = f"{so_far} {stripped.removesuffix(chr(92)).strip()}".strip()
            pending = (start, joined) if stripped.endswith("\\") else None
            if pending is None:
                lines.append((start, joined))
        assert pending is None, f"README.md:{first}: a ```sh block ends inside a continued line"
    return lines


def split_commands(line: int, text: str) -> list[Command]:
    """One shell line → its commands (split on `&&`; pipes, `;` and redirections are not allowed)."""
    lexer = shlex.shlex(text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    commands: list[Command] = []
    words: list[str] = []
    for token in [*lexer, "&&"]:
        if token == "&&":
            assert words, f"README.md:{line}: empty command in {text!r}"
            commands.append(Command(line, tuple(words)))
            words = []
        else:
            assert not set(token) <= set("();<>|&"), f"README.md:{line}: {token!r} in {text!r}"
            words.append(token)
    return commands


def readme_commands() -> list[Command]:
    text = README.read_text(encoding="utf-8")
    return [cmd for line, joined in shell_lines(text) for cmd in split_commands(line, joined)]


def migrate_app() -> typer.Typer:
    """The Typer app behind the `migrate` console script of pyproject.toml."""
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module = importlib.import_module(scripts["migrate"].partition(":")[0])
    app = getattr(module, "app", None)
    if app is None:
        app = module.build_app()
    assert isinstance(app, typer.Typer), f"{module.__name__}.app is {app!r}"
    return app


def parse(command: object, name: str, args: list[str], parent: Any = None) -> tuple[str, ...]:
    """Parse `args` as click would before running anything; returns the command path.

    Unknown commands or options, bad choices, missing required options and stray arguments raise
    click's usage errors, as they would on the command line; no command callback runs.
    """
    assert isinstance(command, TyperCommand | TyperGroup), f"{name}: {command!r}"
    ctx = command.make_context(name, list(args), parent=parent, resilient_parsing=False)
    if not isinstance(command, TyperGroup):
        return (name,)
    # A group keeps the subcommand's name apart from its arguments (click < 8.2: protected_args).
    protected: list[str] = getattr(ctx, "_protected_args", None) or getattr(ctx, "protected_args", [])
    if not protected:
        return (name,)
    sub_name, sub, rest = command.resolve_command(ctx, [*protected, *ctx.args])
    assert sub_name is not None and sub is not None
    return (name, *parse(sub, sub_name, rest, ctx))


def usage_message(exc: BaseException) -> str:
    """What click prints for a usage error (`Missing option '--out'`), else the exception itself."""
    format_message = getattr(exc, "format_message", None)
    return str(format_message()) if callable(format_message) else repr(exc)


@pytest.fixture(scope="module")
def cli() -> object:
    return get_command(migrate_app())


def test_readme_is_short_and_names_no_internal_issue() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) < 200, f"README.md has {len(lines)} lines; move reference into docs/"
    for number, line in enumerate(lines, start=1):
        assert not ISSUE_NUMBER.search(line), f"README.md:{number}: internal issue number: {line}"


def test_docs_name_no_internal_issue() -> None:
    for page in sorted((REPO / "docs").rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            where = f"{page.relative_to(REPO)}:{number}"
            assert not ISSUE_NUMBER.search(line), f"{where}: internal issue number: {line}"


def test_readme_uses_one_shell_convention() -> None:
    """Commands live in ```sh blocks only, so the test below sees every one of them."""
    for language, first, body in fenced_blocks(README.read_text(encoding="utf-8")):
        assert language in ("sh", "text"), f"README.md:{first - 1}: ```{language} block"
        if language == "text":
            for offset, line in enumerate(body):
                assert not line.startswith("$ "), (
                    f"README.md:{first + offset}: a command among output: {line}"
                )
    assert any(cmd.argv[0] == "migrate" for cmd in readme_commands())


def test_readme_links_exist() -> None:
    for target in LINK.findall(README.read_text(encoding="utf-8")):
        if "://" not in target:
            assert (REPO / target).exists(), f"README.md links to {target}, which does not exist"


def test_readme_test_command_is_what_ci_runs() -> None:
    """.ci/run runs the README's test command verbatim; the two must not drift apart."""
    ci = [line for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    test_command = next(line for line in ci if line.startswith("pip install"))
    assert test_command in [joined for _, joined in shell_lines(README.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("command", readme_commands(), ids=str)
def test_readme_command_parses(command: Command, cli: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # README commands run from the clone's root
    program, *args = command.argv
    if program == "migrate":
        try:
            parse(cli, "migrate", args)
        except Exception as exc:  # click's usage errors; the message says what is wrong
            pytest.fail(f"{command}: {usage_message(exc)}")
    elif program == "pip":
        check_pip(command, args)
    elif program == "npm":
        check_npm(command, args)
    elif program == "python":
        assert args[:2] == ["-m", "pytest"], f"{command}: only `python -m pytest` is expected"
        for path in args[2:]:
            assert path.startswith("-") or (REPO / path).exists(), f"{command}: no {path}"
    else:
        assert list(command.argv) in (["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]), (
            f"{command}: a program this test does not know; check its shape here"
        )


def check_pip(command: Command, args: list[str]) -> None:
    """`pip install -e '.[extra,...]'`: the extras must be declared in pyproject.toml."""
    assert args[:2] == ["install", "-e"] and len(args) == 3, f"{command}: expected pip install -e ."
    match = re.fullmatch(r"\.(?:\[([\w,-]+)\])?", args[2])
    assert match, f"{command}: expected . or .[extras], not {args[2]}"
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for extra in (match.group(1) or "").split(","):
        assert not extra or extra in declared.get("optional-dependencies", {}), f"{command}: no [{extra}]"


def check_npm(command: Command, args: list[str]) -> None:
    """`npm ci ... --prefix DIR`: DIR must hold a package.json and its lock file."""
    assert args[:1] == ["ci"] and "--prefix" in args, f"{command}: expected npm ci --prefix DIR"
    folder = REPO / args[args.index("--prefix") + 1]
    for name in ("package.json", "package-lock.json"):
        assert (folder / name).is_file(), f"{command}: no {name} in {folder.relative_to(REPO)}"


def mentions(text: str) -> list[tuple[int, str]]:
    """`migrate ...` invocations a page mentions: in code blocks (with their indented or `\\`-continued
    lines) and in inline code spans; (line number, text)."""
    found: list[tuple[int, str]] = []
    in_block = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            in_block = not in_block
            continue
        if in_block:
            command = line.removeprefix("$ ")
            continues = (found and found[-1][1].endswith("\\")) or line.startswith((" ", "\t"))
            if command.startswith("migrate "):
                found.append((number, command))
            elif continues and found and found[-1][0] == number - 1:
                found[-1] = (number, f"{found[-1][1].removesuffix(chr(92))} {line.strip()}")
        else:
            found.extend((number, span) for span in re.findall(r"`(migrate [^`]+)`", line))
    return found


def known_options(cli: object, words: list[str]) -> set[str]:
    """Every option name of the command `words` lead to (its groups' options included)."""
    options: set[str] = set()
    command, rest = cli, list(words)
    while True:
        assert isinstance(command, TyperCommand | TyperGroup)
        for param in command.params:
            options.update(name for name in [*param.opts, *param.secondary_opts] if name.startswith("--"))
        if not isinstance(command, TyperGroup):
            return options
        word = rest.pop(0) if rest else ""
        sub = command.commands.get(word) or command.commands.get("rollout")  # `canary FUNCTION ...`
        if sub is None:
            return options
        command = sub


def test_docs_mention_only_real_options(cli: object) -> None:
    """Every `--option` a page shows beside a `migrate` command exists on that command."""
    for page in [README, *sorted((REPO / "docs").rglob("*.md"))]:
        for number, mention in mentions(page.read_text(encoding="utf-8")):
            words = re.findall(r"(?<!\\S)[a-z][a-z-]*(?!\\S)", mention.split(" --")[0])[1:]
            unknown = set(re.findall(r"(?<![\\w-])--[a-z][a-z0-9-]*", mention)) - known_options(cli, words)
            assert not unknown, f"{page.relative_to(REPO)}:{number}: {sorted(unknown)} in {mention}"


@pytest.mark.parametrize(
    "args",
    [
        ["scan", "examples/fleet", "--no-such-option"],
        ["scan", "examples/fleet", "--format", "yaml"],
        ["no-such-command"],
        ["stub", "examples/fleet"],
        ["golden", "--node", "handler.js", "--no-such-option"],
        ["canary", "getItem", "--alias", "live", "--no-such-option"],
    ],
)
def test_parse_rejects_what_the_cli_rejects(args: list[str], cli: object) -> None:
    """The check above is only worth having if a wrong command fails it."""
    with pytest.raises(Exception) as caught:
        parse(cli, "migrate", args)
    assert re.search(r"No such|not one of|Missing (option|argument)", usage_message(caught.value))


def test_parse_follows_the_command_path(cli: object) -> None:
    assert parse(cli, "migrate", ["canary", "getItem", "--alias", "live"]) == ("migrate", "canary", "rollout")
    assert parse(cli, "migrate", ["golden", "events", "--source", "sqs"]) == ("migrate", "golden", "events")


def test_option_check_sees_blocks_continuations_and_spans(cli: object) -> None:
    page = "```\nmigrate stub PATH --out DIR\n    [--arch x] [--made-up]\n```\nrun `migrate scan --bogus`.\n"
    assert mentions(page) == [
        (3, "migrate stub PATH --out DIR [--arch x] [--made-up]"),
        (5, "migrate scan --bogus"),
    ]
    assert "--made-up" not in known_options(cli, ["stub"]) and "--arch" in known_options(cli, ["stub"])
    assert "--golden-report" in known_options(cli, ["canary"])  # `canary FUNCTION` is `canary rollout`
