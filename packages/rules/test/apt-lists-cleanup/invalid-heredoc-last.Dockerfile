FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends nginx && cat > /etc/nginx/conf.d/x.conf <<EOF
server { listen 80; }
EOF
