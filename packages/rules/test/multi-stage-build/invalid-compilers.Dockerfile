FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends build-essential
COPY . /src
RUN make -C /src && make -C /src install
CMD ["/usr/local/bin/tool"]
