#!/usr/bin/env bash
# The document list filtered and sorted in a real window under Xvfb: 30 articles, every third
# about Idlib ("إدلب"). Types "ادلب" (no hamza: the filter folds) into the list's filter box,
# clicks the "Document" column title twice (by name, last first), clicks the first row,
# presses Ctrl+Return twice (done and next, in the list's order), then Ctrl+Q. Reads the
# statuses back with `annotator export --status done`: exactly file-27 and file-24 must be
# done (the last two names among the Idlib articles). The screenshot is saved for a look.
#   scripts/xdotool_list_filter.sh [SCREENSHOT.png]   (needs: xvfb xdotool; PYTHON, DISPLAY_NO)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
shot=${1:-}
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "xdotool_list_filter: $tool is missing" >&2; exit 2; }
done
work=$(mktemp -d /tmp/annotator-list-filter.XXXXXX)
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
    Document(name=f"file-{i:02d}.txt",
             text=f"مقال رقم {i + 1}\nقصف الطيران مدينة {'إدلب' if i % 3 == 0 else 'حلب'} {i}.")
    for i in range(30)
])
repo.close()
PY

"$PYTHON" -m annotator --db "$db" >"$work/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 150); do
  kill -0 "$app_pid" 2>/dev/null || { echo "xdotool_list_filter: exited early" >&2; cat "$work/app.log" >&2; exit 1; }
  window=$(xdotool search --onlyvisible --name " — annotator" 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || { echo "xdotool_list_filter: no window appeared" >&2; exit 1; }
sleep 3
eval "$(xdotool getwindowgeometry --shell "$window")"
xdotool windowfocus --sync "$window" || true
xdotool mousemove --window "$window" $((WIDTH / 2)) $((HEIGHT / 2)) click 1
sleep 0.3
# Where the list's widgets are: sent by the window itself would need a test hook; the layout
# is fixed (filter box on top of the list pane, the table's header under the filter rows).
xdotool mousemove --window "$window" 120 34 click 1
sleep 0.2
xdotool type --delay 250 "ادلب"  # slowly: each Arabic key is a keymap change
sleep 2.5
xdotool mousemove --window "$window" 80 123 click 1
sleep 1.5
xdotool mousemove --window "$window" 80 123 click 1
sleep 1.5
xdotool mousemove --window "$window" 80 148 click 1
sleep 1.5
xdotool mousemove --window "$window" $((WIDTH / 2)) $((HEIGHT / 2)) click 1
sleep 0.2
xdotool key ctrl+Return
sleep 1.5
xdotool key ctrl+Return
sleep 0.8
if [ -n "$shot" ]; then
  # The X screen as a person sees it, grabbed by a second Qt client of the same display.
  "$PYTHON" -c "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); \
ok = app.primaryScreen().grabWindow(0).save(sys.argv[1]); print('screenshot', sys.argv[1], ok)" "$shot"
fi
xdotool key ctrl+q
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
wait "$app_pid" || { echo "xdotool_list_filter: the program failed" >&2; cat "$work/app.log" >&2; exit 1; }
app_pid=""

"$PYTHON" -m annotator --db "$db" export --format jsonl --status done -o "$work/done.jsonl" >/dev/null
"$PYTHON" - "$work/done.jsonl" <<'PY'
import json, sys
names = sorted(json.loads(line)["id"]  # the document's name
               for line in open(sys.argv[1], encoding="utf-8") if line.strip())
print("done in the database (annotator export --status done):", names)
if names != ["file-24.txt", "file-27.txt"]:
    sys.exit("xdotool_list_filter: FAILED: expected file-24 and file-27 done")
print("xdotool_list_filter: OK: filtered, sorted by name descending, next followed the list")
PY
