FROM python:2.7-slim-buster
COPY . /opt/tool
RUN pip install /opt/tool
ENTRYPOINT ["tool"]
