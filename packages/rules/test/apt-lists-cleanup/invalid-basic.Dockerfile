FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-get update -qq && apt-get install -qq -y git # a trailing comment
