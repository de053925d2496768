"""Save pictures of the window's tools: a refused import, corpus search, find, statistics.

    python scripts/screenshot_tools.py [--out-dir docs]

Writes ``import-problems.png`` (the import dialog listing the problems of a bad file),
``corpus-search.png`` (the window with the corpus search panel), ``find-bar.png`` (the find
bar over the obfuscated words of seed 003), ``statistics.png`` (the Statistics window, spans
per day of two annotators included) and ``document-list.png`` (the list filtered by a word
and sorted by name, last first).
Runs offscreen unless a display is set. The database is a temporary copy of the demo project;
nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from demo_window import open_demo, save_png, scratch_folder


def main(argv: list[str] | None = None) -> int:
    """Write the PNGs; exit code 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=Path("docs"))
    args = parser.parse_args(argv)
    scratch = scratch_folder()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    demo = open_demo(scratch, open_first=False)
    app, session = demo.app, demo.session
    window = demo.window()

    def settle(until: object = None) -> None:
        for _ in range(200):
            app.processEvents()
            if until is None or (callable(until) and until()):
                break
        for _ in range(20):
            app.processEvents()

    def save(widget: QWidget, name: str) -> bool:
        settle()
        return save_png(widget, args.out_dir / name)

    # A refused import: one record with a label the project lacks, one broken line.
    bad = scratch / "export-from-elsewhere.jsonl"
    bad.write_text(
        json.dumps({"text": "قصف الطيران مدينة حلب", "spans": [
            {"start": 0, "end": 3, "label": "EVENT"}, {"start": 18, "end": 21, "label": "GPE"}]},
            ensure_ascii=False)
        + "\n{\"text\": \"سطر مقطوع\n\n",
        encoding="utf-8")
    dialog = window.tools.show_import([bad])
    dialog.resize(1000, 520)
    dialog.start()
    demo.wait(lambda: bool(dialog.progress.running), seconds=60)
    ok = save(dialog, "import-problems.png")
    dialog.close()

    # The corpus search panel with a folded query over the demo articles.
    window.tools.search_panel.open_panel("الحرس الثوري")
    window.resizeDocks([window.tools.search_panel], [320], Qt.Orientation.Vertical)
    if window.tools.search_panel.hits:
        window.tools.search_panel.choose(0)
    ok = save(window, "corpus-search.png") and ok
    window.tools.search_panel.setVisible(False)

    # The find bar: "هدد" over seed 003's obfuscated spelling.
    by_name = {d.name: d.id for d in session.documents()}
    seed_003 = next((i for n, i in by_name.items() if n.startswith("003")), None)
    if seed_003 is not None:
        window.bridge.open(seed_003)
        window.tools.find()
        window.tools.find_bar.query.setText("هدد")
        ok = save(window, "find-bar.png") and ok
        window.tools.find_bar.close_bar()

    # The statistics after a little work: a few labeled words, two documents done.
    for name, words in (
        (next(iter(by_name)), (("التحالف الدولي", "ACTOR"), ("دير الزور", "LOCATION"),
                               ("حقل كونيكو للغاز", "TARGET"), ("شهر أكتوبر", "DATE"))),
        (next(n for n in by_name if n.startswith("001")), (("الحرس الثوري", "ACTOR"),
                                                           ("الميادين", "LOCATION"))),
    ):
        window.bridge.open(by_name[name])
        for phrase, label in words:
            start = session.text.find(phrase)
            if start >= 0:
                window.bridge.execute(session.add_command(start, start + len(phrase), label))
        window.bridge.execute(session.status_command("done"))
    # A second annotator's work the same day: a second line on the per-day chart.
    session.switch_annotator("salma")
    window.bridge.open(by_name[next(iter(by_name))])
    for phrase, label in (("التحالف الدولي", "ACTOR"), ("دير الزور", "LOCATION")):
        start = session.text.find(phrase)
        if start >= 0:
            window.bridge.execute(session.add_command(start, start + len(phrase), label))
    session.switch_annotator("demo")
    statistics = window.tools.show_statistics()
    statistics.resize(1100, 720)
    ok = save(statistics, "statistics.png") and ok
    statistics.close()

    # The document list filtered by a folded word, sorted by name, last first.
    documents = window.documents
    documents.set_text_filter("الحرس")
    documents.sort_by(1, Qt.SortOrder.DescendingOrder)
    if documents.document_model.rowCount():
        window.navigator.open(documents.document_model.document_at(0).id)
    ok = save(window, "document-list.png") and ok
    demo.close(window)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
