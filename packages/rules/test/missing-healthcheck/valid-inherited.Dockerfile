FROM node:22-slim AS base
HEALTHCHECK CMD ["node", "healthcheck.js"]

# Inherited from the stage it is built on.
FROM base
CMD ["node", "server.js"]
