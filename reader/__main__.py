"""``python -m reader`` and the ``reader`` console script: both call :func:`main`."""

from __future__ import annotations

import sys

from .cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
