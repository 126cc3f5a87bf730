FROM opensuse/tumbleweed
RUN zypper -n dist-upgrade && zypper clean -a
RUN zypper -n dup
