FROM eclipse-temurin:17-jre-jammy
# container-aware heap, the JDK 8 way
ENV JAVA_TOOL_OPTIONS="-XX:+UnlockExperimentalVMOptions -XX:+UseCGroupMemoryLimitForHeap -XX:MaxRAMFraction=2"
COPY app.jar /app.jar
USER 1001
ENTRYPOINT ["java", "-jar", "/app.jar"]
