// Personal data in outbox rows beyond the recipient's own (the recipient's rows go
// with them by cascade):
// - /forget takes the person out of other people's messages not yet sent: a message
//   about them (a mentoring notice of a pair that has just ended, a request that
//   is gone) is withdrawn; a message that only names them among other things (a
//   digest line, a methodist's signature) keeps its point with the name replaced.
//   Rows say whom they mention (`mentions`, filled by every producer).
// - The texts of finished rows (sent, failed, unreachable) are deleted after
//   OUTBOX_RETENTION_DAYS; the rows stay, for keys, reports and digests' periods.
import type { Logger } from "pino";
import { anonymize, dropButtonsAbout, needlesOf } from "../core/privacy.ts";
import type { PrismaClient } from "../db/database.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { OutgoingButton } from "./outbox.ts";

type Tx = Prisma.TransactionClient;

export interface ForgottenPerson {
  id: number;
  telegramId: bigint;
  fullName: string | null;
  username: string | null;
}

/** Inside the /forget transaction: withdraws or anonymizes the pending rows that mention the person. */
export async function forgetInOutbox(tx: Tx, person: ForgottenPerson, neutral: string): Promise<{ withdrawn: number; anonymized: number }> {
  const withdrawn = await tx.$executeRaw`
    DELETE FROM "OutboxMessage"
    WHERE "mentions" @> ARRAY[${person.id}::int] AND "aboutMentioned"
      AND "status" IN ('PENDING'::"DeliveryStatus", 'SENDING'::"DeliveryStatus")`;
  const needles = needlesOf([person.fullName ?? "", person.username ? `@${person.username}` : "", `tg://user?id=${person.telegramId}`]);
  const pending = Prisma.sql`"mentions" @> ARRAY[${person.id}::int] AND "status" IN ('PENDING'::"DeliveryStatus", 'SENDING'::"DeliveryStatus")`;
  // Buttons about the person (a digest's card button) go; only a few rows have them.
  const withButtons = await tx.$queryRaw<{ id: number; buttons: OutgoingButton[][] }[]>`
    SELECT "id", "buttons" FROM "OutboxMessage" WHERE ${pending} AND "buttons" @> ${JSON.stringify([[{ about: person.id }]])}::jsonb`;
  for (const r of withButtons) {
    const buttons = dropButtonsAbout(r.buttons, person.id).map((row) => row.map((b) => ({ ...b, text: anonymize(b.text, needles, neutral) })));
    await tx.$executeRaw`UPDATE "OutboxMessage" SET "buttons" = ${buttons.length > 0 ? JSON.stringify(buttons) : null}::jsonb WHERE "id" = ${r.id}`;
  }
  // The texts in one statement (a broadcast's header names its author in every recipient's row): the same replacement as anonymize().
  const text = needles.reduce((expr, n) => Prisma.sql`replace(${expr}, ${n}, ${neutral})`, Prisma.sql`"text"`);
  const anonymized = await tx.$executeRaw`
    UPDATE "OutboxMessage" SET "text" = ${text}, "mentions" = array_remove("mentions", ${person.id}::int) WHERE ${pending}`;
  // The broadcasts this person wrote keep their text (for the report) without the author's name in the header.
  for (const b of await tx.broadcast.findMany({ where: { authorId: person.id }, select: { id: true, text: true } })) {
    await tx.broadcast.update({ where: { id: b.id }, data: { text: anonymize(b.text, needles, neutral) } });
  }
  return { withdrawn, anonymized };
}

/** Empties the texts (and buttons) of rows finished before `before`; returns how many. */
export function purgeFinishedTexts(prisma: PrismaClient, before: Date): Promise<number> {
  return prisma.$executeRaw`
    UPDATE "OutboxMessage" SET "text" = '', "buttons" = NULL, "mentions" = '{}'
    WHERE "status" IN ('SENT'::"DeliveryStatus", 'FAILED'::"DeliveryStatus", 'UNREACHABLE'::"DeliveryStatus", 'EXPIRED'::"DeliveryStatus")
      AND COALESCE("sentAt", "createdAt") < ${before}
      AND ("text" <> '' OR "buttons" IS NOT NULL)`;
}

const DAY = 86_400_000;

/** The retention of message texts, run at most once a day per process (the scheduler calls it on every tick). */
export class OutboxRetention {
  private ranAt = -Infinity;
  constructor(private readonly d: { prisma: PrismaClient; config: { OUTBOX_RETENTION_DAYS: number }; log: Pick<Logger, "info" | "warn"> }) {}

  async daily(now: Date): Promise<void> {
    if (now.getTime() - this.ranAt < DAY) return;
    this.ranAt = now.getTime();
    try {
      const purged = await purgeFinishedTexts(this.d.prisma, new Date(now.getTime() - this.d.config.OUTBOX_RETENTION_DAYS * DAY));
      if (purged > 0) this.d.log.info({ purged }, "texts of old outbox messages deleted");
    } catch (err) {
      this.d.log.warn({ err }, "outbox retention failed");
    }
  }
}
