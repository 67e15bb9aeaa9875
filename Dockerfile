# Builds Headroom from source and runs it on a JRE; docker-compose.yml pairs it with PostgreSQL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/headroom --create-home headroom
USER headroom
COPY --from=build /src/target/headroom.jar /opt/headroom/headroom.jar
# In a container Headroom must listen beyond loopback, so telemetry needs ingest tokens (made by an
# administrator under API tokens) and the demo fleet, which has none, stays off.
ENV HEADROOM_ADDRESS=0.0.0.0 HEADROOM_INGEST_AUTH=token HEADROOM_DEMO_ENABLED=false
EXPOSE 8080 4318
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/headroom/headroom.jar"]
