// Helpers for the sharing and notification tests: a local SMTP sink (smtp-server), an SSE
// subscription reader, and small GraphQL calls shared by the test files.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Client } from './harness.js';

export interface SunkMail {
  to: string[];
  subject: string;
  text: string;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) of a header, decoded. */
function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** An SMTP server on loopback that keeps every message it is sent. */
export async function startSmtpSink() {
  const mails: SunkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const cut = raw.indexOf('\r\n\r\n');
        const head = raw.slice(0, cut).replace(/\r\n[ \t]+/g, ' ');
        const body = raw.slice(cut + 4);
        const subject = decodeWords(/^Subject: (.*)$/im.exec(head)?.[1] ?? '');
        const qp = /content-transfer-encoding: quoted-printable/i.test(head);
        const text = qp
          ? body
              .replace(/=\r\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
          : body;
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject, text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitFor(match: (m: SunkMail) => boolean, ms = 15_000): Promise<SunkMail> {
      const deadline = Date.now() + ms;
      for (;;) {
        const hit = mails.find(match);
        if (hit) return hit;
        if (Date.now() > deadline)
          throw new Error(`no such mail among ${JSON.stringify(mails.map((m) => m.subject))}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const SHARE_FIELDS = `id name kind access message state byMe placement
  sharedBy { id email name } sharedWith { id email name }
  location { path remote { id } } file { id name } keptCopy lastSyncResult`;

export interface ShareView {
  id: string;
  name: string;
  state: string;
  access: string;
  message: string | null;
  placement: string | null;
  byMe: boolean;
  sharedBy: { id: string; email: string; name: string };
  sharedWith: { id: string | null; email: string; name: string | null };
  location: { path: string; remote: { id: string } } | null;
  file: { id: string; name: string } | null;
  keptCopy: boolean | null;
  lastSyncResult: string | null;
}

export async function emailOf(c: Client): Promise<string> {
  return (await c.ok<{ me: { email: string } }>('{ me { email } }')).me.email;
}

export async function shareWith(
  c: Client,
  file: string,
  email: string,
  access: 'READ' | 'READ_WRITE',
  extra: { message?: string; sync?: Record<string, unknown>; inviteExpiresInHours?: number } = {},
) {
  const r = await c.ok<{ shareWithUser: { share: ShareView; inviteUrl: string | null } }>(
    `mutation($file: ID!, $email: String!, $access: ShareAccess!, $message: String, $sync: ShareSyncInput, $h: Int) {
      shareWithUser(file: $file, email: $email, access: $access, message: $message, sync: $sync, inviteExpiresInHours: $h) {
        inviteUrl share { ${SHARE_FIELDS} } } }`,
    { file, email, access, message: extra.message, sync: extra.sync, h: extra.inviteExpiresInHours },
  );
  return r.shareWithUser;
}

export interface SyncRunView {
  result: string;
  toSharer: string[];
  toRecipient: string[];
  conflicts: string[];
}

export async function syncShare(c: Client, id: string): Promise<SyncRunView> {
  return (
    await c.ok<{ syncShare: SyncRunView }>(
      'mutation($id: ID!) { syncShare(id: $id) { result toSharer toRecipient conflicts } }',
      { id },
    )
  ).syncShare;
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  message: string;
  read: boolean;
  emailed: boolean;
  data: Record<string, unknown>;
}

export async function notificationsOf(c: Client, unreadOnly = false): Promise<NotificationView[]> {
  return (
    await c.ok<{ notificationList: NotificationView[] }>(
      'query($u: Boolean) { notificationList(first: 100, unreadOnly: $u) { id kind title message read emailed data } }',
      { u: unreadOnly },
    )
  ).notificationList;
}
