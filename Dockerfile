# Builds and runs Vigil's deployable (used by docker-compose.yml).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 vigil
WORKDIR /app
COPY --from=build /src/modules/app/target/vigil.jar /tmp/vigil.jar
# The JDK's ahead-of-time cache (docs/reliability.md, "Start-up"; bin/lib/aot-cache.sh does the same outside Docker):
# the jar extracted, so that its class path is plain jars, then one training run that writes /app/vigil.aot as its JVM
# exits once every bean is made (spring.context.exit=onRefresh). It needs no server: Flyway is off and nothing
# connects before the context has refreshed. Trained in this image, on the JVM and at the paths it runs with.
RUN java -Djarmode=tools -jar /tmp/vigil.jar extract --destination /app && rm /tmp/vigil.jar \
    && SPRING_PROFILES_ACTIVE=production SPRING_FLYWAY_ENABLED=false SERVER_PORT=0 \
       VIGIL_DB_URL=jdbc:postgresql://127.0.0.1:1/aot-training VIGIL_REDIS_URL=redis://127.0.0.1:1/0 \
       VIGIL_JWT_SECRET=aot-training-run-serves-nothing-and-signs-nothing-0123456789 \
       java -XX:MaxRAMPercentage=75 -XX:AOTCacheOutput=/app/vigil.aot -Dspring.context.exit=onRefresh \
           -jar /app/vigil.jar >/tmp/aot-training.log 2>&1 \
    || { tail -40 /tmp/aot-training.log; exit 1; }
USER vigil
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:AOTCache=/app/vigil.aot", "-jar", "/app/vigil.jar"]
