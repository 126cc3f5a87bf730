FROM node:22-slim
COPY missing-entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
