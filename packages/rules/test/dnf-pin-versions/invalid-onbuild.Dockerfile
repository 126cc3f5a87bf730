FROM fedora:40
ONBUILD RUN dnf install -y rpm-sign && dnf clean all
