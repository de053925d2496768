#!/usr/bin/env bash
# The window with a real X server, keyboard and mouse: under Xvfb, start the program on a
# temporary copy of the demo project, focus the article, Ctrl+Home, Ctrl+Shift+Left (forward in
# right-to-left text), press 1, quit with Ctrl+Q, then check in the database that the first
# word of the open article is an ACTOR span.
#   scripts/xdotool_check.sh            (needs: xvfb xdotool; PYTHON defaults to python3)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "xdotool_check: $tool is missing (apt-get install xvfb xdotool)" >&2; exit 2; }
done

work=$(mktemp -d /tmp/annotator-xdotool.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A free display number.
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

db="$work/project.sqlite3"
export ANNOTATOR_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" ANNOTATOR_NAME=xdotool
unset QT_QPA_PLATFORM
"$PYTHON" -c "import sys; from annotator.store.db import open_database; open_database(sys.argv[1], seed_demo=True).close()" "$db"

"$PYTHON" -m annotator --db "$db" >"$work/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 150); do
  kill -0 "$app_pid" 2>/dev/null || { echo "xdotool_check: the program exited early" >&2; cat "$work/app.log" >&2; exit 1; }
  window=$(xdotool search --onlyvisible --name " — annotator" 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || { echo "xdotool_check: no window appeared" >&2; cat "$work/app.log" >&2; exit 1; }
sleep 1
# Focus the article: click in the middle of the window (the article fills the centre).
eval "$(xdotool getwindowgeometry --shell "$window")"
xdotool windowfocus --sync "$window" || true
xdotool mousemove --window "$window" $((WIDTH / 2)) $((HEIGHT / 2)) click 1
sleep 0.3
# Real key presses (XTEST) go to the focused window, as a person's would.
xdotool key --delay 150 ctrl+Home ctrl+shift+Left 1
sleep 0.5
xdotool key ctrl+q
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then
  echo "xdotool_check: the program did not quit on Ctrl+Q" >&2; cat "$work/app.log" >&2; exit 1
fi
wait "$app_pid" || { echo "xdotool_check: the program failed" >&2; cat "$work/app.log" >&2; exit 1; }
app_pid=""

"$PYTHON" - "$db" <<'PY'
import sys
from annotator.store.db import open_database
repo = open_database(sys.argv[1])
spans = [(d.name, s) for d in repo.iter_documents(repo.default_project()) for s in d.spans]
ok = [
    (name, s) for name, s in spans
    if s.label == "ACTOR" and s.start == 0 and s.text == s.text.split()[0]
]
print("spans in the database:", [(n, s.label, s.start, s.end, s.text) for n, s in spans])
if len(spans) != 1 or not ok:
    sys.exit("xdotool_check: FAILED: expected exactly the first word as an ACTOR span")
print("xdotool_check: OK: the first word is an ACTOR span")
PY
