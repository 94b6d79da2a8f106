/** The role a read token grants: a tenant's admin sees its tenant; a member only itself. */
export type Role = 'admin' | 'member';

/**
 * Who is calling, as established from the request's key or token:
 * - `write`: a public write key (browsers): ingest of user-attributed events only;
 * - `secret`: a secret key (the vendor's backend): admin of its tenant, and ingest of system
 *   events, roster updates and token minting;
 * - `token`: a read token: queries and exports, as admin or as one member.
 */
export type Principal =
  | { kind: 'write'; tenant: string }
  | { kind: 'secret'; tenant: string }
  | { kind: 'token'; tenant: string; role: 'admin' }
  | { kind: 'token'; tenant: string; role: 'member'; userId: string };
