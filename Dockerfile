# Builds and runs Vigil's deployable (used by docker-compose.yml).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 vigil
USER vigil
COPY --from=build /src/modules/app/target/vigil.jar /app/vigil.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/vigil.jar"]
