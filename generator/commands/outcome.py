"""`Outcome`: how every command ends. What it says on stdout and on stderr, and its exit code
(0 done, 1 problems in the data, 2 the command used wrongly or this computer lacking
something, 3 a bug in rkt; 130 stopped with Ctrl+C). The CLI prints it and exits with it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    out: str = ""  # for stdout
    err: str = ""  # for stderr
    code: int = 0

    @classmethod
    def done(cls, text: str) -> Outcome:
        return cls(out=text)

    @classmethod
    def failed(cls, text: str, code: int) -> Outcome:
        return cls(err=text, code=code)

    @classmethod
    def said(cls, text: str, code: int) -> Outcome:
        """`text` on stdout when the command succeeded, on stderr when it did not: how most commands answer."""
        return cls.done(text) if code == 0 else cls.failed(text, code)

    @property
    def text(self) -> str:
        """Everything the command says, both streams (a command writes to one of them)."""
        return self.out + self.err
