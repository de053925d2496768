#!/usr/bin/env bash
# Suggestions in a real window under Xvfb, used as a person would, reading the database back
# through the CLI after each action:
#   1. a drag over the first "دير الزور" of the first seed and 3: a LOCATION span;
#   2. Ctrl+G proposes suggestions: the other "دير الزور" of the article become suggestions;
#   3. Ctrl+Home, Tab, A: the first suggestion is now the annotator's span;
#   4. Tab, X: the next one is rejected (gone, and remembered);
#   5. Ctrl+Z: the rejection is undone (the suggestion is back);
#   6. Ctrl+Shift+A: every suggestion is accepted, none is left;
#   7. Ctrl+Z: all of them are suggestions again (accept all is one undo step);
# then Ctrl+Q.
#   scripts/xdotool_suggestions.sh        (needs: xvfb xdotool; PYTHON defaults to python3;
#                                          DISPLAY_FROM: the first display number to try)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "xdotool_suggestions: $tool is missing" >&2; exit 2; }
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
display=${DISPLAY_FROM:-99}
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

db="$work/project.sqlite3"
export ANNOTATOR_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" ANNOTATOR_NAME=xdotool
unset QT_QPA_PLATFORM
"$PYTHON" -c "import sys; from annotator.store.db import open_database; open_database(sys.argv[1], seed_demo=True).close()" "$db"
mapfile -t points < <("$PYTHON" scripts/glyph_points.py --db "$db" "دير الزور@0:right" "دير الزور@8:left")
[ "${#points[@]}" = 2 ] || { echo "xdotool_suggestions: cannot measure the article" >&2; exit 1; }

fail() { echo "xdotool_suggestions: FAILED: $*" >&2; cat "$work/app.log" >&2; exit 1; }
# "ORIGIN LABEL TEXT" per span of the first document, suggestions included, reading order.
spans_now() {
  "$PYTHON" -m annotator --db "$db" export --format jsonl --include-suggestions \
    -o "$work/now.jsonl" >/dev/null
  "$PYTHON" -c '
import json, sys
first = json.loads(open(sys.argv[1], encoding="utf-8").readline())
for s in first["spans"]:
    print(s.get("origin", "manual"), s["label"], s["text"])' "$work/now.jsonl"
}
count() { spans_now | grep -cxF "$1" || true; }
expect() {  # what, expected count, after
  local n; n=$(count "$1")
  [ "$n" = "$2" ] || fail "expected $2 × \"$1\" after $3, found $n: $(spans_now)"
  echo "xdotool_suggestions: after $3: $2 × $1"
}

"$PYTHON" -m annotator --db "$db" >"$work/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 150); do
  kill -0 "$app_pid" 2>/dev/null || fail "the program exited early"
  window=$(xdotool search --onlyvisible --name " — annotator" 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || fail "no window appeared"
sleep 1
eval "$(xdotool getwindowgeometry --shell "$window")"
xdotool windowfocus --sync "$window" || true
xdotool mousemove --window "$window" $((WIDTH / 2)) $((HEIGHT / 2)) click 1
sleep 0.3

read -r x1 y1 <<<"${points[0]}"; read -r x2 y2 <<<"${points[1]}"
xdotool mousemove --window "$window" "$x1" "$y1" mousedown 1
xdotool mousemove --window "$window" $(( (x1 + x2) / 2 )) "$y2"
xdotool mousemove --window "$window" "$x2" "$y2" mouseup 1
sleep 0.3
xdotool key 3; sleep 0.5
expect "manual LOCATION دير الزور" 1 "a drag over دير الزور and 3"
xdotool key ctrl+g; sleep 1
suggested=$(count "suggested LOCATION دير الزور")
[ "$suggested" -ge 2 ] || fail "expected suggestions of دير الزور after Ctrl+G: $(spans_now)"
echo "xdotool_suggestions: after Ctrl+G: $suggested × suggested LOCATION دير الزور"
xdotool key --delay 200 ctrl+Home Tab a; sleep 0.5
expect "manual LOCATION دير الزور" 2 "Ctrl+Home, Tab, A"
expect "suggested LOCATION دير الزور" $((suggested - 1)) "Ctrl+Home, Tab, A"
xdotool key --delay 200 Tab x; sleep 0.5
expect "suggested LOCATION دير الزور" $((suggested - 2)) "Tab, X"
xdotool key ctrl+z; sleep 0.5
expect "suggested LOCATION دير الزور" $((suggested - 1)) "Ctrl+Z"
xdotool key ctrl+shift+a; sleep 1
expect "suggested LOCATION دير الزور" 0 "Ctrl+Shift+A"
expect "manual LOCATION دير الزور" $((suggested + 1)) "Ctrl+Shift+A"
# One undo step (one store transaction) gives every accepted suggestion back.
xdotool key ctrl+z; sleep 1
expect "suggested LOCATION دير الزور" $((suggested - 1)) "Ctrl+Z of Ctrl+Shift+A"
expect "manual LOCATION دير الزور" 2 "Ctrl+Z of Ctrl+Shift+A"
xdotool key ctrl+q
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && fail "the program did not quit on Ctrl+Q"
wait "$app_pid" || fail "the program failed"
app_pid=""
"$PYTHON" -m annotator --db "$db" stats >/dev/null
echo "xdotool_suggestions: OK"
