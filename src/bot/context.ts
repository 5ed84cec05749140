import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { Content } from "../content/load.ts";
import type { Clock } from "../core/clock.ts";
import type { Thresholds } from "../core/scoring.ts";
import type { AttemptsRepository } from "../repositories/attempts.ts";
import type { DirectoryRepository } from "../repositories/directory.ts";
import type { PeopleRepository } from "../repositories/people.ts";
import type { RoutesRepository } from "../repositories/routes.ts";
import type { RolesRepository } from "../repositories/roles.ts";
import type { CaseloadsRepository } from "../repositories/caseloads.ts";
import type { OutgoingMessage } from "../delivery/outbox.ts";
import type { RouteService } from "../services/routes.ts";
import type { MentoringRepository } from "../repositories/mentoring.ts";
import type { MentoringService } from "../services/mentoring.ts";
import type { ReportsService } from "../services/reports.ts";
import type { BroadcastsRepository } from "../repositories/broadcasts.ts";
import type { OrganizationReviewRepository } from "../repositories/organization-review.ts";
import type { PersonLocales } from "../repositories/locales.ts";

/** What the features need, handed in once; tests build it with their own clock. */
export interface Deps {
  config: Config;
  content: Content;
  clock: Clock;
  log: Logger;
  thresholds: Thresholds;
  people: PeopleRepository;
  attempts: AttemptsRepository;
  directory: DirectoryRepository;
  routes: RoutesRepository;
  routeService: RouteService;
  roles: RolesRepository;
  caseloads: CaseloadsRepository;
  mentoring: MentoringRepository;
  mentoringService: MentoringService;
  reports: ReportsService;
  broadcasts: BroadcastsRepository;
  /** Organizations typed in by people, waiting for a coordinator. */
  organizationReview: OrganizationReviewRepository;
  /** Translations for messages to other people, whose language is not this update's. */
  i18n: I18n<ConversationContext>;
  /** The language each person chose: messages to other people are composed in it (else Russian). */
  locales: PersonLocales;
  /** Puts messages to other people into the outbox and starts delivering them. */
  notify(messages: OutgoingMessage[]): Promise<void>;
}

/** The context of every update outside conversations. */
export type BotContext = ConversationFlavor<Context & I18nFlavor>;
/** The context inside a conversation (plugins are installed again there). */
export type ConversationContext = Context & I18nFlavor;
export type BotConversation = Conversation<BotContext, ConversationContext>;
