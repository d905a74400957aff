# Shared by the bin/ scripts: find java, build the jar when missing, and the runtime classpath.
# shellcheck shell=bash

if [ -n "${JAVA_HOME:-}" ] && [ -x "${JAVA_HOME}/bin/java" ]; then
  JAVA="${JAVA_HOME}/bin/java"
else
  JAVA="$(command -v java || true)"
fi
if [ -z "${JAVA}" ]; then
  echo "Cannot find java: install a Java 17+ runtime or set JAVA_HOME." >&2
  exit 1
fi

# Builds the jar when it is missing, or older than the sources (e.g. after a git pull).
ensure_built() {
  local jar="${ROCKETMQ_HOME}/target/namesrv.jar"
  if [ ! -f "${jar}" ] || [ ! -d "${ROCKETMQ_HOME}/target/lib" ] \
     || [ -n "$(find "${ROCKETMQ_HOME}/src/main" "${ROCKETMQ_HOME}/pom.xml" -newer "${jar}" -print -quit 2>/dev/null)" ]; then
    if ! command -v mvn >/dev/null 2>&1; then
      echo "target/namesrv.jar is missing and Maven (mvn) is not installed to build it." >&2
      exit 1
    fi
    echo "Building target/namesrv.jar..." >&2
    local build_log
    build_log="$(mktemp)"
    if ! (cd "${ROCKETMQ_HOME}" && mvn -B -q -DskipTests package) > "${build_log}" 2>&1; then
      cat "${build_log}" >&2
      rm -f "${build_log}"
      echo "Building target/namesrv.jar failed (see above)." >&2
      exit 1
    fi
    rm -f "${build_log}"
  fi
}

runtime_classpath() {
  echo "${ROCKETMQ_HOME}/target/namesrv.jar:${ROCKETMQ_HOME}/target/lib/*"
}

# Prints the JVM options that return the C heap's free memory (the JIT's scratch memory, about
# 20 MB after start-up) to the OS every 2 s, when this JVM has them: JDK 17.0.9+, 21.0.1+, 22+.
# Read from the JDK's release file, so no extra JVM start; nothing is printed when unsure.
trim_native_heap_opts() {
  local home version major update
  home="$(dirname "$(dirname "$(readlink -f "${JAVA}")")")"
  version="$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "${home}/release" 2>/dev/null || true)"
  major="${version%%.*}"
  update="$(echo "${version}" | cut -d. -f3)"
  case "${major}" in ''|*[!0-9]*) return 0 ;; esac
  case "${update}" in ''|*[!0-9]*) update=0 ;; esac
  if [ "${major}" -ge 22 ] || { [ "${major}" -eq 21 ] && [ "${update}" -ge 1 ]; } \
     || { [ "${major}" -eq 17 ] && [ "${update}" -ge 9 ]; }; then
    echo "-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000"
  fi
}
