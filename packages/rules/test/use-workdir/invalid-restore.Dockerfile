# W6: WORKDIR outlives the RUN, so the previous one is restored for the instructions after it
FROM node:22-slim
WORKDIR /app
COPY . .
RUN cd frontend && npm ci && npm run build
CMD ["node", "server.js"]

# the previous WORKDIR is not known (the base image may set one): no fix
FROM golang:1.26 AS tools
RUN cd /src && go build ./...
RUN go version
