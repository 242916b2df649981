"""The marks of the slow or system-bound kinds of test, and the check that a test carries the mark
of what it starts.

`site`: builds a real site (MkDocs or Zensical); `browser`: drives Chromium; `git`: runs git on a
real repository (the project's own, or one the test makes). pyproject.toml registers them;
`make test-fast` leaves out `site` and `browser`. The check sees the processes that the test
process itself starts (an audit hook on subprocess.Popen): an `rkt build` run as a child process
builds its site out of its sight, so such a test needs its mark by reading, not by this check.
git asked about a plain folder (not in a repository) needs no mark: it only finds there is none."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

KINDS = ("site", "browser", "git")
ENGINES = ("mkdocs", "zensical")


def _in_repository(folder: Path) -> bool:
    return any((d / ".git").exists() for d in (folder, *folder.parents))


def _git_kind(argv: Sequence[str], cwd: str | None) -> str | None:
    folder, command = Path(cwd or os.getcwd()), None
    words = iter(argv[1:])
    for word in words:
        if word == "-C":
            folder = folder / next(words, "")
        elif word == "-c":
            next(words, None)
        elif not word.startswith("-"):
            command = word
            break
    if command in ("init", "clone"):  # they make the repository
        return "git"
    return "git" if _in_repository(folder.resolve()) else None


def kind_of(argv: Sequence[str], cwd: str | None) -> str | None:
    """The kind of work a new process `argv` (started in `cwd`) is, or None."""
    if not argv:
        return None
    program = os.path.basename(argv[0])
    if program == "git":
        return _git_kind(argv, cwd)
    if "chromedriver" in program:
        return "browser"
    if list(argv[1:2]) == ["-m"] and len(argv) > 3 and argv[2] in ENGINES and argv[3] in ("build", "serve"):
        return "site"
    return None


class Guard:
    """Collects the kinds of work started during a test, and during each fixture's setup: a module's
    fixture is set up once, yet every test that uses it depends on what it started."""

    def __init__(self) -> None:
        self.started: list[str] = []  # kinds, in order, since the current test began
        self.by_fixture: dict[tuple[str, str], set[str]] = {}  # (where defined, name) -> kinds
        self.installed = False

    def install(self) -> None:
        if not self.installed:
            sys.addaudithook(self._hook)
            self.installed = True

    def begin(self) -> None:
        self.started = []

    def position(self) -> int:
        return len(self.started)

    def remember(self, baseid: str, name: str, since: int) -> None:
        """The kinds started since `since` belong to the fixture `name` defined at `baseid`."""
        self.by_fixture.setdefault((baseid, name), set()).update(self.started[since:])

    def missing(self, nodeid: str, fixtures: Sequence[str], marks: set[str]) -> list[str]:
        """The kinds that the test `nodeid` and its `fixtures` started that `marks` do not name."""
        kinds = set(self.started)
        for name in fixtures:
            # the definition that applies: the one nearest to the test (the longest base)
            bases = [base for (base, n) in self.by_fixture if n == name and nodeid.startswith(base)]
            if bases:
                kinds |= self.by_fixture[max(bases, key=len), name]
        return sorted(kinds - marks)

    def _hook(self, event: str, args: tuple) -> None:
        if event != "subprocess.Popen":
            return
        # (executable, args, cwd, env); a failure to read them must never break the process start
        try:
            argv = args[1] if isinstance(args[1], (list, tuple)) else [args[1]]
            cwd = args[2]
            kind = kind_of([os.fsdecode(a) for a in argv], os.fsdecode(cwd) if cwd is not None else None)
        except Exception:
            return
        if kind:
            self.started.append(kind)
