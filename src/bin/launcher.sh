#!/bin/sh
# Written by `mvn package` as target/bin/<command> (src/assembly/launchers.xml lists the copies):
# runs the command on a plain JVM with the class path Maven resolved, so stdout carries only the
# command's output (Maven's exec:java adds colour codes), and says whether stderr is a terminal
# (the progress bar draws only there).
set -e
bin=$(cd "$(dirname "$0")" && pwd)
target=$(dirname "$bin")
command=$(basename "$0")
case "$command" in
  verify) main=com.biometriclogger.cli.VerifyCommand; scope=runtime; classes="$target/classes" ;;
  erase)  main=com.biometriclogger.cli.EraseCommand; scope=runtime; classes="$target/classes" ;;
  review) main=com.biometriclogger.cli.ReviewCommand; scope=runtime; classes="$target/classes" ;;
  local)  main=com.biometriclogger.local.tools.LocalMain; scope=test; classes="$target/test-classes:$target/classes" ;;
  *) echo "$command: not a command of this project (src/bin/launcher.sh lists them)" >&2; exit 2 ;;
esac
if [ ! -f "$target/classpath-$scope.txt" ] || [ ! -d "$target/classes" ]; then
  echo "$command: the build is incomplete: run mvn -q package -DskipTests in $(dirname "$target")" >&2
  exit 2
fi
terminal=false
if [ -t 2 ]; then terminal=true; fi
java=java
if [ -n "$JAVA_HOME" ]; then java="$JAVA_HOME/bin/java"; fi
# JAVA_OPTS is split into words on purpose: several JVM options in one variable.
# Native access: onnxruntime (the local face models) loads its library through JNI, which JDK 24+
# warns about unless allowed; JDK 17 accepts the same flag.
# shellcheck disable=SC2086
exec "$java" --enable-native-access=ALL-UNNAMED $JAVA_OPTS -Dbiometriclogger.stderrIsTerminal=$terminal \
  -cp "$classes:$(cat "$target/classpath-$scope.txt")" "$main" "$@"
