FROM node:22-slim
COPY package.json package-lock.json /app/
COPY a.txt /data/a.txt
COPY a.txt b.txt $DEST
