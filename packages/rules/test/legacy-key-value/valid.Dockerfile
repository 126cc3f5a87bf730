FROM alpine:3.22
ENV APP_HOME=/srv/app GREETING="hello world"
LABEL description="A small tool" version=1.0
ARG VERSION 
ARG A B
