FROM node:24-slim
COPY package.json README.md ./
COPY node_modules/ ./node_modules/
ADD docs/guide.md /srv/
COPY ./secrets/.env /srv/.env
