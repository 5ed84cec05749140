// Telling a methodist that their caseload changed: a municipality, an organization or
// a teacher was assigned to them or taken off. One message through the outbox, from the
// chat and from the command line alike.
import { cb } from "../bot/callback-data.ts";
import type { OutgoingMessage } from "../delivery/outbox.ts";
import type { Assignment, CaseloadsRepository } from "../repositories/caseloads.ts";

type T = (key: string, vars?: Record<string, string | number>) => string;

export interface CaseloadChange {
  methodist: { id: number; telegramId: bigint };
  how: "assigned" | "removed";
  assignment: Assignment;
}

/** The notice to the methodist, with the caseload's size after the change. */
export async function caseloadNotice(caseloads: CaseloadsRepository, change: CaseloadChange, t: T, now: Date): Promise<OutgoingMessage> {
  const { methodist, how, assignment } = change;
  const [name, caseload] = await Promise.all([caseloads.targetName(assignment), caseloads.size(methodist.id)]);
  return {
    key: `caseload:${methodist.id}:${assignment.id}:${how}`,
    kind: "caseload",
    personId: methodist.id,
    chatId: methodist.telegramId,
    text: t(how === "assigned" ? "notify-caseload-assigned" : "notify-caseload-removed", { scope: assignment.scope.toLowerCase(), name, caseload }),
    buttons: [[{ text: t("button-my-teachers"), data: cb.teachers(0) }]],
    dueAt: now,
    // A teacher assigned one by one is named: their /forget takes the name out.
    ...(assignment.teacherId ? { mentions: [assignment.teacherId] } : {}),
  };
}
