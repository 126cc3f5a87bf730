FROM alpine:3.20
RUN echo one # a shell comment would swallow a `&& \` appended after it
RUN echo two

FROM alpine:3.20
RUN ["/bin/sh", "-c", "echo exec form"]
RUN echo shell form

FROM alpine:3.20
RUN <<EOF
echo heredoc
EOF
RUN echo after heredoc

FROM alpine:3.20
RUN sleep 10 &
RUN echo background

FROM alpine:3.20
RUN echo before pragma
# hadolint ignore=DL3018
RUN apk add curl

FROM alpine:3.20
RUN echo a
RUN if then fi

FROM alpine:3.20
RUN echo a
RUN echo b || echo c # grouping would put `; }` inside this comment
