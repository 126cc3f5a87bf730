FROM node:22-slim
USER root
RUN apt-get update
USER 1000

FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
USER ContainerUser
