# A partial: hadolint's examples are mostly like this. Every other rule still runs on it.
RUN apt-get update && apt-get install -y curl
