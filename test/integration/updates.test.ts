// Update handling under faults: what reaches the bot, what it confirms, how it fails.
// Each case was a defect found by a fault-injection run (issue 11).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import { Harness } from "../support/harness.ts";
import { consent, onboard } from "../support/journey.ts";

const targets = await databaseTargets();
const GROUP = -1001234567890;

const errorsLogged = (h: Harness) => h.logs.filter((l) => (l.level as number) >= 50);

describe.each(targets)("update handling on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target, {}, { logLevel: "trace", stopGraceMs: 300 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers only in private chats: a command in a group posts nothing there", async () => {
    const u = h.api.user(5001, { username: "ivanova_m" });
    await onboard(u);
    let last = 0;
    for (const text of ["/results", "/start", "/menu", "Иванова Мария Петровна"]) {
      last = h.api.enqueue({
        message: {
          message_id: h.api.newMessageId(),
          date: Math.floor(Date.now() / 1000),
          chat: { id: GROUP, type: "supergroup", title: "Учительская" },
          from: { id: 5001, is_bot: false, first_name: "Мария", username: "ivanova_m" },
          text,
          ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.length }] } : {}),
        },
      });
    }
    await h.api.confirmed(last);
    // The person's own chat still works.
    u.send("/help");
    expect((await u.nextMessage()).text).toContain("/diagnostic");
    expect(h.api.calls.filter((c) => Number(c.payload.chat_id) === GROUP)).toEqual([]);
  });

  it("handles every update shape without an exception", async () => {
    const before = errorsLogged(h).length;
    const now = Math.floor(Date.now() / 1000);
    const from = { id: 5002, is_bot: false, first_name: "Пётр" };
    const shapes: Record<string, unknown>[] = [
      // A message with no sender (a channel writing in a chat), and one from a bot.
      { message: { message_id: 1, date: now, chat: { id: 5002, type: "private", first_name: "Пётр" }, text: "/start" } },
      { message: { message_id: 2, date: now, chat: { id: 5002, type: "private", first_name: "Пётр" }, from: { id: 5002, is_bot: true, first_name: "b" }, text: "/menu" } },
      { message: { message_id: 3, date: now, chat: { id: GROUP, type: "supergroup", title: "t" }, sender_chat: { id: GROUP, type: "supergroup", title: "t" }, text: "/menu" } },
      // A button on an inline message (no chat), and on a message too old to be shown.
      { callback_query: { id: "inline-1", from, chat_instance: "x", inline_message_id: "AAAA", data: "menu:open" } },
      { callback_query: { id: "old-1", from, chat_instance: "x", message: { message_id: 9, date: 0, chat: { id: 5002, type: "private", first_name: "Пётр" } }, data: "menu:open" } },
      { callback_query: { id: "nodata-1", from, chat_instance: "x", message: { message_id: 9, date: now, chat: { id: 5002, type: "private", first_name: "Пётр" } }, game_short_name: "g" } },
      // Updates the bot does not ask for, which a misconfigured webhook could still send.
      { edited_message: { message_id: 4, date: now, edit_date: now, chat: { id: 5002, type: "private", first_name: "Пётр" }, from, text: "правка" } },
      { channel_post: { message_id: 5, date: now, chat: { id: -100777, type: "channel", title: "c" }, text: "/start" } },
      { my_chat_member: { chat: { id: 5002, type: "private", first_name: "Пётр" }, from, date: now, old_chat_member: { status: "member", user: from }, new_chat_member: { status: "kicked", user: from, until_date: 0 } } },
      { inline_query: { id: "iq", from, query: "x", offset: "" } },
      { poll: { id: "p", question: "q", options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false } },
      { message: { message_id: 6, date: now, chat: { id: 5002, type: "private", first_name: "Пётр" }, from, photo: [{ file_id: "f", file_unique_id: "u", width: 1, height: 1 }] } },
      { message: { message_id: 7, date: now, chat: { id: 5002, type: "private", first_name: "Пётр" }, from, text: "" } },
    ];
    for (const shape of shapes) h.api.enqueue(shape);
    const u = h.api.user(5002);
    u.send("/help");
    expect((await u.nextMessage()).text).toBeDefined();
    // Every button press gets its answer, even one the bot cannot act on.
    expect(h.api.callsOf("answerCallbackQuery").map((p) => p.callback_query_id)).toEqual(expect.arrayContaining(["inline-1", "old-1", "nodata-1"]));
    expect(errorsLogged(h).slice(before)).toEqual([]);
  });

  it("survives a 409 Conflict from a second poller: logs it once and goes on", async () => {
    const conflict = { error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" };
    for (let i = 0; i < 3; i++) h.api.failNext("getUpdates", conflict);
    const u = h.api.user(5003);
    // The first is received by the fetch already waiting; the conflicts come after it.
    u.send("/help");
    expect((await u.nextMessage()).text).toContain("/diagnostic");
    u.send("/help");
    expect((await u.nextMessage(20_000)).text).toContain("/diagnostic");
    expect(h.logs.filter((l) => String(l.msg).includes("409"))).toHaveLength(1);
  });

  it("keeps a form going through a 429 and a network error, as the rest of the bot does", async () => {
    const u = h.api.user(5004);
    await consent(u);
    h.api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    h.api.dropNext("sendMessage");
    u.send("Сидорова Анна Ивановна");
    const position = await u.nextMessage();
    expect(position.text).toContain("должность");
    expect(u.events.filter((e) => e.type === "message").map((e) => (e.type === "message" ? e.message.text : ""))).not.toContainEqual(expect.stringContaining("сохранены"));
    u.click(position, "Педагог");
    expect((await u.nextEdit()).text).toContain("→");
    expect((await u.nextMessage()).text).toContain("муниципалитет");
  });

  it("gives up a call that keeps failing on the network after API_MAX_RETRIES, and apologises", async () => {
    const u = h.api.user(5005);
    // The harness sets API_MAX_RETRIES=2: three tries of the answer, then the apology.
    for (let i = 0; i < 3; i++) h.api.dropNext("sendMessage");
    u.send("/help");
    expect((await u.nextMessage()).text).toContain("Что-то пошло не так");
    const tries = h.api.callsOf("sendMessage").filter((p) => Number(p.chat_id) === 5005);
    expect(tries).toHaveLength(4);
    expect(String(tries[0]!.text)).toContain("/diagnostic");
  });

  it("answers with the apology when the database fails before any feature runs", async () => {
    const u = h.api.user(5006);
    const saved = await onboard(u);
    u.send("/menu"); // the form's last update is over once this is answered
    expect((await u.nextMessage()).text).toContain("Главное меню");
    // The stored forms are read for every update, before the features.
    await h.prisma.$executeRawUnsafe(`ALTER TABLE "Session" RENAME TO "SessionAway"`);
    try {
      u.send("/menu");
      expect((await u.nextMessage()).text).toContain("Что-то пошло не так");
      const pressed = u.click(saved, "Пройти диагностику");
      expect((await u.answerTo(pressed)).text).toContain("Что-то пошло не так");
    } finally {
      await h.prisma.$executeRawUnsafe(`ALTER TABLE "SessionAway" RENAME TO "Session"`);
    }
    u.send("/menu");
    const menu = await u.nextMessage();
    expect(menu.text).toContain("Главное меню");
  });

  it("never logs what people wrote, their names or usernames, even when a call fails", async () => {
    const u = h.api.user(5007, { username: "petrova_olga" });
    await onboard(u, { name: "Петрова Ольга Сергеевна" });
    // The profile card («ФИО: …») fails: the failed call's payload holds the name.
    h.api.failNext("sendMessage", { error_code: 400, description: "Bad Request: can't parse entities" });
    u.send("/profile");
    await u.nextMessage();
    const failures = h.logs.filter((l) => l.msg === "update failed");
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures.some((l) => JSON.stringify(l).includes("sendMessage"))).toBe(true);
    for (const line of h.logs) {
      const text = JSON.stringify(line);
      for (const secret of ["Петрова", "Ольга", "petrova_olga", "Иванова", "ivanova_m", "Сидорова"]) expect(text).not.toContain(secret);
    }
  });

  it("never confirms an update still in hand, and a stop cuts a hung call short without confirming it", async () => {
    const u = h.api.user(5008);
    const other = h.api.user(5009);
    const held = h.api.hold("sendMessage");
    const slow = u.send("/help");
    await held.reached;
    // Another chat is served meanwhile, but the offset stays at the update in hand.
    other.send("/help");
    expect((await other.nextMessage()).text).toContain("/diagnostic");
    const offsets = h.api.callsOf("getUpdates").map((p) => Number(p.offset ?? 0));
    expect(Math.max(...offsets)).toBeLessThanOrEqual(slow);

    // A stop while the call hangs: prompt (the call is never released), and the update
    // comes again after the restart.
    await h.restart();
    expect((await u.nextMessage()).text).toContain("/diagnostic");
    held.release();
  });

  // Last: it ends polling for this bot.
  it("stops with one line when the token is rejected while running", async () => {
    h.api.failNext("getUpdates", { error_code: 401, description: "Unauthorized" });
    h.api.user(5010).send("/help"); // wakes the fetch in hand; the next one gets the 401
    expect(await h.app.fatal).toBe("BOT_TOKEN was rejected by the Bot API (401 Unauthorized); polling stopped");
    expect(h.logs.filter((l) => l.level === 60)).toHaveLength(1);
  });
});
