# The set-up that every real-window script (scripts/xdotool_*.sh) shares, sourced by them:
#
#   XD_NAME=xdotool_edits
#   source "$(dirname "$0")/xdotool_lib.sh"
#
# On sourcing: strict mode, the repository as the current folder, $PYTHON (python3 unless set),
# Xvfb and xdotool checked, $work (a scratch folder) and $db (a project file in it, not yet
# made), the program's data, settings and name kept in $work, and an Xvfb of its own on a free
# display ($DISPLAY; XDOTOOL_DISPLAY=N picks display N instead). Everything it starts is stopped
# and $work removed on exit, failed or not.
# Then, as the scripts need them:
#   xd_fail MESSAGE           the script's FAILED line and the program's log on stderr, then
#                             the script's xd_on_fail if it has one, exit 1
#   xd_demo_project           the demo project (the seed articles) in $db
#   xd_language LANG          the interface language as View > Language leaves it (en, ar)
#   xd_export FILE [ARGS...]  the project exported through the CLI (jsonl unless ARGS say)
#   xd_open_app [TITLE]       the program on $db; waits for its visible window (a title holding
#                             TITLE, " — annotator" by default) and a second more; sets $window
#   xd_start_app [TITLE]      xd_open_app, then $WIDTH and $HEIGHT of the window, which it
#                             focuses, and a click in the middle (the article)
#   xd_wait_window TITLE [MESSAGE]  waits (up to 30 s: a first start under load is slow) for
#                             a visible window whose title matches TITLE (a regular
#                             expression), prints its id; else xd_fail MESSAGE. Fails at once
#                             if the program ($app_pid, when set) has exited.
#   xd_drag X1 Y1 X2 Y2       a plain left-button drag in window coordinates
#   xd_quit_app               Ctrl+Q; the program must exit, and with status 0
# shellcheck shell=bash

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${XD_NAME:?set XD_NAME to the script name before sourcing xdotool_lib.sh}"
PYTHON=${PYTHON:-python3}
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "$XD_NAME: $tool is missing (apt-get install xvfb xdotool)" >&2; exit 2; }
done

work=$(mktemp -d "/tmp/annotator-$XD_NAME.XXXXXX")
db="$work/project.sqlite3"
xvfb_pid=""
app_pid=""
xd_cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap xd_cleanup EXIT

xd_fail() {
  echo "$XD_NAME: FAILED: $*" >&2
  [ -f "$work/app.log" ] && cat "$work/app.log" >&2
  # A script may keep more of the moment (a screenshot) in a function of this name.
  if declare -F xd_on_fail >/dev/null; then xd_on_fail || true; fi
  exit 1
}

# Xvfb chooses a free display itself and writes its number once it accepts clients (-displayfd),
# so scripts run side by side never race for one number and nobody polls for the server.
if [ -n "${XDOTOOL_DISPLAY:-}" ]; then
  Xvfb ":$XDOTOOL_DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  display=$XDOTOOL_DISPLAY
  for _ in $(seq 50); do DISPLAY=":$display" xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
else
  mkfifo "$work/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  display=""
  read -r -t 20 display <"$work/display" || true
  [ -n "$display" ] || { cat "$work/xvfb.log" >&2; xd_fail "Xvfb did not start"; }
fi
export DISPLAY=":$display"
DISPLAY=":$display" xdotool getmouselocation >/dev/null 2>&1 || xd_fail "no X server on :$display"

export ANNOTATOR_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" ANNOTATOR_NAME=xdotool
unset QT_QPA_PLATFORM

xd_demo_project() {
  "$PYTHON" -c "import sys; from annotator.store.db import open_database; open_database(sys.argv[1], seed_demo=True).close()" "$db"
}

xd_language() {
  mkdir -p "$XDG_CONFIG_HOME/annotator"
  printf '[view]\nlanguage=%s\n' "$1" >"$XDG_CONFIG_HOME/annotator/annotator.conf"
}

xd_export() {
  local out=$1; shift
  (($#)) || set -- --format jsonl
  "$PYTHON" -m annotator --db "$db" export "$@" -o "$out" >/dev/null
}

xd_open_app() {
  local title=${1:-" — annotator"}
  "$PYTHON" -m annotator --db "$db" >"$work/app.log" 2>&1 &
  app_pid=$!
  window=""
  for _ in $(seq 150); do
    kill -0 "$app_pid" 2>/dev/null || xd_fail "the program exited early"
    window=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | head -n 1 || true)
    [ -n "$window" ] && break
    sleep 0.2
  done
  [ -n "$window" ] || xd_fail "no window appeared"
  sleep 1
}

xd_start_app() {
  xd_open_app "$@"
  eval "$(xdotool getwindowgeometry --shell "$window")"
  xdotool windowfocus --sync "$window" || true
  # The article fills the middle of the window: a click there gives it the keyboard.
  xdotool mousemove --window "$window" $((WIDTH / 2)) $((HEIGHT / 2)) click 1
  sleep 0.3
}

xd_wait_window() {
  local found=""
  for _ in $(seq 300); do
    if [ -n "${app_pid:-}" ] && ! kill -0 "$app_pid" 2>/dev/null; then
      xd_fail "the program exited before a window \"$1\" appeared"
    fi
    found=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1 || true)
    [ -n "$found" ] && { echo "$found"; return 0; }
    sleep 0.1
  done
  xd_fail "${2:-no window \"$1\" appeared}"
}

xd_drag() {  # x1 y1 x2 y2 in window coordinates
  xdotool mousemove --window "$window" "$1" "$2" mousedown 1
  xdotool mousemove --window "$window" $(( ($1 + $3) / 2 )) "$4"
  xdotool mousemove --window "$window" "$3" "$4" mouseup 1
  sleep 0.3
}

xd_quit_app() {
  xdotool key ctrl+q
  for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$app_pid" 2>/dev/null && xd_fail "the program did not quit on Ctrl+Q"
  wait "$app_pid" || xd_fail "the program failed"
  app_pid=""
}
