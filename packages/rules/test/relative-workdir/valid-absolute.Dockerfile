FROM node:22-slim
WORKDIR /srv/app
WORKDIR $APP_HOME
WORKDIR "${DATA}"

FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\\app
WORKDIR "C:/data"
