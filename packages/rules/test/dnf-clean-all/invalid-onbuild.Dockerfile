FROM fedora:40
ONBUILD RUN dnf install -y mariadb-10.4
