FROM node:24-slim AS node
CMD ["node", "server.js"]

FROM python:3.13-slim AS exec
ENTRYPOINT exec python -m app --port "$PORT"

FROM alpine:3.22 AS wrapper
CMD ["sh", "-c", "exec /usr/local/bin/app --port $PORT"]

FROM alpine:3.22 AS shell
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
CMD /usr/local/bin/app | tee /var/log/app.log

FROM alpine:3.22 AS loop
CMD ["sh", "-c", "while true; do date; sleep 60; done"]

FROM mcr.microsoft.com/windows/servercore:ltsc2022
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
CMD ping -t localhost
