// A fake Telegram Bot API server for integration tests. It speaks the real HTTP
// protocol (JSON and multipart bodies, long-polling getUpdates), checks the
// limits Telegram checks (text length, 64-byte callback data, "message is not
// modified"), and lets a test act as users and await what the bot sends.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

export interface BotMessage {
  message_id: number;
  chat: { id: number; type: "private" };
  date: number;
  text?: string;
  caption?: string;
  photo?: { file_id: string; file_unique_id: string; width: number; height: number; file_size: number }[];
  /** Bytes of an uploaded photo or document, kept for assertions. */
  file?: Uint8Array;
  reply_markup?: { inline_keyboard?: InlineButton[][] };
}

export type ChatEvent =
  | { type: "message"; message: BotMessage }
  | { type: "edit"; message: BotMessage }
  | { type: "answer"; callback_query_id: string; text?: string; show_alert?: boolean }
  | { type: "delete"; message_id: number };

type EventType = ChatEvent["type"];

export interface ApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

interface Waiter {
  resolve: () => void;
}

const BOT_ID = 7_000_000_001;
const WAIT_MS = 10_000;

class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.description);
  }
}

const bad = (description: string): ApiFailure => new ApiFailure({ error_code: 400, description: `Bad Request: ${description}` });

export class FakeBotApi {
  readonly token = `${BOT_ID}:AAFakeTokenForIntegrationTests_0123456789`;
  /** Every Bot API call the bot made, in order. */
  readonly calls: { method: string; payload: Record<string, unknown> }[] = [];

  private server!: Server;
  private nextUpdateId = 1;
  private updates: Record<string, unknown>[] = [];
  private pollers: Waiter[] = [];
  private chats = new Map<number, FakeUser>();
  private failures: { method: string; error: ApiError }[] = [];
  private holds: { method: string; reached: () => void; gate: Promise<void> }[] = [];
  private drops: string[] = [];
  private confirmWaiters: { id: number; resolve: () => void }[] = [];
  private confirmedBelow = 0;
  private messageIds = 1;

  static async start(): Promise<FakeBotApi> {
    const api = new FakeBotApi();
    api.server = createServer((req, res) => void api.handle(req, res));
    await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
    return api;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const p of this.pollers.splice(0)) p.resolve();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A private chat with a user; the same id gives the same user. */
  user(id: number, profile: { firstName?: string; languageCode?: string; username?: string } = {}): FakeUser {
    let u = this.chats.get(id);
    if (!u) {
      u = new FakeUser(this, id, profile.firstName ?? `User${id}`, profile.languageCode ?? "ru", profile.username);
      this.chats.set(id, u);
    }
    return u;
  }

  /** The next call of `method` fails with `error` (queue several for several calls). */
  failNext(method: string, error: ApiError): void {
    this.failures.push({ method, error });
  }

  /**
   * The next call of `method` is received (and recorded in `calls`) but never
   * answered: its connection is destroyed, as a network failure would (grammY
   * then throws HttpError). Queue several for several calls.
   */
  dropNext(method: string): void {
    this.drops.push(method);
  }

  /**
   * Holds the next call of `method` until released: the bot is then provably in
   * the middle of handling an update. `reached` resolves when the call arrives.
   */
  hold(method: string): { reached: Promise<void>; release: () => void } {
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const arrived = new Promise<void>((r) => (reached = r));
    this.holds.push({ method, reached, gate });
    return { reached: arrived, release };
  }

