FROM --platform=linux/amd64 registry.example.com:5000/team/base:latest AS base
FROM python:latest
COPY --from=base /opt/tool /opt/tool
