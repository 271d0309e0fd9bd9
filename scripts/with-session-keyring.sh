#!/usr/bin/env bash
# Runs a command with a D-Bus session bus and an unlocked gnome-keyring: the Secret Service that
# keytar uses on Linux. Starts them only when the caller has no session bus of its own (CI,
# containers, SSH); on a desktop the user's own keyring is used.
set -euo pipefail
if [ "$(uname -s)" != "Linux" ] || [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec "$@"
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is missing: apt-get install -y gnome-keyring dbus-x11 libsecret-1-dev" >&2
    exit 1
  fi
done
exec dbus-run-session -- bash -c '
  printf "test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' with-session-keyring "$@"
