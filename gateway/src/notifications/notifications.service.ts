// Tells a user something: a persistent notification (unread until marked read), published live
// on the `notifications` subscription, and emailed when SMTP is configured, each as the user's
// settings for that kind say. Kinds unknown to the settings follow the defaults below.
import { newId, SyncoxideError } from '@syncoxide/core';
import { z } from 'zod';
import type { AccountsRepository } from '../accounts/accounts.repository.js';
import type { EventsService } from '../events/events.service.js';
import { invalidInput } from '../validation.js';
import type { Email, Mailer } from './mailer.js';
import type {
  NotificationPrefs,
  NotificationRow,
  NotificationsRepository,
} from './notifications.repository.js';

/** Every kind the gateway sends, with whether it is emailed unless the user says otherwise. */
export const NOTIFICATION_KINDS = {
  'share.invited': { email: true, about: 'someone shared a file or folder with you' },
  'share.accepted': { email: true, about: 'a share you made was accepted' },
  'share.declined': { email: true, about: 'a share you made was declined' },
  'share.revoked': { email: true, about: 'a share with you was revoked' },
  'share.left': { email: true, about: 'someone left a share you made' },
  'share.changed': { email: false, about: 'the other side changed a shared file' },
  'share.conflict': { email: true, about: 'both sides changed a shared file' },
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export interface Notice {
  kind: NotificationKind;
  title: string;
  message: string;
  data?: Record<string, unknown>;
}

export interface NotificationSetting {
  kind: NotificationKind;
  about: string;
  inApp: boolean;
  email: boolean;
}

const SettingsInput = z
  .array(
    z.object({
      kind: z.enum(Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]]),
      inApp: z.boolean(),
      email: z.boolean(),
    }),
  )
  .max(100);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly accounts: AccountsRepository,
    private readonly events: EventsService,
    private readonly mailer: Mailer | null,
    private readonly webOrigin: string,
  ) {}

  get emailEnabled(): boolean {
    return this.mailer !== null;
  }

  async settings(userId: string): Promise<NotificationSetting[]> {
    const prefs = await this.repo.prefs(userId);
    return (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).map((kind) => ({
      kind,
      about: NOTIFICATION_KINDS[kind].about,
      inApp: prefs[kind]?.inApp ?? true,
      email: prefs[kind]?.email ?? NOTIFICATION_KINDS[kind].email,
    }));
  }

  async updateSettings(userId: string, raw: unknown): Promise<NotificationSetting[]> {
    const changes = invalidInput(SettingsInput, raw);
    const prefs: NotificationPrefs = { ...(await this.repo.prefs(userId)) };
    for (const c of changes) prefs[c.kind] = { inApp: c.inApp, email: c.email };
    await this.repo.savePrefs(userId, prefs);
    return this.settings(userId);
  }

  /** Tells `userId`; returns the stored notification (null when their settings say not in the app). */
  async send(userId: string, notice: Notice): Promise<NotificationRow | null> {
    const setting = (await this.settings(userId)).find((s) => s.kind === notice.kind);
    const inApp = setting?.inApp ?? true;
    let row: NotificationRow | null = null;
    if (inApp) {
      row = await this.repo.insert({
        id: newId(),
        userId,
        kind: notice.kind,
        title: notice.title,
        message: notice.message,
        data: notice.data ?? {},
      });
      this.events.notify(userId, notice.kind, notice.message);
    }
    if (this.mailer && (setting?.email ?? false)) {
      const user = await this.accounts.userById(userId);
      if (user && (await this.email({ to: user.email, subject: notice.title, text: this.body(notice) })))
        if (row) await this.repo.markEmailed(row.id);
    }
    return row;
  }

  /** An email to an address without an account (invitations); false when not configured or not sent. */
  email(email: Email): Promise<boolean> {
    return this.mailer ? this.mailer.send(email) : Promise.resolve(false);
  }

  private body(notice: Notice): string {
    return `${notice.message}\n\nOpen syncoxide: ${this.webOrigin}/notifications\n\nChoose what you are told by email in your notification settings.`;
  }

  list(userId: string, options: { unreadOnly?: boolean; first?: number; before?: Date | null } = {}) {
    const limit = Math.min(Math.max(options.first ?? 50, 1), 200);
    return this.repo.list(userId, {
      unreadOnly: options.unreadOnly ?? false,
      limit,
      before: options.before ?? null,
    });
  }

  unreadCount(userId: string): Promise<number> {
    return this.repo.unreadCount(userId);
  }

  /** Marks some (ids) or all (null) of the caller's notifications read; foreign ids change nothing. */
  markRead(userId: string, ids: string[] | null): Promise<number> {
    if (ids?.some((id) => !UUID.test(id))) throw new SyncoxideError('INVALID_INPUT', 'not a notification id');
    return this.repo.markRead(userId, ids);
  }
}
