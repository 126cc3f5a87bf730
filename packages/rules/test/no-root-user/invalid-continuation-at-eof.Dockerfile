FROM alpine:3.20
COPY app /usr/local/lib/app
RUN echo building \
