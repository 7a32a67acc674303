#!/usr/bin/env bash
# Installs what building MedChain needs, only where it is missing, and says what it did.
# Safe to run again: a second run changes nothing and says so.
set -euo pipefail

say() { printf 'setup: %s\n' "$*"; }

need_apt=()
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
[ -e /usr/include/openssl/ssl.h ] || need_apt+=(libssl-dev)
# scripts/local-network.sh status asks each node for its blocks over HTTP.
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
# The portal is built with Node.js and npm; its browser tests drive the distribution's Chromium.
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# The FHIR exports are checked by Python's fhir.resources, in a virtual environment.
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need_apt+=(python3-venv)

if [ "${#need_apt[@]}" -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	say "installing apt packages: ${need_apt[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
else
	say "apt packages present (protobuf-compiler, make, g++, pkg-config, libssl-dev, curl, nodejs, npm, chromium, python3 with venv)"
fi

if ! command -v rustup >/dev/null 2>&1; then
	echo "setup: rustup is required (https://rustup.rs); install it and run this again" >&2
	exit 1
fi

# rust-toolchain.toml selects the toolchain; make sure it and its pieces are installed.
cd "$(dirname "$0")/.."
toolchain=$(rustup show active-toolchain 2>/dev/null | cut -d' ' -f1)
if ! rustup target list --installed | grep -qx wasm32v1-none; then
	say "adding rustup target wasm32v1-none"
	rustup target add wasm32v1-none
else
	say "rustup target wasm32v1-none present"
fi
for component in rust-src rustfmt clippy; do
	if ! rustup component list --installed | grep -q "^${component}"; then
		say "adding rustup component ${component}"
		rustup component add "${component}"
	else
		say "rustup component ${component} present"
	fi
done
say "toolchain ${toolchain} ready"

# The portal's packages, exactly as its lockfile pins them, when they are missing or the
# lockfile changed since they were installed.
if [ ! -f portal/node_modules/.package-lock.json ] ||
	[ portal/package-lock.json -nt portal/node_modules/.package-lock.json ]; then
	say "installing the portal's npm packages (npm ci)"
	(cd portal && npm ci --no-audit --no-fund --loglevel=error)
else
	say "portal npm packages present"
fi

# The independent FHIR implementation the tests check exports with, pinned in
# tests/fhir/requirements.txt, in its own virtual environment ($MEDCHAIN_FHIR_VENV).
fhir_venv="${MEDCHAIN_FHIR_VENV:-$HOME/.cache/medchain/fhir-venv}"
if ! "$fhir_venv/bin/python" -c 'import fhir.resources.R4B' >/dev/null 2>&1 ||
	[ tests/fhir/requirements.txt -nt "$fhir_venv/installed" ]; then
	say "installing fhir.resources into $fhir_venv"
	python3 -m venv "$fhir_venv"
	"$fhir_venv/bin/pip" install --quiet --disable-pip-version-check -r tests/fhir/requirements.txt
	touch "$fhir_venv/installed"
else
	say "fhir.resources present in $fhir_venv"
fi
