FROM alpine:3.22
ENV APP=/opt/app BIN=$APP/bin
ENV A=1 \
    B="${A}-x"
