#!/usr/bin/env bash
# Install everything the tests need — Debian's Chromium (browser tests) and PostgreSQL
# (store tests), the Python packages in .venv — start a throwaway PostgreSQL server on a
# free local port, check the code with ruff and mypy, run the whole suite, and stop the server.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "$(pg_bin)" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  "${as_root[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/lint-imports --no-cache

# PostgreSQL refuses to run as root: as root, run it as Debian's postgres user.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_dir=$(mktemp -d)
[ "$(id -u)" -ne 0 ] || chown postgres: "$pg_dir"
pg_port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_postgres "$(pg_bin)/initdb" -D "$pg_dir/data" -A trust -U postgres >/dev/null
as_postgres "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null
trap 'as_postgres "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null; rm -rf "$pg_dir"' EXIT
export GASATLAS_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$pg_port/postgres"
export GASATLAS_REQUIRE_POSTGRES=1

# Two workers (pytest-xdist): the browser tests wait mostly on their servers, so the suite takes about half the time.
.venv/bin/python -m pytest -n "${GASATLAS_TEST_WORKERS:-2}" "$@"
