# The stage uses wget and its triggers use curl: neither sequence needs both tools.
FROM debian:12
RUN wget -q https://example.com/a
ONBUILD RUN curl -fsSL https://example.com/b -o /b
