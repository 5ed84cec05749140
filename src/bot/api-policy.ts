// How every Bot API call of the bot behaves on failure, in one place: the bot's own
// Api, each update's and each form's (the conversations plugin builds its own Api
// per form, which inherits nothing from the bot, so forms install this too).
//
// - 429 and 5xx: @grammyjs/auto-retry, at most API_MAX_RETRIES times, waiting at most
//   API_MAX_RETRY_DELAY_SECONDS (a longer retry_after is not waited for).
// - Network errors: auto-retry would retry them forever with waits doubling to an
//   hour; here they get the same bound (`networkRetry`).
// - A button press's answer that fails after the retries counts as given: it only
//   stops the spinner (`bestEffortCallbackAnswers`), and the press is still handled.
// - Forms: the conversations plugin gives each context inside a form a fresh Api that
//   records every call's outcome for replay. The retries must sit beneath that record
//   (`beneath`): only the final outcome is recorded, and a replay never waits again.
// - Shutdown: every call (and every wait between retries) is aborted once the
//   shutdown signal fires, so a stop during an outage is prompt.
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, HttpError, type Transformer } from "grammy";
import type { Logger } from "pino";
import { bestEffortCallbackAnswers } from "./callback-answers.ts";

/** grammY types signals with a polyfill's type; at run time they are Node's own. */
type GrammySignal = Parameters<Transformer>[3];
const native = (s: GrammySignal): AbortSignal | undefined => s as unknown as AbortSignal | undefined;
const grammy = (s: AbortSignal): GrammySignal => s as unknown as GrammySignal;

export interface RetryLimits {
  maxRetries: number;
  maxDelaySeconds: number;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("aborted while waiting to retry"));
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
    };
    const abort = () => {
      done();
      reject(new Error("aborted while waiting to retry"));
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal?.addEventListener("abort", abort);
  });
}

/** Retries a call that failed on the network, a bounded number of times. */
export function networkRetry({ maxRetries, maxDelaySeconds }: RetryLimits): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (e) {
        if (!(e instanceof HttpError) || attempt >= maxRetries || signal?.aborted) throw e;
        await pause(Math.min(maxDelaySeconds * 1000, 500 * 2 ** attempt), native(signal));
      }
    }
  };
}

/** Gives every call the shutdown signal (besides its own, if it has one). */
export function abortOn(shutdown: AbortSignal): Transformer {
  return (prev, method, payload, signal) => prev(method, payload, grammy(signal ? AbortSignal.any([native(signal)!, shutdown]) : shutdown));
}

/** The transformers of every Api the bot uses to answer people, innermost first. */
export function apiPolicy(limits: RetryLimits, shutdown: AbortSignal, log: Pick<Logger, "warn">): Transformer[] {
  return [
    networkRetry(limits),
    autoRetry({ maxRetryAttempts: limits.maxRetries, maxDelaySeconds: limits.maxDelaySeconds, rethrowHttpErrors: true }),
    bestEffortCallbackAnswers(log),
    abortOn(shutdown),
  ];
}

/** `api` rebuilt with the policy beneath its own transformers (see "Forms" above). */
export function beneath(api: Api, policy: Transformer[]): Api {
  const rebuilt = new Api(api.token, api.options);
  rebuilt.config.use(...policy, ...api.config.installedTransformers());
  return rebuilt;
}
