FROM node:20
WORKDIR /app
COPY . .
RUN npm ci
# hadolint ignore=DL3025
CMD npm start
