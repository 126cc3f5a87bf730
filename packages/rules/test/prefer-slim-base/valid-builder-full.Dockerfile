# multi-stage official-image style: the builder uses the full image, the final stage a slim one
FROM python:3.12 AS build
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM python:3.12-slim
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*
CMD ["python", "-m", "app"]
