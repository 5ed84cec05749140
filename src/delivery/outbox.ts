// The outbox: every scheduled or bulk message is a row, produced once per key, and
// sent later by the Sender (src/delivery/sender.ts).
import type { PrismaClient } from "../db/database.ts";
import { type LocalTime, validUntil } from "./validity.ts";

export interface OutgoingButton {
  text: string;
  /** callback_data: ASCII, at most 64 bytes. */
  data: string;
  /** The person (id) the button is about, e.g. their card: dropped when they use /forget. */
  about?: number;
}

export interface OutgoingMessage {
  /** Unique per recipient, kind and period, e.g. "digest:42:2026-11-23". */
  key: string;
  personId: number;
  chatId: bigint | number;
  /** "digest", "reminder:diagnostic-1d", "broadcast:7", … */
  kind: string;
  /** At most 4096 characters. */
  text: string;
  buttons?: OutgoingButton[][];
  dueAt: Date;
  /** A scheduled message: the recipient's local time (its validity ends with their day, or when their quiet hours begin). */
  local?: LocalTime;
  /**
   * People other than the recipient whose personal data (name, contact) the text
   * carries. Their /forget takes it out of the message while it is not sent.
   */
  mentions?: number[];
  /** The message is about the mentioned people (a mentoring notice): withdrawn rather than anonymized. */
  aboutMentioned?: boolean;
}

/** Throws on what Telegram would refuse anyway: better at the producer than as a FAILED row. */
export function checkMessage(m: Pick<OutgoingMessage, "key" | "text" | "buttons">): void {
  const length = [...m.text].length;
  if (length === 0 || length > 4096) throw new Error(`outbox ${m.key}: text must have 1 to 4096 characters, has ${length}`);
  for (const b of m.buttons?.flat() ?? []) {
    const bytes = Buffer.byteLength(b.data);
    if (bytes === 0 || bytes > 64) throw new Error(`outbox ${m.key}: button data must have 1 to 64 bytes, has ${bytes}`);
  }
}

/**
 * Inserts the messages whose key is new; returns how many were created (a second call
 * with the same keys creates none). Each row gets its expiresAt from its kind (validUntil).
 */
export async function enqueue(prisma: PrismaClient, messages: readonly OutgoingMessage[], now: Date): Promise<number> {
  if (messages.length === 0) return 0;
  messages.forEach(checkMessage);
  const { count } = await prisma.outboxMessage.createMany({
    data: messages.map((m) => ({
      key: m.key,
      personId: m.personId,
      chatId: BigInt(m.chatId),
      kind: m.kind,
      text: m.text,
      ...(m.buttons ? { buttons: m.buttons.map((row) => row.map((b) => ({ text: b.text, data: b.data, ...(b.about === undefined ? {} : { about: b.about }) }))) } : {}),
      dueAt: m.dueAt,
      expiresAt: validUntil(m.kind, m.dueAt, m.local),
      createdAt: now,
      mentions: [...new Set(m.mentions ?? [])],
      aboutMentioned: m.aboutMentioned ?? false,
    })),
    skipDuplicates: true,
  });
  return count;
}
