FROM node:20-alpine
RUN npm install -g git+ssh://git@github.com:npm/npm.git git://github.com/npm/cli.git#v10.0.0
