"""Checks FHIR R4 Bundles with an implementation that is not MedChain's: the fhir.resources
models (R4B, the R4 technical correction; Consent, AuditEvent and Bundle are the same in both).

    python validate.py FILE...

Each file must hold a Bundle whose every entry validates as its resourceType's model: required
elements present, types and formats right (instants, dateTimes, codes), no unknown elements.
Codes of the required bindings the models leave open are checked against R4's value sets.
Prints one line per file and exits 1 when any fails.
"""

import json
import sys

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

# Required bindings (R4): the codes an element may hold.
REQUIRED = {
    ("Bundle", "type"): {"document", "message", "transaction", "transaction-response", "batch",
                         "batch-response", "history", "searchset", "collection"},
    ("Consent", "status"): {"draft", "proposed", "active", "rejected", "inactive",
                            "entered-in-error"},
    ("AuditEvent", "action"): {"C", "R", "U", "D", "E"},
    ("AuditEvent", "outcome"): {"0", "4", "8", "12"},
}
PROVISION_TYPES = {"deny", "permit"}


def problems(bundle):
    found = []
    Bundle.model_validate(bundle)
    for n, entry in enumerate(bundle.get("entry", [])):
        resource = entry["resource"]
        kind = resource["resourceType"]
        get_fhir_model_class(kind).model_validate(resource)
        for (owner, element), codes in REQUIRED.items():
            if owner == kind and element in resource and resource[element] not in codes:
                found.append(f"entry {n}: {kind}.{element} {resource[element]!r} is not in {sorted(codes)}")
        provision = resource.get("provision", {}).get("type")
        if kind == "Consent" and provision not in PROVISION_TYPES:
            found.append(f"entry {n}: Consent.provision.type {provision!r}")
    if bundle.get("type") not in REQUIRED[("Bundle", "type")]:
        found.append(f"Bundle.type {bundle.get('type')!r}")
    return found


def main(paths):
    failed = False
    for path in paths:
        with open(path, encoding="utf-8") as file:
            bundle = json.load(file)
        try:
            found = problems(bundle)
        except Exception as error:  # the models' validation error, with every problem listed
            found = [str(error)]
        entries = len(bundle.get("entry", []))
        if found:
            failed = True
            print(f"{path}: invalid: " + "; ".join(found))
        else:
            kinds = sorted({e["resource"]["resourceType"] for e in bundle.get("entry", [])})
            print(f"{path}: valid FHIR R4 Bundle of {entries} resources {kinds}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
