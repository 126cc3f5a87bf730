# No FROM: the base image is unknown, so the report has no SHELL fix.
RUN curl -fsSL https://example.com/x | sh
