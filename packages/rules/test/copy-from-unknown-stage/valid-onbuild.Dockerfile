# In a trigger, --from= names a stage of the Dockerfile that builds on this image.
FROM node:22-slim
ONBUILD COPY --from=builder /app/dist /app
