// Telling people that the organization they typed in was reviewed: one message each,
// through the outbox like every other notice to someone who is not in the update.
import type { OutgoingMessage } from "../delivery/outbox.ts";
import type { ReviewOutcome } from "../repositories/organization-review.ts";

type T = (key: string, vars?: Record<string, string | number>) => string;

/**
 * "added": the directory has it now; "merged": it was the directory's organization under
 * another name. `tFor` speaks each person's language.
 */
export function reviewNotices(outcome: ReviewOutcome, how: "added" | "merged", tFor: (personId: number) => T, now: Date): OutgoingMessage[] {
  return outcome.people.map((p) => ({
    key: `organization-review:${p.id}:${outcome.organization.id}`,
    kind: "organization-review",
    personId: p.id,
    chatId: p.telegramId,
    text: tFor(p.id)(how === "added" ? "organization-review-added" : "organization-review-merged", { typed: outcome.typed, name: outcome.organization.name }),
    dueAt: now,
  }));
}
