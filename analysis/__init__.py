"""Crosswire: multilingual news analysis — who is named, with whom, and when."""
__version__ = "0.1.0"
