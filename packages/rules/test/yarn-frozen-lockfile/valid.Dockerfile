FROM node:20-alpine
RUN yarn install --frozen-lockfile
RUN yarn install --immutable
RUN yarn add left-pad
RUN yarn global add serve
RUN yarn build
RUN yarn --version
RUN YARN_ENABLE_IMMUTABLE_INSTALLS=true yarn install
