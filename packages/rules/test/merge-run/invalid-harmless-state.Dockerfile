FROM debian:bookworm-slim
# subshells keep their cd and variables; `set -x` only changes the build log: safe;
# and the second RUN's own state (line 8) cannot leak backwards
RUN (cd /tmp && X=1 make) && echo "$(cd /etc; pwd)"
RUN set -x && ls
RUN pwd
RUN echo start
RUN cd /srv && export A=1 && ./configure

FROM debian:bookworm-slim
# compound commands without state changes are fine
RUN if [ -f /etc/debian_version ]; then echo debian; else echo other; fi
RUN case "$(uname -m)" in x86_64) echo amd64 ;; *) echo other ;; esac
RUN while false; do :; done
