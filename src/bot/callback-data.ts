// Callback payloads: short ASCII strings well under Telegram's 64 bytes. They only
// name an action and a record; who may do it is checked on the server each time.

export const cb = {
  consent: (answer: "yes" | "no") => `consent:${answer}`,
  menu: (action: MenuAction) => `menu:${action}`,
  forget: (answer: "yes" | "no") => `forget:${answer}`,
  /** Start, continue or restart the diagnostic. */
  diagnostic: (action: "new" | "continue" | "restart") => `diag:${action}`,
  /** An answer to the item at `cursor` of attempt `attemptId`, or back / pause there. */
  answer: (attemptId: number, cursor: number, choice: number | "back" | "pause") => `a:${attemptId}:${cursor}:${choice}`,
  /** The individual route: build a draft, open the active route, download it. */
  route: (action: "build" | "open" | "xlsx") => `route:${action}`,
  /** An edit of draft `routeId`; item actions name the item. */
  draft: (routeId: number, action: "drop" | "alt" | "fmt" | "budget" | "ok", itemId?: number) => `rd:${routeId}:${action}${itemId === undefined ? "" : `:${itemId}`}`,
  /** Open an item of the active route, or change its status. */
  item: (itemId: number, action?: "start" | "done" | "skip" | "reopen") => `ri:${itemId}${action ? `:${action}` : ""}`,
  /** Profile form steps: `p:<step>:<value>`. */
  profile: (step: string, value: string | number) => `p:${step}:${value}`,
} as const;

export type MenuAction = "open" | "results" | "profile" | "edit-profile" | "forget";

export const patterns = {
  consent: /^consent:(yes|no)$/,
  menu: /^menu:(open|results|profile|edit-profile)$/,
  forget: /^forget:(yes|no)$/,
  diagnostic: /^diag:(new|continue|restart)$/,
  answer: /^a:(\d{1,9}):(\d{1,3}):(\d{1,2}|back|pause)$/,
  profile: /^p:([a-z]{1,12}):([A-Za-z0-9_-]{0,40})$/,
  route: /^route:(build|open|xlsx)$/,
  draft: /^rd:(\d{1,9}):(drop|alt|fmt|budget|ok)(?::(\d{1,9}))?$/,
  item: /^ri:(\d{1,9})(?::(start|done|skip|reopen))?$/,
} as const;
