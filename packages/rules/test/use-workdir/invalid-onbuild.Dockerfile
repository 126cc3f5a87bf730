# In a trigger, the WORKDIR the fix adds is a trigger too.
FROM debian:12
ONBUILD RUN cd /app && make
onbuild run cd /src
