# shellcheck shell=bash
# Sourced by ./ombuds, ./mvnw and .ci/run. Finds a JDK whose major version is
# at least OMBUDS_MIN_JAVA (21) and exports JAVA_HOME to it. Looks, in order,
# at JAVA_HOME, at the `java` on PATH, then at the usual install folders.
# Prints a clear message and returns 1 when there is none.

OMBUDS_MIN_JAVA=${OMBUDS_MIN_JAVA:-21}

ombuds_java_major() {
  # $1: path to a java binary. Prints its major version, or nothing.
  local line
  line=$("$1" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version') || return 1
  line=${line##*= }
  line=${line#1.}
  printf '%s\n' "${line%%.*}"
}

ombuds_is_jdk() {
  # $1: a candidate JAVA_HOME. True when it has java and javac of a fit version.
  local home=$1 major
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  major=$(ombuds_java_major "$home/bin/java") || return 1
  [ -n "$major" ] && [ "$major" -ge "$OMBUDS_MIN_JAVA" ] 2>/dev/null
}

ombuds_find_jdk() {
  local candidate java_on_path
  if [ -n "${JAVA_HOME:-}" ] && ombuds_is_jdk "$JAVA_HOME"; then
    export JAVA_HOME
    return 0
  fi
  if java_on_path=$(command -v java 2>/dev/null); then
    candidate=$(readlink -f "$java_on_path")
    candidate=${candidate%/bin/java}
    if ombuds_is_jdk "$candidate"; then
      export JAVA_HOME=$candidate
      return 0
    fi
  fi
  # Newest first, so that of several JDKs the most recent one is taken.
  # OMBUDS_JDK_SEARCH (space-separated globs) replaces the usual places, for tests.
  local places=${OMBUDS_JDK_SEARCH:-"/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
/Library/Java/JavaVirtualMachines/*/Contents/Home $HOME/.sdkman/candidates/java/* $HOME/.jdks/*"}
  # shellcheck disable=SC2086 # the globs must expand
  for candidate in $(ls -d $places 2>/dev/null | sort -Vr); do
    if ombuds_is_jdk "$candidate"; then
      export JAVA_HOME=$candidate
      return 0
    fi
  done
  echo "ombuds: no JDK ${OMBUDS_MIN_JAVA} or newer was found." >&2
  echo "  Looked at JAVA_HOME, at 'java' on PATH and under /usr/lib/jvm, /usr/java, /opt." >&2
  echo "  Install one (for example Debian's openjdk-21-jdk) or set JAVA_HOME to it." >&2
  return 1
}
