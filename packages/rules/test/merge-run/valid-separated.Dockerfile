FROM node:20 AS build
RUN npm ci
WORKDIR /app
RUN npm run build

FROM node:20
RUN echo "first RUN of a new stage"
ENV NODE_ENV=production
RUN echo done
ONBUILD RUN echo one
ONBUILD RUN echo two
