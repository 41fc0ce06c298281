# syntax=docker/dockerfile:1
# The SMS console as a container image. The last stage, `release`, is the one to run:
#   docker build --target release -t sms-console .
#   docker run --read-only --tmpfs /tmp -v sms-console-data:/data -p 8080:8080 sms-console
# docker-compose.yml builds and runs it the same way.

# Build: the production frontend bundle and the executable jar (needs the npm registry for the bundle).
FROM eclipse-temurin:21-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline -Pproduction
COPY frontend frontend
COPY src src
RUN ./mvnw -q -B -Pproduction -DskipTests package \
    && cp target/sms-console-*.jar application.jar \
    # Spring Boot's layered layout: dependencies, loader, snapshot dependencies and the application each
    # in a folder of their own, so that an image rebuilt after a code change reuses the dependency layers
    # (https://docs.spring.io/spring-boot/reference/packaging/container-images/dockerfiles.html)
    && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# Release: a JRE, the layers in order of how rarely they change, a user without a login, and nothing
# written outside /tmp and /data, so that it runs with a read-only root filesystem.
FROM eclipse-temurin:21-jre AS release
RUN useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin console \
    && mkdir -p /data \
    && chown console /data
WORKDIR /application
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
USER 10001
# /data: H2 and the emulator's state when no PostgreSQL is configured; /tmp: the JVM's and Tomcat's
# temporary files. Both stay writable under --read-only (a volume and a tmpfs).
VOLUME ["/data", "/tmp"]
ENV APP_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp"
EXPOSE 8080
# the console's health endpoint (the database included), the same the load balancer asks
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" >&3 && grep -q "\"status\":\"UP\"" <&3'
ENTRYPOINT ["java", "-jar", "application.jar"]
