# wheels are built on the full image; only the slim image ships
FROM python:3.12 AS build
WORKDIR /src
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt

FROM python:3.12-slim
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
COPY . /app
WORKDIR /app
RUN useradd --create-home --uid 10001 app
USER app
CMD ["python", "-m", "service"]
