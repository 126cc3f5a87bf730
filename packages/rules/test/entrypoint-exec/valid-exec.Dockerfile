FROM debian:bookworm-slim
COPY exec-entrypoint.sh /entrypoint.sh
COPY branch-entrypoint.sh python-entrypoint.sh /opt/
ENTRYPOINT ["/entrypoint.sh"]
