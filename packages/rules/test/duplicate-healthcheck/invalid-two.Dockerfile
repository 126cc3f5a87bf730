FROM nginx:1.29
HEALTHCHECK CMD curl -f http://localhost/ || exit 1

HEALTHCHECK --interval=30s \
  CMD curl -f http://localhost/health || exit 1
