FROM python:3.12-slim-bookworm
ENV POETRY_VERSION=1.8.3
RUN pip install --no-cache-dir "poetry==$POETRY_VERSION"
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN poetry config virtualenvs.create false && poetry install --no-root --only main
COPY . .
RUN groupadd --system app && useradd --system --gid app --no-log-init app
USER app
ENTRYPOINT ["python", "-m", "app"]
