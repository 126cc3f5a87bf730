FROM ubuntu:24.04
SHELL ["/bin/bash", "-c"]
RUN curl -fsSL https://example.com/install.sh | bash
