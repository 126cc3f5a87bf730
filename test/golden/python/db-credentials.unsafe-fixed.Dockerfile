FROM python:3.12-slim
ARG DATABASE_URL
ENV DB_PASSWORD=postgres \
    DB_USER=postgres
COPY . /app
WORKDIR /app
RUN pip install --no-cache-dir -e . && \
    groupadd --system app && useradd --system --gid app --no-log-init app
USER app
CMD ["python", "-m", "app.worker"]
