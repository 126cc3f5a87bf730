FROM gcr.io/distroless/base-debian12
RUN cat /etc/os-release | grep ID
