# Sourced by ./annals, ./test, ./bench and .ci/run: finds a JDK 25 (or newer) and Maven.
# Order: $JAVA_HOME, the `java` on PATH, then every JDK under /usr/lib/jvm (newest first).

annals_java_major() {
  # Prints the feature version of the java binary $1, or nothing when it cannot run.
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

annals_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)" \
      $(ls -d "${ANNALS_JVM_DIR:-/usr/lib/jvm}"/*/bin/java 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(annals_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      candidate=$(readlink -f "$candidate")
      printf '%s\n' "${candidate%/bin/java}"
      return 0
    fi
  done
  return 1
}

annals_setup() {
  local jdk
  if ! jdk=$(annals_find_jdk); then
    echo "annals: needs a JDK 25 or newer; none found in JAVA_HOME, on PATH or under /usr/lib/jvm (install one, e.g. Temurin 25, or set JAVA_HOME)" >&2
    return 1
  fi
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
  if ! command -v mvn >/dev/null 2>&1; then
    echo "annals: needs Apache Maven 3.8 or newer on PATH (Debian: apt-get install maven)" >&2
    return 1
  fi
}
