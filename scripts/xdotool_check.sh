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
XD_NAME=xdotool_check
source "$(dirname "$0")/xdotool_lib.sh"
xd_demo_project

# Where the words are drawn, measured on the same display by a window built the same way.
mapfile -t points < <("$PYTHON" scripts/glyph_points.py --db "$db" \
  "البوكمال@0:right" "البوكمال@7:left" "العمر النفطي@11:left" "حقل العمر@0:right" \
  "بالمدينة@4:centre")
[ "${#points[@]}" = 5 ] || { echo "xdotool_check: cannot measure the article" >&2; exit 1; }

# The spans of the database, read through the CLI: "LABEL TEXT" per line, in reading order.
spans_now() {
  xd_export "$work/now.jsonl"
  "$PYTHON" -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    for s in json.loads(line)["spans"]:
        print(s["label"], s["text"])' "$work/now.jsonl"
}
expect_span() {
  local now; now=$(spans_now)
  grep -qxF "$1" <<<"$now" || xd_fail "expected the span \"$1\" after $2; the database has: $now"
  echo "xdotool_check: after $2: $1"
}
xd_start_app
# Real key presses (XTEST) go to the focused window, as a person's would.
xdotool key --delay 150 ctrl+Home ctrl+shift+Left 1
sleep 0.5
first_word=$(spans_now)
[ "$(wc -l <<<"$first_word")" = 1 ] && [[ "$first_word" == ACTOR\ * ]] \
  || xd_fail "expected one ACTOR span after Ctrl+Shift+Left and 1; the database has: $first_word"
echo "xdotool_check: after Ctrl+Shift+Left, 1: $first_word"

# A plain drag, right to left (forward), from the و|ال boundary to the end of "والبوكمال".
read -r x1 y1 <<<"${points[0]}"; read -r x2 y2 <<<"${points[1]}"
xd_drag "$x1" "$y1" "$x2" "$y2"
xdotool key 3; sleep 0.5
expect_span "LOCATION البوكمال" "a drag over البوكمال inside والبوكمال and 3"
# A drag left to right (backward), from the end of "النفطي" to the boundary after "و".
read -r x1 y1 <<<"${points[2]}"; read -r x2 y2 <<<"${points[3]}"
xd_drag "$x1" "$y1" "$x2" "$y2"
xdotool key 2; sleep 0.5
expect_span "TARGET حقل العمر النفطي" "a drag back over حقل العمر النفطي and 2"
# A double-click on "بالمدينة": the word without its preposition.
read -r x1 y1 <<<"${points[4]}"
xdotool mousemove --window "$window" "$x1" "$y1" click --repeat 2 --delay 80 1
sleep 0.3
xdotool key 3; sleep 0.5
expect_span "LOCATION المدينة" "a double-click on بالمدينة and 3"
xd_quit_app

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
xd_export "$work/out.conll" --format conll
grep -A1 -xF "و O" "$work/out.conll" | grep -qxF "البوكمال B-LOCATION" \
  || { echo "xdotool_check: FAILED: the CoNLL export lacks و O / البوكمال B-LOCATION" >&2; exit 1; }
echo "xdotool_check: OK: CoNLL has و O / البوكمال B-LOCATION"

# The mouse tests that need a real X server (the X primary selection) on the same display.
QT_QPA_PLATFORM=xcb "$PYTHON" -m pytest -q -p no:cacheprovider tests/ui/test_mouse_selection.py \
  -k primary_selection -rs | tail -n 3
