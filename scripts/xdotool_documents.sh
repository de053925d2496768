#!/usr/bin/env bash
# The document list of a project larger than a page, in a real window under Xvfb: 450 articles,
# Ctrl+PageDown 205 times (past the first page of 200 rows), Ctrl+Return (done and next), a
# click on the first row of the list, then Ctrl+Q; the database must show exactly the 206th
# document done, and the window's screenshot is saved for a look.
#   scripts/xdotool_documents.sh [SCREENSHOT.png]   (needs: xvfb xdotool; PYTHON, DISPLAY_NO)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
shot=${1:-}
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "xdotool_documents: $tool is missing" >&2; exit 2; }
done
work=$(mktemp -d /tmp/annotator-documents.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
display=${DISPLAY_NO:-99}
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

db="$work/project.sqlite3"
export ANNOTATOR_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" ANNOTATOR_NAME=xdotool
unset QT_QPA_PLATFORM
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

"$PYTHON" -m annotator --db "$db" >"$work/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 150); do
  kill -0 "$app_pid" 2>/dev/null || { echo "xdotool_documents: exited early" >&2; cat "$work/app.log" >&2; exit 1; }
  window=$(xdotool search --onlyvisible --name " — annotator" 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || { echo "xdotool_documents: no window appeared" >&2; exit 1; }
sleep 1
eval "$(xdotool getwindowgeometry --shell "$window")"
xdotool windowfocus --sync "$window" || true
xdotool mousemove --window "$window" $((WIDTH / 2)) $((HEIGHT / 2)) click 1
sleep 0.3
for _ in $(seq 205); do xdotool key ctrl+Next; done
sleep 0.5
xdotool key ctrl+Return
sleep 0.8
if [ -n "$shot" ]; then
  # The X screen as a person sees it, grabbed by a second Qt client of the same display.
  "$PYTHON" -c "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); \
ok = app.primaryScreen().grabWindow(0).save(sys.argv[1]); print('screenshot', sys.argv[1], ok)" "$shot"
fi
xdotool key ctrl+q
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
wait "$app_pid" || { echo "xdotool_documents: the program failed" >&2; cat "$work/app.log" >&2; exit 1; }
app_pid=""

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
