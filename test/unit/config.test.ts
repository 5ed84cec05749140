import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

const token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq";

describe("loadConfig", () => {
  it("applies defaults: embedded database in ./data, thresholds 50 and 75", () => {
    const c = loadConfig({ BOT_TOKEN: token });
    expect(c).toMatchObject({ BOT_TOKEN: token, DATA_DIR: "./data", DEFICIT_BELOW: 50, CONFIDENT_FROM: 75 });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{}, /^BOT_TOKEN is required/],
    [{ BOT_TOKEN: "" }, /^BOT_TOKEN is required/],
    [{ BOT_TOKEN: "not-a-token" }, /^BOT_TOKEN does not look like a bot token/],
    [{ BOT_TOKEN: token, DATABASE_URL: "mysql://x" }, /^DATABASE_URL must be postgresql:/],
    [{ BOT_TOKEN: token, TELEGRAM_API_ROOT: "nowhere" }, /^TELEGRAM_API_ROOT must be a URL/],
    [{ BOT_TOKEN: token, DEFICIT_BELOW: "80" }, /^DEFICIT_BELOW must be lower than CONFIDENT_FROM/],
    [{ BOT_TOKEN: token, CONFIDENT_FROM: "abc" }, /^CONFIDENT_FROM /],
  ])("refuses %o with one line naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
