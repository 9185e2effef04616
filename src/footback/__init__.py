"""footback: a private terminal companion for foot-driven back pain."""

__version__ = "0.1.0"
