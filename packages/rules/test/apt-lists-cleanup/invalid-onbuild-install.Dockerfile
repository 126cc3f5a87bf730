# W9: a later ONBUILD RUN installs from these lists in child images: no deletion
FROM debian:bookworm-slim
RUN apt-get update
ONBUILD RUN apt-get install -y --no-install-recommends curl
