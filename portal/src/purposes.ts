// Purposes of use (HL7 v3 PurposeOfUse) and refusals, as the chain names them (typed from the
// metadata: a drift fails the build) and as people read them.

import type { Api } from "./chain";

/** A purpose of use as the chain names it. */
export type Purpose = Parameters<Api["tx"]["Records"]["view_history"]>[0]["purpose"]["type"];

/** Every purpose: the chain's name, the HL7 v3 code, and words. */
export const PURPOSES: ReadonlyArray<readonly [Purpose, string, string]> = [
  ["Treatment", "TREAT", "treatment"],
  ["EmergencyTreatment", "ETREAT", "emergency treatment"],
  ["Payment", "HPAYMT", "payment for care"],
  ["Operations", "HOPERAT", "healthcare operations"],
  ["PublicHealth", "PUBHLTH", "public health"],
  ["Research", "HRESCH", "research"],
  ["PatientRequested", "PATRQT", "the patient's own request"],
];

/** The HL7 v3 code of a purpose (`TREAT`). */
export function purposeCode(purpose: Purpose): string {
  return PURPOSES.find(([name]) => name === purpose)?.[1] ?? purpose;
}

/** What a refused viewer lacked, in words, by the chain's name for it. */
export const REFUSALS: Readonly<Record<string, string>> = {
  NoAccess: "no grant, emergency access or role allows it",
  GrantEnded: "every grant they held ran out or was revoked",
  PurposeNotGranted: "no running grant covers the purpose",
  KindNotGranted: "no running grant covers the record's kind",
};
