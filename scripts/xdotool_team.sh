#!/usr/bin/env bash
# Team work in a real X server (Xvfb + xdotool), keys only, reading the spans back through the
# CLI after each step:
#   1. first start with no name remembered: the name question comes up; type "amal", Enter;
#      label the first word with 1: the export of annotator amal has one ACTOR span;
#   2. File > Switch annotator (Alt+F, A), type "badr", Enter; label the first word with 2:
#      badr's export has one TARGET span and amal's still has her ACTOR span;
#   3. View > Show others' spans (Alt+V, O): a screenshot of the window with amal's span
#      overlaid is saved (OUT, default /tmp/annotator-team.png) to look at;
#   4. quit with Ctrl+Q, start again: no question this time (the name is remembered), and
#      the label key stores under badr;
#   5. each of them built an event on their span of the first word (stored from outside, as
#      another window would); Document > Curate (Alt+D, C) shows both sides; Down, Space keeps
#      badr's TARGET, Tab goes to the events, Down, Space keeps badr's event, Enter saves: the
#      export of annotator "curation" has that span and that event (a screenshot of the view
#      is saved next to OUT, as OUT-curation.png).
#   scripts/xdotool_team.sh [OUT.png]     (needs: xvfb xdotool; PYTHON defaults to python3)
XD_NAME=xdotool_team
source "$(dirname "$0")/xdotool_lib.sh"
shot=${1:-/tmp/annotator-team.png}
# No ANNOTATOR_NAME: the window asks on its first start (fresh settings folder).
unset ANNOTATOR_NAME
xd_demo_project

spans_of() {  # "LABEL TEXT" per line, the spans of annotator $1
  xd_export "$work/now.jsonl" --format jsonl --annotator "$1"
  "$PYTHON" -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    for s in json.loads(line)["spans"]:
        print(s["label"], s["text"])' "$work/now.jsonl"
}
focus_article() {
  eval "$(xdotool getwindowgeometry --shell "$window")"
  xdotool windowfocus --sync "$window" || true
  xdotool mousemove --window "$window" $((WIDTH / 2)) $((HEIGHT / 2)) click 1
  sleep 0.3
}

"$PYTHON" -m annotator --db "$db" >"$work/app.log" 2>&1 &
app_pid=$!
ask=$(xd_wait_window "Who is annotating")
xdotool windowfocus --sync "$ask" || true
xdotool key --delay 80 ctrl+a && xdotool type --delay 60 "amal" && xdotool key Return
window=$(xd_wait_window " — annotator")
sleep 1
focus_article
xdotool key --delay 150 ctrl+Home ctrl+shift+Left 1
sleep 0.6
now=$(spans_of amal)
[ "$(wc -l <<<"$now")" = 1 ] && [[ "$now" == ACTOR\ * ]] || xd_fail "amal's spans: $now"
echo "xdotool_team: amal labeled: $now"

xdotool key --delay 200 alt+f a
switch=$(xd_wait_window "Switch annotator")
xdotool windowfocus --sync "$switch" || true
xdotool key --delay 80 ctrl+a && xdotool type --delay 60 "badr" && xdotool key Return
sleep 0.6
focus_article
xdotool key --delay 150 ctrl+Home ctrl+shift+Left 2
sleep 0.6
now=$(spans_of badr)
[ "$(wc -l <<<"$now")" = 1 ] && [[ "$now" == TARGET\ * ]] || xd_fail "badr's spans: $now"
[[ "$(spans_of amal)" == ACTOR\ * ]] || xd_fail "amal's span changed: $(spans_of amal)"
echo "xdotool_team: after switching, badr labeled: $now (amal's ACTOR kept)"

xdotool key --delay 200 alt+v o
sleep 0.8
"$PYTHON" scripts/grab_display.py "$shot" || xd_fail "no screenshot"
echo "xdotool_team: screenshot with amal's span overlaid: $shot"

xd_quit_app

# Second start: the name is remembered, nothing is asked.
"$PYTHON" -m annotator --db "$db" >"$work/app.log" 2>&1 &
app_pid=$!
window=$(xd_wait_window " — annotator")
if xdotool search --onlyvisible --name "Who is annotating" >/dev/null 2>&1; then
  xd_fail "the name was asked again"
fi
sleep 1
focus_article
# The second word this time: Ctrl+Shift+Left twice selects two words, 3 labels them.
xdotool key --delay 150 ctrl+End ctrl+Home ctrl+shift+Left ctrl+shift+Left 3
sleep 0.6
now=$(spans_of badr)
[ "$(wc -l <<<"$now")" = 2 ] && grep -q '^LOCATION ' <<<"$now" || xd_fail "badr after restart: $now"
echo "xdotool_team: after a restart, still badr: $(tr '\n' ';' <<<"$now")"

"$PYTHON" - "$db" <<'PY'
import sys
from annotator.core.model import Event
from annotator.store.db import open_database
repo = open_database(sys.argv[1])
doc = repo.list_documents(repo.default_project())[0]
for who in ("amal", "badr"):
    spans = repo.get_document(doc.id, annotator=who).spans
    first = min(spans, key=lambda s: (s.start, s.end))
    repo.add_event(doc.id, Event(type="Attack"), {first.label.lower(): [first.id or 0]})
repo.close()
PY
sleep 0.5
focus_article
xdotool key --delay 200 alt+d c
curation=$(xd_wait_window "Curation")
xdotool windowfocus --sync "$curation" || true
sleep 0.5
"$PYTHON" scripts/grab_display.py "${shot%.png}-curation.png" || xd_fail "no screenshot"
xdotool key --delay 200 Down space Tab Down space Return
sleep 0.8
first_word=$(spans_of amal | cut -d' ' -f2-)
now=$(spans_of curation)  # leaves the curation's export in $work/now.jsonl
[ "$now" = "TARGET $first_word" ] || xd_fail "the curated spans: $now"
events=$("$PYTHON" -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    by_id = {s["id"]: s for s in r["spans"]}
    for e in r.get("events", []):
        print(e["type"], *(k + "=" + by_id[i]["label"] for k, v in e["roles"].items() for i in v))
' "$work/now.jsonl")
[ "$events" = "Attack target=TARGET" ] || xd_fail "the curated events: $events"
echo "xdotool_team: curated by keys: $now; event: $events"
focus_article  # the dialog is gone; without a window manager nothing else takes the keys
xd_quit_app
echo "xdotool_team: OK"
