// Runs one of the project's command-line scripts as an administrator would.
import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { ROOT } from "./harness.ts";

const run = promisify(execFile);
// Node itself with tsx's loader, as `tsx` would run it, without the extra process the
// tsx command starts.
export const TSX_LOADER = pathToFileURL(path.join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runScript(script: string, args: readonly string[], env: Record<string, string>, cwd = ROOT): Promise<ScriptRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", TSX_LOADER, path.join(ROOT, "src/scripts", script), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", CONTENT_DIR: path.join(ROOT, "content"), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as ScriptRun;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
