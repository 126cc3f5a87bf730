# W2: `exec` goes after the assignments; `exec PORT=8080 node …` would run a program called PORT=8080
FROM node:22-slim AS cmd
CMD PORT=8080 node server.js

FROM node:22-slim AS wrapper
CMD ["sh", "-c", "PORT=8080 NODE_ENV=production node server.js"]

FROM node:22-slim
ENTRYPOINT cd /app && LOG_LEVEL=info node server.js
