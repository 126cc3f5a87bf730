# Lines before the first FROM are instruction-before-from's report, not an unused stage.
LABEL a=b
FROM alpine:3.20
CMD ["sh"]
