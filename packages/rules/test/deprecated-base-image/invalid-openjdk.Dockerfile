FROM openjdk:11-jre-slim
COPY app.jar /app/app.jar
CMD ["java", "-jar", "/app/app.jar"]
