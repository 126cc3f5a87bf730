# builds and runs in the Maven image: reported, no automatic split for Maven
FROM maven:3.9-eclipse-temurin-21
WORKDIR /usr/src/app
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests
EXPOSE 8080
CMD ["java", "-jar", "target/service-1.0.jar"]
