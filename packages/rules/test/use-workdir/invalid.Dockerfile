FROM golang:1.22
COPY . /src
RUN cd /src && go build -o /usr/local/bin/app .
RUN cd /src \
    && go test ./...
RUN cd /opt
RUN make && cd build && make install
RUN --mount=type=cache,target=/root/.cache cd /src && go vet ./...
RUN cd $HOME && ls
