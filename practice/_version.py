"""The app's version, kept here once.

pyproject.toml reads it from this file (``[tool.setuptools.dynamic]``), so the package
metadata, the PyInstaller bundle (build.spec) and ``practice.__version__`` say the same;
reading it at start costs nothing (no search of the installed packages' metadata).
"""

__version__ = "0.1.0"
