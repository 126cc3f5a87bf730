FROM alpine:3.20 AS base
RUN adduser -S -D app
USER app:app

FROM base
COPY --chown=app:app app /home/app/app
CMD ["/home/app/app"]
