"""reader: read a news article beside the stated positions of its parties."""

__version__ = "0.1.0"
