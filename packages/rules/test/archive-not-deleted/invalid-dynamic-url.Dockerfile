FROM debian:bookworm-slim
ARG GOSU_URL
# the URL is a variable, the file name is not
RUN wget -q "$GOSU_URL" -O /tmp/gosu.tar.gz && tar -xzf /tmp/gosu.tar.gz -C /usr/local/bin
