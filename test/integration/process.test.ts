// The real entry point, as `npm start` runs it: configuration errors, start, SIGTERM.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeBotApi } from "../support/fake-bot-api.ts";
import { ROOT } from "../support/harness.ts";
import { runScript, TSX_LOADER } from "../support/scripts.ts";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Node itself with tsx's loader (not the tsx command, which runs the program in a
// child process of its own): a signal, SIGKILL included, reaches the bot itself.

/** Starts src/main.ts with exactly `env` (plus PATH); `whenRunning` may act, then signal it. */
function start(env: Record<string, string>, cwd: string, whenRunning?: (child: ReturnType<typeof spawn>, output: () => string) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX_LOADER, path.join(ROOT, "src/main.ts")], { cwd, env: { PATH: process.env.PATH ?? "", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    whenRunning?.(child, () => stdout).catch((e: unknown) => {
      child.kill("SIGKILL");
      reject(e);
    });
  });
}

describe("npm start", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cnppm-process-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    [{}, /^Cannot start: BOT_TOKEN is required/],
    [{ BOT_TOKEN: "12345" }, /^Cannot start: BOT_TOKEN does not look like a bot token/],
    [{ BOT_TOKEN: "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq", DATABASE_URL: "sqlite:./x.db" }, /^Cannot start: DATABASE_URL must be postgresql:/],
    [{ BOT_TOKEN: "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" }, /^Cannot start: DATABASE_URL: cannot connect/],
  ])("with %o prints one line naming the variable and exits with 1", async (env, message) => {
    const run = await start({ ...env, CONTENT_DIR: path.join(ROOT, "content") }, dir);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  });

  it("runs on the embedded database, answers, and stops cleanly on SIGTERM", async () => {
    const api = await FakeBotApi.start();
    try {
      const run = await start(
        { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: path.join(dir, "data"), CONTENT_DIR: path.join(ROOT, "content") },
        dir,
        async (child) => {
          const u = api.user(42);
          u.send("/start");
          expect((await u.nextMessage(60_000)).text).toContain("Здравствуйте");
          await u.nextMessage();
          child.kill("SIGTERM");
        },
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('"msg":"bot stopped"');
      expect(run.stderr).toBe("");
      expect(api.callsOf("setMyCommands").length).toBe(2);
    } finally {
      await api.close();
    }
  });

  it("receives again, after a kill, an update that was in hand", async () => {
    const api = await FakeBotApi.start();
    const env = { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: path.join(dir, "data-kill"), CONTENT_DIR: path.join(ROOT, "content") };
    try {
      const u = api.user(43);
      const held = api.hold("sendMessage");
      const killed = await start(env, dir, async (child) => {
        u.send("/help");
        await held.reached; // the answer is being sent: the update is in hand
        child.kill("SIGKILL");
      });
      expect(killed.code).toBeNull();
      // The next process gets the update again and answers it.
      const run = await start(env, dir, async (child) => {
        expect((await u.nextMessage(60_000)).text).toContain("/diagnostic");
        child.kill("SIGTERM");
      });
      expect(run.code, run.stderr + run.stdout.slice(-2000)).toBe(0);
      held.release();
    } finally {
      await api.close();
    }
  });

  it("refuses a second bot on the same DATA_DIR in one line naming it, and the first runs on", async () => {
    const api = await FakeBotApi.start();
    const env = { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: path.join(dir, "shared"), CONTENT_DIR: path.join(ROOT, "content") };
    try {
      let second: Run | undefined;
      const first = await start(env, dir, async (child, output) => {
        while (!output().includes('"msg":"bot started"')) await new Promise((r) => child.stdout!.once("data", r));
        // A second bot that starts anyway is stopped, and the test fails below.
        second = await start(env, dir, async (other, out) => {
          while (!out().includes('"msg":"bot started"')) await new Promise((r) => other.stdout!.once("data", r));
          other.kill("SIGTERM");
        });
        const u = api.user(43);
        u.send("/start");
        expect((await u.nextMessage(20_000)).text).toContain("Здравствуйте");
        child.kill("SIGTERM");
      });
      expect(second!.code).toBe(1);
      expect(second!.stderr.trim().split("\n")).toHaveLength(1);
      expect(second!.stderr.trim()).toBe(`Cannot start: DATA_DIR ${env.DATA_DIR} is in use by a running bot (pid ${/"pid":(\d+)/.exec(first.stdout)![1]}): one data directory serves one bot`);
      expect(first.code).toBe(0);
    } finally {
      await api.close();
    }
  });

  describe("DATA_DIR that cannot be used: one line naming it, exit status 1", () => {
    const file = () => path.join(dir, "a-file");
    beforeAll(async () => {
      await writeFile(file(), "not a directory");
    });
    // We run as root, whom permissions do not stop: /sys refuses even root (EPERM to
    // create in it, EACCES to write into its directories).
    const sys = existsSync("/sys/kernel");
    const cases: [string, () => string, RegExp][] = [
      ["a file", file, /is not a directory \(a file is in the way\) \((ENOTDIR|EEXIST)\)$/],
      ["under a file", () => path.join(file(), "data"), /is not a directory \(a file is in the way\) \(ENOTDIR\)$/],
      ...(sys
        ? ([
            ["under an unwritable parent", () => "/sys/cnppm-test/data", /cannot be created or written \(not permitted\) \(EPERM\)$|read-only file system \(EROFS\)$/],
            ["an unwritable directory", () => "/sys/kernel", /cannot be created or written \(no permission\) \(EACCES\)$|read-only file system \(EROFS\)$/],
          ] as [string, () => string, RegExp][])
        : []),
    ];

    it.each(cases)("the bot, with DATA_DIR %s", async (_, dataDir, reason) => {
      const run = await start({ BOT_TOKEN: "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq", DATA_DIR: dataDir(), CONTENT_DIR: path.join(ROOT, "content") }, dir);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr.trim()).toMatch(new RegExp(`^Cannot start: DATA_DIR ${dataDir().replaceAll("/", "\\/")} `));
      expect(run.stderr.trim()).toMatch(reason);
    });

    it("the command-line scripts", async () => {
      for (const [script, args, prefix, dataDir] of [
        ["cli.ts", ["audit"], "Error: ", cases.at(-1)![1]()],
        ["import.ts", ["sites", "x.csv"], "", cases[1]![1]()],
        ["migrate.ts", [], "Cannot migrate: ", cases.at(-2)![1]()],
      ] as const) {
        const run = await runScript(script, args, { DATA_DIR: dataDir });
        expect(run.code, script).toBe(1);
        expect(run.stderr.trim().split("\n"), script).toHaveLength(1);
        expect(run.stderr.trim(), script).toMatch(new RegExp(`^${prefix}DATA_DIR ${dataDir.replaceAll("/", "\\/")} `));
      }
    });
  });
});
