# The SMS console as a container: built with the production frontend bundle, run on a JRE.
# docker compose builds it (see docker-compose.yml); alone: docker build -t sms-console .
FROM eclipse-temurin:21-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline -Pproduction
COPY frontend frontend
COPY src src
RUN ./mvnw -q -B -Pproduction -DskipTests package && cp target/sms-console-*.jar /build/sms-console.jar

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 console && mkdir -p /data && chown console /data
USER console
WORKDIR /app
COPY --from=build /build/sms-console.jar /app/sms-console.jar
ENV APP_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD bash -c '</dev/tcp/127.0.0.1/8080' || exit 1
ENTRYPOINT ["java", "-jar", "/app/sms-console.jar"]
