"""Skips that CI never takes: a test that needs something this computer lacks is skipped on a
laptop and fails in CI (the environment variable `CI` set, as .ci/run and every hosted CI set it),
where its absence means the CI machine is set up wrong and the test would otherwise guard nothing.

A skip that no CI runner could ever satisfy does not belong here; say why beside such a skip."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import NoReturn, TypeVar

import pytest

F = TypeVar("F", bound=Callable[..., object])


def in_ci() -> bool:
    """True under CI (`CI` set to anything but empty, 0, false or no)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_unless_ci(reason: str, fix: str = "") -> NoReturn:
    """Skip the running test because of `reason`, except in CI, where it fails (saying `fix`)."""
    if in_ci():
        pytest.fail(f"{reason}; in CI this test must run, not skip" + (f": {fix}" if fix else ""), pytrace=False)
    pytest.skip(reason)


def unless(missing: bool, reason: str, fix: str = "") -> Callable[[F], F]:
    """A decorator for `skipif(missing)` that fails instead in CI (checked when the test runs)."""
    def decorate(test: F) -> F:
        @functools.wraps(test)
        def run(*args: object, **kwargs: object) -> object:
            if missing:
                skip_unless_ci(reason, fix)
            return test(*args, **kwargs)
        return run  # type: ignore[return-value]
    return decorate
