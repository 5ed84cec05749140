// Runs one of the project's command-line scripts as an administrator would.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./harness.ts";

const run = promisify(execFile);
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runScript(script: string, args: readonly string[], env: Record<string, string>, cwd = ROOT): Promise<ScriptRun> {
  try {
    const { stdout, stderr } = await run(TSX, [path.join(ROOT, "src/scripts", script), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", CONTENT_DIR: path.join(ROOT, "content"), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as ScriptRun;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
