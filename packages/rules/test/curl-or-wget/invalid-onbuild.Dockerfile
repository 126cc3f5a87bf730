# The triggers run together in the downstream build: they are a sequence of their own, apart from the stage.
FROM debian:12
RUN wget -q https://example.com/a
ONBUILD RUN curl -fsSL https://example.com/b -o /b
ONBUILD RUN wget -q https://example.com/c
