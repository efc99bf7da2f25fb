# The OpenAMR server as a container image: the command line's jar built from these sources with the Maven wrapper
# on a JDK 17, run on a Java 17 runtime as a user without privileges, its data (the embedded PostgreSQL, the server
# key) on a volume. Not built by the project's tests; see the README, "Docker".
#
#   docker build -t openamr .
#   docker run -d --name openamr -p 8080:8080 -v openamr-data:/var/lib/openamr \
#       -e OPENAMR_INITIALADMINPASSWORD='…' openamr

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -pl cli -am package -DskipTests -Dmaven.javadoc.skip=true

# Ubuntu with glibc: the embedded PostgreSQL's x86-64 binaries run on it (an external database on other machines)
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system openamr \
    && useradd --system --gid openamr --home-dir /var/lib/openamr --no-create-home --shell /usr/sbin/nologin openamr \
    && install -d -o openamr -g openamr -m 0750 /var/lib/openamr
COPY --from=build /src/cli/target/openamr.jar /usr/share/openamr/openamr.jar
USER openamr
WORKDIR /var/lib/openamr
VOLUME /var/lib/openamr
EXPOSE 8080
# ready: the database answers, the schema is migrated, the periodic tasks run (server/MONITORING.md)
HEALTHCHECK --interval=30s --timeout=5s --start-period=2m --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
# exec form: docker stop's SIGTERM reaches the JVM, which stops the web server, the polls and the database in order
ENTRYPOINT ["java", "-jar", "/usr/share/openamr/openamr.jar"]
CMD ["server", "--data-dir", "/var/lib/openamr"]
