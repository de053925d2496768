"""ui: the window (PySide6 only here).

The pure-Python modules the window's widgets use at start-up are imported here, before any
module of this package imports PySide6: PySide6's import hook reads the source of every module
imported after it, looking for its name (about half a millisecond a module, some sixty at
start-up; ADR 0015). The store's modules are imported first by ``ui/app.py``, the composition
root, which alone may use them. ``tests/ui/test_first_paint.py`` checks that none of ours comes
after PySide6.
"""

# ruff: noqa: F401 (imported for their side effect: loaded before PySide6)

import html
import subprocess

import annotator.core.clitics
import annotator.core.listing
import annotator.formats.registry
import annotator.paths
import annotator.services.searching
import annotator.services.session
import annotator.services.workspace
import annotator.ui.positions
