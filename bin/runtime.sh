# Shared by the bin/ scripts: find java, build the jar when needed, and the runtime classpath.
# shellcheck shell=bash
#
# In a checkout (pom.xml and src/main next to bin/) the scripts never run target/namesrv.jar
# itself: Maven rewrites that file in place on every build, and a running JVM that loads a class
# from a jar rewritten under it fails with NoClassDefFoundError. Each build is instead copied
# into a directory of its own, target/runtime/<stamp>/, never written again, and
# target/runtime/current names the newest. A process keeps the directory it started from, so a
# `git pull` followed by any bin/ script leaves a running name server untouched. Directories no
# running process uses are deleted. An installed distribution (no pom.xml) runs target/namesrv.jar
# and target/lib/ as they are: nothing rebuilds it.

if [ -n "${JAVA_HOME:-}" ] && [ -x "${JAVA_HOME}/bin/java" ]; then
  JAVA="${JAVA_HOME}/bin/java"
else
  JAVA="$(command -v java || true)"
fi
if [ -z "${JAVA}" ]; then
  echo "Cannot find java: install a Java 17+ runtime or set JAVA_HOME." >&2
  exit 1
fi

# The directory the Java code runs from (namesrv.jar and lib/), set by ensure_built.
RUNTIME_DIR="${ROCKETMQ_HOME}/target"

is_checkout() {
  [ -f "${ROCKETMQ_HOME}/pom.xml" ] && [ -d "${ROCKETMQ_HOME}/src/main" ]
}

# True when a source file or the pom is newer than the given jar (or the jar is missing).
stale() {
  [ ! -f "$1" ] || [ -n "$(find "${ROCKETMQ_HOME}/src/main" "${ROCKETMQ_HOME}/pom.xml" -newer "$1" -print -quit 2>/dev/null)" ]
}

# Runs Maven's package and shows its progress in a few lines (each build step, downloads counted),
# since a first build may download for a minute. The whole output goes to the log; it is shown
# only when the build fails.
maven_package() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "target/namesrv.jar is missing or older than the sources, and Maven (mvn) is not installed to build it." >&2
    exit 1
  fi
  local log status
  log="${ROCKETMQ_HOME}/target/build.log"
  echo "Building target/namesrv.jar with Maven (the first build downloads the dependencies; full log: target/build.log)..." >&2
  # Maven's own status, not the filter's: PIPESTATUS, with errexit off for the pipeline.
  set +e
  (cd "${ROCKETMQ_HOME}" && mvn -B -Dstyle.color=never -Dmaven.test.skip=true package) 2>&1 | tee "${log}" | awk '
    /\[INFO\] --- / { for (i = 1; i < NF; i++) if ($i == "---") break
                       step = $(i + 1); sub(/^[^:]*:[^:]*:/, "", step)
                       if (tolower(step $(i + 2)) ~ /test/) next
                       printf "  building: %s %s\n", step, $(i + 2); fflush() }
    /Downloaded from / { n++; if (n == 1 || n % 50 == 0) { printf "  downloaded %d files\n", n; fflush() } }
  ' >&2
  status="${PIPESTATUS[0]}"
  set -e
  if [ "${status}" != "0" ]; then
    grep -E '\[(ERROR|WARNING)\]' "${log}" | head -40 >&2
    echo "Building target/namesrv.jar failed (full log: ${log})." >&2
    exit 1
  fi
  # Maven leaves an up-to-date jar alone (e.g. after only the pom changed): mark it as built now.
  touch "${ROCKETMQ_HOME}/target/namesrv.jar"
}

# Copies the built jar and its libraries into a new target/runtime/<stamp>/ and makes it current.
snapshot_runtime() {
  local runtime="${ROCKETMQ_HOME}/target/runtime" name tmp
  name="$(date +%Y%m%d-%H%M%S)-$$"
  tmp="${runtime}/.${name}.tmp"
  mkdir -p "${tmp}"
  cp -p "${ROCKETMQ_HOME}/target/namesrv.jar" "${tmp}/namesrv.jar"
  cp -pR "${ROCKETMQ_HOME}/target/lib" "${tmp}/lib"
  mv "${tmp}" "${runtime}/${name}"
  ln -sfn "${name}" "${runtime}/.current.tmp"
  mv -f -T "${runtime}/.current.tmp" "${runtime}/current" 2>/dev/null || ln -sfn "${name}" "${runtime}/current"
}

