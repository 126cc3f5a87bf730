FROM scratch
FROM alpine:3.22 AS base
