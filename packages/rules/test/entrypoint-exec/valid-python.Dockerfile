FROM python:3.12-slim
COPY python-entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
