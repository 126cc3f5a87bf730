# base images whose default user is not root, and a database image whose entrypoint drops privileges
FROM bitnami/node:22 AS bitnami
FROM cgr.dev/chainguard/python:latest AS chainguard
FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled AS chiseled
FROM postgres:17
COPY init.sql /docker-entrypoint-initdb.d/
