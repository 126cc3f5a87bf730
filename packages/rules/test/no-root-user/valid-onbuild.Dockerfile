# ONBUILD USER root switches the user of the image built on this one, not of this image.
FROM node:22-slim
ONBUILD USER root
USER node
CMD ["node", "server.js"]
