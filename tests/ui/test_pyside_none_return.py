"""PySide6 6.12.0 aborts ("Fatal Python error: none_dealloc") after many calls of Qt methods that
return nothing; the window makes such calls all day. The pinned PySide6 must not."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([])
    widget = QWidget()
    for i in range(20_000):
        widget.setEnabled(i % 2 == 0)
        widget.setObjectName("w")
    print("ok")
    """
)


def test_many_calls_returning_none_do_not_abort() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
    assert "none_dealloc" not in result.stderr
