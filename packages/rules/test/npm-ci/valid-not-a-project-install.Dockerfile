FROM node:20
WORKDIR /app
# installs of named packages, global installs and deliberate lockfile-less installs are left alone
RUN npm install express@4
RUN npm install -g pm2 && npm i --global typescript && npm install --location=global yarn
RUN npm install -gf corepack
# installs the project in the current directory globally: `npm ci` has no global mode
RUN npm install -g && npm i --location=global --no-audit
RUN npm install $EXTRA_PACKAGES
RUN npm install --no-package-lock
RUN npm install --package-lock=false
RUN npm install ./local-package
RUN npm ci && npm run install
RUN echo npm install
RUN yarn install && pnpm install
# exec form is not shell code
RUN ["npm", "install"]
