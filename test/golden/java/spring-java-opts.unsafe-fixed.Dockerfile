FROM eclipse-temurin:21-jre
# heap and GC settings
ENV JAVA_OPTS="-XX:InitialRAMPercentage=75.0 -XX:MaxRAMPercentage=75.0 -XX:+UseG1GC"
WORKDIR /opt/service
COPY build/libs/service.jar service.jar
RUN groupadd --system svc && useradd --system --gid svc svc
USER svc
EXPOSE 8080
CMD ["sh", "-c", "exec java $JAVA_OPTS -jar service.jar"]
