FROM eclipse-temurin:11-jre

# JVM 튜닝 파라미터
ENV JAVA_OPTS="-XX:InitialRAMPercentage=37.5 -XX:MaxRAMPercentage=75.0 -XX:+UseG1GC -XX:MaxGCPauseMillis=200 -XX:+UseStringDeduplication"

# 애플리케이션 설정
COPY app.jar /app/
WORKDIR /app

# 비특권 사용자
RUN adduser --disabled-password --gecos '' appuser
USER appuser

# 성능 모니터링 포트 노출
EXPOSE 8080 9090

CMD ["sh", "-c", "exec java $JAVA_OPTS -jar app.jar"]
