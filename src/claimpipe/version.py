"""The package's version and the output contract's schema_version, in a module of their own so that
any module can import them without importing the package's facade (`claimpipe.run`, `claimpipe.load`)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("claimpipe")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+unknown"

SCHEMA_VERSION = 1
