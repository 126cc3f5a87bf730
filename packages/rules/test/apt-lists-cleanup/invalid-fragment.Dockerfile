# hadolint DL3009 spec without FROM: a fragment is linted like a final stage.
RUN apt-get update && apt-get install -y python3
