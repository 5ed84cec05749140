// `npm run cli`: roles, invitations, caseloads and the audit log from a terminal.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import ExcelJS from "exceljs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { openDatabase } from "../../src/db/database.ts";
import { directoryRepository } from "../../src/repositories/directory.ts";
import { ROOT } from "../support/harness.ts";
import { runScript } from "../support/scripts.ts";

// Each call is a new process (about 4 s: starting Node, loading the modules, opening the
// database), so these tests get more time than the default.
describe("npm run cli", { timeout: 240_000 }, () => {
  let dir: string;
  const cli = (...args: string[]) => runScript("cli.ts", args, { DATA_DIR: path.join(dir, "data") });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cnppm-cli-"));
    // Two people who have started the bot and consented, one a teacher in Шиловский.
    const db = await openDatabase({ DATA_DIR: path.join(dir, "data") });
    await directoryRepository(db.prisma).seedIfEmpty((await loadContent(path.join(ROOT, "content"))).directory);
    const now = new Date();
    await db.prisma.person.create({ data: { telegramId: 111n, fullName: "Координатова Ольга", consentVersion: "test", consentedAt: now } });
    await db.prisma.person.create({ data: { telegramId: 222n, fullName: "Методистов Иван", consentVersion: "test", consentedAt: now } });
    await db.prisma.person.create({ data: { telegramId: 333n, fullName: "Учителева Анна", consentVersion: "test", consentedAt: now, municipalityId: "shilovsky", position: "TEACHER", profileCompletedAt: now } });
    await db.close();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("grants roles, assigns a caseload, issues invitations and keeps the audit log", async () => {
    expect((await cli("roles", "grant", "--telegram-id", "111", "--role", "coordinator")).stdout).toContain("Granted coordinator to Координатова Ольга");
    expect((await cli("roles", "grant", "--telegram-id", "111", "--role", "coordinator")).stdout).toContain("already there");
    expect((await cli("roles", "grant", "--telegram-id", "222", "--role", "methodist")).code).toBe(0);
    const assigned = await cli("assign", "--methodist", "222", "--municipality", "shilovsky");
    expect(assigned.stdout).toContain("Assigned. Caseload: 1 teachers.");
    expect(assigned.stdout).toContain("The methodist is told.");
    // A municipality's methodist granted from the terminal gets its teachers too; every change is told.
    expect((await cli("roles", "grant", "--telegram-id", "222", "--role", "methodist", "--municipality", "kasimov")).stdout).toContain("Municipality kasimov assigned to the methodist");
    const both = (await cli("caseload", "--methodist", "222")).stdout;
    expect(both).toMatch(/municipality\tshilovsky[\s\S]*municipality\tkasimov[\s\S]*Caseload: 1 teachers/);
    const kasimov = /^(\d+)\tmunicipality\tkasimov/m.exec(both)![1]!;
    expect((await cli("unassign", "--methodist", "222", "--assignment", kasimov)).stdout).toContain("Removed. Caseload: 1 teachers. The methodist is told.");
    expect((await cli("caseload", "--methodist", "222")).stdout).not.toContain("kasimov");
    const db = await openDatabase({ DATA_DIR: path.join(dir, "data") });
    const notices = await db.prisma.outboxMessage.findMany({ where: { kind: "caseload", person: { telegramId: 222n } }, orderBy: { id: "asc" }, select: { text: true } });
    await db.close();
    expect(notices.map((n) => n.text)).toEqual([
      "За вами закреплён муниципалитет Шиловский муниципальный район: его педагоги, в том числе новые, теперь в вашей нагрузке.\nПедагогов в нагрузке: 1.",
      "За вами закреплён муниципалитет городской округ город Касимов: его педагоги, в том числе новые, теперь в вашей нагрузке.\nПедагогов в нагрузке: 1.",
      "Муниципалитет городской округ город Касимов больше не закреплён за вами.\nПедагогов в нагрузке: 1.",
    ]);
    const invite = await cli("invite", "--role", "methodist", "--bot", "cnppm_bot");
    expect(invite.stdout).toMatch(/https:\/\/t\.me\/cnppm_bot\?start=inv_[A-Za-z0-9_-]{16}/);
    expect((await cli("roles", "list")).stdout).toMatch(/coordinator\t111\tКоординатова Ольга\tregion[\s\S]*methodist\t222/);
    const audit = (await cli("audit")).stdout;
    expect(audit).toContain("role.grant");
    expect(audit).toContain("caseload.assign");
    expect(audit).toContain("invite.create");
  });

  it("makes mentors, pairs, reassigns and closes by hand, each in the audit log", async () => {
    expect((await cli("mentoring", "mark", "--telegram-id", "111", "--capacity", "1", "--strengths", "subject,digital")).stdout).toContain("is a mentor with 1 place(s)");
    expect((await cli("mentoring", "mark", "--telegram-id", "222", "--capacity", "2")).code).toBe(0);
    expect((await cli("mentoring", "pair", "--mentor", "111", "--mentee", "333", "--type", "young")).stdout).toMatch(/Pair \d+ created/);
    const pairs = (await cli("mentoring", "pairs")).stdout;
    expect(pairs).toMatch(/^(\d+)\tyoung_specialist\t111 Координатова Ольга\t→ 333 Учителева Анна/m);
    const pairId = /^(\d+)\t/m.exec(pairs)![1]!;
    // The only place is taken: a second mentee cannot be paired with this mentor.
    const full = await cli("mentoring", "pair", "--mentor", "111", "--mentee", "222");
    expect(full.code).toBe(1);
    expect(full.stderr).toContain("no free place");
    expect((await cli("mentoring", "reassign", "--pair", pairId, "--mentor", "222")).stdout).toMatch(/Pair \d+ created/);
    expect((await cli("mentoring", "pairs")).stdout).toMatch(/222 Методистов Иван\t→ 333 Учителева Анна/);
    const newPair = /^(\d+)\t/m.exec((await cli("mentoring", "pairs")).stdout)![1]!;
    expect((await cli("mentoring", "close", "--pair", newPair)).stdout).toContain("Closed.");
    expect((await cli("mentoring", "pairs")).stdout.trim()).toBe("");
    const audit = (await cli("audit")).stdout;
    for (const action of ["mentor.mark", "pair.create", "pair.close"]) expect(audit).toContain(action);
  });

  it("prints the indicators and writes their workbook and chart; reports; counts, sends and reports a broadcast", async () => {
    const xlsx = path.join(dir, "indicators.xlsx");
    const png = path.join(dir, "indicators.png");
    const ind = await cli("indicators", "--from", "2026-01-01", "--to", "2026-12-31", "--xlsx", xlsx, "--chart", png);
    expect(ind.code).toBe(0);
    expect(ind.stdout).toContain("Показатели эффективности за период 2026-01-01 – 2026-12-31");
    expect(ind.stdout).toMatch(/1\. Доля педагогов и руководителей, прошедших диагностику/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Регион", "Муниципалитеты", "Организации", "Пояснения"]);
    expect((await readFile(png)).subarray(0, 4).toString("hex")).toBe("89504e47");
    expect((await cli("deficit-map")).stdout).toContain("Карта дефицитов за период");
    expect((await cli("programme-gap")).stdout).toContain("Дефицит программ за период");
    expect((await cli("recommendations")).stdout).toContain("Адресные рекомендации за период");

    // Учителева Анна (333) is the one teacher in Шиловский.
    const preview = await cli("broadcast", "--text", "Семинар в пятницу", "--role", "teacher", "--municipality", "shilovsky");
    expect(preview.stdout).toContain("Recipients: 1. Nothing sent");
    expect(preview.stdout).toContain("Сообщение от регионального центра (ЦНППМ):\n\nСеминар в пятницу");
    const sent = await cli("broadcast", "--text", "Семинар в пятницу", "--role", "teacher", "--municipality", "shilovsky", "--send");
    const id = /Broadcast (\d+): 1 messages queued/.exec(sent.stdout)?.[1];
    expect(id, sent.stdout).toBeDefined();
    expect((await cli("broadcast-report", "--id", id!)).stdout).toBe("recipients 1; sent 0; waiting 1; unreachable 0; failed 0\n");
  });

  it("refuses what it cannot do, in one line and with exit status 1", async () => {
    for (const [args, message] of [
      [["roles", "grant", "--telegram-id", "999", "--role", "methodist"], "no person with Telegram id 999"],
      [["roles", "grant", "--telegram-id", "111", "--role", "king"], "--role must be one of"],
      [["roles", "revoke", "--telegram-id", "111", "--role", "coordinator"], "the last coordinator cannot be revoked"],
      [["assign", "--methodist", "333", "--municipality", "shilovsky"], "that person is not a methodist"],
      [["assign", "--methodist", "222", "--municipality", "atlantis"], 'no municipality "atlantis"'],
      [["frobnicate"], 'unknown command "frobnicate"'],
      [["mentoring", "mark", "--telegram-id", "333", "--capacity", "9"], "--capacity must be 1 to 5"],
      [["mentoring", "mark", "--telegram-id", "333", "--strengths", "magic"], "unknown competency groups: magic"],
      [["mentoring", "close", "--pair", "99999"], "no active pair 99999"],
      [["indicators", "--from", "2026-02-30x"], "--from must be a date YYYY-MM-DD"],
      [["broadcast", "--text", "x", "--deficit", "magic"], 'unknown competency group "magic"'],
      [["broadcast", "--role", "teacher"], "broadcast needs --text"],
    ] as const) {
      const r = await cli(...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr, args.join(" ")).toContain(message);
    }
  });
});
