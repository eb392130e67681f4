# Sourced by the benchmarks that open the workbench: pp_xvfb WxHxD starts Xvfb on a free display when DISPLAY is
# unset and exports DISPLAY; the caller kills "$xvfb_pid" on exit (empty when no Xvfb was started).
xvfb_pid=""
pp_xvfb() {
  [ -n "${DISPLAY:-}" ] && return 0
  local n
  for n in $(seq 91 120); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
  Xvfb ":$n" -screen 0 "$1" -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  sleep 1
}
