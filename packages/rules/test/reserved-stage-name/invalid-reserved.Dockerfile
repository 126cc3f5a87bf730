FROM alpine:3.22 AS scratch
FROM alpine:3.22 AS Context
