# the final stage only runs the jar: the successor is the JRE, and the message names the image the fix writes
FROM openjdk:17-jdk-alpine
COPY target/app.jar /app.jar
CMD ["java", "-jar", "/app.jar"]
