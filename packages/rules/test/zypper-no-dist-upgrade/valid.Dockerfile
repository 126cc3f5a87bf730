FROM opensuse/leap:15.6
RUN zypper -n patch && zypper clean -a
