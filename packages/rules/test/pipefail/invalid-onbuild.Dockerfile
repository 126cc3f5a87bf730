# A trigger gets the report, without the SHELL fix (a SHELL line would change this stage too).
FROM debian:12
ONBUILD RUN curl -fsSL https://example.com/x | sh
