FROM jupyter/base-notebook
ARG NB_UID=1000
USER root
RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
USER ${NB_UID}
