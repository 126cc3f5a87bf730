FROM debian:buster-slim AS buster
FROM ubuntu:18.04 AS bionic
FROM alpine:3.14 AS old-alpine
FROM python:3.12-alpine3.17 AS py
FROM node:22-bullseye AS bullseye
FROM gcr.io/distroless/base-debian10
