# A trigger runs in another build: --from=app there is not this stage.
FROM node:22-slim AS app
ONBUILD COPY --from=app /x /x
