#!/bin/sh
set -e

# migrate, then start
npx prisma migrate deploy
"$@"
