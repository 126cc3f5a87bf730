ARG VERSION
FROM node:24-slim AS web
FROM python:3.13-slim-bookworm AS api
FROM golang:1.26-alpine3.22 AS go
FROM postgres:17 AS db
FROM ubuntu:24.04 AS os
FROM eclipse-temurin:21-jre AS java
FROM node:${VERSION} AS templated
FROM alpine:3.22
