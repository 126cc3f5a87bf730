# W7: the ONBUILD RUN triggers run in child builds as the user this image ends with; adding USER here
# would take root away from them, so the rule reports without a fix
FROM debian:bookworm-slim
COPY tools/ /opt/tools/
ONBUILD COPY . /src
ONBUILD RUN apt-get update && apt-get install -y --no-install-recommends build-essential
CMD ["/opt/tools/run"]
