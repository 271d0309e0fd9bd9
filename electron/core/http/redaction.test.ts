import { describe, expect, it } from 'vitest';
import { redactBody, redactText } from './redaction';

const basic = `Basic ${Buffer.from('acme+PUBLICKEY123:PRIVATEKEY456789').toString('base64')}`;

describe('redaction keeps credentials out of System Logs', () => {
  it('blanks headers, Basic and Bearer credentials in any case, in free text', () => {
    for (const text of [
      `Authorization: ${basic}`,
      `"Authorization":"${basic.toLowerCase()}"`,
      `sent ${basic}`,
      'bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ',
    ]) {
      const redacted = redactText(text);
      expect(redacted).toContain('[redacted]');
      expect(redacted).not.toMatch(/UFVCTElDS0VZ|ufvctelds|eyJzdWIiOiIxIn0/i);
    }
  });

  it('blanks the values of secret-named keys, in JSON and in bodies that are not', () => {
    const json = redactBody(
      JSON.stringify({
        companyId: 'acme',
        privateKey: 'PRIVATEKEY456789',
        nested: [{ refresh_token: 'rt-1', id_token: 'it-1', apiToken: 'at-1', password: 'pw-1' }],
      }),
    );
    expect(JSON.parse(json)).toEqual({
      companyId: 'acme',
      privateKey: '[redacted]',
      nested: [
        {
          refresh_token: '[redacted]',
          id_token: '[redacted]',
          apiToken: '[redacted]',
          password: '[redacted]',
        },
      ],
    });
    // Cut short, a body is no longer JSON: the keys are still found.
    const cut = redactBody('{"companyId":"acme","privateKey":"PRIVATEKEY456789","id_token":"it-1');
    expect(cut).not.toContain('PRIVATEKEY456789');
    expect(cut).not.toContain('it-1');
    expect(cut).toContain('acme');
    const form = redactBody('grant_type=refresh&refresh_token=rt-1&authToken=at-2&scope=all');
    expect(form).not.toMatch(/rt-1|at-2/);
    expect(form).toContain('scope=all');
  });

  it('leaves the words of ordinary messages alone', () => {
    for (const text of [
      'Microsoft 365 Business Basic 8c4f5e2a-1b2c-4d5e-8f90-123456789abc',
      'Exchange Online Basic CFQ7TTC0LH18-P1Y-Annual',
      'Invalid token: the session expired',
      'Subscription "Token: Gold Plan" was not posted',
    ]) {
      expect(redactText(text)).toBe(text);
    }
  });
});
