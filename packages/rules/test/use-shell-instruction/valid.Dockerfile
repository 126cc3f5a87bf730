FROM debian:bookworm-slim
SHELL ["/bin/bash", "-c"]
RUN ln -s /bin/sh /usr/local/bin/mysh && ls /bin/sh
