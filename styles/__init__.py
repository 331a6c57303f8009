"""The reader's Textual stylesheets, installed as the ``reader.styles`` package."""
