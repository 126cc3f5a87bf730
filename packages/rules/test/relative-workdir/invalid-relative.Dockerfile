FROM node:22-slim
WORKDIR app
RUN npm ci

FROM node:22-slim AS second
WORKDIR /srv
# the app lives below /srv
WORKDIR "app/current"
WORKDIR ./logs/
