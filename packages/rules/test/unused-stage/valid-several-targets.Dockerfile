# several build targets: stages that run something of their own, and qualified target names
FROM python:3.13-slim AS base
WORKDIR /app
COPY . .

FROM base AS worker
CMD ["celery", "-A", "app", "worker"]

FROM base AS test-unit
RUN python -m pytest

FROM base
CMD ["gunicorn", "app:app"]
