import type { Digest } from "../../core/digest.ts";
import type { OutgoingButton } from "../../delivery/outbox.ts";
import { cb } from "../callback-data.ts";

type T = (key: string, vars?: Record<string, string | number>) => string;

const shortName = (name: string) => (name.length > 30 ? `${name.slice(0, 29)}…` : name);

/** The digest as text and buttons: counts first, then names that open a teacher's card. */
export function digestMessage(t: T, d: Digest, o: { date: string; late: boolean; groupName: (code: string) => string }): { text: string; buttons: OutgoingButton[][]; mentions: number[] } {
  const lines = [t("digest-title", { date: o.date })];
  if (o.late) lines.push(t("digest-late"));
  if (d.empty) {
    lines.push(t("digest-empty", { caseload: d.caseload }));
    return { text: lines.join("\n"), buttons: [[{ text: t("button-my-teachers"), data: cb.teachers(0) }]], mentions: [] };
  }
  lines.push(t("digest-caseload", { caseload: d.caseload }), "");
  const c = d.counts;
  const count = (key: string, n: number, extra: Record<string, number> = {}) => n > 0 && lines.push(`• ${t(key, { n, ...extra })}`);
  count("digest-finished", c.finished);
  count("digest-routes", c.routesConfirmed);
  count("digest-items-done", c.itemsDone);
  count("digest-overdue", c.overdueItems, { people: c.overduePeople });
  count("digest-silent", c.silent);
  count("digest-young", c.youngWithoutSupport);
  if (d.highlights.length) {
    lines.push("", t("digest-attention"));
    for (const h of d.highlights) {
      const why =
        h.reason.kind === "overdue"
          ? t("digest-why-overdue", { n: h.reason.count })
          : h.reason.kind === "young"
            ? t("digest-why-young")
            : h.reason.kind === "deficits"
              ? t("digest-why-deficits", { groups: h.reason.groups.map(o.groupName).join(", ") })
              : t("digest-why-silent");
      lines.push(`• ${h.name} — ${why}`);
    }
  }
  const buttons: OutgoingButton[][] = d.highlights.map((h) => [{ text: shortName(h.name), data: cb.card(h.personId), about: h.personId }]);
  buttons.push([{ text: t("button-my-teachers"), data: cb.teachers(0) }]);
  return { text: lines.join("\n"), buttons, mentions: d.highlights.map((h) => h.personId) };
}
