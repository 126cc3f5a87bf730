#!/bin/sh
if [ "$1" = serve ]; then
  exec node server.js
else
  exec "$@"
fi
