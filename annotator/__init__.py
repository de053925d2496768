"""annotator: label actors, targets, locations and dates in Arabic conflict news."""

__version__ = "0.1.0"
