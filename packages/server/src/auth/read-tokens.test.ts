import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TallyError } from '@tally/core';
import { SignJWT, UnsecuredJWT } from 'jose';
import { ReadTokens } from './read-tokens.js';

const SECRET = 'a-token-secret-of-at-least-32-characters!';
const NOW = Date.UTC(2026, 5, 1, 12);
const tokens = new ReadTokens(SECRET);
const code = (expected: string) => (error: unknown) =>
  TallyError.isInstance(error) && error.code === expected;

describe('ReadTokens', () => {
  it('verifies the claims it minted', async () => {
    const { token, expiresAt } = await tokens.mint(
      { tenant: 'acme', role: 'member', sub: 'u1' },
      60,
      NOW,
    );
    assert.equal(expiresAt, NOW / 1000 + 60);
    assert.deepEqual(await tokens.verify(token, NOW + 1000), {
      tenant: 'acme',
      role: 'member',
      sub: 'u1',
    });
  });

  it('refuses an expired token as token_expired', async () => {
    const { token } = await tokens.mint({ tenant: 'acme', role: 'admin' }, 60, NOW);
    await assert.rejects(tokens.verify(token, NOW + 61_000), code('token_expired'));
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await new ReadTokens('another-secret-that-is-also-32-chars-long').mint(
      { tenant: 'acme', role: 'admin' },
      60,
      NOW,
    );
    await assert.rejects(tokens.verify(forged.token, NOW), code('unauthorized'));
  });

  it('refuses unsigned tokens and tokens with a changed payload', async () => {
    const unsigned = new UnsecuredJWT({ tenant: 'acme', role: 'admin' })
      .setIssuer('tally')
      .setAudience('tally:read')
      .setExpirationTime(NOW / 1000 + 60)
      .encode();
    await assert.rejects(tokens.verify(unsigned, NOW), code('unauthorized'));
    const { token } = await tokens.mint({ tenant: 'acme', role: 'member', sub: 'u1' }, 60, NOW);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({
        tenant: 'globex',
        role: 'admin',
        iss: 'tally',
        aud: 'tally:read',
        exp: NOW / 1000 + 60,
      }),
    ).toString('base64url');
    await assert.rejects(
      tokens.verify(`${header}.${payload}.${signature}`, NOW),
      code('unauthorized'),
    );
  });

  it('refuses a token for another audience or without a role', async () => {
    const key = new TextEncoder().encode(SECRET);
    const otherAudience = await new SignJWT({ tenant: 'acme', role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('tally')
      .setAudience('elsewhere')
      .setExpirationTime(NOW / 1000 + 60)
      .sign(key);
    await assert.rejects(tokens.verify(otherAudience, NOW), code('unauthorized'));
    const noRole = await new SignJWT({ tenant: 'acme' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('tally')
      .setAudience('tally:read')
      .setExpirationTime(NOW / 1000 + 60)
      .sign(key);
    await assert.rejects(tokens.verify(noRole, NOW), code('unauthorized'));
    const memberWithoutUser = await new SignJWT({ tenant: 'acme', role: 'member' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('tally')
      .setAudience('tally:read')
      .setExpirationTime(NOW / 1000 + 60)
      .sign(key);
    await assert.rejects(tokens.verify(memberWithoutUser, NOW), code('unauthorized'));
  });
});
