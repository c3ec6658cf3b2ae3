"""The bundled app's entry point (build.spec): the desktop app, ``--smoke-test``, ``--cli``."""

import sys

from ui.app import main

sys.exit(main())