# Deletes runtime directories that are neither current nor on the command line of a running
# process (the lock is held, so no other script is making one meanwhile).
prune_runtimes() {
  local runtime="${ROCKETMQ_HOME}/target/runtime" current dir in_use
  current="$(readlink -f "${runtime}/current")"
  in_use="$(ps -ww -eo args= 2>/dev/null || true)"
  for dir in "${runtime}"/*/ "${runtime}"/.*.tmp/; do
    [ -d "${dir}" ] && [ ! -L "${dir%/}" ] || continue
    dir="$(readlink -f "${dir}")"
    [ "${dir}" = "${current}" ] && continue
    # A here-string, not a pipe: grep -q stops at the first match, and under pipefail the
    # SIGPIPE that then ends printf (once the process list passes the pipe's 64 KiB) read as
    # "not in use" and deleted the running daemon's code.
    if ! grep -qF -- "${dir}/" <<< "${in_use}"; then
      rm -rf "${dir}"
    fi
  done
}

# Makes sure the code is built and sets RUNTIME_DIR. In a checkout: under a lock (two scripts
# started together build once), rebuild when the sources changed, then run from a fresh snapshot.
ensure_built() {
  if ! is_checkout; then
    if [ ! -f "${ROCKETMQ_HOME}/target/namesrv.jar" ] || [ ! -d "${ROCKETMQ_HOME}/target/lib" ]; then
      echo "${ROCKETMQ_HOME}/target/namesrv.jar or target/lib/ is missing: install the whole distribution." >&2
      exit 1
    fi
    RUNTIME_DIR="${ROCKETMQ_HOME}/target"
    return 0
  fi
  mkdir -p "${ROCKETMQ_HOME}/target/runtime"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"${ROCKETMQ_HOME}/target/runtime/.lock"
    if ! flock -n 9; then
      echo "Waiting for another bin/ script of this checkout to finish building..." >&2
      flock 9
    fi
  fi
  local current="${ROCKETMQ_HOME}/target/runtime/current"
  if [ ! -d "${current}/lib" ] || stale "${current}/namesrv.jar"; then
    if [ ! -d "${ROCKETMQ_HOME}/target/lib" ] || stale "${ROCKETMQ_HOME}/target/namesrv.jar"; then
      maven_package
    fi
    snapshot_runtime
  fi
  RUNTIME_DIR="$(readlink -f "${current}")"
  if command -v flock >/dev/null 2>&1; then
    prune_runtimes
    exec 9>&-
  fi
}

# The heap in MB that the last -Xmx in the given JVM options asks for (k, m, g or bytes), else the
# default given; the start scripts choose a collector from it.
heap_megabytes() {
  local opts="$1" dflt="$2" last="" v
  for v in ${opts}; do
    case "${v}" in
      -Xmx*) last="${v#-Xmx}" ;;
    esac
  done
  case "${last}" in
    "") echo "${dflt}" ;;
    *[gG]) echo $(( ${last%[gG]} * 1024 )) ;;
    *[mM]) echo "${last%[mM]}" ;;
    *[kK]) echo $(( ${last%[kK]} / 1024 )) ;;
    *[0-9]) echo $(( last / 1024 / 1024 )) ;;
    *) echo "${dflt}" ;;
  esac
}

runtime_classpath() {
  echo "${RUNTIME_DIR}/namesrv.jar:${RUNTIME_DIR}/lib/*"
}

# -Duser.home from $HOME, in the array HOME_OPTS: Java takes its home from the password database
# and ignores HOME, so `HOME=/srv/ns bin/mqnamesrv` would otherwise still log to and keep its KV
# store in the account's home. Passed before JAVA_OPT/JAVA_OPT_EXT, so a -Duser.home there wins.
HOME_OPTS=()
if [ -n "${HOME:-}" ] && [ -d "${HOME}" ]; then
  HOME_OPTS=("-Duser.home=${HOME}")
fi

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
