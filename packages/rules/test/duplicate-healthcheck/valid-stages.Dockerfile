FROM nginx:1.29 AS base
HEALTHCHECK CMD curl -f http://localhost/ || exit 1

FROM base
HEALTHCHECK NONE
