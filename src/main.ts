// Entry point: `npm start`. Configuration errors print one line and exit with 1.
import { ConfigError, loadConfig } from "./config.ts";
import { ContentError } from "./content/load.ts";
import { DatabaseError } from "./db/database.ts";
import { startApp, StartupError } from "./app.ts";
import { ImportError } from "./catalogue/importer.ts";
import { TableError } from "./catalogue/table.ts";

try {
  process.loadEnvFile();
} catch (e) {
  if ((e as NodeJS.ErrnoException).code !== "ENOENT") {
    console.error(`.env: ${(e as Error).message}`);
    process.exit(1);
  }
}

try {
  const app = await startApp(loadConfig());
  const shutdown = (signal: string) => {
    app.deps.log.info({ signal }, "stopping");
    app.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        app.deps.log.error({ err: e }, "error while stopping");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  // The token rejected while running: one line, a clean stop, status 1.
  void app.fatal.then((reason) => {
    console.error(`Stopped: ${reason}`);
    void app.stop().finally(() => process.exit(1));
  });
} catch (e) {
  if (
    e instanceof ConfigError ||
    e instanceof ContentError ||
    e instanceof DatabaseError ||
    e instanceof StartupError ||
    e instanceof ImportError ||
    e instanceof TableError
  ) {
    console.error(`Cannot start: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
