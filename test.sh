#!/usr/bin/env bash
# Runs every test: the domain tests, the web tests on SQLite and again on a throwaway PostgreSQL, and the
# browser tests in Debian's Chromium. Installs what is missing first. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. What the tests need from Debian: Chromium for the browser tests, PostgreSQL for the second run,
#    CJK fonts so that screenshots of Chinese pages are legible.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. A throwaway PostgreSQL cluster on 127.0.0.1 and a free port, stopped on exit.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/onewindow-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || shuf -i 20000-60000 -n 1)
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pgdir"; fi
cleanup() {
  run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
run_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
pg_conn="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
echo "== PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

# 3. Build once, then run the suites.
dotnet build OneWindow.slnx -c Release --nologo -v q -clp:ErrorsOnly
# Test hosts poll their files instead of taking one inotify instance each (128 per user on many machines).
export DOTNET_USE_POLLING_FILE_WATCHER=1
results=$(mktemp -d)
failed=0
run_suite() {
  local name=$1; shift
  echo "== $name"
  if ! "$@" 2>&1 | tee "$results/$name.log"; then failed=1; fi
}
run_suite domain dotnet test tests/OneWindow.Domain.Tests -c Release --no-build --nologo
run_suite web-sqlite env -u ONEWINDOW_TEST_POSTGRES dotnet test tests/OneWindow.Web.Tests -c Release --no-build --nologo
run_suite web-postgres env ONEWINDOW_TEST_POSTGRES="$pg_conn" dotnet test tests/OneWindow.Web.Tests -c Release --no-build --nologo
run_suite browser env ONEWINDOW_REPO="$root" dotnet test tests/OneWindow.BrowserTests -c Release --no-build --nologo

# 4. One closing line for the whole run.
passed=$(cat "$results"/*.log | sed -n 's/.*Passed:[[:space:]]*\([0-9]*\),.*/\1/p' | awk '{s+=$1} END {print s+0}')
failures=$(cat "$results"/*.log | sed -n 's/.*Failed:[[:space:]]*\([0-9]*\),.*/\1/p' | awk '{s+=$1} END {print s+0}')
suites=$(grep -l "Passed!\|Failed!" "$results"/*.log | wc -l)
if [ "$suites" -ne 4 ]; then echo "only $suites of 4 test suites reported results"; failed=1; fi
echo "tests: ${passed:-0} passed, ${failures:-0} failed"
rm -rf "$results"
exit $failed
