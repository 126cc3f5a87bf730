FROM node:22-bookworm
LABEL org.opencontainers.image.source="https://example.com/app"
# the port the app listens on
EXPOSE 8080
ENV APP_HOME=/srv/app
WORKDIR /srv/app
COPY . .
RUN npm install && npx tsc -p .
USER node
CMD ["node", "build/index.js"]
