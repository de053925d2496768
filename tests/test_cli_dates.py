"""``annotator dates``: the date rules from the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from annotator.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["dates", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_prints_value_precision_and_mod(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--published", "2024-10-28", "في بداية الشهر الماضي") == (
        0, "2024-09\tmonth\tSTART\n", "")
    assert run(capsys, "3", "كانون", "الثاني", "من", "عام", "2020") == (
        0, "2020-01-03\tday\t-\n", "")


def test_relative_without_publication_date_needs_a_person(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "الثلاثاء الماضي")
    assert (code, out) == (1, "")
    assert "a person decides" in err and "--published" in err
    assert run(capsys, "--published", "2024-10-28", "الثلاثاء الماضي")[:2] == (
        0, "2024-10-22\tday\t-\n")


def test_vague_expression_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--published", "2024-10-28", "قبل أيام")
    assert (code, out) == (1, "")
    assert "قبل أيام" in err and "--published" not in err


def test_bad_publication_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--published", "28/10/2024", "أمس")
    assert (code, out) == (2, "")
    assert "YYYY-MM-DD" in err


def test_the_command_does_not_import_dateparser_at_start_up() -> None:
    # dateparser takes a noticeable time to import: only the dates command may pay for it.
    probe = ("import sys; import annotator.cli, annotator.core.dates; "
             "from annotator.cli import build_parser; "
             "build_parser(); print('dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"
