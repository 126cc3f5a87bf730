FROM alpine:3.22
LABEL org.opencontainers.image.title="x" maintainer="jo@example.com" com.example/team_name="y"
