// The delegates' page, for any token holder: the candidates with their backing, the elected
// delegates, and the account's own stake and votes, with bond, unbond, vote and candidacy.

import { account, actions, field, h, table } from "./dom";
import type { Context } from "./patient";

/** MED has 12 decimals. */
const DECIMALS = 12;
const UNIT = 10n ** BigInt(DECIMALS);

/** An amount in MED as people write it ("1000", "0.5") in the smallest unit; the error text
 * when it is not one. */
export function parseMed(text: string): bigint | string {
  const trimmed = text.trim().replace(/_/g, "");
  const match = /^(\d+)(?:\.(\d{1,12}))?$/.exec(trimmed);
  if (!match) return "enter an amount in MED, e.g. 100 or 0.5";
  const whole = BigInt(match[1]!) * UNIT;
  const fraction = BigInt((match[2] ?? "").padEnd(DECIMALS, "0"));
  const amount = whole + fraction;
  return amount === 0n ? "the amount must be more than 0" : amount;
}

/** An amount in the smallest unit, in MED. */
export function formatMed(amount: bigint): string {
  const whole = amount / UNIT;
  const fraction = (amount % UNIT).toString().padStart(DECIMALS, "0").replace(/0+$/, "");
  return `${whole.toLocaleString("en")}${fraction ? `.${fraction}` : ""} MED`;
}

export async function delegatesPage(ctx: Context): Promise<HTMLElement[]> {
  const { api } = ctx.chain;
  const me = ctx.account.address;
  const [candidates, delegates, ledger, votes, maxVotes, minBond, candidacyBond] = await Promise.all([
    api.view.Dpos.candidates(),
    api.view.Dpos.delegates(),
    api.query.Dpos.Ledger.getValue(me),
    api.query.Dpos.Votes.getValue(me),
    api.constants.Dpos.MaxVotes(),
    api.constants.Dpos.MinBond(),
    api.constants.Dpos.CandidacyBond(),
  ]);
  const elected = new Set(delegates);
  const mine = new Set((votes ?? []).map(([candidate]) => candidate));
  const sorted = [...candidates].sort((a, b) => (b[1].backing > a[1].backing ? 1 : b[1].backing < a[1].backing ? -1 : 0));
  const voteError = h("p", { id: "vote-error", class: "field-error", role: "alert" });
  const boxes: HTMLInputElement[] = [];
  const voteButton = h("button", { type: "submit" }, "Vote for the chosen candidates");
  const voteForm = h(
    "form",
    { "aria-label": "Vote", novalidate: true, "aria-describedby": "vote-error" },
    table(
      `Ordered by backing: bonded stake of the candidate and of everyone voting for them. The top ones with session keys are elected at each session; you may vote for up to ${maxVotes}.`,
      ["Your vote", "Candidate", "Own bond", "Backing", "Session keys", "Now"],
      sorted,
      ([who, candidate, hasKeys]) => {
        const box = h("input", {
          type: "checkbox",
          name: "candidate",
          value: who,
          "aria-label": `Vote for ${who}`,
          ...(mine.has(who) ? { checked: true } : {}),
        });
        boxes.push(box);
        return [
          box,
          account(who),
          formatMed(candidate.bond),
          formatMed(candidate.backing),
          hasKeys ? "yes" : "no",
          elected.has(who) ? "delegate" : "",
        ];
      },
      "No candidates.",
    ),
    voteError,
    voteButton,
  );
  voteForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
    voteError.textContent =
      chosen.length === 0
        ? "choose at least one candidate"
        : chosen.length > maxVotes
          ? `you may vote for at most ${maxVotes} candidates`
          : "";
    if (voteError.textContent) return;
    await ctx.run("Voting", api.tx.Dpos.vote({ candidates: chosen }));
  });

  const amount = field("stake-amount", "Amount (MED)", { inputmode: "decimal", size: "14" });
  const bond = h("button", { type: "submit" }, "Bond");
  const unbond = h("button", { type: "button", class: "secondary" }, "Unbond");
  const stakeForm = h(
    "form",
    { class: "inline", "aria-label": "Stake", novalidate: true },
    amount.wrapper,
    actions(bond, unbond),
  );
  const parsed = (): bigint | undefined => {
    const value = parseMed(amount.input.value);
    amount.error.textContent = typeof value === "string" ? value : "";
    return typeof value === "string" ? undefined : value;
  };
  stakeForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = parsed();
    if (value !== undefined) await ctx.run("Bonding", api.tx.Dpos.bond({ amount: value }));
  });
  unbond.addEventListener("click", async () => {
    const value = parsed();
    if (value !== undefined) await ctx.run("Unbonding", api.tx.Dpos.unbond({ amount: value }));
  });

  const isCandidate = candidates.some(([who]) => who === me);
  const stakeActions = h(
    "p",
    {},
    votes
      ? h(
          "button",
          { type: "button", class: "secondary", onclick: () => ctx.run("Removing your vote", api.tx.Dpos.remove_vote()) },
          "Remove my vote",
        )
      : null,
    " ",
    ledger?.unlocking.length
      ? h(
          "button",
          {
            type: "button",
            class: "secondary",
            onclick: () => ctx.run("Withdrawing", api.tx.Dpos.withdraw_unbonded()),
          },
          "Withdraw what has unlocked",
        )
      : null,
    " ",
    isCandidate
      ? h(
          "button",
          {
            type: "button",
            class: "secondary",
            onclick: () => ctx.run("Leaving the candidates", api.tx.Dpos.unregister_candidate()),
          },
          "Stop being a candidate",
        )
      : h(
          "button",
          {
            type: "button",
            class: "secondary",
            onclick: () => ctx.run("Standing as a candidate", api.tx.Dpos.register_candidate()),
          },
          `Stand as a candidate (holds ${formatMed(candidacyBond)})`,
        ),
  );

  return [
    h(
      "section",
      { "aria-labelledby": "delegates" },
      h("h2", { id: "delegates" }, `Delegates of this session (${delegates.length})`),
      h("p", {}, "Only these author blocks: ", ...delegates.flatMap((who, n) => [n > 0 ? ", " : "", account(who)])),
    ),
    h("section", { "aria-labelledby": "candidates" }, h("h2", { id: "candidates" }, "Candidates"), voteForm),
    h(
      "section",
      { "aria-labelledby": "stake" },
      h("h2", { id: "stake" }, "Your stake"),
      h(
        "p",
        {},
        ledger
          ? `Bonded: ${formatMed(ledger.active)}; unlocking: ${
              ledger.unlocking.length === 0
                ? "nothing"
                : ledger.unlocking.map((chunk) => `${formatMed(chunk.value)} at block ${chunk.unlock_at}`).join(", ")
            }.`
          : `Nothing bonded. A bond starts at ${formatMed(minBond)}; it backs the candidates you vote for.`,
      ),
      h(
        "p",
        {},
        votes && votes.length > 0
          ? h("span", {}, "Your vote: ", ...votes.flatMap(([who], n) => [n > 0 ? ", " : "", account(who)]))
          : "You have not voted.",
      ),
      stakeForm,
      stakeActions,
    ),
  ];
}
