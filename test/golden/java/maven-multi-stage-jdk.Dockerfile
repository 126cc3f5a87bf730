FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests

# runtime
FROM eclipse-temurin:21-jdk
WORKDIR /app
COPY --from=build /build/target/app.jar /app/app.jar
RUN useradd --system --uid 10001 spring
USER spring
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
