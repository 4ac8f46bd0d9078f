#!/usr/bin/env bash
# Installs and starts what the tests need beyond Rust: a PostgreSQL server on
# 127.0.0.1 (a private cluster in a temporary folder, stopped when the caller exits)
# and Chromium with chromedriver for the browser tests. Sourced by .ci/run; exports
# STORYLINE_TEST_PG and STORYLINE_REQUIRE_BROWSER=1 so those tests run, not skip.

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgdata=$(mktemp -d /tmp/storyline-pg.XXXXXX)
pgport=${STORYLINE_PG_PORT:-55432}
runas=""
if [ "$(id -u)" = "0" ]; then
  chown postgres "$pgdata"
  runas="su postgres -c"
else
  runas="bash -c"
fi
$runas "$pgbin/initdb -D $pgdata -A trust -U postgres" >/dev/null
$runas "$pgbin/pg_ctl -D $pgdata -o '-p $pgport -k /tmp -c listen_addresses=127.0.0.1' -l $pgdata/server.log -w start" >/dev/null
# shellcheck disable=SC2064
trap "$runas '$pgbin/pg_ctl -D $pgdata -m fast stop' >/dev/null 2>&1 || true" EXIT
export STORYLINE_TEST_PG="postgres://postgres@127.0.0.1:$pgport/postgres"
export STORYLINE_REQUIRE_BROWSER=1
echo "PostgreSQL on 127.0.0.1:$pgport; Chromium $(chromium --version 2>/dev/null | awk '{print $2}')"
