FROM python:3.13-slim AS api
ENTRYPOINT python -m app --port $PORT

FROM python:3.13-slim AS worker
CMD cd /srv && celery -A app worker --loglevel=info

FROM alpine:3.22 AS piped
CMD tail -f /var/log/app.log | grep ERROR

FROM alpine:3.22
CMD ['nginx', '-g', 'daemon off;']
