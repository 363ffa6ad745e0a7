// Notifications: wiring for services.ts.
import type { Logger } from '@syncoxide/core';
import type { AccountsRepository } from '../accounts/accounts.repository.js';
import type { Sql } from '../db/sql.js';
import type { EventsService } from '../events/events.service.js';
import { Mailer, type SmtpOptions } from './mailer.js';
import { migrateNotifications, NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

export { type SmtpOptions, smtpFromEnv } from './mailer.js';
export { NOTIFICATION_KINDS, type NotificationKind, NotificationsService } from './notifications.service.js';

export async function buildNotifications(d: {
  sql: Sql;
  accounts: AccountsRepository;
  events: EventsService;
  smtp: SmtpOptions | null;
  webOrigin: string;
  logger?: Logger;
}): Promise<{ notifications: NotificationsService; close(): void }> {
  await migrateNotifications(d.sql);
  const mailer = d.smtp ? new Mailer(d.smtp, d.logger) : null;
  return {
    notifications: new NotificationsService(
      new NotificationsRepository(d.sql),
      d.accounts,
      d.events,
      mailer,
      d.webOrigin,
    ),
    close: () => mailer?.close(),
  };
}
