// `npm run cli -- <command> [options]`: the coordinator's operations from a terminal,
// for scripting and for centres that prefer files to chat. Every change is written
// to the audit log with no actor (the command line). src/scripts/cli.ts runs it.
import { parseArgs } from "node:util";
import { ContentError } from "../content/load.ts";
import { invitePayload, type GrantedRole } from "../core/roles.ts";
import { DatabaseError } from "../db/database.ts";
import { resolvePath, UsageError, type CommandContext } from "./context.ts";
import { caseloadsRepository, type Assignment, type AssignmentTarget } from "../repositories/caseloads.ts";
import { caseloadNotice, type CaseloadChange } from "../services/caseloads.ts";
import { directoryRepository } from "../repositories/directory.ts";
import { rolesRepository } from "../repositories/roles.ts";
import { mentoringRepository } from "../repositories/mentoring.ts";
import { writeFile } from "node:fs/promises";
import { createI18n, recipientTranslators } from "../bot/i18n.ts";
import { personLocales } from "../repositories/locales.ts";
import { deficitMapText, gapText, indicatorsChart, indicatorsDocument, indicatorsSummary, recommendationsText } from "../bot/views/reports.ts";
import { renderIndicatorsChart } from "../chart/indicators-chart.ts";
import { indicatorsWorkbook } from "../documents/indicators-xlsx.ts";
import { broadcastsRepository, type Segment } from "../repositories/broadcasts.ts";
import { indicatorsRepository } from "../repositories/indicators.ts";
import { periodOf, reportsService, type Period } from "../services/reports.ts";
import { ORGANIZATION_TYPES, organizationReviewRepository } from "../repositories/organization-review.ts";
import { reviewNotices } from "../services/organization-review.ts";
import { enqueue } from "../delivery/outbox.ts";
import { parseFullName } from "../core/profile.ts";
import { localDate } from "../core/schedule.ts";
import { scheduleRepository } from "../repositories/schedule.ts";
import { composeDigests, digestSlot, queueDigests } from "../services/digests.ts";

