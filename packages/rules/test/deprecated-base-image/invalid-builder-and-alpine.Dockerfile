FROM openjdk:17-jdk-alpine AS build
WORKDIR /src
COPY . .
RUN ./gradlew bootJar

FROM java:8-jre
COPY --from=build /src/build/libs/app.jar /app.jar
CMD ["java", "-jar", "/app.jar"]
