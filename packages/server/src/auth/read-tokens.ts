import { errors, jwtVerify, SignJWT } from 'jose';
import { requestError } from '../http/request-error.js';
import type { Role } from './principal.js';

const ISSUER = 'tally';
const AUDIENCE = 'tally:read';
const ALGORITHM = 'HS256';

/** What a read token says: its tenant, role and, for a member, the user. */
export interface ReadTokenClaims {
  tenant: string;
  role: Role;
  /** The member's user id; an admin token may name its holder too. */
  sub?: string;
}

/** A minted token and when it expires (epoch seconds, as in the token's `exp`). */
export interface MintedToken {
  token: string;
  expiresAt: number;
}

/**
 * Signs and checks read tokens: HS256 JWTs (via `jose`) with issuer `tally`, audience
 * `tally:read`, and `tenant`, `role` and `sub` claims. Only this server holds the secret, so
 * only it can mint them; the tenant inside the token is the only tenant it can read.
 */
export class ReadTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  /** A token for `claims`, valid for `ttlSeconds` from `now` (epoch ms). */
  async mint(claims: ReadTokenClaims, ttlSeconds: number, now: number): Promise<MintedToken> {
    const issuedAt = Math.floor(now / 1000);
    const expiresAt = issuedAt + ttlSeconds;
    const jwt = new SignJWT({ tenant: claims.tenant, role: claims.role })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt);
    if (claims.sub !== undefined) jwt.setSubject(claims.sub);
    return { token: await jwt.sign(this.key), expiresAt };
  }

  /**
   * The claims of a valid token. Throws `token_expired` (401) for an expired one and
   * `unauthorized` (401) for anything else: a bad signature, another algorithm, a wrong issuer
   * or audience, missing claims.
   */
  async verify(token: string, now: number): Promise<ReadTokenClaims> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(now),
        requiredClaims: ['exp', 'tenant', 'role'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw requestError(
          'token_expired',
          'authorization',
          'the read token has expired; mint a new one',
        );
      }
      throw requestError('unauthorized', 'authorization', 'is not a valid key or read token');
    }
    const { tenant, role, sub } = payload;
    const validRole = role === 'admin' || role === 'member';
    const validSub = sub === undefined || (typeof sub === 'string' && sub !== '');
    if (
      typeof tenant !== 'string' ||
      !validRole ||
      !validSub ||
      (role === 'member' && sub === undefined)
    ) {
      throw requestError('unauthorized', 'authorization', 'is not a valid key or read token');
    }
    return { tenant, role, ...(sub === undefined ? {} : { sub: sub as string }) };
  }
}