export const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  roles list                                   people with granted roles
  roles grant  --telegram-id N --role R [--municipality ID] [--name "Фамилия Имя Отчество"]
                                               (without a name, the bot asks the person for it on their next visit)
  roles revoke --telegram-id N --role R         R: coordinator, methodist, mentor
  invite --role R [--municipality ID] [--bot USERNAME]
                                               a one-time invitation link (methodist or coordinator)
  assign --methodist N (--municipality ID | --organization ID | --teacher N)
                                               add to a methodist's caseload (N: Telegram user ids)
  unassign --methodist N --assignment ID
  caseload --methodist N                       the methodist's assignments and caseload size
  digest --methodist N [--send]                the methodist's digest as it would read now (their day so far, since
                                               their previous digest); with --send, queue it now, once a day
                                               (the day's scheduled digest is then not sent again)
  audit [--limit N]                            the latest privileged actions
  mentoring mark --telegram-id N [--capacity C] [--strengths a,b]
                                               make a person a mentor (places 1-5, competency groups)
  mentoring pairs                              active mentoring pairs
  mentoring pair --mentor N --mentee N [--type young|competency|subject]
                                               pair two people by hand (the mentor needs a free place)
  mentoring reassign --pair ID --mentor N      close the pair and pair its mentee with another mentor
  mentoring close --pair ID                    close a pair
  indicators [--from D] [--to D] [--xlsx FILE] [--chart FILE]
                                               efficiency indicators 1-7 (D: YYYY-MM-DD; default this year)
  deficit-map [--from D] [--to D]              deficits by municipality, with the change against the previous period
  programme-gap [--from D] [--to D]            competencies with many deficits and few catalogue items
  recommendations [--from D] [--to D]          three competencies and programmes for each municipality and organization
  broadcast --text T [--role R] [--municipality ID] [--organization ID] [--young] [--deficit CODE] [--send]
                                               count and preview a segment; with --send, send through the delivery engine
  broadcast-report --id N                      delivered, waiting, unreachable and failed
  organizations pending                        organizations typed in by people, waiting for review (ID: the entry)
  organizations add ID [--type T]              add the typed organization to the directory, in the person's municipality
                                               (T: school, kindergarten, college, supplementary; default school)
  organizations merge ID --into ORG_ID         it is the directory's organization ORG_ID
                                               (either way the profiles point to it and the people are told)

A person must have started the bot and consented before a role can be granted.`;

const roleNames: Record<string, GrantedRole> = { coordinator: "COORDINATOR", methodist: "METHODIST", mentor: "MENTOR" };

export function parseCli(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "telegram-id": { type: "string" },
      role: { type: "string" },
      municipality: { type: "string" },
      organization: { type: "string" },
      teacher: { type: "string" },
      methodist: { type: "string" },
      assignment: { type: "string" },
      bot: { type: "string" },
      limit: { type: "string" },
      capacity: { type: "string" },
      strengths: { type: "string" },
      mentee: { type: "string" },
      mentor: { type: "string" },
      pair: { type: "string" },
      type: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      xlsx: { type: "string" },
      chart: { type: "string" },
      text: { type: "string" },
      young: { type: "boolean" },
      deficit: { type: "string" },
      send: { type: "boolean" },
      id: { type: "string" },
      name: { type: "string" },
      into: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/** Runs one command; refusals are one line on stderr and exit status 1. */
export async function runCli(argv: string[], ctx: CommandContext): Promise<number> {
  try {
    await cli(argv, ctx);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ContentError || e instanceof DatabaseError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      ctx.err(`Error: ${(e as Error).message}`);
      return 1;
    }
    throw e;
  }
}

async function cli(argv: string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parseCli(argv);
  const [command, sub] = positionals;
  if (values.help || !command) {
    ctx.out(HELP);
    return;
  }
  const { db, config } = ctx;
  const content = await ctx.content();
  const now = ctx.clock.now();
  const roles = rolesRepository(db.prisma);
  const caseloads = caseloadsRepository(db.prisma);
  const directory = directoryRepository(db.prisma);
  const mentoring = mentoringRepository(db.prisma);
  await directory.seedIfEmpty(content.directory);

  const person = async (option: string, value: string | undefined) => {
    if (!value || !/^\d+$/.test(value)) throw new UsageError(`--${option} needs a Telegram user id`);
    const p = await db.prisma.person.findUnique({ where: { telegramId: BigInt(value) }, select: { id: true, fullName: true, telegramId: true } });
    if (!p) throw new UsageError(`no person with Telegram id ${value}: they must start the bot and consent first`);
    return p;
  };
  const role = () => {
    const r = roleNames[values.role ?? ""];
    if (!r) throw new UsageError(`--role must be one of: ${Object.keys(roleNames).join(", ")}`);
    return r;
  };
  const i18n = createI18n();
  const locales = personLocales(db.prisma);
  /** Translations for messages to these people, each in their language. */
  const translators = (personIds: readonly number[]) => recipientTranslators(i18n, locales, personIds);
  /** Tells the methodist that their caseload changed, through the outbox. */
  const tellMethodist = async (methodist: { id: number; telegramId: bigint }, how: CaseloadChange["how"], assignment: Assignment | null) => {
    if (!assignment) return;
    await enqueue(db.prisma, [await caseloadNotice(caseloads, { methodist, how, assignment }, (await translators([methodist.id])).t(methodist.id), now)], now);
    ctx.outboxChanged();
  };
  const municipality = async () => {
    if (!values.municipality) return null;
    const m = await directory.municipality(values.municipality);
    if (!m) throw new UsageError(`no municipality "${values.municipality}" in the directory`);
    return m.id;
  };

  {
    switch (`${command} ${sub ?? ""}`.trim()) {
      case "roles list": {
        for (const r of GRANTED) {
          for (const h of await roles.holders(r)) ctx.out(`${r.toLowerCase()}\t${h.person.telegramId}\t${h.person.fullName ?? ""}\t${h.municipalityId ?? "region"}`);
        }
        return;
      }
      case "roles grant": {
        const r = role();
        const p = await person("telegram-id", values["telegram-id"]);
        let name = p.fullName;
        if (values.name !== undefined) {
          name = parseFullName(values.name) ?? null;
          if (!name) throw new UsageError("--name must be the person's full name in letters, e.g. \"Иванова Мария Петровна\"");
        }
        const { granted: changed, assignment } = await roles.grant(p.id, r, await municipality(), null, now, "cli");
        if (name !== p.fullName) await db.prisma.person.update({ where: { id: p.id }, data: { fullName: name } });
        ctx.out(changed ? `Granted ${values.role} to ${name ?? values["telegram-id"]}.` : name !== p.fullName ? `The role is already there; name set to ${name}.` : assignment ? "The role is already there." : "Nothing to change: the role is already there.");
        if (assignment) {
          await tellMethodist(p, "assigned", assignment);
          ctx.out(`Municipality ${assignment.municipalityId} assigned to the methodist (the methodist is told). Caseload: ${await caseloads.size(p.id)} teachers.`);
        }
        if (!name && r !== "MENTOR") ctx.out("No name yet: the bot asks for it on the person's next visit (or add --name).");
        return;
      }
      case "roles revoke": {
        const r = role();
        const p = await person("telegram-id", values["telegram-id"]);
        const result = await roles.revoke(p.id, r, null, now);
        if (result === "last-coordinator") throw new UsageError("the last coordinator cannot be revoked");
        ctx.out(result === "revoked" ? `Revoked ${values.role} from ${p.fullName ?? values["telegram-id"]}.` : "Nothing to change: the person has no such role.");
        return;
      }
      case "invite": {
        const r = role();
        if (r === "MENTOR") throw new UsageError("invitations are for methodists and coordinators");
        const { code, expiresAt } = await roles.createInvite(r, await municipality(), null, now, config.INVITE_TTL_HOURS);
        const link = values.bot ? `https://t.me/${values.bot}?start=${invitePayload(code)}` : `/start ${invitePayload(code)}`;
        ctx.out(`${link}\n(one-time, valid until ${expiresAt.toISOString()})`);
        return;
      }
      case "assign": {
        const m = await person("methodist", values.methodist);
        if (!(await roles.has(m.id, "METHODIST"))) throw new UsageError("that person is not a methodist");
        let target: AssignmentTarget;
        if (values.municipality) target = { scope: "MUNICIPALITY", municipalityId: (await municipality())! };
        else if (values.organization) {
          const o = await directory.organization(values.organization);
          if (!o) throw new UsageError(`no organization "${values.organization}" in the directory`);
          target = { scope: "ORGANIZATION", organizationId: o.id };
        } else if (values.teacher) target = { scope: "PERSON", teacherId: (await person("teacher", values.teacher)).id };
        else throw new UsageError("assign needs --municipality, --organization or --teacher");
        const { created, caseload, assignment } = await caseloads.assign(m.id, target, null, now);
        await tellMethodist(m, "assigned", assignment);
        ctx.out(`${created ? "Assigned" : "Already assigned"}. Caseload: ${caseload} teachers${caseload > config.CASELOAD_CAP ? ` — above the cap of ${config.CASELOAD_CAP}` : ""}.${created ? " The methodist is told." : ""}`);
        return;
      }
      case "unassign": {
        const m = await person("methodist", values.methodist);
        if (!values.assignment || !/^\d+$/.test(values.assignment)) throw new UsageError("unassign needs --assignment ID (see caseload --methodist N)");
        const removed = await caseloads.unassign(m.id, Number(values.assignment), null, now);
        await tellMethodist(m, "removed", removed);
        ctx.out(removed ? `Removed. Caseload: ${await caseloads.size(m.id)} teachers. The methodist is told.` : "No such assignment of this methodist.");
        return;
      }
      case "caseload": {
        const m = await person("methodist", values.methodist);
        for (const a of await caseloads.assignmentsOf(m.id)) ctx.out(`${a.id}\t${a.scope.toLowerCase()}\t${a.municipalityId ?? a.organizationId ?? a.teacherId}`);
        ctx.out(`Caseload: ${await caseloads.size(m.id)} teachers (cap ${config.CASELOAD_CAP}).`);
        return;
      }
      case "digest": {
        const m = await person("methodist", values.methodist);
        if (!(await roles.has(m.id, "METHODIST"))) throw new UsageError("that person is not a methodist");
        const settings = await db.prisma.person.findUniqueOrThrow({ where: { id: m.id }, select: { id: true, telegramId: true, timeZone: true, digestHour: true, digestWhenEmpty: true, unreachableAt: true } });
        const deps = { prisma: db.prisma, schedule: scheduleRepository(db.prisma), content, config, i18n, locales };
        const slot = digestSlot(settings, now, content.directory.region.timezone, config.QUIET_HOURS);
        const [composed] = await composeDigests(deps, [{ ...slot, late: false, firstFrom: new Date(now.getTime() - 86_400_000) }], now);
        const { message, wanted } = composed!;
        const previous = await db.prisma.outboxMessage.findUnique({ where: { key: slot.key }, select: { status: true, createdAt: true } });
        const buttons = (message.buttons ?? []).flat().map((b) => `[${b.text}]`).join(" ");
        ctx.out(`${message.text}${buttons ? `\n\n${buttons}` : ""}\n`);
        const when = `${slot.timeZone}, digest hour ${settings.digestHour}:00`;
        if (previous) {
          ctx.out(`Today's digest (${slot.date}, ${when}) is already in the outbox (${previous.status.toLowerCase()}): ${values.send ? "nothing sent" : "the preview covers what happened since it"}.`);
          return;
        }
        if (!values.send) {
          ctx.out(`Preview only (${when}): nothing sent. Add --send to queue it now; the scheduled one is then not sent today.${wanted ? "" : " Nothing new: the methodist asked for no digest on such days."}`);
          return;
        }
        if (settings.unreachableAt) throw new UsageError("the methodist blocked the bot: nothing sent");
        if (!wanted) {
          ctx.out("Nothing new, and the methodist asked for no digest on such days: nothing sent.");
          return;
        }
        if (localDate(slot.dueAt, slot.timeZone) !== slot.date) throw new UsageError(`it is night for the methodist (quiet hours ${config.QUIET_HOURS[0]}-${config.QUIET_HOURS[1]}, ${slot.timeZone}): nothing sent; the digest goes at their hour`);
        const queued = await queueDigests(db.prisma, [composed!], now);
        ctx.outboxChanged();
        ctx.out(queued ? `Queued: ${slot.key}${slot.dueAt > now ? `, due ${slot.dueAt.toISOString()} (after the quiet hours)` : ""}; the running bot delivers it.` : "Nothing sent: today's digest was queued meanwhile.");
        return;
      }
      case "audit": {
        for (const e of (await roles.recentAudit(Number(values.limit ?? 30))).reverse()) {
          ctx.out(`${e.at.toISOString()}\t${e.action}\tby ${e.actorId ?? "cli/config"}\ton ${e.targetId ?? "-"}\t${e.details ? JSON.stringify(e.details) : ""}`);
        }
        return;
      }
      case "mentoring mark": {
        const p = await person("telegram-id", values["telegram-id"]);
        const capacity = Number(values.capacity ?? 2);
        if (!Number.isInteger(capacity) || capacity < 1 || capacity > 5) throw new UsageError("--capacity must be 1 to 5");
        const known = new Set(content.instruments.flatMap((i) => i.groups.map((g) => g.code)));
        const strengths = (values.strengths ?? "").split(",").map((x) => x.trim()).filter(Boolean);
        const unknown = strengths.filter((x) => !known.has(x));
        if (unknown.length) throw new UsageError(`unknown competency groups: ${unknown.join(", ")} (known: ${[...known].join(", ")})`);
        const full = await db.prisma.person.findUniqueOrThrow({ where: { id: p.id }, select: { subjects: true } });
        const result = await mentoring.saveProfile(p.id, { subjects: full.subjects, strengths, capacity }, null, now);
        if (result === "below-taken") throw new UsageError("the mentor already has more mentees than that");
        await roles.audit({ actorId: null, action: "mentor.mark", targetId: p.id, details: { capacity, strengths } }, now);
        ctx.out(`${p.fullName ?? values["telegram-id"]} is a mentor with ${capacity} place(s).`);
        return;
      }
      case "mentoring pairs": {
        for (const pr of await db.prisma.mentorPair.findMany({ where: { status: "ACTIVE" }, include: { mentor: { select: { fullName: true, telegramId: true } }, mentee: { select: { fullName: true, telegramId: true } } }, orderBy: { id: "asc" } })) {
          ctx.out(`${pr.id}	${pr.type.toLowerCase()}	${pr.mentor.telegramId} ${pr.mentor.fullName ?? ""}	→ ${pr.mentee.telegramId} ${pr.mentee.fullName ?? ""}	since ${pr.createdAt.toISOString().slice(0, 10)}`);
        }
        return;
      }
      case "mentoring pair":
      case "mentoring reassign": {
        const mentor = await person("mentor", values.mentor);
        let mentee: { id: number; fullName: string | null };
        let needs: string[] = [];
        if (sub === "reassign") {
          const old = await db.prisma.mentorPair.findFirst({ where: { id: Number(values.pair), status: "ACTIVE" } });
          if (!old) throw new UsageError(`no active pair ${values.pair}`);
          await mentoring.close(old.id, null, now, true);
          mentee = { id: old.menteeId, fullName: null };
          needs = old.needs;
        } else mentee = await person("mentee", values.mentee);
        if (mentee.id === mentor.id) throw new UsageError("a person cannot mentor themself");
        if (!(await mentoring.profile(mentor.id))) throw new UsageError("that person is not a mentor (mentoring mark first)");
        const types = { young: "YOUNG_SPECIALIST", competency: "COMPETENCY", subject: "SUBJECT" } as const;
        const type = types[(values.type ?? "competency") as keyof typeof types];
        if (!type) throw new UsageError("--type must be young, competency or subject");
        const pairId = await mentoring.pairByHand(mentor.id, mentee.id, type, needs, null, now);
        if (pairId === "full") throw new UsageError("the mentor has no free place (or is paused)");
        ctx.out(`Pair ${pairId} created.`);
        return;
      }
      case "mentoring close": {
        const closed = await mentoring.close(Number(values.pair), null, now, true);
        if (!closed) throw new UsageError(`no active pair ${values.pair}`);
        ctx.out("Closed.");
        return;
      }
      case "indicators":
      case "deficit-map":
      case "programme-gap":
      case "recommendations": {
        let period: Period;
        try {
          period = periodOf(now, values.from, values.to);
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
        const i18n = createI18n();
        const t = (key: string, vars?: Record<string, string | number>) => i18n.t("ru", key, vars);
        const text = `${period.from.toISOString().slice(0, 10)} – ${new Date(period.to.getTime() - 1).toISOString().slice(0, 10)}`;
        const groupName = (code: string) => content.instruments.flatMap((i) => i.groups).find((g) => g.code === code)?.short.ru ?? code;
        const reports = reportsService({ indicators: indicatorsRepository(db.prisma, caseloads), content });
        if (command === "indicators") {
          const r = await reports.indicators(period);
          const region = r.units.find((u) => u.level === "region")!;
          ctx.out(indicatorsSummary(t, region, text));
          if (values.xlsx) {
            await writeFile(resolvePath(ctx, values.xlsx), await indicatorsWorkbook(indicatorsDocument(t, r, text, now.toISOString().slice(0, 16).replace("T", " "))));
            ctx.out(`Workbook written: ${values.xlsx}`);
          }
          if (values.chart) {
            await writeFile(resolvePath(ctx, values.chart), renderIndicatorsChart(indicatorsChart(t, region, text)));
            ctx.out(`Chart written: ${values.chart}`);
          }
        } else if (command === "deficit-map") {
          const { map, names } = await reports.deficitMap(period);
          ctx.out(deficitMapText(t, map, names, groupName, text, reports.groups));
        } else if (command === "programme-gap") ctx.out(gapText(t, await reports.gap(period), groupName, text));
        else {
          const { recommendations, names } = await reports.recommendations(period);
          ctx.out(recommendationsText(t, recommendations, names, groupName, text, 100_000, ["municipality", "organization"]));
        }
        return;
      }
      case "broadcast": {
        if (!values.text?.trim()) throw new UsageError("broadcast needs --text");
        const roles = ["teacher", "manager", "mentor", "methodist", "coordinator"] as const;
        if (values.role && !roles.includes(values.role as (typeof roles)[number])) throw new UsageError(`--role must be one of: ${roles.join(", ")}`);
        const groups = new Set(content.instruments.flatMap((i) => i.groups.map((g) => g.code)));
        if (values.deficit && !groups.has(values.deficit)) throw new UsageError(`unknown competency group "${values.deficit}"`);
        const segment: Segment = {
          ...(values.role ? { role: values.role as Segment["role"] } : {}),
          ...(values.municipality ? { municipalityId: (await municipality())! } : {}),
          ...(values.organization ? { organizationId: values.organization } : {}),
          ...(values.young ? { young: true } : {}),
          ...(values.deficit ? { deficit: values.deficit } : {}),
        };
        const broadcasts = broadcastsRepository(db.prisma);
        const texts = { ru: `${i18n.t("ru", "broadcast-header-centre")}\n\n${values.text.trim()}`, en: `${i18n.t("en", "broadcast-header-centre")}\n\n${values.text.trim()}` };
        const message = texts.ru;
        if (!values.send) {
          ctx.out(`Recipients: ${await broadcasts.count(segment)}. Nothing sent (add --send).\n\n${message}`);
          return;
        }
        const b = await broadcasts.send(null, texts, segment, undefined, now);
        ctx.outboxChanged();
        ctx.out(`Broadcast ${b.id}: ${b.recipients} messages queued; the running bot delivers them (npm run cli -- broadcast-report --id ${b.id}).`);
        return;
      }
      case "broadcast-report": {
        const r = await broadcastsRepository(db.prisma).report(Number(values.id));
        if (!r) throw new UsageError(`no broadcast ${values.id}`);
        ctx.out(`recipients ${r.recipients}; sent ${r.sent}; waiting ${r.pending}; unreachable ${r.unreachable}; failed ${r.failed}`);
        return;
      }
      case "organizations pending": {
        const entries = await organizationReviewRepository(db.prisma).pending(1000);
        for (const e of entries) ctx.out(`${e.id}\t${e.typed}\t${e.municipality?.id ?? "-"}\t${e.municipality?.name ?? "-"}\t${e.personName ?? ""}`);
        ctx.out(entries.length ? `${entries.length} waiting: organizations add ID, or organizations merge ID --into ORG_ID.` : "Nothing is waiting for review.");
        return;
      }
      case "organizations add":
      case "organizations merge": {
        const id = positionals[2];
        if (!id || !/^\d+$/.test(id)) throw new UsageError(`organizations ${sub} needs the entry's ID (see organizations pending)`);
        const review = organizationReviewRepository(db.prisma);
        let outcome: Awaited<ReturnType<typeof review.add>> | Awaited<ReturnType<typeof review.merge>>;
        if (sub === "add") {
          const type = ORGANIZATION_TYPES.find((t) => t === (values.type ?? "school").toUpperCase());
          if (!type) throw new UsageError(`--type must be one of: ${ORGANIZATION_TYPES.map((t) => t.toLowerCase()).join(", ")}`);
          outcome = await review.add(Number(id), type, null, now);
        } else {
          if (!values.into) throw new UsageError("organizations merge needs --into ORG_ID (an organization of the directory)");
          outcome = await review.merge(Number(id), values.into, null, now);
        }
        if (outcome === null) throw new UsageError(`no organization waiting for review under ID ${id} (see organizations pending)`);
        if (outcome === "no-municipality") throw new UsageError("that person's profile has no municipality: use organizations merge");
        if (outcome === "no-organization") throw new UsageError(`no organization "${values.into}" in the directory`);
        await enqueue(db.prisma, reviewNotices(outcome, sub === "add" ? "added" : "merged", (await translators(outcome.people.map((p) => p.id))).t, now), now);
        ctx.outboxChanged();
        ctx.out(`${sub === "add" ? "Added" : "Merged into"} ${outcome.organization.id} «${outcome.organization.name}»: ${outcome.people.length} profile(s) updated, the people are told.`);
        return;
      }
      default:
        throw new UsageError(`unknown command "${positionals.join(" ")}"\n\n${HELP}`);
    }
  }
}

const GRANTED: GrantedRole[] = ["COORDINATOR", "METHODIST", "MENTOR"];
