FROM tomcat:10.1-jre17
ENV JAVA_TOOL_OPTIONS="-XX:+UnlockExperimentalVMOptions -XX:+UseCGroupMemoryLimitForHeap" \
    CATALINA_OPTS="-XX:MaxRAMPercentage=60.0 -Xmx512m"
CMD ["catalina.sh", "run"]
