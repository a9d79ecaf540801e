# Sourced by the scripts: builds the test classes once and prints the classpath to run them with;
# fails (status 1, Maven's errors on stderr) when the build fails.
# LOADTEST_CLASSPATH, when set, is that classpath: nothing is built (the project's tests use it).
test_classpath() {
  if [[ -n ${LOADTEST_CLASSPATH:-} ]]; then
    echo "$LOADTEST_CLASSPATH"
    return
  fi
  local cp_file=target/test-classpath.txt
  ./mvnw -q -B test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2 || return 1
  echo "target/test-classes:$(cat "$cp_file")"
}
