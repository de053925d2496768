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
#   scripts/xdotool_span_sort.sh [SCREENSHOT.png]   (needs: xvfb xdotool; PYTHON, XDOTOOL_DISPLAY)
XD_NAME=xdotool_span_sort
source "$(dirname "$0")/xdotool_lib.sh"
shot=${1:-}
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

# file-00's spans through the CLI (suggestions too: the list counts every span), and its
# stored count (documents.span_count) beside them.
expect_count() {
  xd_export "$work/now.jsonl" --format jsonl --include-suggestions
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
    || xd_fail "after $2: expected $1 spans in file-00, exported $exported, stored $stored ($rest)"
  echo "xdotool_span_sort: after $2: file-00 has $exported spans (stored count $stored): $rest"
}

xd_open_app
sleep 1
xdotool windowfocus --sync "$window" || true
read -r hx hy <<<"${points[7]}"
xdotool mousemove --window "$window" "$hx" "$hy" click 1  # Spans, fewest first
sleep 1.5
expect_count 0 "sorting by Spans"
read -r x1 y1 <<<"${points[0]}"; read -r x2 y2 <<<"${points[1]}"
xd_drag "$x1" "$y1" "$x2" "$y2"  # right to left over القوات
xdotool key 1; sleep 0.6
expect_count 1 "a drag over القوات and 1"
read -r x1 y1 <<<"${points[2]}"; read -r x2 y2 <<<"${points[3]}"
xd_drag "$x1" "$y1" "$x2" "$y2"  # left to right over سراقب
xdotool key 3; sleep 0.6
expect_count 2 "a drag back over سراقب and 3"
read -r x1 y1 <<<"${points[4]}"
xdotool mousemove --window "$window" "$x1" "$y1" click --repeat 2 --delay 80 1
sleep 0.3
xdotool key 3; sleep 0.6
expect_count 3 "a double-click on بلدة and 3"
read -r x1 y1 <<<"${points[5]}"; read -r x2 y2 <<<"${points[6]}"
xd_drag "$x1" "$y1" "$x2" "$y2"
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
xd_quit_app

xd_export "$work/done.jsonl" --format jsonl --status done
"$PYTHON" - "$work/done.jsonl" <<'PY'
import json, sys
names = sorted(json.loads(line)["id"]
               for line in open(sys.argv[1], encoding="utf-8") if line.strip())
print("done in the database (annotator export --status done):", names)
if names != ["file-00.txt"]:
    sys.exit("xdotool_span_sort: FAILED: expected file-00 (4 spans, first by Spans) done")
print("xdotool_span_sort: OK: the Spans column sorted by the stored counts, edits included")
PY
