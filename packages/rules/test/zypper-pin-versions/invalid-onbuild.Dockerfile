FROM opensuse/leap:15.6
ONBUILD RUN zypper install -y tomcat && zypper clean
