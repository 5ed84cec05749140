// The embedded data directory's lock: one holder at a time, a dead holder's lock taken
// over, a command-line holder waited for, a bot holder refused at once.
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirBusyError, LOCK_FILE, lockDataDir, type LockHolder } from "../../src/db/lock.ts";

describe("the data directory's lock", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cnppm-lock-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const holder = (pid: number, role: LockHolder["role"]): string => JSON.stringify({ pid, host: hostname(), role, since: new Date().toISOString() });

  it("is held by one at a time, in this process too, and released", async () => {
    const lock = await lockDataDir(dir, "bot");
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid, role: "bot" });
    await expect(lockDataDir(dir, "cli")).rejects.toThrow(DataDirBusyError);
    await lock.release();
    await (await lockDataDir(dir, "cli")).release();
  });

  it("takes over the lock of a process that has died", async () => {
    const dead = spawnSync("true").pid;
    await writeFile(path.join(dir, LOCK_FILE), holder(dead, "bot"));
    const lock = await lockDataDir(dir, "bot");
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it("refuses at once while a bot holds it; waits for a command-line holder to finish", async () => {
    const other = spawn("sleep", ["60"]);
    try {
      await writeFile(path.join(dir, LOCK_FILE), holder(other.pid!, "bot"));
      await expect(lockDataDir(dir, "bot", { waitMs: 60_000 })).rejects.toThrow(`DATA_DIR ${dir} is in use by a running bot (pid ${other.pid}): one data directory serves one bot`);

      await writeFile(path.join(dir, LOCK_FILE), holder(other.pid!, "import"));
      await expect(lockDataDir(dir, "bot")).rejects.toThrow(`DATA_DIR ${dir} is in use by \`npm run import\` (pid ${other.pid}); try again when it has finished`);
      const waiting = lockDataDir(dir, "bot", { waitMs: 60_000 });
      const exited = new Promise((r) => other.once("exit", r));
      other.kill();
      await exited;
      const lock = await waiting;
      expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid, role: "bot" });
      await lock.release();
    } finally {
      other.kill();
    }
  });
});
