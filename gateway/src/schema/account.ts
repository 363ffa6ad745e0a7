// Accounts: sign-up/in/out, the caller (`me`), personal API tokens.
import type { ApiTokenRow, UserRow } from '../accounts/accounts.repository.js';
import { SESSION_TTL_SECONDS } from '../accounts/accounts.service.js';
import { SCOPES } from '../accounts/scopes.js';
import { builder } from '../builder.js';
import type { GatewayContext } from '../context.js';

export const SESSION_COOKIE = 'sox_session';

function sessionCookie(ctx: GatewayContext, value: string, maxAge: number): string {
  const secure = ctx.deps.config.gateway.publicUrl.startsWith('https:') ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export const User = builder.objectRef<UserRow>('User').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.exposeString('role'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const ApiToken = builder.objectRef<ApiTokenRow>('ApiToken').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    scopes: t.exposeStringList('scopes'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revoked: t.boolean({ resolve: (tok) => tok.revokedAt !== null }),
  }),
});

const CreatedToken = builder.objectRef<{ token: ApiTokenRow; secret: string }>('CreatedApiToken').implement({
  fields: (t) => ({
    token: t.field({ type: ApiToken, resolve: (r) => r.token }),
    secret: t.exposeString('secret', {
      description: 'Shown once: use it as `Authorization: Bearer <secret>`.',
    }),
  }),
});

const AuthPayload = builder.objectRef<{ user: UserRow }>('AuthPayload').implement({
  fields: (t) => ({ user: t.field({ type: User, resolve: (p) => p.user }) }),
});

builder.queryField('me', (t) =>
  t.field({
    type: User,
    nullable: true,
    description: 'The signed-in user, or null.',
    resolve: (_r, _a, ctx) => (ctx.caller ? ctx.services.accounts.user(ctx.caller.userId) : null),
  }),
);

builder.queryField('apiTokens', (t) =>
  t.field({
    type: [ApiToken],
    authScopes: { scope: 'account' },
    resolve: (_r, _a, ctx) => ctx.services.accounts.tokens(ctx.caller!),
  }),
);

builder.queryField('scopes', (t) =>
  t.stringList({ description: 'Scopes an API token can be given.', resolve: () => [...SCOPES] }),
);

// Mutation payloads are nullable so that an error in one aliased field does not stop the
// others: every attempt in a batch is executed, and so counted by the rate limiter.
builder.mutationField('signUp', (t) =>
  t.field({
    type: AuthPayload,
    nullable: true,
    args: {
      email: t.arg.string({ required: true }),
      name: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const { user, session } = await ctx.services.accounts.signUp(args, ctx.clientIp);
      ctx.setCookies.push(sessionCookie(ctx, session, SESSION_TTL_SECONDS));
      return { user };
    },
  }),
);

builder.mutationField('signIn', (t) =>
  t.field({
    type: AuthPayload,
    nullable: true,
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const { user, session } = await ctx.services.accounts.signIn(args, ctx.clientIp);
      ctx.setCookies.push(sessionCookie(ctx, session, SESSION_TTL_SECONDS));
      return { user };
    },
  }),
);

builder.mutationField('signOut', (t) =>
  t.boolean({
    authScopes: { authenticated: true },
    resolve: async (_r, _a, ctx) => {
      await ctx.services.accounts.signOut(ctx.caller!);
      ctx.setCookies.push(sessionCookie(ctx, '', 0));
      return true;
    },
  }),
);

builder.mutationField('createApiToken', (t) =>
  t.field({
    type: CreatedToken,
    authScopes: { scope: 'account' },
    args: {
      name: t.arg.string({ required: true }),
      scopes: t.arg.stringList({ required: true }),
      expiresInDays: t.arg.int(),
    },
    resolve: (_r, args, ctx) =>
      ctx.services.accounts.createToken(ctx.caller!, {
        name: args.name,
        scopes: args.scopes,
        expiresInDays: args.expiresInDays ?? null,
      }),
  }),
);

builder.mutationField('revokeApiToken', (t) =>
  t.boolean({
    authScopes: { scope: 'account' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      await ctx.services.accounts.revokeToken(ctx.caller!, String(args.id));
      return true;
    },
  }),
);
