FROM ruby:3.3-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*
# a pinned release of a tool, unpacked into /usr/local
RUN curl -fsSL -o /tmp/overmind.gz https://github.com/DarthSim/overmind/releases/download/v2.5.1/overmind-v2.5.1-linux-amd64.gz \
 && curl -fsSLO https://github.com/mikefarah/yq/releases/download/v4.44.3/yq_linux_amd64.tar.gz \
 && tar -xzf yq_linux_amd64.tar.gz -C /usr/local/bin ./yq_linux_amd64
WORKDIR /app
COPY . .
RUN bundle install
USER nobody
CMD ["bundle", "exec", "puma"]
