"""Errors a user can act on. The command line prints them as one line, without a traceback."""


class CrosswireError(Exception):
    """Base class: the message names the file or value at fault and the fix."""


class InputError(CrosswireError):
    """The corpus, a sidecar or a data file cannot be used as given."""


class ParameterError(CrosswireError):
    """A parameter has the wrong type, an unknown name or an out-of-range value."""
