#!/usr/bin/env bash
# The document list of a project larger than a page, in a real window under Xvfb: 450 articles,
# Ctrl+PageDown 205 times (past the first page of 200 rows), Ctrl+Return (done and next), a
# click on the first row of the list, then Ctrl+Q; the database must show exactly the 206th
# document done, and the window's screenshot is saved for a look.
#   scripts/xdotool_documents.sh [SCREENSHOT.png]   (needs: xvfb xdotool; PYTHON, XDOTOOL_DISPLAY)
XD_NAME=xdotool_documents
source "$(dirname "$0")/xdotool_lib.sh"
shot=${1:-}
"$PYTHON" - "$db" <<'PY'
import sys
from annotator.core.model import Document
from annotator.store.db import open_database
repo = open_database(sys.argv[1], seed_demo=False)
repo.add_documents(repo.default_project(), [
    Document(name=f"file-{i:03d}.txt", text=f"مقال رقم {i + 1} عن حلب\nقصف الطيران مدينة حلب {i}.")
    for i in range(450)
])
repo.close()
PY

xd_start_app
for _ in $(seq 205); do xdotool key ctrl+Next; done
sleep 0.5
xdotool key ctrl+Return
sleep 0.8
if [ -n "$shot" ]; then
  # The X screen as a person sees it, grabbed by a second Qt client of the same display.
  "$PYTHON" -c "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); \
ok = app.primaryScreen().grabWindow(0).save(sys.argv[1]); print('screenshot', sys.argv[1], ok)" "$shot"
fi
xd_quit_app

"$PYTHON" - "$db" <<'PY'
import sys
from annotator.store.db import open_database
repo = open_database(sys.argv[1])
pid = repo.default_project()
done = [d for d in repo.list_documents(pid) if d.status == "done"]
print("done in the database:", [(d.position + 1, d.name) for d in done])
if [d.name for d in done] != ["file-205.txt"]:
    sys.exit("xdotool_documents: FAILED: expected exactly document 206 (file-205.txt) done")
print("xdotool_documents: OK: document 206 is done, found past the first page of the list")
PY
