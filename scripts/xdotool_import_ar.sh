#!/usr/bin/env bash
# The Arabic window with a real X server: under Xvfb, start the program in Arabic on a temporary
# copy of the demo project, open File > Import with Ctrl+Shift+I, choose a file with bad records
# through the file chooser (typed, as a person would), press Return: nothing is stored (the
# document count read through the CLI is unchanged) and the dialog's problem list is Arabic (its
# text is read back by the program's accessibility-free route: a PNG of the display for a person
# to look at). Then rename the unknown label in the form (GPE=LOCATION) after the broken line is
# gone: the import goes in (one more document).
#   PYTHON=.venv/bin/python scripts/xdotool_import_ar.sh [out.png]   (needs: xvfb xdotool)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
shot=${1:-}
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "xdotool_import_ar: $tool is missing" >&2; exit 2; }
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

display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

db="$work/project.sqlite3"
export ANNOTATOR_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" ANNOTATOR_NAME=xdotool
export ANNOTATOR_CACHE_DIR="$work/cache"
unset QT_QPA_PLATFORM
mkdir -p "$work/config/annotator"
printf '[view]\nlanguage=ar\n' >"$work/config/annotator/annotator.conf"
"$PYTHON" -c "import sys; from annotator.store.db import open_database; open_database(sys.argv[1], seed_demo=True).close()" "$db"

fail() { echo "xdotool_import_ar: FAILED: $*" >&2; cat "$work/app.log" >&2; exit 1; }
documents_now() {
  "$PYTHON" -m annotator --db "$db" stats --json | "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["documents"])'
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
[ -n "$window" ] || fail "no window"
sleep 1.5
xdotool windowfocus --sync "$window" 2>/dev/null || true; sleep 0.3

printf '%s\n%s\n' '{"text": "قصف الطيران مدينة حلب", "spans": [{"start": 18, "end": 21, "label": "GPE"}]}' '{broken' >"$work/bad.jsonl"
before=$(documents_now)
xdotool key ctrl+shift+i; sleep 1
dialog=$(xdotool search --onlyvisible --name "^استيراد مستندات$" | head -n 1)
[ -n "$dialog" ] || fail "Ctrl+Shift+I opened no import dialog (in Arabic)"
xdotool windowfocus --sync "$dialog" || true; sleep 0.3
xdotool key space; sleep 1.5
xdotool type --delay 20 "$work/bad.jsonl"; xdotool key Return; sleep 0.8
xdotool key Return; sleep 8
[ "$(documents_now)" = "$before" ] || fail "a refused import stored something"
echo "xdotool_import_ar: a refused import: still $before documents"
[ -n "$shot" ] && "$PYTHON" scripts/grab_display.py "$shot" && echo "xdotool_import_ar: wrote $shot"

printf '%s\n' '{"text": "قصف الطيران مدينة حلب", "spans": [{"start": 18, "end": 21, "label": "GPE"}]}' >"$work/bad.jsonl"
xdotool key --delay 150 Tab Tab Tab Tab; xdotool type --delay 40 "GPE=LOCATION"
xdotool key Return; sleep 8
[ "$(documents_now)" = "$((before + 1))" ] || fail "a good import did not add its document ($(documents_now) documents)"
echo "xdotool_import_ar: a good import: $((before + 1)) documents"

xdotool windowfocus --sync "$window" 2>/dev/null || true; sleep 0.3
xdotool key ctrl+q
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && fail "the program did not quit on Ctrl+Q"
wait "$app_pid" || fail "the program failed"
app_pid=""
echo "xdotool_import_ar: OK"
