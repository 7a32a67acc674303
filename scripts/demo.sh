#!/usr/bin/env bash
# Walks MedChain's pipeline with the medchain CLI against a running development chain and its
# vault (scripts/start.sh in another terminal): registration, documents put in the vault and
# the consent pool, grants, logged releases and refusals, emergency access, erasure, the access
# log and a record's proof, then a delegate voted in. Every command is printed before it runs.
#
#   scripts/demo.sh                     against ws://127.0.0.1:9944 and http://127.0.0.1:8700
#   MEDCHAIN_URL=ws://host:port MEDCHAIN_VAULT=http://host:port scripts/demo.sh
#
# Registrations already made are skipped, so the demo runs again on the same chain.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

export MEDCHAIN_URL="${MEDCHAIN_URL:-ws://127.0.0.1:9944}"
cli="$CARGO_TARGET_DIR/debug/medchain"
if [ ! -x "$cli" ]; then
	step "building the medchain CLI"
	(cd "$MEDCHAIN_ROOT" && cargo build -p medchain-client --locked "${MEDCHAIN_FEATURES[@]}")
fi

# Prints a command as the user would type it, then runs it. With --as SECRET first, the
# command signs with that secret, given through $MEDCHAIN_SURI.
mc() {
	if [ "$1" = --as ]; then
		local secret=$2
		shift 2
		printf '\n$ MEDCHAIN_SURI=%s medchain %s\n' "$secret" "$*"
		MEDCHAIN_SURI=$secret "$cli" "$@"
	else
		printf '\n$ medchain %s\n' "$*"
		"$cli" "$@"
	fi
}

# The number after "$1": in the JSON lines read.
json_number() {
	sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"
}

step "the chain's delegates and candidates"
mc delegates
mc candidate list

step "registration: Eve registers herself as a patient; Alice (admin) admits Dr Ferdie"
"$cli" member //Eve >/dev/null 2>&1 || mc --as //Eve register patient --metadata demo-eve
ferdie_key=$(MEDCHAIN_SURI=//Ferdie "$cli" --json key | sed -n 's/.*"encryption_key":"\(0x[0-9a-f]*\)".*/\1/p')
"$cli" member //Ferdie >/dev/null 2>&1 ||
	mc --as //Alice register doctor //Ferdie --licence GMC-7654321 --encryption-key "$ferdie_key"
mc member //Ferdie

step "the consent pool: Dr Ferdie puts two documents in the vault; Eve approves one, denies one"
docs=$(mktemp -d)
trap 'rm -rf "$docs"' EXIT
printf '{"resourceType":"Observation","code":{"text":"Blood pressure"},"valueString":"120/80 mmHg"}' >"$docs/bp.json"
printf '{"resourceType":"Condition","code":{"text":"meant for another patient"}}' >"$docs/wrong.json"
out=$(mc --as //Ferdie --json record put "$docs/bp.json" --patient //Eve --kind Observation) && echo "$out"
keep=$(echo "$out" | json_number submission)
out=$(mc --as //Ferdie --json record put "$docs/wrong.json" --patient //Eve --kind Condition) && echo "$out"
drop=$(echo "$out" | json_number submission)
mc record pending //Eve
out=$(mc --as //Eve --json record approve "$keep") && echo "$out"
approved=$(echo "$out" | json_number record)
mc --as //Eve record deny "$drop"
mc record history //Eve

step "access: Dr Bob is refused, granted, and revoked; every release and refusal is logged"
mc --as //Ferdie record get "$approved"
echo
mc --as //Bob record get "$approved" || echo "(refused, as it should be: Bob has no grant)"
mc --as //Eve access grant //Bob
mc --as //Bob record get "$approved" --out "$docs/bob.json"
mc --as //Eve access revoke //Bob
mc --as //Bob record get "$approved" || echo "(refused: the grant was revoked)"
mc --as //Bob access emergency //Eve --reason unconscious
mc --as //Bob record get "$approved" --out "$docs/bob.json"

step "audit: Eve's access log, the whole log's hash chain, and the record's proof"
mc audit log --patient //Eve
mc audit verify
mc record verify "$approved"

step "delegation: Dave stands with keys on this node, Eve votes him in"
dave=5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy # the address of //Dave
if ! "$cli" --json candidate list | grep -q "$dave"; then
	mc --as //Dave bond 30000
	mc --as //Dave candidate keys
	mc --as //Dave candidate register
	mc --as //Eve bond 12000
	mc --as //Eve vote //Dave
fi
mc candidate list
echo
echo "Dave outranks Alice; he becomes the delegate at the session after next (sessions are"
echo "20 s long on the dev chain): watch with  $cli delegates"
