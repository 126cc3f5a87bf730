FROM debian:bookworm-slim
RUN wget -q https://example.org/a && wget -nv https://example.org/b && wget --progress=bar:force https://example.org/c
RUN wget -qO- https://example.org/d | sh
