FROM debian:bookworm-slim
RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt
RUN echo ok
RUN wget -qO- https://example.com/key | gpg --dearmor > /usr/share/keyrings/x.gpg
