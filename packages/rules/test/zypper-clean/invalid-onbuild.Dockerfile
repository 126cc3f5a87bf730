FROM opensuse/leap:15.6
ONBUILD RUN zypper install -y mariadb=10.4
