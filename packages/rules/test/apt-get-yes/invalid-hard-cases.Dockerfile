FROM debian:bookworm-slim
# behind set -eux, with continuations
RUN set -eux; \
    apt-get update; \
    apt-get install \
        --no-install-recommends \
        ca-certificates curl; \
    rm -rf /var/lib/apt/lists/*
# inside if, and after ||
RUN if [ "$(uname -m)" = x86_64 ]; then apt-get install -y --no-install-recommends libfoo; else apt-get install libbar; fi
RUN apt-get install -y git || apt-get install git-core
# in a heredoc
RUN <<EOF
apt-get update
apt-get install --no-install-recommends python3
rm -rf /var/lib/apt/lists/*
EOF
