FROM debian:bookworm-slim
# W1: replacing /bin/sh changes the shell the next RUN starts with; merged, `source` would run under dash
RUN rm /bin/sh && ln -s /bin/bash /bin/sh
RUN source /etc/profile && echo ok

FROM debian:bookworm-slim
RUN ln -sf /bin/bash /bin/sh
RUN source /etc/profile

FROM debian:bookworm-slim
RUN echo "dash dash/sh boolean false" | debconf-set-selections && dpkg-reconfigure -f noninteractive dash
RUN source /etc/profile

FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
# installing packages and building the app are two cache steps
RUN npm ci
RUN npm run build

FROM golang:1.26 AS build
WORKDIR /src
COPY . .
RUN apt-get update && apt-get install -y --no-install-recommends libpcap-dev && rm -rf /var/lib/apt/lists/*
RUN go build -o /out/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
# exec-form RUNs in a stage without a shell cannot be joined with `&&`
RUN ["/app", "migrate"]
RUN ["/app", "seed"]

FROM debian:bookworm-slim
# merged, these would be 5 steps: more than maxCommands (4)
RUN mkdir -p /opt/a /opt/b && touch /opt/a/x && touch /opt/b/y
RUN chmod 600 /opt/a/x && chown nobody /opt/b/y
