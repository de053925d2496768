"""Save pictures of the team views on the demo project labeled by two annotators.

    python scripts/screenshot_team.py [--out-dir /tmp/annotator-team]

Writes overlay.png (the window with the others' spans shown), agreement.png (Statistics >
Agreement for three annotators), curation.png (Document > Curate, spans with date values and
events) and curation-ar.png (the same in Arabic). Runs offscreen unless a display is set; the
database is a temporary copy of the demo project.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

# (annotator, words, label): amal and badr agree on some, differ on others.
WORK: tuple[tuple[str, str, str], ...] = (
    ("amal", "التحالف الدولي", "ACTOR"),
    ("badr", "التحالف الدولي", "ACTOR"),
    ("amal", "دير الزور", "LOCATION"),
    ("badr", "دير الزور", "LOCATION"),
    ("amal", "الميليشيات المدعومة من إيران", "TARGET"),
    ("badr", "الميليشيات", "TARGET"),
    ("amal", "شرق سوريا", "LOCATION"),
    ("badr", "شرق سوريا", "TARGET"),
    ("badr", "حقل كونيكو للغاز", "TARGET"),
    ("carim", "التحالف الدولي", "ACTOR"),
    ("carim", "دير الزور", "LOCATION"),
    ("carim", "الميليشيات المدعومة من إيران", "TARGET"),
)

# Each one's date value of "شهر أكتوبر" and the air strike they saw (roles by words).
DATES = (("amal", "2024-10"), ("badr", "2024-10"), ("carim", "2023-10"))
STRIKES: tuple[tuple[str, dict[str, str]], ...] = (
    ("amal", {"actor": "التحالف الدولي", "target": "الميليشيات المدعومة من إيران",
              "location": "دير الزور", "date": "شهر أكتوبر"}),
    ("badr", {"actor": "التحالف الدولي", "target": "الميليشيات", "location": "دير الزور",
              "date": "شهر أكتوبر"}),
    ("carim", {"actor": "التحالف الدولي", "target": "الميليشيات المدعومة من إيران",
               "location": "دير الزور", "date": "شهر أكتوبر"}),
)


def main(argv: list[str] | None = None) -> int:
    """Write the three PNGs; exit code 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=Path("/tmp/annotator-team"))
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="annotator-team-"))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    args.out_dir.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from annotator.core.model import Event, Span, make_span
    from annotator.services.session import AnnotationSession
    from annotator.store.db import open_database
    from annotator.ui.app import application
    from annotator.ui.main_window import MainWindow

    app = application()
    db = str(scratch / "demo.sqlite3")
    repo = open_database(db, seed_demo=True)
    pid = repo.default_project()
    first = repo.list_documents(pid)[0].id
    text = repo.get_document(first).text
    made: dict[tuple[str, str], Span] = {}
    for who, words, label in WORK:
        start = text.index(words)
        made[who, words] = repo.add_span(
            first, make_span(text, start, start + len(words), label), annotator=who)
    for who, value in DATES:
        start = text.index("شهر أكتوبر")
        made[who, "شهر أكتوبر"] = repo.add_span(
            first, make_span(text, start, start + len("شهر أكتوبر"), "DATE",
                             attrs={"value": value, "precision": "month"}), annotator=who)
    for who, roles in STRIKES:
        repo.add_event(first, Event(type="Air/drone strike"),
                       {role: [made[who, words].id or 0] for role, words in roles.items()})
    for who in ("amal", "badr", "carim"):
        repo.set_status(first, "done", annotator=who)
    session = AnnotationSession(repo, project_id=pid, annotator="badr")
    window = MainWindow(session, settings=QSettings(str(scratch / "s.ini"),
                                                    QSettings.Format.IniFormat),
                        database=db)
    window.resize(1280, 800)
    window.show()
    window.team.show_others(True)

    def grab(widget: QWidget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        path = args.out_dir / name
        if not widget.grab().save(str(path)):
            raise SystemExit(f"screenshot_team: cannot write {path}")
        print(path)

    grab(window, "overlay.png")
    agreement = window.team.show_agreement()
    agreement.set_chosen(["amal", "badr", "carim"])
    agreement.pair.setCurrentIndex(1)
    grab(agreement, "agreement.png")
    agreement.close()
    curation = window.team.curate()
    assert curation is not None
    grab(curation, "curation.png")
    curation.reject()
    from annotator.ui import i18n

    i18n.set_language("ar")
    app.processEvents()  # the language change reaches the open widgets before a new dialog
    curation = window.team.curate()
    assert curation is not None
    grab(curation, "curation-ar.png")
    curation.reject()
    i18n.set_language("en")
    window.close()
    repo.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
