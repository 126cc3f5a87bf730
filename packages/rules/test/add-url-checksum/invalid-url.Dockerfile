FROM debian:bookworm-slim
ADD https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 /usr/local/bin/gosu
ADD ["http://example.com/a.tar.gz", "/opt/"]
