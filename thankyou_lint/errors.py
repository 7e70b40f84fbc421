"""Errors the user can act on: the CLI prints them as one line and exits with 2."""


class ThankyouLintError(Exception):
    """Base class for usage, configuration and input errors."""


class ConfigError(ThankyouLintError):
    pass


class InputError(ThankyouLintError):
    pass


class ModelNotInstalledError(ThankyouLintError):
    pass
