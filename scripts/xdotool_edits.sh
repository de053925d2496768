#!/usr/bin/env bash
# Edits land on the span the annotator chose, in a real X server (Xvfb + xdotool), keys only:
# on the second seed article, Ctrl+Home, Ctrl+Left x7, Ctrl+Shift+Left selects "القصف"; 1, 2, 4
# must relabel that one span (ACTOR, TARGET, DATE) and nothing else; Shift+Left then grows its
# end, Shift+Right shrinks it back; Delete removes it and a second Delete removes nothing.
# After each step the spans are read back from the database through the CLI (export).
#   scripts/xdotool_edits.sh   (needs: xvfb xdotool; PYTHON defaults to python3;
#                               XDOTOOL_DISPLAY=91 picks the display, else Xvfb picks a free one;
#                               XDOTOOL_LANGUAGE=ar runs it in the Arabic, mirrored window:
#                               the same keys must do the same, and the title is Arabic)
XD_NAME=xdotool_edits
source "$(dirname "$0")/xdotool_lib.sh"
xd_demo_project
language=${XDOTOOL_LANGUAGE:-en}
xd_language "$language"

# The spans of the second seed article as "start-end LABEL text; ...", read through the CLI.
spans() {
  xd_export "$work/out.jsonl"
  "$PYTHON" - "$work/out.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    doc = json.loads(line)
    if doc["id"].startswith("001_"):
        print("; ".join(f"{s['start']}-{s['end']} {s['label']} {s['text']}" for s in doc["spans"]))
PY
}
expect() {  # expect STEP WANTED: the spans after STEP must be exactly WANTED
  sleep 0.6
  local got; got=$(spans)
  [ "$got" = "$2" ] || xd_fail "after $1: expected [$2], the database has [$got]"
  echo "after $1: $got"
}

xd_start_app
xdotool key --delay 150 ctrl+Next
sleep 0.5
# The neighbour first: "قوات التحالف" (words 10 and 11) as ACTOR.
xdotool key --delay 120 ctrl+Home ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left \
  ctrl+Left ctrl+Left ctrl+Left ctrl+shift+Left ctrl+shift+Left 1
n="54-66 ACTOR قوات التحالف"
expect "labeling the neighbour" "$n"
xdotool key Escape
xdotool key --delay 120 ctrl+Home ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left \
  ctrl+Left ctrl+shift+Left
xdotool key 1; expect "1" "44-49 ACTOR القصف; $n"
title=$(xdotool getwindowname "$window")
if [ "$language" = ar ]; then
  [[ "$title" == *"(قيد التوسيم) — annotator" ]] || xd_fail "not an Arabic title: $title"
else
  [[ "$title" == *"(in progress) — annotator" ]] || xd_fail "not an English title: $title"
fi
echo "title: $title"
xdotool key 2; expect "2" "44-49 TARGET القصف; $n"
xdotool key 4; expect "4" "44-49 DATE القصف; $n"
xdotool key shift+Left; expect "Shift+Left" "44-51 DATE القصف ب; $n"
xdotool key ctrl+shift+Right; expect "Ctrl+Shift+Right" "44-49 DATE القصف; $n"
xdotool key Delete; expect "Delete" "$n"
xdotool key Delete; expect "a second Delete" "$n"
xdotool key ctrl+z; expect "Ctrl+Z" "44-49 DATE القصف; $n"
xd_quit_app
echo "xdotool_edits: OK: relabel, resize and delete landed on the chosen span"
