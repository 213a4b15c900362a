# The bs-options reference app (./bs) as a container image.
#   docker build -t bs-options .
#   docker run --rm -p 127.0.0.1:8080:8080 -e BS_DASHBOARD_BIND=0.0.0.0 \
#     -e BS_DASHBOARD_TOKEN=change-me bs-options dashboard
# compose.yaml runs it with PostgreSQL and InfluxDB.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -Pquick -pl bs-examples -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app bs
WORKDIR /app
COPY --from=build /src/bs-examples/target/bs-app.jar /app/bs-app.jar
COPY --from=build /src/bs-examples/target/lib /app/lib
RUN mkdir -p /app/output && chown bs /app/output
USER bs
ENV BS_OUTPUT_DIR=/app/output
VOLUME /app/output
EXPOSE 8080
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "-Dai.djl.offline=true", "-XX:+UseParallelGC", "-XX:ThreadPriorityPolicy=1", "-XX:CompilerThreadPriority=19", "-jar", "/app/bs-app.jar"]
CMD ["--help"]
