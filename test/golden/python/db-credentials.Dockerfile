FROM python:3.12-slim
ARG DATABASE_URL
ENV DB_PASSWORD=postgres \
    DB_USER=postgres
COPY . /app
WORKDIR /app
RUN pip install --no-cache-dir -e .
CMD ["python", "-m", "app.worker"]
