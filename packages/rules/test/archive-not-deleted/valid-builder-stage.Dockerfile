FROM debian:bookworm-slim AS protoc
# a builder stage: its layers are not shipped, only /opt/protoc is
RUN curl -fsSL -o /tmp/protoc.zip https://github.com/protocolbuffers/protobuf/releases/download/v28.3/protoc-28.3-linux-x86_64.zip \
 && unzip /tmp/protoc.zip -d /opt/protoc
FROM debian:bookworm-slim
COPY --from=protoc /opt/protoc /usr/local
