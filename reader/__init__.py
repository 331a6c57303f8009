"""reader: read a news article beside the stated positions of its parties."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("reader")  # written once, in pyproject.toml
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
