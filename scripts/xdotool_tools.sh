#!/usr/bin/env bash
# The window's project tools with a real X server and keyboard: under Xvfb, start the program
# on a temporary copy of the demo project and, reading the database through the CLI after each
# step:
#   1. Ctrl+Shift+F, type هدد, Return: the corpus search lists the two obfuscated هــ.دد of
#      seed 003; Tab to the results, Down Down Return opens the second at its offsets; 1 labels
#      it ACTOR (1107-1113);
#   2. Ctrl+Shift+L, Return: "label all occurrences" puts ACTOR on the other one (7-13);
#   3. Ctrl+Z: one undo takes it back, the first span stays;
#   4. Ctrl+Shift+I, Space (Add files...), type a bad JSONL file's path, Return, Return (Import):
#      nothing is stored; with the file corrected and GPE=LOCATION typed in the form, Return:
#      one document more;
# then quit with Ctrl+Q.
#   scripts/xdotool_tools.sh            (needs: xvfb xdotool; PYTHON defaults to python3)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "xdotool_tools: $tool is missing (apt-get install xvfb xdotool)" >&2; exit 2; }
done

work=$(mktemp -d /tmp/annotator-xdotool-tools.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

display=${XDOTOOL_DISPLAY:-99}
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

db="$work/project.sqlite3"
export ANNOTATOR_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" ANNOTATOR_NAME=xdotool
unset QT_QPA_PLATFORM
"$PYTHON" -c "import sys; from annotator.store.db import open_database; open_database(sys.argv[1], seed_demo=True).close()" "$db"

fail() {
  echo "xdotool_tools: FAILED: $*" >&2; cat "$work/app.log" >&2
  [ -n "${XDOTOOL_SHOT:-}" ] && "$PYTHON" scripts/grab_display.py "$XDOTOOL_SHOT" >/dev/null 2>&1
  exit 1
}
# The spans of the database through the CLI: "LABEL START END" per line.
spans_now() {
  "$PYTHON" -m annotator --db "$db" export --format jsonl -o "$work/now.jsonl" >/dev/null
  "$PYTHON" -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    for s in json.loads(line)["spans"]:
        print(s["label"], s["start"], s["end"])' "$work/now.jsonl"
}
expect_spans() {
  local now; now=$(spans_now | sort | tr '\n' ';')
  [ "$now" = "$1" ] || fail "after $2 expected \"$1\"; the database has \"$now\""
  echo "xdotool_tools: after $2: $now"
}
documents_now() {
  "$PYTHON" -m annotator --db "$db" stats --json | "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["documents"])'
}
refocus() { xdotool windowfocus --sync "$window" 2>/dev/null || true; sleep 0.3; }

"$PYTHON" -m annotator --db "$db" >"$work/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 150); do
  kill -0 "$app_pid" 2>/dev/null || { echo "xdotool_tools: the program exited early" >&2; cat "$work/app.log" >&2; exit 1; }
  window=$(xdotool search --onlyvisible --name " — annotator" 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || { echo "xdotool_tools: no window appeared" >&2; cat "$work/app.log" >&2; exit 1; }
sleep 1
eval "$(xdotool getwindowgeometry --shell "$window")"
refocus
xdotool mousemove --window "$window" $((WIDTH / 2)) $((HEIGHT / 3)) click 1
sleep 0.3

# 1. Corpus search, open the second hit, label it.
xdotool key ctrl+shift+f; sleep 0.5
xdotool type --delay 100 "هدد"; xdotool key Return; sleep 1
xdotool key --delay 200 Tab Tab Down Down Return; sleep 1
xdotool key 1; sleep 0.8
expect_spans "ACTOR 1107 1113;" "the second corpus-search hit opened and 1"
# 2. Label all occurrences (this document), applied with Return.
xdotool key ctrl+shift+l; sleep 1
xdotool key Return; sleep 1
expect_spans "ACTOR 1107 1113;ACTOR 7 13;" "Ctrl+Shift+L and Return"
# 3. One undo.
refocus
xdotool key ctrl+z; sleep 0.8
expect_spans "ACTOR 1107 1113;" "Ctrl+Z"

# 4. Import: a refused file changes nothing, a good one adds a document.
printf '%s\n%s\n' '{"text": "قصف الطيران مدينة حلب", "spans": [{"start": 18, "end": 21, "label": "GPE"}]}' '{broken' >"$work/bad.jsonl"
before=$(documents_now)
refocus
xdotool key ctrl+shift+i; sleep 1
# Without a window manager a new window does not take the keyboard: give it, as a click would.
dialog=$(xdotool search --onlyvisible --name "^Import documents$" | head -n 1)
[ -n "$dialog" ] || fail "Ctrl+Shift+I opened no import dialog"
xdotool windowfocus --sync "$dialog" || true; sleep 0.3
xdotool key space; sleep 1.5
xdotool type --delay 20 "$work/bad.jsonl"; xdotool key Return; sleep 0.8
xdotool key Return; sleep 8
[ "$(documents_now)" = "$before" ] || fail "a refused import stored something"
echo "xdotool_tools: a refused import: still $before documents"
# The file corrected outside (the broken line gone, the label renamed in the form): Return again.
printf '%s\n' '{"text": "قصف الطيران مدينة حلب", "spans": [{"start": 18, "end": 21, "label": "GPE"}]}' >"$work/bad.jsonl"
# From Add files... (it keeps the focus): Add folder..., Clear, the format, the label map.
xdotool key --delay 150 Tab Tab Tab Tab; xdotool type --delay 40 "GPE=LOCATION"
xdotool key Return; sleep 8
[ "$(documents_now)" = "$((before + 1))" ] || fail "a good import did not add its document ($(documents_now) documents)"
echo "xdotool_tools: a good import: $((before + 1)) documents"

refocus
xdotool key ctrl+q
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && fail "the program did not quit on Ctrl+Q"
wait "$app_pid" || fail "the program failed"
app_pid=""
echo "xdotool_tools: OK"
