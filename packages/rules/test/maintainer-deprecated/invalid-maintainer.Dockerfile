FROM debian:bookworm-slim
MAINTAINER Jane "JD" Doe <jane@example.org> $HOME

FROM debian:bookworm-slim
maintainer "John Roe"

FROM debian:bookworm-slim
LABEL maintainer="ops@example.org"
MAINTAINER ops@example.org
