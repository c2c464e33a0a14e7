"""factcheck: checks the arithmetic of news articles."""

__version__ = "0.1.0"
