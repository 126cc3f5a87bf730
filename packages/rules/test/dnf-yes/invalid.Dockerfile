FROM fedora:40
RUN dnf install python3 && dnf clean all
RUN dnf --setopt=install_weak_deps=False install gcc && dnf clean all
