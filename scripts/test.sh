#!/usr/bin/env bash
# npm test: installs and starts what the tests need on a fresh Debian machine (Debian's Chromium,
# a PostgreSQL server), then runs every test: Vitest on PGlite and PostgreSQL, Playwright in
# Chromium against a production build, and the proof's two-instance race and hostile corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
if ((${#missing[@]})); then
  echo "installing ${missing[*]} (Debian packages)"
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# PostgreSQL: start the Debian cluster (no systemd here), trust loopback for the test user.
if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
  pg_version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -q "^${pg_version} main$"; then
    pg_createcluster "$pg_version" main >/dev/null
  fi
  hba="/etc/postgresql/${pg_version}/main/pg_hba.conf"
  if ! grep -q "rendezvous-tests" "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust # rendezvous-tests\nhost all all ::1/128 trust # rendezvous-tests' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start 2>/dev/null ||
    pg_ctlcluster --skip-systemctl-redirect "$pg_version" main reload
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
  done
  psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = 'rendezvous_test'" |
    grep -q 1 || psql -h 127.0.0.1 -U postgres -qc "create database rendezvous_test"
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/rendezvous_test"
fi

# npm puts node_modules/.bin first on PATH: the node package's Node 24 runs everything below.
echo "tests run on Node $(node --version)"
vitest run
playwright test
# The e2e run built the app; the proof starts two instances of that build on PostgreSQL.
PROOF_SKIP_BUILD=1 PROOF_DATABASE_URL="$TEST_DATABASE_URL" tsx scripts/proof.ts --ci
