FROM opensuse/leap:15.6
RUN zypper install -y curl && zypper clean -a
RUN zypper -n in git && zypper cc
RUN zypper -n rm vim
