# Sourced by the scripts that drive the real window: a virtual display and
# a session bus of their own. Set XDG_CACHE_HOME first; the bus may start
# the document portal, which mounts itself under it.

# xsession_start DISPLAY starts Xvfb at 1280×800 on DISPLAY and a session
# bus, and waits a moment for the display.
xsession_start() {
  export DISPLAY=$1
  Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 &
  xsession_xvfb=$!
  eval "$(dbus-launch --sh-syntax)"
  sleep 1
}

# xsession_stop ends the display, the bus and the document portal.
xsession_stop() {
  kill "$xsession_xvfb" "$DBUS_SESSION_BUS_PID" 2>/dev/null
  fusermount -u "$XDG_CACHE_HOME/doc" 2>/dev/null
  pkill -f xdg-document-portal 2>/dev/null
}
