FROM alpine:3.20
# a final `;` of the first RUN is dropped: `a; b; && c` would not parse
RUN mkdir -p /a; touch /a/x;
RUN touch /a/y
RUN find /a -name x -exec rm {} \;
RUN ls /a
