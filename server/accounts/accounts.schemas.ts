import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { roleNames, scopeNames } from './roles.js';

/** The shapes of accounts, sessions, keys, settings and the audit log, for the server and the client alike. */
extendZodWithOpenApi(z);

export const roleSchema = z.enum(roleNames);
export const scopeSchema = z.enum(scopeNames);

export const usernameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._@-]*$/u, 'must be letters, digits and . _ @ - (starting with a letter or digit)');
export const passwordSchema = z.string().min(12, 'must be at least 12 characters').max(1024);

export const meSchema = z
  .object({
    username: z.string().nullable(),
    role: roleSchema.nullable(),
    mode: z.enum(['single-user', 'accounts']),
    scopes: z.array(scopeSchema),
    via: z.enum(['password', 'oidc', 'link', 'key', 'local']).nullable(),
    csrfToken: z.string().nullable().openapi({ description: 'Send as x-csrf-token with writes signed in by cookie' }),
    signIn: z.object({ password: z.boolean(), oidc: z.boolean() }),
  })
  .openapi('Me');

export const signInBody = z
  .strictObject({ username: z.string().max(256), password: z.string().max(1024) })
  .openapi({ example: { username: 'admin', password: 'correct horse battery staple' } });

export const linkBody = z
  .strictObject({ token: z.string().max(256) })
  .openapi({ example: { token: 'the-secret-part-of-a-one-time-link' } });

export const passwordChangeBody = z
  .strictObject({ currentPassword: z.string().max(1024).optional(), newPassword: passwordSchema })
  .openapi({ example: { currentPassword: 'correct horse battery staple', newPassword: 'a longer new passphrase' } });

export const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    role: roleSchema,
    disabled: z.boolean(),
    hasPassword: z.boolean(),
    singleSignOn: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('User');

export const userCreateBody = z
  .strictObject({ username: usernameSchema, password: passwordSchema.optional(), role: roleSchema })
  .openapi({ example: { username: 'ada', password: 'a long passphrase for ada', role: 'analyst' } });

export const userChangeBody = z
  .strictObject({ role: roleSchema.optional(), password: passwordSchema.optional(), disabled: z.boolean().optional() })
  .refine((change) => Object.keys(change).length > 0, 'must change role, password or disabled')
  .openapi({ example: { role: 'viewer' } });

export const idParams = z.object({ id: z.uuid({ error: 'must be a UUID' }) });

export const sessionSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    username: z.string(),
    via: z.enum(['password', 'oidc', 'link']),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string(),
    client: z.string(),
    current: z.boolean(),
  })
  .openapi('Session');

export const keySchema = z
  .object({
    id: z.uuid(),
    userId: z.string(),
    username: z.string(),
    name: z.string(),
    prefix: z
      .string()
      .openapi({ description: 'The start of the key, to recognise it; the secret is never shown again' }),
    scopes: z.array(scopeSchema),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

export const keyCreateBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(scopeSchema).min(1).max(scopeNames.length),
    expiresAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO date-time such as 2027-01-31T00:00:00Z' })
      .optional(),
  })
  .openapi({ example: { name: 'nightly export', scopes: ['read'], expiresAt: '2099-12-31T00:00:00Z' } });

export const createdKeySchema = keySchema
  .extend({ key: z.string().openapi({ description: 'The whole key: shown this once only' }) })
  .openapi('CreatedApiKey');

export const linkSchema = z
  .object({
    url: z.string().openapi({ description: 'Open in a browser to sign in once; it then asks for a new password' }),
    expiresAt: z.string(),
  })
  .openapi('OneTimeLink');

export const settingsBody = z
  .strictObject({ anonymousRead: z.boolean().optional(), publicLinks: z.boolean().optional() })
  .openapi({ example: { anonymousRead: false, publicLinks: false } });

export const settingsResponse = z.object({ anonymousRead: z.boolean(), publicLinks: z.boolean() }).openapi('Settings');

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string() }),
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string().nullable() }),
    before: z.unknown(),
    after: z.unknown(),
    client: z.string(),
  })
  .openapi('AuditEntry');

export type Me = z.infer<typeof meSchema>;
export type SignInBody = z.infer<typeof signInBody>;
export type User = z.infer<typeof userSchema>;
export type UserCreateBody = z.infer<typeof userCreateBody>;
export type UserChangeBody = z.infer<typeof userChangeBody>;
export type Session = z.infer<typeof sessionSchema>;
export type ApiKey = z.infer<typeof keySchema>;
export type KeyCreateBody = z.infer<typeof keyCreateBody>;
export type CreatedApiKey = z.infer<typeof createdKeySchema>;
export type OneTimeLink = z.infer<typeof linkSchema>;
export type Settings = z.infer<typeof settingsResponse>;
export type SettingsBody = z.infer<typeof settingsBody>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
