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
#   8. a click in the document list's empty part, A: nothing accepted (the list's key);
#   9. from there, Suggestions menu (Alt+S) > Go to the previous suggestion, then
#      Suggestions > Accept: one more suggestion is the annotator's span (a screenshot of the
#      open menu, its items enabled, is saved to OUT, default /tmp/annotator-suggestions.png);
#      A in the list again: nothing;
#  10. F6 (from the list, the next pane: the article), Tab, A: one more suggestion accepted;
#      Shift+F6 (back to the list), A: nothing;
# then Ctrl+Q.
#   scripts/xdotool_suggestions.sh [OUT.png]  (needs: xvfb xdotool; PYTHON defaults to python3;
#                                          XDOTOOL_DISPLAY=N picks the display, else a free one)
XD_NAME=xdotool_suggestions
source "$(dirname "$0")/xdotool_lib.sh"
shot=${1:-/tmp/annotator-suggestions.png}
xd_demo_project
mapfile -t points < <("$PYTHON" scripts/glyph_points.py --db "$db" "دير الزور@0:right" "دير الزور@8:left")
[ "${#points[@]}" = 2 ] || { echo "xdotool_suggestions: cannot measure the article" >&2; exit 1; }

# "ORIGIN LABEL TEXT" per span of the first document, suggestions included, reading order.
spans_now() {
  xd_export "$work/now.jsonl" --format jsonl --include-suggestions
  "$PYTHON" -c '
import json, sys
first = json.loads(open(sys.argv[1], encoding="utf-8").readline())
for s in first["spans"]:
    print(s.get("origin", "manual"), s["label"], s["text"])' "$work/now.jsonl"
}
count() { spans_now | grep -cxF "$1" || true; }
expect() {  # what, expected count, after
  local n; n=$(count "$1")
  [ "$n" = "$2" ] || xd_fail "expected $2 × \"$1\" after $3, found $n: $(spans_now)"
  echo "xdotool_suggestions: after $3: $2 × $1"
}

xd_start_app

read -r x1 y1 <<<"${points[0]}"; read -r x2 y2 <<<"${points[1]}"
xd_drag "$x1" "$y1" "$x2" "$y2"
xdotool key 3; sleep 0.5
expect "manual LOCATION دير الزور" 1 "a drag over دير الزور and 3"
xdotool key ctrl+g; sleep 1
suggested=$(count "suggested LOCATION دير الزور")
[ "$suggested" -ge 2 ] || xd_fail "expected suggestions of دير الزور after Ctrl+G: $(spans_now)"
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
# The list's empty part, below its five rows (left pane): it takes the keyboard.
xdotool mousemove --window "$window" $((WIDTH / 10)) $((HEIGHT * 5 / 8)) click 1; sleep 0.3
xdotool key a; sleep 0.5
expect "suggested LOCATION دير الزور" $((suggested - 1)) "a click in the document list, A"
# The menu acts on the open article wherever the focus is: its fourth item jumps to the
# suggestion before the caret (the last of the article's here), its first accepts it.
xdotool key --delay 250 alt+s Down Down Down Return; sleep 0.5
xdotool key alt+s; sleep 0.5
"$PYTHON" scripts/grab_display.py "$shot" || xd_fail "no screenshot"
xdotool key Return; sleep 0.5
expect "manual LOCATION دير الزور" 3 "Suggestions > previous, Suggestions > Accept (from the list)"
expect "suggested LOCATION دير الزور" $((suggested - 2)) "Suggestions > Accept (from the list)"
xdotool key a; sleep 0.5
expect "suggested LOCATION دير الزور" $((suggested - 2)) "the menu closed, A in the list"
xdotool key --delay 250 F6 Tab a; sleep 0.5
expect "suggested LOCATION دير الزور" $((suggested - 3)) "F6 (to the article), Tab, A"
xdotool key --delay 250 shift+F6 a; sleep 0.5
expect "suggested LOCATION دير الزور" $((suggested - 3)) "Shift+F6 (to the list), A"
xd_quit_app
"$PYTHON" -m annotator --db "$db" stats >/dev/null
echo "xdotool_suggestions: OK"
