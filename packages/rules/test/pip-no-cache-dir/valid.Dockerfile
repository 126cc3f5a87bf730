FROM python:3.12 AS build
RUN pip install wheel

FROM python:3.12-slim
RUN pip install --no-cache-dir flask
RUN PIP_NO_CACHE_DIR=1 pip install gunicorn
RUN export PIP_NO_CACHE_DIR=1 && pip install uvicorn
RUN --mount=type=cache,target=/root/.cache/pip pip install requests
RUN pip install $PIP_ARGS numpy
RUN pip freeze
COPY --from=build /usr/local/lib /usr/local/lib
