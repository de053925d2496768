"""File > Import... and File > Export... driven from outside: worker, problems, Cancel, reports."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.formats.base import WriteOptions
from annotator.services.exporting import export_documents
from annotator.store.repository import Repository
from annotator.ui.import_dialog import ImportDialog
from annotator.ui.main_window import MainWindow
from bench.gen_corpus import generate

JOB_TIMEOUT_MS = 120_000
SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


def _names(repo: Repository) -> list[str]:
    return [d.name for d in repo.list_documents(repo.default_project())]


def _seed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def _bad_jsonl(tmp_path: Path) -> Path:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"text": "قصف حلب", "spans": [{"start": 4, "end": 7, "label": "ORG"}]},
                   ensure_ascii=False)
        + "\n{not json\n",
        encoding="utf-8",
    )
    return bad


def _run(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.progress.running, timeout=JOB_TIMEOUT_MS)


def test_import_of_seed_folder_and_bad_file_lists_every_problem_and_stores_nothing(
    window: MainWindow, repo: Repository, qtbot: QtBot, tmp_path: Path
) -> None:
    before = _names(repo)
    folder, bad = _seed_folder(tmp_path), _bad_jsonl(tmp_path)
    window.actions_by_name["import"].trigger()
    dialog = window.tools.import_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.add_paths([folder, bad])
    _run(qtbot, dialog)

    assert dialog.summary.text().startswith("Nothing was imported: 2 problem(s).")
    lines = dialog.problems.toPlainText().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad}:1: unknown label 'ORG'")
    assert lines[1].startswith(f"{bad}:2: ")
    assert dialog.problems.isVisible()
    dialog.copy_problems()
    assert QApplication.clipboard().text() == dialog.problems.toPlainText()
    assert _names(repo) == before

    # Renaming the label (the CLI's --map) and leaving out the broken line: all of it goes in.
    bad.write_text(bad.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    dialog.label_map.setText("ORG=ACTOR")
    _run(qtbot, dialog)
    assert dialog.summary.text().startswith(
        "Added 6 document(s), 1 span(s); 0 duplicate(s); 0 record(s) skipped."
    ), dialog.summary.text()
    assert len(_names(repo)) == len(before) + 6
    # The document list shows them without a restart.
    assert window.documents.document_model.rowCount() == len(before) + 6
    assert window.position_label.text().endswith(f"/ {len(before) + 6}")

    # The same again: every record is a duplicate, nothing is added.
    _run(qtbot, dialog)
    assert "Added 0 document(s)" in dialog.summary.text()
    assert "6 duplicate(s)" in dialog.summary.text()


def test_import_of_ten_thousand_documents_keeps_the_event_loop_turning_and_cancel_stores_nothing(
    window: MainWindow, repo: Repository, qtbot: QtBot, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for record in generate(docs=10_000, seed=3):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    before = _names(repo)
    dialog = window.tools.show_import([corpus])
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()

    # Cancelled as soon as the job reports: nothing is stored.
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.task.text() != "Starting…", timeout=JOB_TIMEOUT_MS)
    qtbot.mouseClick(dialog.progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.progress.running, timeout=JOB_TIMEOUT_MS)
    assert dialog.summary.text() == "Cancelled: nothing was imported."
    assert _names(repo) == before

    # Run to its end: the window's timer keeps firing while the worker imports.
    ticks.clear()
    _run(qtbot, dialog)
    timer.stop()
    assert dialog.summary.text().startswith("Added 10000 document(s)"), dialog.summary.text()
    assert len(_names(repo)) == len(before) + 10_000
    assert len(ticks) >= 5


def test_dropping_files_on_the_window_opens_the_import_dialog_with_them(
    window: MainWindow, tmp_path: Path
) -> None:
    folder = _seed_folder(tmp_path)
    files = sorted(folder.glob("*.txt"))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
    event = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    dialog = window.tools.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.chosen_paths() == files


def test_export_conll_with_a_split_writes_the_parts_the_cli_writes(
    window: MainWindow, repo: Repository, qtbot: QtBot, tmp_path: Path
) -> None:
    window.actions_by_name["export"].trigger()
    dialog = window.tools.export_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_format("conll")
    dialog.split.setChecked(True)
    dialog.ratios.setText("34/33/33")
    dialog.seed.setValue(7)
    out = tmp_path / "dataset"
    dialog.destination.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.progress.running, timeout=JOB_TIMEOUT_MS)

    assert dialog.summary.text().startswith("Exported 3 document(s)"), dialog.summary.text()
    assert "train: 1 document(s)" in dialog.summary.text()
    assert sorted(p.name for p in out.iterdir()) == ["dev.conll", "test.conll", "train.conll"]
    # The same service as `annotator export --format conll --split 34/33/33 --seed 7`.
    reference = tmp_path / "reference"
    export_documents(repo, fmt="conll", out=reference, options=WriteOptions(),
                     split=(34, 33, 33), seed=7)
    for part in ("train", "dev", "test"):
        assert (out / f"{part}.conll").read_bytes() == (reference / f"{part}.conll").read_bytes()


def test_a_refused_export_says_why_and_writes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = window.tools.show_export()
    dialog.set_format("conll")
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    out = tmp_path / "none.conll"
    dialog.destination.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.progress.running, timeout=JOB_TIMEOUT_MS)
    assert dialog.summary.text() == "Nothing was exported:"
    assert "no documents to export with status done" in dialog.problems.toPlainText()
    assert not out.exists()


def test_spacy_export_names_a_folder_of_parts_and_writes_them(
    window: MainWindow, repo: Repository, qtbot: QtBot, tmp_path: Path
) -> None:
    pytest.importorskip("spacy")
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    dialog = window.tools.show_export()
    dialog.set_format("conll")
    assert "folder of spaCy parts" not in dialog.destination.placeholderText()
    dialog.set_format("spacy")
    assert dialog.destination.placeholderText().startswith("a folder of spaCy parts")
    out = tmp_path / "spacy-out"
    dialog.destination.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.progress.running, timeout=JOB_TIMEOUT_MS)
    assert dialog.summary.text().startswith("Exported 3 document(s)"), dialog.summary.text()
    assert [p.name for p in out.iterdir()] == ["part-00001.spacy"]
    docs = list(DocBin().from_bytes((out / "part-00001.spacy").read_bytes()).get_docs(Vocab()))
    assert sorted(d.user_data["name"] for d in docs) == sorted(
        d.name for d in repo.iter_documents(repo.default_project()))
