// `npm run cli`, `npm run import` and `npm run db:migrate` while the bot runs, on both
// databases: what they write is what the running bot sees, and a broadcast queued from
// the command line is delivered by the bot. On the embedded database the bot holds
// DATA_DIR and the commands go through it; on PostgreSQL they share the server.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import { Harness } from "../support/harness.ts";
import { runScript } from "../support/scripts.ts";

const targets = await databaseTargets();

describe.each(targets)("administrator commands while the bot runs on $name", (target) => {
  let h: Harness;
  let dir: string;
  const env = () => ({ ...h.db.env, TEST_LOG_LEVEL: "silent" });
  const cli = (...args: string[]) => runScript("cli.ts", args, env());

  beforeAll(async () => {
    h = await Harness.start(target);
    dir = await mkdtemp(path.join(tmpdir(), "cnppm-admin-"));
    const now = h.clock.now();
    await h.prisma.person.create({ data: { telegramId: 111n, fullName: "Наставникова Ольга", consentVersion: "test", consentedAt: now } });
    await h.prisma.person.create({ data: { telegramId: 333n, fullName: "Учителева Анна", consentVersion: "test", consentedAt: now, municipalityId: "shilovsky", position: "TEACHER", profileCompletedAt: now } });
  });
  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("a mentor marked from the CLI is the bot's mentor; a broadcast queued from the CLI is delivered by the bot", async () => {
    const marked = await cli("mentoring", "mark", "--telegram-id", "111", "--capacity", "2", "--strengths", "digital");
    expect(marked.stderr).toBe("");
    expect(marked.stdout).toContain("Наставникова Ольга is a mentor with 2 place(s).");
    const mentor = await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 111n } });
    expect(await h.app.deps.mentoring.profile(mentor.id)).toMatchObject({ capacity: 2, strengths: ["digital"] });

    const teacher = h.api.user(333);
    const sent = await cli("broadcast", "--text", "Семинар в пятницу", "--role", "teacher", "--municipality", "shilovsky", "--send");
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/Broadcast \d+: 1 messages queued/);
    // On PostgreSQL the bot's minute tick picks the rows up (the harness ticks by hand,
    // with its clock brought to the real time the CLI stamped them with); on the
    // embedded database the bot itself queued them and delivers them at once.
    if (target.name === "postgres") {
      h.clock.advance(Math.max(0, Date.now() - h.clock.now().getTime()) + 1_000);
      await h.app.scheduler.tick();
    }
    expect((await teacher.nextMessage()).text).toBe("Сообщение от регионального центра (ЦНППМ):\n\nСеминар в пятницу");
    const id = /Broadcast (\d+)/.exec(sent.stdout)![1]!;
    expect((await cli("broadcast-report", "--id", id)).stdout).toBe("recipients 1; sent 1; waiting 0; unreachable 0; failed 0\n");
  });

  it("previews a methodist's digest in the terminal, and with --send queues it once for the bot to deliver", async () => {
    const now = h.clock.now();
    const methodist = h.api.user(222);
    const m = await h.prisma.person.create({ data: { telegramId: 222n, fullName: "Методистова Анна Петровна", consentVersion: "test", consentedAt: now } });
    await h.prisma.personRole.create({ data: { personId: m.id, role: "METHODIST", grantedAt: now } });
    await h.prisma.methodistAssignment.create({ data: { methodistId: m.id, scope: "MUNICIPALITY", municipalityId: "shilovsky", createdAt: now } });
    // The command process on PostgreSQL has the real clock: no quiet hours, whatever the hour of the run.
    const digest = (...args: string[]) => runScript("cli.ts", ["digest", "--methodist", "222", ...args], { ...env(), QUIET_HOURS: "0-0" });

    const preview = await digest();
    expect(preview.stderr).toBe("");
    expect(preview.stdout).toMatch(/^Сводка по вашим педагогам на \d\d\.\d\d\.\d{4}\n/);
    expect(preview.stdout).toContain("Педагогов в нагрузке: 1");
    expect(preview.stdout).toContain("[Мои педагоги]");
    expect(preview.stdout).toContain("Preview only");
    expect(await h.prisma.outboxMessage.count({ where: { personId: m.id } })).toBe(0);

    const sent = await digest("--send");
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(new RegExp(`Queued: digest:${m.id}:\\d{4}-\\d\\d-\\d\\d`));
    if (target.name === "postgres") {
      h.clock.advance(Math.max(0, Date.now() - h.clock.now().getTime()) + 1_000);
      await h.app.scheduler.tick();
    }
    const got = await methodist.nextMessage();
    expect(got.text).toContain("Сводка по вашим педагогам");
    expect(got.text).toBe(preview.stdout.split("\n\n[")[0]);

    // Once: a second --send sends nothing, and neither does the scheduled digest of the same day.
    const again = await digest("--send");
    expect(again.stdout).toContain("already in the outbox (sent): nothing sent");
    await h.app.scheduler.tick();
    expect(await h.prisma.outboxMessage.count({ where: { personId: m.id, kind: "digest" } })).toBe(1);

    const refused = await runScript("cli.ts", ["digest", "--methodist", "333"], env());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("that person is not a methodist");
  });

  it("the importer's rows (a relative file name) are the bot's; db:migrate finds the database up to date", async () => {
    await writeFile(
      path.join(dir, "new.csv"),
      [
        "registry_number,title,provider,kind,hours,format,positions,subjects,levels,competencies,scope,url,starts,ends,status",
        "900001,Цифровая школа,РИРО,advanced,36,distance,,,,digital,regional,,,,active",
      ].join("\n"),
    );
    const imported = await runScript("import.ts", ["programmes", "new.csv"], env(), dir);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("new.csv: 1 rows; created 1, updated 0, unchanged 0.");
    expect(await h.prisma.programme.findUnique({ where: { registryNumber: "900001" }, select: { title: true } })).toEqual({ title: "Цифровая школа" });

    const migrated = await runScript("migrate.ts", [], env());
    expect(migrated).toMatchObject({ code: 0, stdout: "The database is up to date.\n" });
  });
});
