FROM opensuse/leap:15.6
RUN zypper -n install curl && zypper clean -a
RUN zypper --non-interactive in git && zypper clean -a
RUN zypper install --no-confirm vim && zypper clean -a
RUN zypper refresh
