FROM node:22-slim
COPY package.json package-lock.json /app
COPY a.txt b.txt "/data dir"
COPY ["x.js", "y.js", "/srv"]
