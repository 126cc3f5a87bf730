FROM python:3.12-bookworm
ENV POETRY_VERSION=1.8.3
RUN pip install "poetry==$POETRY_VERSION"
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN poetry config virtualenvs.create false && poetry install --no-root --only main
COPY . .
ENTRYPOINT ["python", "-m", "app"]
