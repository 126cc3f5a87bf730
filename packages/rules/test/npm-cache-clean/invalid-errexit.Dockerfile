FROM node:20 AS base
WORKDIR /app
COPY . .
# no `set -e`: `npm ci && clean; next` fails and continues exactly like `npm ci; next`
RUN npm ci; npm run build

FROM base
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
# errexit from SHELL: the clean must stay a statement of its own
RUN npm ci --omit=dev; npm run build
# ...unless a later command reads the install's status
RUN set -e; npm ci; echo "npm exited with $?"
# the install is the last command: its status is the RUN's either way
RUN set -e; cd /app && npm ci
RUN npm ci & wait
