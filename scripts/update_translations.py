"""Bring the Arabic catalog up to date with the interface's strings and list what is missing.

    python scripts/update_translations.py            # update resources/i18n/annotator_ar.ts
    python scripts/update_translations.py --check    # also exit 1 if an entry lacks Arabic

Runs the ``lupdate`` that ships with PySide6 over every module of ``annotator/ui`` and over
``annotator/core/messages.py`` (the readers' and services' message templates) (new strings
are added as unfinished, strings gone from the code are dropped), then prints each entry that
has no finished Arabic translation, with its context. Add the Arabic in the ``.ts`` file (by
hand or with ``pyside6-linguist``) and run it again until it reports none.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "resources" / "i18n" / "annotator_ar.ts"
SOURCES = ROOT / "annotator" / "ui"
#: Outside the window's code: the templates of the readers' and services' messages, which the
#: window shows in its language (``annotator.core.messages``).
MESSAGES = ROOT / "annotator" / "core" / "messages.py"


def update(catalog: Path, sources: Path = SOURCES) -> None:
    """Run lupdate over ``sources`` into ``catalog`` (created if missing)."""
    sys.path.insert(0, str(ROOT))
    from annotator.ui.i18n import qt_tool

    files = sorted(str(p) for p in sources.rglob("*.py") if "__pycache__" not in p.parts)
    if sources == SOURCES:
        files.append(str(MESSAGES))
    result = subprocess.run(
        [*qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         "-source-language", "en", "-target-language", "ar", *files, "-ts", str(catalog)],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"update_translations: lupdate failed:\n{result.stdout}{result.stderr}")


def unfinished(catalog: Path) -> list[str]:
    """``context: source`` of every entry without a finished translation (every plural form)."""
    missing: list[str] = []
    for context in ET.parse(catalog).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                   "obsolete"):
                missing.append(f"{name}: {source}")
                continue
            forms = translation.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
            if not all(t.strip() for t in texts):
                missing.append(f"{name}: {source}")
    return missing


def main(argv: list[str] | None = None) -> int:
    """Update the catalog (or the one given) and report; exit code 1 with --check if unfinished."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if an entry is unfinished")
    parser.add_argument("--ts", type=Path, default=CATALOG, help="the catalog to update")
    args = parser.parse_args(argv)
    update(args.ts)
    missing = unfinished(args.ts)
    for entry in missing:
        print(f"unfinished: {entry}")
    print(f"{args.ts}: {len(missing)} unfinished")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
