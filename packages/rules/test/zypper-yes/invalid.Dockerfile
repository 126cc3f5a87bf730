FROM opensuse/leap:15.6
RUN zypper install curl && zypper clean -a
RUN zypper in git && zypper clean -a
RUN zypper install-new-recommends && zypper clean -a
