FROM python:2.7-slim-buster
COPY . /opt/tool
RUN pip install --no-cache-dir /opt/tool && \
    groupadd --system app && useradd --system --gid app --no-log-init app
USER app
ENTRYPOINT ["tool"]
