FROM debian:bookworm-slim
# each first RUN leaves something in its shell that the second would see after a merge: unsafe
RUN cd /tmp
RUN ls

FROM debian:bookworm-slim
RUN export PATH=/opt/bin:$PATH
RUN tool --version

FROM debian:bookworm-slim
RUN set -e
RUN false; echo "runs without set -e"

FROM debian:bookworm-slim
RUN VERSION=1.2.3 && echo "$VERSION"
RUN echo "${VERSION:-unset}"

FROM debian:bookworm-slim
RUN . /etc/os-release && echo "$ID"
RUN echo "$ID"

FROM debian:bookworm-slim
RUN for f in a b; do touch "/$f"; done
RUN echo "$f"
