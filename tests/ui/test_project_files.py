"""File > New project..., Open... and Open Recent."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

from annotator.ui.main_window import MainWindow


def test_new_project_asks_first_then_opens_a_window_on_it_and_remembers_it(
    window: MainWindow, tmp_path: Path
) -> None:
    files = window.files
    launched: list[str] = []
    questions: list[str] = []
    files.launch = lambda database: launched.append(database) or True
    target = tmp_path / "new.sqlite3"

    files.confirm = lambda question: questions.append(question) or False
    assert not files.new_project(str(target))
    assert launched == [] and not target.exists()
    assert str(target) in questions[0]

    files.confirm = lambda question: True
    assert files.new_project(str(target))
    assert launched == [str(target)]
    assert files.recent()[0] == str(target)
    # The window it was opened from is listed after it.
    assert files.recent()[1] == str(tmp_path / "t.sqlite3")


def test_open_recent_lists_the_databases_newest_first_and_opens_the_chosen_one(
    window: MainWindow, tmp_path: Path
) -> None:
    files = window.files
    launched: list[str] = []
    files.launch = lambda database: launched.append(database) or True
    other = tmp_path / "other.sqlite3"
    other.write_bytes(b"")
    assert files.open_database(str(other))
    assert not files.open_database(str(tmp_path / "missing.sqlite3"))
    files.recent_menu.aboutToShow.emit()
    titles = [a.text() for a in files.recent_menu.actions()]
    assert titles == [str(other), str(tmp_path / "t.sqlite3")]
    files.recent_menu.actions()[1].trigger()
    assert launched == [str(other), str(tmp_path / "t.sqlite3")]
