FROM ubuntu:24.04
RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl && sudo rm -rf /var/lib/apt/lists/*
RUN sudo -E make install
USER dev
RUN sudo make install
