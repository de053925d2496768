"""Save what an X display shows (e.g. the window under Xvfb driven by xdotool) as a PNG.

    DISPLAY=:91 python scripts/grab_display.py out.png

Uses Qt's own screen grab, so nothing beyond the program's dependencies is needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication


def main(argv: list[str]) -> int:
    """Write the PNG named by the first argument; exit code 0 on success."""
    if len(argv) != 1:
        print("usage: grab_display.py OUT.png", file=sys.stderr)
        return 2
    app = QGuiApplication(["grab_display", "-platform", "xcb"])
    screen = app.primaryScreen()
    if screen is None:
        print("grab_display: no screen", file=sys.stderr)
        return 1
    ok = screen.grabWindow(0).save(str(Path(argv[0])))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
