FROM fedora:40
RUN dnf install -y python3-3.12.4 && dnf clean all
