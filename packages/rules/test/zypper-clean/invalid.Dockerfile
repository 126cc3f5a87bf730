FROM opensuse/leap:15.6
RUN zypper install -y curl
RUN zypper -n in git && echo installed
