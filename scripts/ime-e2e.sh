#!/usr/bin/env bash
# End-to-end check of Korean typing through a real input method: runs the
# built app under Xvfb with IBus and ibus-hangul, types key sequences with
# xdotool (2-set layout), saves with Ctrl+S and compares the saved body
# with what a GTK entry gives for the same keys.
#
# Usage: scripts/ime-e2e.sh [BINARY]   (default: builds ./postdesk)
# Needs: apt-get install xvfb xdotool dbus-x11 procps ibus ibus-hangul
#        libglib2.0-bin dconf-gsettings-backend   (make ime-e2e does)
set -u
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
  go build -o postdesk . || exit 2
  bin=./postdesk
fi
debs="xvfb xdotool dbus-x11 procps ibus ibus-hangul libglib2.0-bin dconf-gsettings-backend"
for tool in Xvfb xdotool dbus-launch pkill ibus-daemon ibus gsettings; do
  command -v "$tool" >/dev/null || { echo "ime-e2e: missing $tool: apt-get install $debs" >&2; exit 2; }
done

work=$(mktemp -d)
# Own config and cache folders: the app's settings and IBus's registry
# start empty, as on a fresh machine.
export XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache XMODIFIERS=@im=ibus GTK_IM_MODULE=ibus
# XIM hands the app text in the locale's encoding: under the POSIX locale
# (a minimal Debian sets none) no Hangul arrives at all. A Korean desktop
# has a UTF-8 locale; C.UTF-8 is in every Debian.
[ "$(locale charmap 2>/dev/null)" = UTF-8 ] || export LC_ALL=C.UTF-8
. scripts/xsession.sh
xsession_start :87 || { rm -rf "$work"; exit 2; }
cleanup() {
  pkill -f "$bin $work" 2>/dev/null
  ibus exit >/dev/null 2>&1
  xsession_stop
  rm -rf "$work" 2>/dev/null
}
trap cleanup EXIT
# IBus reads these as it starts. preload-engines is the panel's engine
# list: left empty, the panel picks a plain keyboard layout of its own a
# moment after start, which can replace the hangul engine chosen below.
# ibus-hangul starts in Latin mode unless initial-input-mode says hangul.
settings=(
  "org.freedesktop.ibus.general preload-engines ['hangul']"
  "org.freedesktop.ibus.engine.hangul initial-input-mode 'hangul'"
)
for setting in "${settings[@]}"; do
  read -r schema key value <<<"$setting"
  gsettings set "$schema" "$key" "$value" ||
    { echo "ime-e2e: gsettings could not set $schema $key (are ibus and ibus-hangul installed?)" >&2; exit 2; }
done
# dconf writes them to disk a moment later; an engine that starts before
# that reads the defaults and types Latin letters. A new process reads
# them back once they are written; without the dconf backend it never
# does (GSettings then keeps them in the setting process's memory).
settings_written() {
  for setting in "${settings[@]}"; do
    read -r schema key value <<<"$setting"
    [ "$(gsettings get "$schema" "$key" 2>/dev/null)" = "$value" ] || return 1
  done
}
for _ in $(seq 100); do
  settings_written && break
  sleep 0.1
done
if ! settings_written; then
  echo "ime-e2e: gsettings reads $schema $key back as $(gsettings get "$schema" "$key" 2>&1), not $value; is dconf-gsettings-backend installed?" >&2
  exit 2
fi
ibus-daemon -drx
# The first start builds IBus's registry; wait until the engine is set.
for _ in $(seq 60); do
  ibus engine hangul >/dev/null 2>&1 && [ "$(ibus engine 2>/dev/null)" = hangul ] && break
  sleep 0.5
done
if [ "$(ibus engine 2>/dev/null)" != hangul ]; then
  echo "ime-e2e: IBus did not start the hangul engine (its engine: $(ibus engine 2>&1))" >&2
  exit 2
fi

passed=0 failed=0

# Where a click lands in the 1280×800 window: the editor, the end of the
# title field, the tags field, the preview.
spot() {
  case $1 in
    body) echo 420 300 ;;
    title) echo 1250 124 ;;
    tags) echo 1250 670 ;;
    preview) echo 750 300 ;;
  esac
}

# field FILE NAME prints a field of the saved post: body, title, tags.
field() {
  case $2 in
    body) awk 'n >= 2 { print } /^---$/ { n++ }' "$1" ;;
    title) sed -n 's/^title: //p' "$1" ;;
    tags) sed -n 's/^tags: //p' "$1" ;;
  esac
}

