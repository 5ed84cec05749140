// One process opens an embedded data directory at a time. PGlite is PostgreSQL in
// the process with no shared memory between processes: a second one on the same
// files reads stale pages and overwrites the first one's writes. The lock is a file
// in DATA_DIR holding who has it (pid, host, role), created atomically (a link of a
// complete file, so it is never seen half-written). A lock whose process has died
// is taken over; the take-over itself is guarded so that two processes finding the
// same stale lock cannot both win.
import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { DatabaseError } from "./errors.ts";

export type LockRole = "bot" | "cli" | "import" | "migrate";

export interface LockHolder {
  pid: number;
  host: string;
  role: LockRole;
  /** When the lock was taken, and the process's start (Linux): tell a reused pid from the holder. */
  since: string;
  start?: string;
}

export const LOCK_FILE = "app.lock";

export class DataDirBusyError extends DatabaseError {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      holder.role === "bot"
        ? `DATA_DIR ${dir} is in use by a running bot (pid ${holder.pid}${holder.host === hostname() ? "" : ` on ${holder.host}`}): one data directory serves one bot`
        : `DATA_DIR ${dir} is in use by \`npm run ${holder.role === "migrate" ? "db:migrate" : holder.role}\` (pid ${holder.pid}${holder.host === hostname() ? "" : ` on ${holder.host}`}); try again when it has finished`,
    );
  }
}

const REASONS: Record<string, string> = {
  ENOTDIR: "is not a directory (a file is in the way)",
  EEXIST: "is not a directory (a file is in the way)",
  EACCES: "cannot be created or written (no permission)",
  EPERM: "cannot be created or written (not permitted)",
  EROFS: "is on a read-only file system",
  ENOENT: "cannot be created here",
  ENOSPC: "has no space left on its device",
  ELOOP: "has a symbolic link loop in its path",
  ENAMETOOLONG: "is too long a path",
};

/** One line naming DATA_DIR for a file-system error about it. */
export function dataDirError(dir: string, e: unknown): DatabaseError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = (code && REASONS[code]) ?? "cannot be used";
  return new DatabaseError(`DATA_DIR ${dir} ${reason}${code ? ` (${code})` : ""}`);
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir never returns for a path
 * under /proc (it retries ENOENT forever).
 */
async function makeDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error(`not a directory: ${dir}`), { code: "ENOTDIR" });
      return;
    }
    const parent = path.dirname(dir);
    if (code !== "ENOENT" || parent === dir) throw e;
    await makeDir(parent);
    await mkdir(dir).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== "EEXIST") throw again;
    });
  }
}

/** Creates DATA_DIR if needed; any problem is one line naming it. */
export async function prepareDataDir(dir: string): Promise<void> {
  try {
    await makeDir(path.resolve(dir));
  } catch (e) {
    throw dataDirError(dir, e);
  }
}

/** The start time of a process in clock ticks since boot (Linux), to tell a reused pid. */
async function processStart(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; fields after its ")" are plain.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Data directories locked by this process (a second open in one process is refused too). */
const lockedHere = new Set<string>();

async function alive(h: LockHolder, key: string): Promise<boolean> {
  // Another machine's process (a shared volume) cannot be checked: assume it runs.
  if (h.host !== hostname()) return true;
  if (h.pid === process.pid) return lockedHere.has(key);
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const start = h.start === undefined ? undefined : await processStart(h.pid);
  return start === undefined || start === h.start;
}

/** The holder written in a lock file; null when it is unreadable, undefined when it is gone. */
async function readHolder(file: string): Promise<LockHolder | null | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  try {
    const h = JSON.parse(text) as LockHolder;
    return Number.isInteger(h.pid) && typeof h.host === "string" ? h : null;
  } catch {
    return null;
  }
}

const same = (a: LockHolder | null | undefined, b: LockHolder | null | undefined) =>
  a === b || (!!a && !!b && a.pid === b.pid && a.host === b.host && a.since === b.since);

/** Creates `file` with `text` only if it does not exist, never half-written. */
async function createAtomically(file: string, text: string): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(tmp, text);
  try {
    await link(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Removes the stale lock `seen`, unless someone has replaced it meanwhile. */
async function takeOver(file: string, seen: LockHolder | null, me: string, key: string): Promise<void> {
  const guard = `${file}.takeover`;
  if (!(await createAtomically(guard, me))) {
    const g = await readHolder(guard);
    if (g === undefined || g === null || !(await alive(g, key))) await unlink(guard).catch(() => undefined);
    else await new Promise((r) => setTimeout(r, 20));
    return;
  }
  try {
    if (same(await readHolder(file), seen)) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait for a command-line holder to finish (a bot holder is never waited for). */
  waitMs?: number;
}

/** Takes the data directory's lock, creating the directory if needed. */
export async function lockDataDir(dir: string, role: LockRole, options: LockOptions = {}): Promise<DataDirLock> {
  await prepareDataDir(dir);
  const key = path.resolve(dir);
  const file = path.join(key, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), role, since: new Date().toISOString(), start: await processStart(process.pid) };
  const text = JSON.stringify(me);
  const deadline = Date.now() + (options.waitMs ?? 0);
  if (lockedHere.has(key)) throw new DataDirBusyError(dir, { ...me, role: "bot" });
  for (;;) {
    try {
      if (await createAtomically(file, text)) break;
      const holder = await readHolder(file);
      if (holder === undefined) continue;
      if (holder === null || !(await alive(holder, key))) {
        await takeOver(file, holder, text, key);
        continue;
      }
      if (holder.role === "bot" || Date.now() >= deadline) throw new DataDirBusyError(dir, holder);
      await new Promise((r) => setTimeout(r, 200));
    } catch (e) {
      if (e instanceof DatabaseError) throw e;
      throw dataDirError(dir, e);
    }
  }
  lockedHere.add(key);
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      lockedHere.delete(key);
      if (same(await readHolder(file).catch(() => null), me)) await unlink(file).catch(() => undefined);
    },
  };
}
