"""`python -m bot` is `convention-bot`."""

import sys

from .cli import main

sys.exit(main())
