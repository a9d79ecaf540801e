# Sourced by the scripts: builds the test classes once and prints the classpath to run them with.
test_classpath() {
  local cp_file=target/test-classpath.txt
  ./mvnw -q -B test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
  echo "target/test-classes:$(cat "$cp_file")"
}
