FROM opensuse/leap:15.6
ONBUILD RUN zypper install httpd=2.4.24 && zypper clean
