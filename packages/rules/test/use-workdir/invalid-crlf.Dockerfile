FROM golang:1.22
RUN cd /src && \
    make
