# Two triggers: the same stale-index problem in the downstream build; reported without a fix.
FROM debian:12
ONBUILD RUN apt-get update
ONBUILD RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
