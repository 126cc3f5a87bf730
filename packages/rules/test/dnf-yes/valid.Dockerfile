FROM fedora:40
RUN dnf install -y python3 && dnf clean all
RUN microdnf install python3 && microdnf clean all
RUN dnf makecache
