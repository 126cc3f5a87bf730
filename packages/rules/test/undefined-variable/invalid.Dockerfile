ARG APP_DIR=/srv/app
FROM alpine:3.22 AS build
COPY . $APP_DIR
COPY $SRC .
ARG SRC=src
ENV PATH=$PAHT:/opt/bin
WORKDIR $HOME_DIR
COPY --chown=$APP_USER:$APP_USER app /app
ARG TARGETARCH
COPY bin/$TARGETOS-$TARGETARCH /usr/local/bin/tool

FROM node:24-slim
ARG DIR_ASSETS=assets/
COPY $DIR_ASSET /srv/
LABEL version=$APP_DIR
