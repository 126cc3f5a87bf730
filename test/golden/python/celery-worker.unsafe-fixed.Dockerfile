FROM python:3.13-slim
WORKDIR /srv
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN adduser --system --group worker
USER worker
CMD exec celery -A proj worker --loglevel=INFO --concurrency=${CONCURRENCY:-2}
