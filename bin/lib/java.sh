# Sourced by the bin/ scripts: vigil_find_jdk exports JAVA_HOME as a JDK 21 or newer, found the way the build
# finds one (maven-toolchains-plugin's select-jdk-toolchain, docs/running.md), with no machine path:
#   1. JAVA_HOME, if it is 21 or newer;
#   2. the JDKs the build discovered, cached in ~/.m2/discovered-jdk-toolchains-cache.xml (if the cache is missing,
#      the build's discovery runs once to write it), LTS releases first, then the newest, as the plugin prefers;
#   3. `java` on the PATH, if it is 21 or newer;
# otherwise it fails with a message saying how to provide one.
#
#   . "$root/bin/lib/java.sh" && vigil_find_jdk    # then run "$JAVA_HOME/bin/java"

vigil_jdk_minimum=21
vigil_jdk_cache="$HOME/.m2/discovered-jdk-toolchains-cache.xml"
vigil_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# the value of one of `java -XshowSettings:properties`'s properties, for the java executable given
vigil_java_property() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -v name="$2" -F' = ' '$1 ~ "^ *" name "$" { print $2; exit }'
}

# true if the directory is a JDK (or JRE) of at least the minimum feature version
vigil_is_recent_jdk() {
  local version
  [ -n "$1" ] && [ -x "$1/bin/java" ] || return 1
  version="$(vigil_java_property "$1/bin/java" java.specification.version)"
  version="${version#1.}"
  [[ "$version" =~ ^[0-9]+$ ]] && [ "$version" -ge "$vigil_jdk_minimum" ]
}

# the build's discovered JDKs as "lts version home" lines, preferred first
vigil_discovered_jdks() {
  awk '/<toolchain>/ { lts = "false"; version = ""; home = "" }
       /<lts>/ { lts = $0; gsub(/.*<lts>|<\/lts>.*/, "", lts) }
       /<version>/ { version = $0; gsub(/.*<version>|<\/version>.*/, "", version) }
       /<jdkHome>/ { home = $0; gsub(/.*<jdkHome>|<\/jdkHome>.*/, "", home) }
       /<\/toolchain>/ { print lts, version, home }' "$vigil_jdk_cache" | sort -k1,1r -k2,2Vr
}

vigil_find_jdk() {
  local lts version home
  if vigil_is_recent_jdk "${JAVA_HOME:-}"; then
    export JAVA_HOME
    return 0
  fi
  if [ ! -f "$vigil_jdk_cache" ]; then
    echo "looking for a JDK $vigil_jdk_minimum+ the way the build does (once; cached in $vigil_jdk_cache)" >&2
    (cd "$vigil_root" && ./mvnw -q -B -N validate) >&2 || true
  fi
  if [ -f "$vigil_jdk_cache" ]; then
    while read -r lts version home; do
      if vigil_is_recent_jdk "$home"; then
        export JAVA_HOME="$home"
        return 0
      fi
    done < <(vigil_discovered_jdks)
  fi
  if command -v java >/dev/null 2>&1; then
    home="$(vigil_java_property "$(command -v java)" java.home)"
    if vigil_is_recent_jdk "$home"; then
      export JAVA_HOME="$home"
      return 0
    fi
  fi
  echo "no JDK $vigil_jdk_minimum or newer found (JAVA_HOME, the JDKs the build discovered in $vigil_jdk_cache," \
       "java on the PATH). Install one, or set JAVA_HOME to it; if it was installed after the build last looked," \
       "delete $vigil_jdk_cache so the build looks again." >&2
  return 1
}
