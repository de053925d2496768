#!/usr/bin/env bash
# Events and date values with a real X server, keyboard and mouse, read back through the CLI:
#   1. Ctrl+I (Document > Properties), type the publication date 2024-10-28, Return;
#   2. a drag over "شهر أكتوبر", then 4: a DATE span valued 2024-10 (month), by the rules;
#   3. Escape, Ctrl+Home, Ctrl+Left, Ctrl+Shift+Left twice, 3: LOCATION "دير الزور";
#   4. Ctrl+Home, E: an event of the first sentence with "دير الزور" as its location;
#      Down (the type box has the keys): its type is the schema's second;
#   5. Ctrl+Z: the first type again; Ctrl+Z: no event.
#   scripts/xdotool_events.sh   (needs: xvfb xdotool; PYTHON defaults to python3;
#                                XDOTOOL_DISPLAY=N picks the display, else Xvfb picks a free one)
XD_NAME=xdotool_events
source "$(dirname "$0")/xdotool_lib.sh"
xd_demo_project
mapfile -t points < <("$PYTHON" scripts/glyph_points.py --db "$db" "شهر أكتوبر@0:right" "شهر أكتوبر@9:left")
[ "${#points[@]}" = 2 ] || { echo "xdotool_events: cannot measure the article" >&2; exit 1; }

# The first document as the CLI exports it: meta, spans with attrs, events with role texts.
state() {
  xd_export "$work/now.jsonl"
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
    grep -qF "$1" <<<"$now" && xd_fail "did not expect \"$1\" after $2; the database has: $now"
  else
    grep -qxF "$1" <<<"$now" || xd_fail "expected \"$1\" after $2; the database has: $now"
  fi
  echo "xdotool_events: after $2: ${3:-has} $1"
}

xd_start_app

xdotool key ctrl+i
# The dialog's own keyboard: typed before it is up, the date would go to the article.
properties=$(xd_wait_window "^Document properties$")
xdotool windowfocus --sync "$properties" || true; sleep 0.3
xdotool type --delay 60 "2024-10-28"; sleep 0.2
xdotool key Return; sleep 0.8
expect 'meta {"published": "2024-10-28"}' "Ctrl+I, typing 2024-10-28, Return"

read -r x1 y1 <<<"${points[0]}"; read -r x2 y2 <<<"${points[1]}"
xd_drag "$x1" "$y1" "$x2" "$y2"
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

xd_quit_app
echo "xdotool_events: OK"
