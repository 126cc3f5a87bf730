FROM fedora:40
RUN dnf module install -y nodejs:20 && dnf install -y git-core-2.45.2 && dnf clean all