# stop PID ends the app: SIGTERM, and if it is still there after five
# seconds, SIGQUIT (Go prints every goroutine's stack to the app's log,
# shown here) and SIGKILL.
stop() {
  kill "$1" 2>/dev/null
  for _ in $(seq 50); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$1" 2>/dev/null; then
    echo "ime-e2e: the app did not end on SIGTERM; its goroutines:"
    kill -QUIT "$1" 2>/dev/null
    sleep 1
    grep -A12 '^goroutine 1 \|postdesk/' "$work/app.log" | head -80
    kill -9 "$1" 2>/dev/null
  fi
  wait "$1" 2>/dev/null
}

# check NAME FIELDS EXPECTED STEPS... : clicks into the body, follows
# STEPS (keys for xdotool, or @body/@title/@tags to click there), saves
# with Ctrl+S, and compares FIELDS (names joined by +, their values
# joined by |) with EXPECTED. DELAY (ms between keys) defaults to 150.
check() {
  local name=$1 fields=$2 want=$3
  shift 3
  local post=$work/post.md
  printf -- '---\ntitle: ime\n---\n' >"$post"
  "$bin" "$post" >"$work/app.log" 2>&1 &
  local app=$!
  if ! timeout 30 xdotool search --sync --onlyvisible --name Postdesk >/dev/null; then
    echo "FAIL $name: the window did not appear"
    failed=$((failed + 1))
    kill "$app" 2>/dev/null
    return
  fi
  sleep 2 # the first layout and the input context
  # shellcheck disable=SC2046
  xdotool mousemove $(spot body) click 1
  sleep 0.3
  local batch=() step
  for step in "$@" @; do
    case $step in
      @*)
        if [ ${#batch[@]} -gt 0 ]; then
          xdotool key --delay "${DELAY:-150}" "${batch[@]}"
          batch=()
        fi
        if [ "$step" != @ ]; then
          sleep 0.2
          # shellcheck disable=SC2046
          xdotool mousemove $(spot "${step#@}") click 1
          sleep 0.3
        fi
        ;;
      *) batch+=("$step") ;;
    esac
  done
  sleep 0.5
  xdotool key ctrl+s
  sleep 1
  stop "$app"
  local got="" f sep=""
  for f in ${fields//+/ }; do
    got="$got$sep$(field "$post" "$f")"
    sep="|"
  done
  if [ "$got" = "$want" ]; then
    echo "PASS $name"
    passed=$((passed + 1))
  else
    printf 'FAIL %s: got %q, want %q\n' "$name" "$got" "$want"
    # Latin letters where Hangul was due: say if IBus left hangul.
    local engine
    engine=$(ibus engine 2>&1)
    [ "$engine" = hangul ] || echo "  IBus's engine is now $engine, not hangul"
    failed=$((failed + 1))
  fi
}

# The editor.
check "plain syllables" body "한글 입력 " g k s r m f space d l q f u r space
check "syllable then Return" body "$(printf '한글\n입력 ')" g k s r m f Return d l q f u r space
check "syllable then BackSpace" body "하 " g k s BackSpace space
check "BackSpace keeps the syllable before" body "가하 " r k g k s BackSpace space
check "syllable then Left arrow" body "가나" r k s k Left
check "syllable then Ctrl+S saves it" body "한" g k s
check "syllable then Tab" body "$(printf '한\t')" g k s Tab
DELAY=30 check "fast typing with punctuation" body "한글 입력 시험." g k s r m f space d l q f u r space t l g j a period
# The form's one-line fields.
check "title: syllables then Return" title "ime한글" @title g k s r m f Return
check "title: syllable then BackSpace" title "ime하" @title g k s BackSpace Return
check "title: syllable then Left arrow" title "ime가나" @title r k s k Left
check "title: syllable then Ctrl+S saves it" title "ime한" @title g k s
check "title: syllable then Tab" title "ime한" @title g k s Tab
check "tags: syllables then Return make one tag" tags "[한글]" @tags g k s r m f Return
# A click into another field while a syllable is composing.
check "click from the body to the title, then a consonant" body+title "한|ime가" g k s @title r k Return
check "click from the body to the title, then Return" body+title "한|ime" g k s @title Return
check "click from the title to the body, then a space" body+title " |ime한" @title g k s @body space
check "click on the preview, then a consonant" body "한" g k s @preview r k
echo "ime-e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
