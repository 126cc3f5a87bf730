FROM fedora:40
RUN dnf install -y python3 && dnf clean all
RUN microdnf install -y git && microdnf clean all
RUN dnf install -y vim && rm -rf /var/cache/dnf
