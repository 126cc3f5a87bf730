FROM opensuse/leap:15.6
RUN zypper in -y "curl>=8" && zypper clean -a
