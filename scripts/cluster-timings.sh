#!/usr/bin/env bash
# Prints start-up and fault-primitive timings of a real cluster (default Raft timeouts): cluster-timings.sh [nodes]
# Needs the Docker engine and images (scripts/docker-up.sh). Builds node.jar and the harness into target-timings/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target-timings
if ! build="$(mvn -B -q -o -Dbuild.dir.name=$out -DskipTests -pl harness -am package \
    dependency:build-classpath -Dmdep.outputFile="$PWD/harness/$out/classpath.txt" -Dmdep.includeScope=test 2>&1)"; then
  echo "$build" >&2
  echo "cluster-timings: the build failed (output above)" >&2
  exit 1
fi
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-localhost}"
exec java -Drafttorture.node.jar="node/$out/node.jar" -Drafttorture.runs.dir="harness/$out/cluster-runs" \
  -cp "harness/$out/test-classes:harness/$out/classes:$(cat "harness/$out/classpath.txt")" \
  io.rafttorture.harness.cluster.ClusterTimings "$@"
