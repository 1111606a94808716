# Sourced by the bin/ scripts that start the production jar (bin/cluster, bin/loadtest, bin/startup-time): the JDK's
# ahead-of-time cache (JEP 483/514/515) for modules/app/target/vigil.jar, as Spring Boot documents it
# ("Packaging Spring Boot Applications", AOT cache): the jar extracted (-Djarmode=tools extract, so the class path
# is plain jars the cache can describe), one training run that writes vigil.aot when its JVM exits, and every start
# after it with -XX:AOTCache. docs/reliability.md ("Start-up") has the figures.
#
# The cache lives beside the jar in target/aot/<jar's sha-256, 16 digits>-<java version>/, so a rebuilt jar or
# another JDK gets a cache of its own and a stale one is never used; `mvn clean` deletes them all. A missing cache is
# never an error: the service then starts from the jar as before. VIGIL_AOT_CACHE=off trains nothing and starts every
# instance from the jar.
#
#   . "$root/bin/lib/aot-cache.sh"
#   vigil_aot_dir                           # the cache directory for the current jar and $JAVA_HOME (after vigil_find_jdk)
#   vigil_aot_train [JVM option ...]        # extract and train once for this jar, needing no server; a no-op when
#                                           # the cache exists
#   vigil_launch_args                       # sets the array vigil_launch: "-XX:AOTCache=... -jar <extracted jar>" when a
#                                           # cache exists, else "-jar vigil.jar"

vigil_jar="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/modules/app/target/vigil.jar"

vigil_aot_dir() {
  local sum version
  sum="$(sha256sum "$vigil_jar" | cut -c1-16)"
  version="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '$1 ~ /^ *java.runtime.version$/ { print $2 }')"
  echo "$(dirname "$vigil_jar")/aot/$sum-${version//[^0-9A-Za-z.+-]/_}"
}

# The training run needs no server, so the Dockerfile runs it too: the production profile with Flyway off and
# PostgreSQL and Redis addresses where nothing listens (nothing connects before the context has refreshed), and
# spring.context.exit=onRefresh: every singleton is made and initialised, then the JVM exits before anything starts or
# serves; the cache holds the classes loaded and the methods profiled until then. Its environment is its own (env -i),
# so a caller's settings cannot point it at a real database.
# The JDK's lines about the classes it leaves out of the cache go to DIR/training.log, not to the terminal: a CI log
# stays free of warnings. The cache names the extracted jars by their paths, so they are extracted where they stay;
# a lock keeps two scripts from training the same jar at once.
vigil_aot_train() {
  local dir
  [ "${VIGIL_AOT_CACHE:-on}" != off ] || return 0
  dir="$(vigil_aot_dir)"
  [ -f "$dir/vigil.aot" ] && return 0
  mkdir -p "$dir"
  (
    flock 9
    [ -f "$dir/vigil.aot" ] && exit 0
    rm -rf "$dir/app" "$dir/training.aot"
    "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$vigil_jar" extract --destination "$dir/app" >"$dir/training.log" 2>&1
    status=0
    (cd "$dir" && env -i PATH="$PATH" SPRING_PROFILES_ACTIVE=production SPRING_FLYWAY_ENABLED=false SERVER_PORT=0 \
        VIGIL_DB_URL=jdbc:postgresql://127.0.0.1:1/aot-training VIGIL_REDIS_URL=redis://127.0.0.1:1/0 \
        VIGIL_JWT_SECRET=aot-training-run-serves-nothing-and-signs-nothing-0123456789 \
        "$JAVA_HOME/bin/java" "$@" -XX:AOTCacheOutput="$dir/training.aot" -Dspring.context.exit=onRefresh \
        -jar "$dir/app/vigil.jar") >>"$dir/training.log" 2>&1 || status=$?
    if [ "$status" -ne 0 ] || [ ! -s "$dir/training.aot" ]; then
      echo "aot-cache: the training run failed (exit $status); starting without a cache. Log: $dir/training.log" >&2
      exit 0
    fi
    mv "$dir/training.aot" "$dir/vigil.aot"
  ) 9>"$dir/.lock"
}

vigil_launch_args() {
  local dir
  dir="$(vigil_aot_dir)"
  if [ "${VIGIL_AOT_CACHE:-on}" != off ] && [ -f "$dir/vigil.aot" ]; then
    vigil_launch=(-XX:AOTCache="$dir/vigil.aot" -jar "$dir/app/vigil.jar")
  else
    vigil_launch=(-jar "$vigil_jar")
  fi
}
