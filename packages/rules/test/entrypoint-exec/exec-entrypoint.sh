#!/usr/bin/env bash
set -euo pipefail
if [ "$(id -u)" = 0 ]; then
  chown -R app /data
  exec gosu app "$@"
fi
exec "$@"
