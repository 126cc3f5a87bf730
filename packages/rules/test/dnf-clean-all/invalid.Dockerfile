FROM fedora:40
RUN dnf install -y python3
RUN microdnf install -y python3
RUN sudo dnf -y upgrade
