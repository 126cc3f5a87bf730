FROM debian:bookworm-slim
RUN cd /tmp && wget -q https://example.com/x.tar.gz && tar -xzf x.tar.gz -C /opt
RUN rm -rf /tmp/x.tar.gz