  callsOf(method: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.payload);
  }

  /** Updates handed out but not yet confirmed by a later offset. */
  get pendingUpdates(): number {
    return this.updates.length;
  }

  /** Resolves once the bot confirmed `updateId` (asked for a later offset), which it does only after handling it. */
  confirmed(updateId: number): Promise<void> {
    if (updateId < this.confirmedBelow) return Promise.resolve();
    return new Promise((resolve) => this.confirmWaiters.push({ id: updateId, resolve }));
  }

  enqueue(update: Record<string, unknown>): number {
    const update_id = this.nextUpdateId++;
    this.updates.push({ update_id, ...update });
    for (const p of this.pollers.splice(0)) p.resolve();
    return update_id;
  }

  newMessageId(): number {
    return this.messageIds++;
  }

  // --- HTTP -------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    const reply = (status: number, body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (!match) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    if (match[1] !== this.token) return reply(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = match[2]!;
    try {
      const payload = await readPayload(req);
      this.calls.push({ method, payload });
      const held = this.holds.findIndex((x) => x.method === method);
      if (held >= 0) {
        const [h] = this.holds.splice(held, 1);
        h!.reached();
        await h!.gate;
      }
      const dropped = this.drops.indexOf(method);
      if (dropped >= 0) {
        this.drops.splice(dropped, 1);
        req.socket.destroy();
        return;
      }
      const i = this.failures.findIndex((f) => f.method === method);
      if (i >= 0) throw new ApiFailure(this.failures.splice(i, 1)[0]!.error);
      const result = await this.dispatch(method, payload, req);
      reply(200, { ok: true, result });
    } catch (e) {
      if (e instanceof ApiFailure) return reply(e.error.error_code, { ok: false, ...e.error });
      reply(500, { ok: false, error_code: 500, description: `Internal Server Error: ${(e as Error).message}` });
    }
  }

  private async dispatch(method: string, p: Record<string, unknown>, req: IncomingMessage): Promise<unknown> {
    switch (method) {
      case "getMe":
        return { id: BOT_ID, is_bot: true, first_name: "Test bot", username: "test_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false };
      case "getUpdates":
        return this.getUpdates(p, req);
      case "deleteWebhook":
      case "setMyCommands":
      case "setChatMenuButton":
      case "sendChatAction":
        return true;
      case "sendMessage":
        return this.chat(p).receive({ text: checkText(p.text, 4096, "message text") }, p);
      case "sendPhoto":
      case "sendDocument": {
        const caption = p.caption === undefined ? undefined : checkText(p.caption, 1024, "caption");
        const file = p[method === "sendPhoto" ? "photo" : "document"];
        if (!(file instanceof Uint8Array)) throw bad("there is no file in the request");
        const photo = method === "sendPhoto" ? [{ file_id: `photo${this.messageIds}`, file_unique_id: `u${this.messageIds}`, width: 1000, height: 600, file_size: file.length }] : undefined;
        return this.chat(p).receive({ ...(caption === undefined ? {} : { caption }), ...(photo ? { photo } : {}), file }, p);
      }
      case "editMessageText":
        return this.chat(p).edit(Number(p.message_id), { text: checkText(p.text, 4096, "message text") }, p);
      case "editMessageReplyMarkup":
        return this.chat(p).edit(Number(p.message_id), {}, p);
      case "deleteMessage":
        return this.chat(p).remove(Number(p.message_id));
      case "answerCallbackQuery": {
        const user = [...this.chats.values()].find((u) => u.hasCallback(String(p.callback_query_id)));
        if (!user) throw bad("query is too old and response timeout expired or query ID is invalid");
        user.answered(String(p.callback_query_id), p);
        return true;
      }
      default:
        throw new ApiFailure({ error_code: 404, description: "Not Found: method not found" });
    }
  }

  private chat(p: Record<string, unknown>): FakeUser {
    const user = this.chats.get(Number(p.chat_id));
    if (!user) throw bad("chat not found");
    return user;
  }

  private async getUpdates(p: Record<string, unknown>, req: IncomingMessage): Promise<unknown[]> {
    const offset = Number(p.offset ?? 0);
    if (offset > 0) {
      this.updates = this.updates.filter((u) => (u.update_id as number) >= offset);
      this.confirmedBelow = Math.max(this.confirmedBelow, offset);
      for (const w of this.confirmWaiters.filter((x) => x.id < offset)) w.resolve();
      this.confirmWaiters = this.confirmWaiters.filter((x) => x.id >= offset);
    }
    if (this.updates.length === 0) {
      const timeout = Math.min(Number(p.timeout ?? 0), 30) * 1000;
      if (timeout > 0) {
        await new Promise<void>((resolve) => {
          const waiter: Waiter = { resolve: () => { clearTimeout(timer); resolve(); } };
          const timer = setTimeout(() => { this.pollers = this.pollers.filter((w) => w !== waiter); resolve(); }, timeout);
          this.pollers.push(waiter);
          req.once("close", waiter.resolve);
        });
      }
    }
    return this.updates.slice(0, Number(p.limit ?? 100));
  }
}

