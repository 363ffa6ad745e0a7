// The notifications centre: persistent notifications (unread/read), marking them read, and the
// per-user settings of what to be told in the app and by email. Live delivery is the existing
// `notifications` subscription.
import { builder } from '../builder.js';
import { encodeGlobalId, rawId } from '../ids.js';
import { NOTIFICATION_KINDS } from '../notifications/index.js';
import type { NotificationRow } from '../notifications/notifications.repository.js';
import type { NotificationSetting } from '../notifications/notifications.service.js';

const NotificationKind = builder.enumType('NotificationKind', {
  values: Object.fromEntries(
    Object.keys(NOTIFICATION_KINDS).map((k) => [k.replace('.', '_').toUpperCase(), { value: k }]),
  ) as Record<string, { value: keyof typeof NOTIFICATION_KINDS }>,
});

const StoredNotification = builder.objectRef<NotificationRow>('StoredNotification').implement({
  fields: (t) => ({
    id: t.id({ resolve: (n) => encodeGlobalId('StoredNotification', n.id) }),
    kind: t.exposeString('kind'),
    title: t.exposeString('title'),
    message: t.exposeString('message'),
    data: t.field({
      type: 'JSON',
      description: 'What it is about, e.g. { shareId, paths }; ids are raw.',
      resolve: (n) => n.data,
    }),
    read: t.boolean({ resolve: (n) => n.readAt !== null }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    emailed: t.boolean({ resolve: (n) => n.emailedAt !== null }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const Setting = builder.objectRef<NotificationSetting>('NotificationSetting').implement({
  fields: (t) => ({
    kind: t.field({ type: NotificationKind, resolve: (s) => s.kind }),
    about: t.exposeString('about'),
    inApp: t.exposeBoolean('inApp'),
    email: t.exposeBoolean('email'),
  }),
});

const SettingInput = builder.inputType('NotificationSettingInput', {
  fields: (t) => ({
    kind: t.field({ type: NotificationKind, required: true }),
    inApp: t.boolean({ required: true }),
    email: t.boolean({ required: true }),
  }),
});

builder.queryField('notificationList', (t) =>
  t.field({
    type: [StoredNotification],
    description: 'Your notifications, newest first (page with `before`: the createdAt of the last one seen).',
    authScopes: { authenticated: true },
    args: {
      first: t.arg.int({ defaultValue: 50 }),
      unreadOnly: t.arg.boolean({ defaultValue: false }),
      before: t.arg({ type: 'DateTime' }),
    },
    resolve: (_r, a, ctx) =>
      ctx.services.notifications.list(ctx.caller!.userId, {
        first: a.first ?? 50,
        unreadOnly: a.unreadOnly ?? false,
        before: a.before ?? null,
      }),
  }),
);

builder.queryField('unreadNotificationCount', (t) =>
  t.int({
    authScopes: { authenticated: true },
    resolve: (_r, _a, ctx) => ctx.services.notifications.unreadCount(ctx.caller!.userId),
  }),
);

builder.queryField('notificationSettings', (t) =>
  t.field({
    type: [Setting],
    authScopes: { authenticated: true },
    resolve: (_r, _a, ctx) => ctx.services.notifications.settings(ctx.caller!.userId),
  }),
);

builder.queryField('emailNotificationsAvailable', (t) =>
  t.boolean({
    description: 'Is SMTP configured (are emails sent at all)?',
    authScopes: { authenticated: true },
    resolve: (_r, _a, ctx) => ctx.services.notifications.emailEnabled,
  }),
);

builder.mutationField('markNotificationsRead', (t) =>
  t.int({
    description: 'Marks these (or, without ids, all) of your notifications read; answers how many changed.',
    authScopes: { authenticated: true },
    args: { ids: t.arg.idList() },
    resolve: (_r, a, ctx) =>
      ctx.services.notifications.markRead(
        ctx.caller!.userId,
        a.ids ? a.ids.map((id) => rawId(id, 'StoredNotification')) : null,
      ),
  }),
);

builder.mutationField('updateNotificationSettings', (t) =>
  t.field({
    type: [Setting],
    authScopes: { authenticated: true },
    args: { settings: t.arg({ type: [SettingInput], required: true }) },
    resolve: (_r, a, ctx) => ctx.services.notifications.updateSettings(ctx.caller!.userId, a.settings),
  }),
);
