FROM eclipse-temurin:21-jre AS java
CMD ["sh", "-c", "java $JAVA_OPTS -jar /app/app.jar"]

FROM node:24-slim AS migrate
CMD ["/bin/bash", "-c", "npm run migrate && npm start"]

FROM alpine:3.22
ENTRYPOINT ["sh", "-ec", "echo \"starting\"; /usr/local/bin/app --config /etc/app.yml"]
