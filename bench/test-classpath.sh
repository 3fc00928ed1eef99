#!/usr/bin/env bash
# Sourced by the benchmarks that run a class of the test sources: compiles them (offline) and sets CLASSPATH to the
# events module's and the platform's classes and test classes with every test-scope dependency.
CP_FILE=$(mktemp)
mvn -q -B -o -pl modules/events -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
CLASSPATH="$ROOT/modules/events/target/test-classes:$ROOT/modules/events/target/classes"
CLASSPATH="$CLASSPATH:$ROOT/platform/target/test-classes:$ROOT/platform/target/classes:$ROOT/platform-api/target/classes"
CLASSPATH="$CLASSPATH:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
export CLASSPATH
