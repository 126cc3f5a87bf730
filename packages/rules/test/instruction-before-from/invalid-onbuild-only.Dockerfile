# An ONBUILD-only snippet.
ONBUILD COPY . /app
ONBUILD RUN make
