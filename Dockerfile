# Builds Headroom from source and runs it on a JRE; docker-compose.yml pairs it with PostgreSQL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/headroom --create-home headroom
USER headroom
COPY --from=build /src/target/headroom.jar /opt/headroom/headroom.jar
EXPOSE 8080 4318
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/headroom/headroom.jar"]
