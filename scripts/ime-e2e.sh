#!/usr/bin/env bash
# End-to-end check of Korean typing through a real input method: runs the
# built app under Xvfb with IBus and ibus-hangul, types key sequences with
# xdotool (2-set layout), saves with Ctrl+S and compares the saved body
# with what a GTK entry gives for the same keys.
#
# Usage: scripts/ime-e2e.sh [BINARY]   (default: builds ./postdesk)
# Needs: apt-get install xvfb xdotool ibus ibus-hangul dbus-x11
set -u
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
  go build -o postdesk . || exit 2
  bin=./postdesk
fi
for tool in Xvfb xdotool ibus-daemon dbus-launch; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install xvfb xdotool ibus ibus-hangul dbus-x11"; exit 2; }
done

work=$(mktemp -d)
export DISPLAY=:87 XDG_CONFIG_HOME=$work/config XMODIFIERS=@im=ibus GTK_IM_MODULE=ibus
Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
eval "$(dbus-launch --sh-syntax)"
cleanup() {
  pkill -f "$bin $work" 2>/dev/null
  ibus exit >/dev/null 2>&1
  kill "$xvfb" "$DBUS_SESSION_BUS_PID" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
sleep 1
gsettings set org.freedesktop.ibus.engine.hangul initial-input-mode 'hangul' 2>/dev/null
ibus-daemon -drx
sleep 3
ibus engine hangul

passed=0 failed=0
# check NAME EXPECTED KEYS... : types KEYS into an empty post's body,
# saves, and compares the body with EXPECTED. DELAY (ms between keys)
# defaults to 150.
check() {
  local name=$1 want=$2
  shift 2
  local post=$work/post.md
  printf -- '---\ntitle: ime\n---\n' >"$post"
  "$bin" "$post" >"$work/app.log" 2>&1 &
  local app=$!
  sleep 5
  xdotool mousemove 420 300 click 1
  sleep 0.3
  xdotool key --delay "${DELAY:-150}" "$@"
  sleep 0.5
  xdotool key ctrl+s
  sleep 1
  kill "$app" 2>/dev/null
  wait "$app" 2>/dev/null
  local got
  got=$(sed '1,3d' "$post")
  if [ "$got" = "$want" ]; then
    echo "PASS $name"
    passed=$((passed + 1))
  else
    printf 'FAIL %s: got %q, want %q\n' "$name" "$got" "$want"
    failed=$((failed + 1))
  fi
}

check "plain syllables" "한글 입력 " g k s r m f space d l q f u r space
check "syllable then Return" "$(printf '한글\n입력 ')" g k s r m f Return d l q f u r space
check "syllable then BackSpace" "하 " g k s BackSpace space
check "BackSpace keeps the syllable before" "가하 " r k g k s BackSpace space
check "syllable then Left arrow" "가나" r k s k Left
check "syllable then Ctrl+S saves it" "한" g k s
check "syllable then Tab" "$(printf '한\t')" g k s Tab
DELAY=30 check "fast typing with punctuation" "한글 입력 시험." g k s r m f space d l q f u r space t l g j a period
echo "ime-e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
