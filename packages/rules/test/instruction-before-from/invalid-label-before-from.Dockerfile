# hadolint DL3061 spec: LABEL before FROM. Only the first misplaced instruction is reported.
LABEL foo=bar
RUN echo hi
FROM foo
