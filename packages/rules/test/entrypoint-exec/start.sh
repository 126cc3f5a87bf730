#!/bin/sh
echo starting
node /app/server.js
