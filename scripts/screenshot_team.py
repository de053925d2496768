"""Save pictures of the team views on the demo project labeled by two annotators.

    python scripts/screenshot_team.py [--out-dir /tmp/annotator-team]

Writes overlay.png (the window with the others' spans shown), agreement.png (Statistics >
Agreement for three annotators), curation.png (Document > Curate, spans with date values and
events) and curation-ar.png (the same in Arabic). Runs offscreen unless a display is set; the
database is a temporary copy of the demo project.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from demo_window import open_demo, save_png, scratch_folder

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
    demo = open_demo(scratch_folder("annotator-team-"), annotator="badr", open_first=False)

    from PySide6.QtWidgets import QWidget

    from annotator.core.model import Event, Span, make_span

    app, repo = demo.app, demo.repository
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
    window = demo.window()
    window.team.show_others(True)

    def grab(widget: QWidget, name: str) -> None:
        demo.settle(5)
        if not save_png(widget, args.out_dir / name, script="screenshot_team"):
            raise SystemExit(1)

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
    demo.close(window)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
