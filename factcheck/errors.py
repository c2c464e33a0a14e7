"""One exception type for everything a user must fix; the CLI maps it to exit code 2 and one line on stderr."""


class FactcheckError(Exception):
    """A problem with the input, the options or a rule file, explained in one sentence."""


class InputError(FactcheckError):
    pass


class RuleError(FactcheckError):
    """A rule file that cannot be used. The message names the file (and line, where known)."""