/** One user in a private chat with the bot: acts, and awaits what the bot sends. */
export class FakeUser {
  readonly events: ChatEvent[] = [];
  private readonly messages = new Map<number, BotMessage>();
  private readonly cursors: Record<EventType, number> = { message: 0, edit: 0, answer: 0, delete: 0 };
  private readonly waiters: Waiter[] = [];
  private readonly openCallbacks = new Set<string>();
  private callbackIds = 1;

  constructor(
    private readonly api: FakeBotApi,
    readonly id: number,
    private readonly firstName: string,
    private readonly languageCode: string,
    private readonly username: string | undefined,
  ) {}

  private get from() {
    return { id: this.id, is_bot: false, first_name: this.firstName, language_code: this.languageCode, ...(this.username ? { username: this.username } : {}) };
  }

  private get chatInfo() {
    return { id: this.id, type: "private" as const, first_name: this.firstName };
  }

  // --- acting -------------------------------------------------------------

  /** Sends a text message; a leading /command gets its bot_command entity. */
  send(text: string): number {
    const command = /^\/\w+/.exec(text);
    return this.sendMessage({ text, ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}) });
  }

  sendSticker(): number {
    return this.sendMessage({ sticker: { file_id: "sticker1", file_unique_id: "s1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } });
  }

  sendMessage(content: Record<string, unknown>): number {
    return this.api.enqueue({
      message: { message_id: this.api.newMessageId(), date: Math.floor(Date.now() / 1000), chat: this.chatInfo, from: this.from, ...content },
    });
  }

  /** Presses the button whose label matches (fails listing the labels when none does); returns the query id. */
  click(message: BotMessage, label: string | RegExp): string {
    const current = this.messages.get(message.message_id) ?? message;
    const buttons = (current.reply_markup?.inline_keyboard ?? []).flat();
    const button = buttons.find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
    if (!button?.callback_data) {
      throw new Error(`no button ${String(label)} on message ${message.message_id}; buttons: ${buttons.map((b) => JSON.stringify(b.text)).join(", ")}`);
    }
    return this.press(current, button.callback_data);
  }

  /** Sends a callback query with any data, as a forged or stale client would; returns the query id. */
  press(message: BotMessage, data: string): string {
    const id = `${this.id}-${this.callbackIds++}`;
    this.openCallbacks.add(id);
    const current = this.messages.get(message.message_id) ?? message;
    const { file: _file, ...wire } = current;
    this.api.enqueue({ callback_query: { id, from: this.from, message: { ...wire, from: { id: BOT_ID, is_bot: true, first_name: "Test bot" } }, chat_instance: `ci${this.id}`, data } });
    return id;
  }

  // --- what the bot sent ----------------------------------------------------

  /** The next new message (text, photo or document) the bot sent to this chat. */
  nextMessage(timeoutMs = WAIT_MS): Promise<BotMessage> {
    return this.next("message", timeoutMs).then((e) => (e as { message: BotMessage }).message);
  }

  /** The next edit of an earlier message. */
  nextEdit(): Promise<BotMessage> {
    return this.next("edit").then((e) => (e as { message: BotMessage }).message);
  }

  /** The bot's answer to a callback query (the toast), awaited by the query's id. */
  async answerTo(callbackQueryId: string, timeoutMs = WAIT_MS): Promise<{ text?: string; show_alert?: boolean }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const event = this.events.find((e) => e.type === "answer" && e.callback_query_id === callbackQueryId);
      if (event?.type === "answer") return { ...(event.text === undefined ? {} : { text: event.text }), ...(event.show_alert ? { show_alert: true } : {}) };
      if (Date.now() >= deadline) throw new Error(`chat ${this.id}: callback query ${callbackQueryId} was not answered within ${timeoutMs} ms`);
      await this.changed(deadline - Date.now());
    }
  }

  private changed(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const waiter: Waiter = { resolve: () => { clearTimeout(timer); resolve(); } };
      const timer = setTimeout(() => { this.waiters.splice(this.waiters.indexOf(waiter), 1); resolve(); }, ms);
      this.waiters.push(waiter);
    });
  }

  /** Events of a type the test has not consumed yet. */
  unread(type: EventType): ChatEvent[] {
    return this.events.filter((e) => e.type === type).slice(this.cursors[type]);
  }

  /** The current state of a message, after any edits. */
  current(message: BotMessage): BotMessage {
    return this.messages.get(message.message_id) ?? message;
  }

  async next(type: EventType, timeoutMs = WAIT_MS): Promise<ChatEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const event = this.events.filter((e) => e.type === type)[this.cursors[type]];
      if (event) {
        this.cursors[type]++;
        return event;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const recent = this.events.slice(-4).map((e) => JSON.stringify(e).slice(0, 200)).join("\n  ");
        throw new Error(`chat ${this.id}: no ${type} from the bot within ${timeoutMs} ms; last events:\n  ${recent}`);
      }
      await this.changed(left);
    }
  }

  // --- server side ------------------------------------------------------------

  receive(content: Partial<BotMessage>, p: Record<string, unknown>): BotMessage {
    const message: BotMessage = {
      message_id: this.api.newMessageId(),
      chat: this.chatInfo,
      date: Math.floor(Date.now() / 1000),
      ...content,
      ...markup(p),
    };
    this.messages.set(message.message_id, message);
    this.push({ type: "message", message });
    return withoutFile(message);
  }

  edit(messageId: number, content: Partial<BotMessage>, p: Record<string, unknown>): BotMessage {
    const old = this.messages.get(messageId);
    if (!old) throw bad("message to edit not found");
    const updated: BotMessage = { ...old, ...content };
    delete updated.reply_markup;
    Object.assign(updated, markup(p));
    if (JSON.stringify(withoutFile(updated)) === JSON.stringify(withoutFile(old))) {
      throw bad("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    this.messages.set(messageId, updated);
    this.push({ type: "edit", message: updated });
    return withoutFile(updated);
  }

  remove(messageId: number): true {
    if (!this.messages.delete(messageId)) throw bad("message to delete not found");
    this.push({ type: "delete", message_id: messageId });
    return true;
  }

  hasCallback(id: string): boolean {
    return this.openCallbacks.has(id);
  }

  answered(id: string, p: Record<string, unknown>): void {
    this.openCallbacks.delete(id);
    this.push({
      type: "answer",
      callback_query_id: id,
      ...(typeof p.text === "string" ? { text: p.text } : {}),
      ...(p.show_alert === true ? { show_alert: true } : {}),
    });
  }

  private push(event: ChatEvent): void {
    this.events.push(event);
    for (const w of this.waiters.splice(0)) w.resolve();
  }
}

function withoutFile(m: BotMessage): BotMessage {
  const { file: _file, ...rest } = m;
  return rest;
}

function checkText(value: unknown, max: number, what: string): string {
  if (typeof value !== "string" || value.trim() === "") throw bad(`${what} is empty`);
  if ([...value].length > max) throw bad(`${what} is too long`);
  return value;
}

function markup(p: Record<string, unknown>): Pick<BotMessage, "reply_markup"> {
  const m = p.reply_markup as BotMessage["reply_markup"] | undefined;
  if (!m?.inline_keyboard) return {};
  for (const b of m.inline_keyboard.flat()) {
    if (!b.text) throw bad("text buttons are unallowed in the inline keyboard");
    if (b.callback_data !== undefined && (Buffer.byteLength(b.callback_data) > 64 || b.callback_data === "")) {
      throw bad("BUTTON_DATA_INVALID");
    }
  }
  return { reply_markup: m };
}

async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return {};
  if (type.startsWith("application/json")) return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
  if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
    if (!boundary) throw bad("multipart body without a boundary");
    const out = parseMultipart(body, boundary[1] ?? boundary[2]!);
    // Files travel as separate parts named by an attach:// reference.
    for (const [key, value] of Object.entries(out)) {
      if (typeof value === "string" && value.startsWith("attach://")) out[key] = out[value.slice("attach://".length)];
    }
    return out;
  }
  throw bad(`unsupported content type ${type}`);
}

/** A tolerant multipart/form-data reader: Telegram accepts grammY's terse part headers, so must we. */
function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) break;
    const part = body.subarray(partStart + 2, next - 2); // skip CRLF after the delimiter and before the next
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString("utf8");
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name !== undefined) {
      if (/filename=/i.test(headers)) out[name] = new Uint8Array(content);
      else {
        const value = content.toString("utf8");
        try {
          out[name] = name === "text" || name === "caption" ? value : JSON.parse(value);
        } catch {
          out[name] = value;
        }
      }
    }
    start = next;
  }
  return out;
}
