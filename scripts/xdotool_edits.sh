#!/usr/bin/env bash
# Edits land on the span the annotator chose, in a real X server (Xvfb + xdotool), keys only:
# on the second seed article, Ctrl+Home, Ctrl+Left x7, Ctrl+Shift+Left selects "القصف"; 1, 2, 4
# must relabel that one span (ACTOR, TARGET, DATE) and nothing else; Shift+Left then grows its
# end, Shift+Right shrinks it back; Delete removes it and a second Delete removes nothing.
# After each step the spans are read back from the database through the CLI (export).
#   scripts/xdotool_edits.sh   (needs: xvfb xdotool; PYTHON defaults to python3;
#                               XDOTOOL_DISPLAY=91 picks the display, else a free one;
#                               XDOTOOL_LANGUAGE=ar runs it in the Arabic, mirrored window:
#                               the same keys must do the same, and the title is Arabic)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "xdotool_edits: $tool is missing" >&2; exit 2; }
done

work=$(mktemp -d /tmp/annotator-xdotool-edits.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

display=${XDOTOOL_DISPLAY:-99}
if [ -z "${XDOTOOL_DISPLAY:-}" ]; then
  while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
fi
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

db="$work/project.sqlite3"
export ANNOTATOR_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" ANNOTATOR_NAME=xdotool
unset QT_QPA_PLATFORM
"$PYTHON" -c "import sys; from annotator.store.db import open_database; open_database(sys.argv[1], seed_demo=True).close()" "$db"
language=${XDOTOOL_LANGUAGE:-en}
# The interface language as View > Language leaves it in the settings.
mkdir -p "$XDG_CONFIG_HOME/annotator"
printf '[view]\nlanguage=%s\n' "$language" >"$XDG_CONFIG_HOME/annotator/annotator.conf"

# The spans of the second seed article as "start-end LABEL text; ...", read through the CLI.
spans() {
  "$PYTHON" -m annotator --db "$db" export --format jsonl -o "$work/out.jsonl" >/dev/null
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
  if [ "$got" != "$2" ]; then
    echo "xdotool_edits: FAILED after $1: expected [$2], the database has [$got]" >&2
    cat "$work/app.log" >&2
    exit 1
  fi
  echo "after $1: $got"
}

"$PYTHON" -m annotator --db "$db" >"$work/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 150); do
  kill -0 "$app_pid" 2>/dev/null || { echo "xdotool_edits: the program exited early" >&2; cat "$work/app.log" >&2; exit 1; }
  window=$(xdotool search --onlyvisible --name " — annotator" 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || { echo "xdotool_edits: no window appeared" >&2; exit 1; }
sleep 1
eval "$(xdotool getwindowgeometry --shell "$window")"
xdotool windowfocus --sync "$window" || true
xdotool mousemove --window "$window" $((WIDTH / 2)) $((HEIGHT / 2)) click 1
sleep 0.3
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
  [[ "$title" == *"(قيد التوسيم) — annotator" ]] || { echo "xdotool_edits: FAILED: not an Arabic title: $title" >&2; exit 1; }
else
  [[ "$title" == *"(in progress) — annotator" ]] || { echo "xdotool_edits: FAILED: not an English title: $title" >&2; exit 1; }
fi
echo "title: $title"
xdotool key 2; expect "2" "44-49 TARGET القصف; $n"
xdotool key 4; expect "4" "44-49 DATE القصف; $n"
xdotool key shift+Left; expect "Shift+Left" "44-51 DATE القصف ب; $n"
xdotool key ctrl+shift+Right; expect "Ctrl+Shift+Right" "44-49 DATE القصف; $n"
xdotool key Delete; expect "Delete" "$n"
xdotool key Delete; expect "a second Delete" "$n"
xdotool key ctrl+z; expect "Ctrl+Z" "44-49 DATE القصف; $n"
xdotool key ctrl+q
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
wait "$app_pid" || { echo "xdotool_edits: the program failed" >&2; cat "$work/app.log" >&2; exit 1; }
app_pid=""
echo "xdotool_edits: OK: relabel, resize and delete landed on the chosen span"
