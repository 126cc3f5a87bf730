FROM --platform=linux/amd64 debian:bookworm-slim
FROM --platform=$MYPLATFORM debian:bookworm-slim
