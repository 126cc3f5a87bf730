# Reported in a trigger, but not fixed: an ONBUILD WORKDIR would outlive the trigger into the child build.
FROM debian:12
ONBUILD RUN cd /app && make
onbuild run cd /src
