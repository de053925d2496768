#!/usr/bin/env bash
# The Arabic window with a real X server: under Xvfb, start the program in Arabic on a temporary
# copy of the demo project, open File > Import with Ctrl+Shift+I, choose a file with bad records
# through the file chooser (typed, as a person would), press Return: nothing is stored (the
# document count read through the CLI is unchanged) and the dialog's problem list is Arabic (its
# text is read back by the program's accessibility-free route: a PNG of the display for a person
# to look at). Then rename the unknown label in the form (GPE=LOCATION) after the broken line is
# gone: the import goes in (one more document).
#   PYTHON=.venv/bin/python scripts/xdotool_import_ar.sh [out.png]   (needs: xvfb xdotool)
XD_NAME=xdotool_import_ar
source "$(dirname "$0")/xdotool_lib.sh"
shot=${1:-}
export ANNOTATOR_CACHE_DIR="$work/cache"
mkdir -p "$work/config/annotator"
printf '[view]\nlanguage=ar\n' >"$work/config/annotator/annotator.conf"
xd_demo_project

documents_now() {
  "$PYTHON" -m annotator --db "$db" stats --json | "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["documents"])'
}

xd_open_app
sleep 0.5
xdotool windowfocus --sync "$window" 2>/dev/null || true; sleep 0.3

printf '%s\n%s\n' '{"text": "قصف الطيران مدينة حلب", "spans": [{"start": 18, "end": 21, "label": "GPE"}]}' '{broken' >"$work/bad.jsonl"
before=$(documents_now)
xdotool key ctrl+shift+i; sleep 1
dialog=$(xd_wait_window "^استيراد مستندات$" "Ctrl+Shift+I opened no import dialog (in Arabic)")
xdotool windowfocus --sync "$dialog" || true; sleep 0.3
xdotool key space; sleep 1.5
xdotool type --delay 20 "$work/bad.jsonl"; xdotool key Return; sleep 0.8
xdotool key Return; sleep 8
[ "$(documents_now)" = "$before" ] || xd_fail "a refused import stored something"
echo "xdotool_import_ar: a refused import: still $before documents"
[ -n "$shot" ] && "$PYTHON" scripts/grab_display.py "$shot" && echo "xdotool_import_ar: wrote $shot"

printf '%s\n' '{"text": "قصف الطيران مدينة حلب", "spans": [{"start": 18, "end": 21, "label": "GPE"}]}' >"$work/bad.jsonl"
xdotool key --delay 150 Tab Tab Tab Tab; xdotool type --delay 40 "GPE=LOCATION"
xdotool key Return; sleep 8
[ "$(documents_now)" = "$((before + 1))" ] || xd_fail "a good import did not add its document ($(documents_now) documents)"
echo "xdotool_import_ar: a good import: $((before + 1)) documents"

xdotool windowfocus --sync "$window" 2>/dev/null || true; sleep 0.3
xd_quit_app
echo "xdotool_import_ar: OK"
