# a tool image: go install, no -o
FROM golang:1.26
WORKDIR /src
COPY . .
RUN go install ./cmd/migrate && \
    groupadd --system app && useradd --system --gid app --no-log-init app
USER app
ENTRYPOINT ["migrate"]
