FROM --platform=$TARGETPLATFORM alpine:3.22
FROM   --platform=${TARGETPLATFORM}   debian:bookworm-slim AS two
