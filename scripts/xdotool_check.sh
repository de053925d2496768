#!/usr/bin/env bash
# The window with a real X server, keyboard and mouse: under Xvfb, start the program on a
# temporary copy of the demo project and use it as a person would, reading the spans back
# through the CLI (an export) after each action:
#   1. focus the article, Ctrl+Home, Ctrl+Shift+Left (forward in right-to-left text), press 1:
#      the first word is an ACTOR span;
#   2. a plain mouse drag from the boundary between و and ال in "والبوكمال" to the word's far
#      end, then 3: LOCATION on exactly "البوكمال" (clitic-aware snapping), and the CoNLL export
#      has "و O" / "البوكمال B-LOCATION";
#   3. a drag the other way, from the end of "النفطي" back to the boundary after the و of
#      "وحقل", then 2: TARGET on "حقل العمر النفطي";
#   4. a double-click on "بالمدينة", then 3: LOCATION on "المدينة" (the particle left out);
# then quit with Ctrl+Q. Last, the mouse tests that need an X server (the primary selection)
# run under the same display.
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

# Where the words are drawn, measured on the same display by a window built the same way.
mapfile -t points < <("$PYTHON" scripts/glyph_points.py --db "$db" \
  "البوكمال@0:right" "البوكمال@7:left" "العمر النفطي@11:left" "حقل العمر@0:right" \
  "بالمدينة@4:centre")
[ "${#points[@]}" = 5 ] || { echo "xdotool_check: cannot measure the article" >&2; exit 1; }

fail() { echo "xdotool_check: FAILED: $*" >&2; cat "$work/app.log" >&2; exit 1; }
# The spans of the database, read through the CLI: "LABEL TEXT" per line, in reading order.
spans_now() {
  "$PYTHON" -m annotator --db "$db" export --format jsonl -o "$work/now.jsonl" >/dev/null
  "$PYTHON" -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    for s in json.loads(line)["spans"]:
        print(s["label"], s["text"])' "$work/now.jsonl"
}
expect_span() {
  local now; now=$(spans_now)
  grep -qxF "$1" <<<"$now" || fail "expected the span \"$1\" after $2; the database has: $now"
  echo "xdotool_check: after $2: $1"
}
drag() {  # x1 y1 x2 y2 in window coordinates
  xdotool mousemove --window "$window" "$1" "$2" mousedown 1
  xdotool mousemove --window "$window" $(( ($1 + $3) / 2 )) "$4"
  xdotool mousemove --window "$window" "$3" "$4" mouseup 1
  sleep 0.3
}

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
first_word=$(spans_now)
[ "$(wc -l <<<"$first_word")" = 1 ] && [[ "$first_word" == ACTOR\ * ]] \
  || fail "expected one ACTOR span after Ctrl+Shift+Left and 1; the database has: $first_word"
echo "xdotool_check: after Ctrl+Shift+Left, 1: $first_word"

# A plain drag, right to left (forward), from the و|ال boundary to the end of "والبوكمال".
read -r x1 y1 <<<"${points[0]}"; read -r x2 y2 <<<"${points[1]}"
drag "$x1" "$y1" "$x2" "$y2"
xdotool key 3; sleep 0.5
expect_span "LOCATION البوكمال" "a drag over البوكمال inside والبوكمال and 3"
# A drag left to right (backward), from the end of "النفطي" to the boundary after "و".
read -r x1 y1 <<<"${points[2]}"; read -r x2 y2 <<<"${points[3]}"
drag "$x1" "$y1" "$x2" "$y2"
xdotool key 2; sleep 0.5
expect_span "TARGET حقل العمر النفطي" "a drag back over حقل العمر النفطي and 2"
# A double-click on "بالمدينة": the word without its preposition.
read -r x1 y1 <<<"${points[4]}"
xdotool mousemove --window "$window" "$x1" "$y1" click --repeat 2 --delay 80 1
sleep 0.3
xdotool key 3; sleep 0.5
expect_span "LOCATION المدينة" "a double-click on بالمدينة and 3"
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
print("spans in the database:", [(n, s.label, s.start, s.end, s.text) for n, s in spans])
text = next(d.text for d in repo.iter_documents(repo.default_project()) if d.spans)
first = [s for _, s in spans if s.label == "ACTOR" and s.start == 0]
if len(first) != 1 or first[0].text != text.split()[0]:
    sys.exit("xdotool_check: FAILED: expected the first word as an ACTOR span")
place = [s for _, s in spans if s.label == "LOCATION" and s.text == "البوكمال"]
if len(place) != 1 or text[place[0].start - 1] != "و":
    sys.exit("xdotool_check: FAILED: expected LOCATION on exactly البوكمال inside والبوكمال")
if len(spans) != 4:
    sys.exit("xdotool_check: FAILED: expected exactly four spans")
print("xdotool_check: OK: ACTOR on the first word, LOCATION on exactly البوكمال, "
      "TARGET حقل العمر النفطي, LOCATION المدينة")
PY
"$PYTHON" -m annotator --db "$db" export --format conll -o "$work/out.conll" >/dev/null
grep -A1 -xF "و O" "$work/out.conll" | grep -qxF "البوكمال B-LOCATION" \
  || { echo "xdotool_check: FAILED: the CoNLL export lacks و O / البوكمال B-LOCATION" >&2; exit 1; }
echo "xdotool_check: OK: CoNLL has و O / البوكمال B-LOCATION"

# The mouse tests that need a real X server (the X primary selection) on the same display.
QT_QPA_PLATFORM=xcb "$PYTHON" -m pytest -q -p no:cacheprovider tests/ui/test_mouse_selection.py \
  -k primary_selection -rs | tail -n 3
