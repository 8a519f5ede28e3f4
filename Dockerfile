# syntax=docker/dockerfile:1
#
# Trendcast image. CPU (default):
#   docker build -t trendcast .
# GPU variant (ND4J CUDA 11.6 backend; the host needs the NVIDIA container toolkit):
#   docker build --build-arg BACKEND=cuda --build-arg RUNTIME_IMAGE=nvidia/cuda:11.6.2-cudnn8-runtime-ubuntu20.04 -t trendcast:gpu .
# Run:
#   docker run -p 8080:8080 -e TRENDCAST_ADMIN_PASSWORD=... -v trendcast-data:/app/data -v trendcast-uploads:/app/uploads trendcast

ARG RUNTIME_IMAGE=eclipse-temurin:17-jre-jammy

FROM eclipse-temurin:17-jdk-jammy AS build
ARG BACKEND=cpu
WORKDIR /src
# Dependencies first: this layer changes only when the POM does.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q dependency:go-offline -Pproduction $( [ "$BACKEND" = "cuda" ] && echo -Pcuda ) || true
COPY frontend/ frontend/
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests -Pproduction $( [ "$BACKEND" = "cuda" ] && echo -Pcuda ) package \
    && cp target/trendcast.jar /trendcast.jar

FROM ${RUNTIME_IMAGE}
# The CUDA runtime image has no Java: install a JRE there; the Temurin image has one already.
RUN if ! command -v java >/dev/null; then \
      apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless curl \
      && rm -rf /var/lib/apt/lists/*; \
    elif ! command -v curl >/dev/null; then \
      apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*; \
    fi
RUN groupadd --system trendcast && useradd --system --gid trendcast --create-home --home-dir /home/trendcast trendcast
WORKDIR /app
COPY --from=build /trendcast.jar /app/trendcast.jar
RUN mkdir -p /app/data /app/uploads && chown -R trendcast:trendcast /app
USER trendcast
# ND4J extracts its native libraries under $HOME/.javacpp at first use: HOME must be writable.
ENV HOME=/home/trendcast \
    OMP_NUM_THREADS=1 \
    TRENDCAST_DATA_DIR=/app/data \
    TRENDCAST_UPLOADS_DIR=/app/uploads \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME ["/app/data", "/app/uploads"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fs http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/trendcast.jar"]
