# an assignment takes the status of its command substitution: pipefail matters there
FROM debian:bookworm-slim
RUN VERSION=$(curl -fsSL https://example.com/latest | head -n1) && echo "$VERSION" > /version
