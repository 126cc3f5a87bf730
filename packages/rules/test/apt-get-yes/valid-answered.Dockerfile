FROM debian:bookworm-slim
RUN apt-get install -y curl
RUN apt-get install --yes curl
RUN apt-get --assume-yes install curl
RUN apt-get install -qq curl
RUN apt-get -q -q install curl
RUN apt-get install -q=2 curl
RUN apt-get -o APT::Get::Assume-Yes=true install curl
RUN yes | apt-get install curl
RUN apt-get install $APT_FLAGS curl
RUN apt-get update && apt-cache policy curl
