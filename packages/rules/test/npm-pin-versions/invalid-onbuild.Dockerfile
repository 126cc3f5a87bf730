FROM node:22-slim
ONBUILD RUN npm install -g @myorg/privatepackage
