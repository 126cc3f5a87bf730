FROM ghcr.io/acme/base:1.2
