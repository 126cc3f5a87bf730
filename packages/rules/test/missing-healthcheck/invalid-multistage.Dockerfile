FROM python:3.12-slim AS build
RUN pip wheel --wheel-dir /wheels flask

# The shipped stage has no HEALTHCHECK; the builder's does not count.
FROM python:3.12-slim
COPY --from=build /wheels /wheels
CMD ["python", "-m", "app"]
