# Sourced by the scripts that drive the real window: a virtual display and
# a session bus of their own. Set XDG_CACHE_HOME first; the bus may start
# the document portal, which mounts itself under it.

# xsession_start DISPLAY starts Xvfb at 1280×800 on DISPLAY and a session
# bus, and waits a moment for the display. It fails, saying why, when
# Xvfb does not start (another X server on DISPLAY, say).
xsession_start() {
  export DISPLAY=$1
  xsession_log=$(mktemp)
  Xvfb "$DISPLAY" -screen 0 1280x800x24 >"$xsession_log" 2>&1 &
  xsession_xvfb=$!
  eval "$(dbus-launch --sh-syntax)"
  sleep 1
  if ! kill -0 "$xsession_xvfb" 2>/dev/null; then
    echo "Xvfb did not start on $DISPLAY:" >&2
    tail -5 "$xsession_log" >&2
    kill "$DBUS_SESSION_BUS_PID" 2>/dev/null
    rm -f "$xsession_log"
    return 1
  fi
}

# xsession_stop ends the display, the bus and the document portal.
xsession_stop() {
  kill "$xsession_xvfb" "$DBUS_SESSION_BUS_PID" 2>/dev/null
  rm -f "$xsession_log"
  fusermount -u "$XDG_CACHE_HOME/doc" 2>/dev/null
  pkill -f xdg-document-portal 2>/dev/null
}
