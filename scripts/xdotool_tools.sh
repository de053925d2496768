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
XD_NAME=xdotool_tools
source "$(dirname "$0")/xdotool_lib.sh"
xd_demo_project

# On a failure, the screen as it was (XDOTOOL_SHOT=/tmp/tools.png).
xd_on_fail() {
  [ -n "${XDOTOOL_SHOT:-}" ] && "$PYTHON" scripts/grab_display.py "$XDOTOOL_SHOT" >/dev/null 2>&1
}
# The spans of the database through the CLI: "LABEL START END" per line.
spans_now() {
  xd_export "$work/now.jsonl"
  "$PYTHON" -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    for s in json.loads(line)["spans"]:
        print(s["label"], s["start"], s["end"])' "$work/now.jsonl"
}
expect_spans() {
  local now; now=$(spans_now | sort | tr '\n' ';')
  [ "$now" = "$1" ] || xd_fail "after $2 expected \"$1\"; the database has \"$now\""
  echo "xdotool_tools: after $2: $now"
}
documents_now() {
  "$PYTHON" -m annotator --db "$db" stats --json | "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["documents"])'
}
refocus() { xdotool windowfocus --sync "$window" 2>/dev/null || true; sleep 0.3; }

xd_open_app
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
dialog=$(xd_wait_window "^Import documents$" "Ctrl+Shift+I opened no import dialog")
xdotool windowfocus --sync "$dialog" || true; sleep 0.3
xdotool key space; sleep 1.5
xdotool type --delay 20 "$work/bad.jsonl"; xdotool key Return; sleep 0.8
xdotool key Return; sleep 8
[ "$(documents_now)" = "$before" ] || xd_fail "a refused import stored something"
echo "xdotool_tools: a refused import: still $before documents"
# The file corrected outside (the broken line gone, the label renamed in the form): Return again.
printf '%s\n' '{"text": "قصف الطيران مدينة حلب", "spans": [{"start": 18, "end": 21, "label": "GPE"}]}' >"$work/bad.jsonl"
# From Add files... (it keeps the focus): Add folder..., Clear, the format, the label map.
xdotool key --delay 150 Tab Tab Tab Tab; xdotool type --delay 40 "GPE=LOCATION"
xdotool key Return; sleep 8
[ "$(documents_now)" = "$((before + 1))" ] || xd_fail "a good import did not add its document ($(documents_now) documents)"
echo "xdotool_tools: a good import: $((before + 1)) documents"

refocus
xd_quit_app
echo "xdotool_tools: OK"
