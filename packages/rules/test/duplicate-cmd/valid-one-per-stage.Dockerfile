FROM node:22-slim AS base
CMD ["node"]

FROM base
CMD ["node", "server.js"]
