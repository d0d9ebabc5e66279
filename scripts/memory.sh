#!/usr/bin/env bash
# Resident memory of the real window holding a 1 MB post. Builds the app
# with -tags memprobe, opens the post under Xvfb, goes to its end and back
# and to its end again, then prints the process's VmRSS, what the resident
# pages are (from /proc/PID/smaps) and the Go heap's own figures.
#
# Usage: scripts/memory.sh [code|mixed|small|fyne]
#   code   the largest corpus post (101 KB, mostly Python) ten times over
#   mixed  corpus posts one after another up to 1 MB: prose, quotes, lists,
#          tables, math, code, in Korean and English
#   small  a two-line post, for the window's own share
#   fyne   not Postdesk: a bare Fyne window of the same size with a label
#          in each of the three text styles the window uses and an entry,
#          for what Fyne and OpenGL take before any app code
# Needs: apt-get install xvfb xdotool dbus-x11 procps
set -u
cd "$(dirname "$0")/.."
kind=${1:-code}
corpus=../shared/corpus
for tool in Xvfb xdotool dbus-launch pkill; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install xvfb xdotool dbus-x11 procps"; exit 2; }
done

work=$(mktemp -d)
hello=_memory_hello
if [ "$kind" = fyne ]; then
  # Built inside the module, for its pinned Fyne; a folder starting with
  # "_" is left out of ./... while it exists.
  mkdir -p "$hello"
  cat > "$hello/main.go" <<'GO'
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Fyne")
	w.SetContent(container.NewVBox(
		widget.NewLabel("Regular"),
		widget.NewLabelWithStyle("Bold", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Monospace", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}),
		widget.NewEntry(),
	))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
GO
  go build -o "$work/postdesk" "./$hello"
  status=$?
  rm -rf "$hello"
  [ $status -eq 0 ] || exit 2
else
  go build -tags memprobe -o "$work/postdesk" . || exit 2
fi
post=$work/post.md
case $kind in
code)
  src=$corpus/korean/113bommy/_posts/2024-02-05-Seq2Seq_Code.md
  # The front matter once, then the body ten times.
  awk 'NR==1 || !fm {print} /^---/ && NR>1 {fm=1}' "$src" > "$post"
  body=$(awk 'fm {print} /^---/ && NR>1 {fm=1}' "$src")
  for _ in $(seq 10); do printf '%s\n\n' "$body" >> "$post"; done
  ;;
mixed)
  printf -- '---\ntitle: "Mixed"\ndate: 2026-11-26 10:00:00 +0900\n---\n' > "$post"
  find "$corpus" -name '*.md' -path '*_posts*' | LC_ALL=C sort | while read -r f; do
    [ "$(stat -c %s "$post")" -ge 1000000 ] && break
    awk 'fm {print} /^---/ && NR>1 {fm=1}' "$f" >> "$post"
    printf '\n\n' >> "$post"
  done
  ;;
small | fyne)
  printf -- '---\ntitle: "Small"\n---\n첫 줄.\n둘째 줄.\n' > "$post"
  ;;
*)
  echo "usage: scripts/memory.sh [code|mixed|small|fyne]"; exit 2 ;;
esac

export HOME=$work XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data
# A session bus of its own, as on a desktop: Fyne asks it for the light
# or dark setting at start.
. scripts/xsession.sh
xsession_start :86 || { rm -rf "$work"; exit 2; }
app=
cleanup() {
  [ -n "$app" ] && kill -9 "$app" 2>/dev/null
  xsession_stop
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/probe"
POSTDESK_MEMPROBE=$work/probe "$work/postdesk" "$post" >"$work/app.log" 2>&1 &
app=$!
disown "$app"
win=
for _ in $(seq 60); do
  win=$(xdotool search --pid "$app" --onlyvisible 2>/dev/null | head -1)
  [ -n "$win" ] && break
  sleep 0.5
done
[ -n "$win" ] || { echo "memory: no window"; cat "$work/app.log"; exit 2; }
sleep 6
# Into the editor (the middle column's left half), to the end, the
# start, and the end again: the preview lays out what comes into view.
xdotool mousemove 400 350 click 1
sleep 1
for key in ctrl+End ctrl+Home ctrl+End; do
  xdotool key "$key"
  sleep 5
done

rss=$(awk '/^VmRSS/ {print $2}' "/proc/$app/status")
kill -USR1 "$app"
sleep 2
printf 'post: %s, %d bytes\n' "$kind" "$(stat -c %s "$post")"
printf 'resident: %d MB\n' $((rss / 1024))
awk '
  /^[0-9a-f]+-[0-9a-f]+ / {
    n = $6
    if (n == "") part = "Go heap and other anonymous memory"
    else if (n == "[heap]") part = "C heap (OpenGL driver, GLFW, X11)"
    else if (n ~ /libLLVM|_dri\.so|libgallium|libGL/) part = "OpenGL driver code (" (n ~ /LLVM/ ? "LLVM" : "Mesa") ")"
    else if (n ~ /postdesk$/) part = "the binary (code, data, bundled fonts)"
    else part = "other libraries and mappings"
  }
  /^Rss:/ { rss[part] += $2 }
  END { for (p in rss) printf "  %5d MB  %s\n", rss[p] / 1024, p }
' "/proc/$app/smaps" | sort -rn
if [ "$kind" != fyne ]; then
  printf 'Go runtime after a collection: '
  cat "$work/probe/memstats-1.txt" 2>/dev/null || echo "no figures (was the app built with -tags memprobe?)"
fi
