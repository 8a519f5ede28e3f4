#!/bin/sh
# Trains a small LSTM on generated data with whatever ND4J backend the jar holds (CPU, or CUDA for a jar built
# with ./mvnw -Pcuda -Pproduction package) and prints backend, device, seconds and final loss.
#   scripts/gpu-smoke.sh [JAR] [gpu-smoke options, e.g. --epochs 10 --units 64]
# The jar defaults to target/trendcast.jar; TRENDCAST_JAR overrides it as well.
set -eu
JAR="${TRENDCAST_JAR:-target/trendcast.jar}"
case "${1:-}" in
  *.jar) JAR="$1"; shift ;;
esac
if [ ! -f "$JAR" ]; then
  echo "No jar at $JAR: build one with ./mvnw -Pproduction package (add -Pcuda for the GPU backend)" >&2
  exit 2
fi
exec java -jar "$JAR" gpu-smoke "$@"
