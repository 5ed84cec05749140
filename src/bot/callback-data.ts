// Callback payloads: short ASCII strings well under Telegram's 64 bytes. They only
// name an action and a record; who may do it is checked on the server each time.

export const cb = {
  /** Consent; an invitation code rides along when the person came by an invitation link. */
  consent: (answer: "yes" | "no", invite?: string) => `consent:${answer}${invite ? `:${invite}` : ""}`,
  /** Coordinator's panel: `adm:<action>[:<arg>[:<arg>]]`. */
  admin: (action: string, ...args: (string | number)[]) => [`adm:${action}`, ...args].join(":"),
  /** Methodist: own teachers' list page, a teacher's card and actions on it, digest settings. */
  teachers: (page: number) => `mt:list:${page}`,
  card: (teacherId: number, action?: "rec" | "ok" | "comment" | "chart" | "mentor") => `tc:${teacherId}${action ? `:${action}` : ""}`,
  caseloadPairs: () => "mt:pairs",
  /** `hour`/`tz` alone open the choice; with a value they choose (an hour, a zone's index). */
  digestSettings: (action: "open" | "hour" | "empty" | "tz", value?: number) => `mt:set:${action}${value === undefined ? "" : `:${value}`}`,
  /** A person's reminder settings: toggle a kind. */
  reminders: (kind: string) => `st:${kind}`,
  menu: (action: MenuAction) => `menu:${action}`,
  forget: (answer: "yes" | "no") => `forget:${answer}`,
  /** Start, continue or restart the diagnostic. */
  diagnostic: (action: "new" | "continue" | "restart") => `diag:${action}`,
  /** An answer to the item at `cursor` of attempt `attemptId`, or back / pause there. */
  answer: (attemptId: number, cursor: number, choice: number | "back" | "pause") => `a:${attemptId}:${cursor}:${choice}`,
  /** The individual route: build a draft, open the active route, download it. */
  route: (action: "build" | "open" | "xlsx") => `route:${action}`,
  /** An edit of draft `routeId`; item actions name the item, «fmt» the choice's index, «budget» the hours. */
  draft: (routeId: number, action: "pick" | "drop" | "alt" | "back" | "fmt" | "budget" | "reset" | "ok", arg?: number) => `rd:${routeId}:${action}${arg === undefined ? "" : `:${arg}`}`,
  /** Open an item of the active route, or change its status. */
  item: (itemId: number, action?: "start" | "done" | "skip" | "reopen") => `ri:${itemId}${action ? `:${action}` : ""}`,
  /** Mentoring: home, become a mentor (form state: strengths bitmask and places), find one (needs bitmask). */
  /** Mentoring home and the mentor profile's status; `find` opens the needs screen, `become` the mentor sign-up, from elsewhere. */
  mentoring: (action: "home" | "pause" | "resume" | "stop" | "find" | "become") => `mn:${action}`,
  mentorForm: (mask: number, places: number, action: "t" | "c" | "save", arg = 0) => `mo:${mask}:${places}:${action}:${arg}`,
  needsForm: (mask: number, action: "t" | "go", arg = 0) => `mf:${mask}:${action}:${arg}`,
  /** The mentee asks a candidate; the mentor answers a request. */
  askMentor: (requestId: number, mentorId: number) => `ma:${requestId}:${mentorId}`,
  mentorAnswer: (requestId: number, accept: boolean) => `mr:${requestId}:${accept ? "a" : "d"}`,
  /** A pair's actions, the monthly check-in and the closing feedback. */
  pair: (pairId: number, action: "meet" | "close" | "closeok" | "goals") => `mp:${pairId}:${action}`,
  goal: (pairId: number, itemId: number) => `mg:${pairId}:${itemId}`,
  checkin: (pairId: number, month: string, met: boolean) => `ci:${pairId}:${month}:${met ? "y" : "n"}`,
  feedback: (pairId: number, rating: number) => `fb:${pairId}:${rating}`,
  /** Start a broadcast (a coordinator's, or a methodist's to their own teachers) and see its report. */
  broadcastStart: (scope: "all" | "mine") => `bcs:${scope}`,
  broadcastReport: (id: number) => `bcr:${id}`,
  /** The latest broadcasts (a methodist's own), each opening its report. */
  broadcastList: () => "bcl",
  /** Profile form steps: `p:<step>:<value>`. */
  profile: (step: string, value: string | number) => `p:${step}:${value}`,
} as const;

export type MenuAction = "open" | "results" | "profile" | "edit-profile" | "forget";

export const patterns = {
  consent: /^consent:(yes|no)(?::([A-Za-z0-9_-]{8,40}))?$/,
  admin: /^adm:([a-z]{2,8})(?::([A-Za-z0-9_-]{1,40}))?(?::([A-Za-z0-9_-]{1,40}))?$/,
  teachers: /^mt:list:(\d{1,5})$/,
  card: /^tc:(\d{1,9})(?::(rec|ok|comment|chart|mentor))?$/,
  caseloadPairs: /^mt:pairs$/,
  digestSettings: /^mt:set:(open|hour|empty|tz)(?::(\d{1,2}))?$/,
  reminders: /^st:([a-z-]{2,20})$/,
  mentoring: /^mn:(home|pause|resume|stop|find|become)$/,
  mentorForm: /^mo:(\d{1,3}):([1-5]):(t|c|save):(\d{1,2})$/,
  needsForm: /^mf:(\d{1,3}):(t|go):(\d{1,2})$/,
  askMentor: /^ma:(\d{1,9}):(\d{1,9})$/,
  mentorAnswer: /^mr:(\d{1,9}):(a|d)$/,
  pair: /^mp:(\d{1,9}):(meet|close|closeok|goals)$/,
  goal: /^mg:(\d{1,9}):(\d{1,9})$/,
  checkin: /^ci:(\d{1,9}):(\d{4}-\d{2}):(y|n)$/,
  feedback: /^fb:(\d{1,9}):([1-5])$/,
  broadcastStart: /^bcs:(all|mine)$/,
  broadcastReport: /^bcr:(\d{1,9})$/,
  broadcastList: /^bcl$/,
  menu: /^menu:(open|results|profile|edit-profile)$/,
  forget: /^forget:(yes|no)$/,
  diagnostic: /^diag:(new|continue|restart)$/,
  answer: /^a:(\d{1,9}):(\d{1,3}):(\d{1,2}|back|pause)$/,
  profile: /^p:([a-z]{1,12}):([A-Za-z0-9_-]{0,40})$/,
  route: /^route:(build|open|xlsx)$/,
  draft: /^rd:(\d{1,9}):(pick|drop|alt|back|fmt|budget|reset|ok)(?::(\d{1,9}))?$/,
  item: /^ri:(\d{1,9})(?::(start|done|skip|reopen))?$/,
} as const;
