#!/usr/bin/env bash
# Events and date values with a real X server, keyboard and mouse, read back through the CLI:
#   1. Ctrl+I (Document > Properties), type the publication date 2024-10-28, Return;
#   2. a drag over "شهر أكتوبر", then 4: a DATE span valued 2024-10 (month), by the rules;
#   3. Escape, Ctrl+Home, Ctrl+Left, Ctrl+Shift+Left twice, 3: LOCATION "دير الزور";
#   4. Ctrl+Home, E: an event of the first sentence with "دير الزور" as its location;
#      Down (the type box has the keys): its type is the schema's second;
#   5. Ctrl+Z: the first type again; Ctrl+Z: no event.
#   scripts/xdotool_events.sh [DISPLAY_NUMBER]   (needs: xvfb xdotool; PYTHON defaults to python3)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d /tmp/annotator-xdotool-events.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
display=${1:-99}
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

db="$work/project.sqlite3"
export ANNOTATOR_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" ANNOTATOR_NAME=xdotool
unset QT_QPA_PLATFORM
"$PYTHON" -c "import sys; from annotator.store.db import open_database; open_database(sys.argv[1], seed_demo=True).close()" "$db"
mapfile -t points < <("$PYTHON" scripts/glyph_points.py --db "$db" "شهر أكتوبر@0:right" "شهر أكتوبر@9:left")
[ "${#points[@]}" = 2 ] || { echo "xdotool_events: cannot measure the article" >&2; exit 1; }

fail() { echo "xdotool_events: FAILED: $*" >&2; cat "$work/app.log" >&2; exit 1; }
# The first document as the CLI exports it: meta, spans with attrs, events with role texts.
state() {
  "$PYTHON" -m annotator --db "$db" export --format jsonl -o "$work/now.jsonl" >/dev/null
  "$PYTHON" -c '
import json, sys
doc = json.loads(open(sys.argv[1], encoding="utf-8").readline())
spans = {s["id"]: s for s in doc["spans"]}
print("meta", json.dumps(doc["meta"], ensure_ascii=False, sort_keys=True))
for s in doc["spans"]:
    print("span", s["label"], s["text"], json.dumps(s["attrs"], ensure_ascii=False, sort_keys=True))
for e in doc["events"]:
    roles = {r: [spans[i]["text"] for i in ids] for r, ids in e["roles"].items()}
    print("event", e["type"], json.dumps(roles, ensure_ascii=False, sort_keys=True))' "$work/now.jsonl"
}
expect() {  # expect LINE WHAT [absent]
  local now; now=$(state)
  if [ "${3:-}" = absent ]; then
    grep -qF "$1" <<<"$now" && fail "did not expect \"$1\" after $2; the database has: $now"
  else
    grep -qxF "$1" <<<"$now" || fail "expected \"$1\" after $2; the database has: $now"
  fi
  echo "xdotool_events: after $2: ${3:-has} $1"
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

xdotool key ctrl+i; sleep 0.8
xdotool type --delay 60 "2024-10-28"; sleep 0.2
xdotool key Return; sleep 0.8
expect 'meta {"published": "2024-10-28"}' "Ctrl+I, typing 2024-10-28, Return"

read -r x1 y1 <<<"${points[0]}"; read -r x2 y2 <<<"${points[1]}"
xdotool mousemove --window "$window" "$x1" "$y1" mousedown 1
xdotool mousemove --window "$window" $(( (x1 + x2) / 2 )) "$y2"
xdotool mousemove --window "$window" "$x2" "$y2" mouseup 1
sleep 0.3
xdotool key 4; sleep 0.8
expect 'span DATE شهر أكتوبر {"normalized_by": "auto", "precision": "month", "value": "2024-10"}' \
  "a drag over شهر أكتوبر and 4"

# Escape first: with a span selected, Ctrl+Shift+arrows would move its end instead.
xdotool key --delay 150 Escape ctrl+Home ctrl+Left ctrl+shift+Left ctrl+shift+Left 3; sleep 0.5
expect 'span LOCATION دير الزور {}' "Ctrl+Home, Ctrl+Left, Ctrl+Shift+Left twice, 3"

xdotool key --delay 150 Escape ctrl+Home e; sleep 0.8
expect 'event Air/drone strike {"location": ["دير الزور"]}' "Ctrl+Home, E"
xdotool key Down; sleep 0.8
expect 'event Shelling/artillery/missile attack {"location": ["دير الزور"]}' "Down in the type box"
xdotool key ctrl+z; sleep 0.8
expect 'event Air/drone strike {"location": ["دير الزور"]}' "Ctrl+Z"
xdotool key ctrl+z; sleep 0.8
expect 'event ' "Ctrl+Z again" absent

xdotool key ctrl+q
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && fail "the program did not quit on Ctrl+Q"
wait "$app_pid" || fail "the program failed"
app_pid=""
echo "xdotool_events: OK"
