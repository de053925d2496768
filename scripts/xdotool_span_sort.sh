#!/usr/bin/env bash
# The document list sorted by its Spans column in a real window under Xvfb: 10 articles,
# file-NN holding NN mod 4 imported spans (file-00 none, and words labeled nowhere else, so
# nothing is suggested in it). Clicks the "Spans" column title (fewest first),
# labels four words of the open article file-00 with the mouse (three drags, one of them
# left to right, and a double-click, each followed by a label key), reading the spans back
# through `annotator export` after each, and the stored per-document count with them; clicks
# the title again (most first: the list is read again from the store, so file-00 with its 4
# spans must now lead, ahead of file-07 and file-03 with 3), clicks the first row, presses
# Ctrl+Return (done and next), then Ctrl+Q. `annotator export --status done` must give
# exactly file-00. The screenshot is saved for a look.
#   scripts/xdotool_span_sort.sh [SCREENSHOT.png]   (needs: xvfb xdotool; PYTHON, DISPLAY_NO)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
shot=${1:-}
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "xdotool_span_sort: $tool is missing" >&2; exit 2; }
done
work=$(mktemp -d /tmp/annotator-span-sort.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
display=${DISPLAY_NO:-99}
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

db="$work/project.sqlite3"
export ANNOTATOR_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" ANNOTATOR_NAME=xdotool
unset QT_QPA_PLATFORM
"$PYTHON" - "$db" <<'PY'
import sys
from annotator.core.model import Document, make_span
from annotator.store.db import open_database
repo = open_database(sys.argv[1], seed_demo=False)
docs = []
# file-00's words are labeled nowhere else, so the window proposes no suggestion in it.
for i in range(10):
    text = ("مقال رقم واحد\nضربت القوات بلدة سراقب صباحا." if i == 0
            else "مقال آخر\nقصف الطيران مدينة حلب مساء.")
    text = text.replace("مقال", f"مقال {i}", 1)
    words = [("قصف", "ACTOR"), ("الطيران", "ACTOR"), ("مدينة", "LOCATION"), ("حلب", "LOCATION")]
    spans = tuple(make_span(text, text.index(w), text.index(w) + len(w), label, annotator="amal")
                  for w, label in words[: i % 4])
    docs.append(Document(name=f"file-{i:02d}.txt", text=text, spans=spans))
repo.add_documents(repo.default_project(), docs)
repo.close()
PY

# Where the words and the list's title and first row are drawn, measured on this display by
# a window built the same way (it opens file-00 first).
mapfile -t points < <("$PYTHON" scripts/glyph_points.py --db "$db" \
  "القوات@0:right" "القوات@5:left" "سراقب@4:left" "سراقب@0:right" "بلدة@2:centre" \
  "ضربت@0:right" "ضربت@3:left" "list-header:3" "list-cell:0:1")
[ "${#points[@]}" = 9 ] || { echo "xdotool_span_sort: cannot measure the window" >&2; exit 1; }

fail() { echo "xdotool_span_sort: FAILED: $*" >&2; cat "$work/app.log" >&2; exit 1; }
# file-00's spans through the CLI (suggestions too: the list counts every span), and its
# stored count (documents.span_count) beside them.
expect_count() {
  "$PYTHON" -m annotator --db "$db" export --format jsonl --include-suggestions \
    -o "$work/now.jsonl" >/dev/null
  local got
  got=$("$PYTHON" - "$work/now.jsonl" "$db" <<'PY'
import json, sqlite3, sys
spans = next(json.loads(line)["spans"] for line in open(sys.argv[1], encoding="utf-8")
             if json.loads(line)["id"] == "file-00.txt")
with sqlite3.connect(sys.argv[2]) as raw:
    (stored,) = raw.execute(
        "SELECT span_count FROM documents WHERE name = 'file-00.txt'").fetchone()
print(len(spans), stored, " ".join(f"{s['label']}:{s['text']}" for s in spans))
PY
)
  read -r exported stored rest <<<"$got"
  [ "$exported" = "$1" ] && [ "$stored" = "$1" ] \
    || fail "after $2: expected $1 spans in file-00, exported $exported, stored $stored ($rest)"
  echo "xdotool_span_sort: after $2: file-00 has $exported spans (stored count $stored): $rest"
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
  kill -0 "$app_pid" 2>/dev/null || { echo "xdotool_span_sort: exited early" >&2; cat "$work/app.log" >&2; exit 1; }
  window=$(xdotool search --onlyvisible --name " — annotator" 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || { echo "xdotool_span_sort: no window appeared" >&2; exit 1; }
sleep 2
xdotool windowfocus --sync "$window" || true
read -r hx hy <<<"${points[7]}"
xdotool mousemove --window "$window" "$hx" "$hy" click 1  # Spans, fewest first
sleep 1.5
expect_count 0 "sorting by Spans"
read -r x1 y1 <<<"${points[0]}"; read -r x2 y2 <<<"${points[1]}"
drag "$x1" "$y1" "$x2" "$y2"  # right to left over القوات
xdotool key 1; sleep 0.6
expect_count 1 "a drag over القوات and 1"
read -r x1 y1 <<<"${points[2]}"; read -r x2 y2 <<<"${points[3]}"
drag "$x1" "$y1" "$x2" "$y2"  # left to right over سراقب
xdotool key 3; sleep 0.6
expect_count 2 "a drag back over سراقب and 3"
read -r x1 y1 <<<"${points[4]}"
xdotool mousemove --window "$window" "$x1" "$y1" click --repeat 2 --delay 80 1
sleep 0.3
xdotool key 3; sleep 0.6
expect_count 3 "a double-click on بلدة and 3"
read -r x1 y1 <<<"${points[5]}"; read -r x2 y2 <<<"${points[6]}"
drag "$x1" "$y1" "$x2" "$y2"
xdotool key 2; sleep 0.6
expect_count 4 "a drag over ضربت and 2"
xdotool mousemove --window "$window" "$hx" "$hy" click 1  # Spans again: most first
sleep 1.5
read -r x1 y1 <<<"${points[8]}"
xdotool mousemove --window "$window" "$x1" "$y1" click 1  # the first row
sleep 1.5
if [ -n "$shot" ]; then
  # The X screen as a person sees it, grabbed by a second Qt client of the same display.
  "$PYTHON" -c "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); \
ok = app.primaryScreen().grabWindow(0).save(sys.argv[1]); print('screenshot', sys.argv[1], ok)" "$shot"
fi
xdotool key ctrl+Return
sleep 1.5
xdotool key ctrl+q
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
wait "$app_pid" || { echo "xdotool_span_sort: the program failed" >&2; cat "$work/app.log" >&2; exit 1; }
app_pid=""

"$PYTHON" -m annotator --db "$db" export --format jsonl --status done -o "$work/done.jsonl" >/dev/null
"$PYTHON" - "$work/done.jsonl" <<'PY'
import json, sys
names = sorted(json.loads(line)["id"]
               for line in open(sys.argv[1], encoding="utf-8") if line.strip())
print("done in the database (annotator export --status done):", names)
if names != ["file-00.txt"]:
    sys.exit("xdotool_span_sort: FAILED: expected file-00 (4 spans, first by Spans) done")
print("xdotool_span_sort: OK: the Spans column sorted by the stored counts, edits included")
PY
