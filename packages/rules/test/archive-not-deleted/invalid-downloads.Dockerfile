FROM debian:bookworm-slim
# Node from the release tarball
RUN curl -fsSLO https://nodejs.org/dist/v22.11.0/node-v22.11.0-linux-x64.tar.xz \
 && tar -xJf node-v22.11.0-linux-x64.tar.xz -C /usr/local --strip-components=1
RUN wget -O /tmp/tool.deb https://example.com/tool_1.0_amd64.deb && dpkg -i /tmp/tool.deb
RUN curl -fsSL -o /tmp/x.zip https://example.com/x.zip && unzip /tmp/x.zip -d /opt && ls /tmp/x.zip
RUN cd /tmp && wget https://example.com/y.tar.gz && tar xzf y.tar.gz && cd / && echo done
