FROM debian:bookworm-slim
RUN curl -fsSLO https://nodejs.org/dist/v22.11.0/node-v22.11.0-linux-x64.tar.xz \
 && tar -xJf node-v22.11.0-linux-x64.tar.xz -C /usr/local --strip-components=1 \
 && rm node-v22.11.0-linux-x64.tar.xz
RUN curl -fsSL https://example.com/z.tar.gz | tar -xz -C /opt
RUN wget -O /tmp/tool.deb https://example.com/tool_1.0_amd64.deb && dpkg -i /tmp/tool.deb && rm -rf /tmp/*
RUN curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz && tar xzf /tmp/a.tgz -C /opt && rm -f /tmp/*.tgz
RUN curl -fsSL -o /opt/keep.tar.gz https://example.com/keep.tar.gz
