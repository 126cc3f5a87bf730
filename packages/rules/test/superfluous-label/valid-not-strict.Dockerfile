FROM alpine:3.22
LABEL anything="goes"
