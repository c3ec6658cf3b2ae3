"""The bundled ``practice`` command line's entry point (build.spec)."""

import sys

from practice.cli.main import main

sys.exit(main())
