FROM opensuse/leap:15.6
RUN zypper in -y curl && zypper clean -a
