import { describe, expect, it } from 'vitest';
import { apiBaseUrl, apiOrigin, normalizeSiteUrl } from './siteAddress';

describe('site address', () => {
  it.each([
    ['https://na.myconnectwise.net', 'https://na.myconnectwise.net'],
    ['na.myconnectwise.net', 'https://na.myconnectwise.net'],
    ['  https://staging.connectwisedev.com/ ', 'https://staging.connectwisedev.com'],
    ['https://cw.example.com/v4_6_release/', 'https://cw.example.com'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://localhost:9000', 'http://localhost:9000'],
  ])('accepts %s as %s', (input, siteUrl) => {
    expect(normalizeSiteUrl(input)).toEqual({ ok: true, siteUrl });
  });

  it.each([
    ['', /Enter the URL/],
    ['http://na.myconnectwise.net', /https/],
    ['ftp://na.myconnectwise.net', /https/],
    ['https://user:pw@na.myconnectwise.net', /user name or password/],
    ['https://na.myconnect wise.net', /spaces/],
    ['https://intranet', /full host name/],
    ['https://[::', /not a valid URL/],
  ])('refuses %s', (input, reason) => {
    const result = normalizeSiteUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('uses the api- host of cloud regions, or the SiteUrl ConnectWise names', () => {
    expect(apiOrigin('https://na.myconnectwise.net', null)).toBe(
      'https://api-na.myconnectwise.net',
    );
    expect(apiOrigin('https://eu.myconnectwise.net', undefined)).toBe(
      'https://api-eu.myconnectwise.net',
    );
    expect(apiOrigin('https://aus.myconnectwise.net', null)).toBe(
      'https://api-aus.myconnectwise.net',
    );
    expect(apiOrigin('https://staging.connectwisedev.com', null)).toBe(
      'https://api-staging.connectwisedev.com',
    );
    expect(apiOrigin('https://na.myconnectwise.net', 'api-na.myconnectwise.net')).toBe(
      'https://api-na.myconnectwise.net',
    );
    expect(apiOrigin('https://cw.example.com', '')).toBe('https://cw.example.com');
    expect(apiOrigin('http://127.0.0.1:8080', '127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it('never lets companyinfo send the credentials to another host', () => {
    expect(apiOrigin('http://127.0.0.1:8080', 'evil.example.com')).toBe('http://127.0.0.1:8080');
    expect(apiOrigin('http://127.0.0.1:8080', '127.0.0.1:9999')).toBe('http://127.0.0.1:8080');
    expect(apiOrigin('https://na.myconnectwise.net', 'attacker.example:444')).toBe(
      'https://api-na.myconnectwise.net',
    );
    expect(apiOrigin('https://na.myconnectwise.net', 'api-na.myconnectwise.net.evil.com')).toBe(
      'https://api-na.myconnectwise.net',
    );
    expect(apiOrigin('https://cw.example.com', 'api-cw.example.com')).toBe(
      'https://api-cw.example.com',
    );
    expect(apiOrigin('https://cw.example.com', 'api-cw.other.com')).toBe('https://cw.example.com');
  });

  it('builds the base URL with the codebase and its trailing slash', () => {
    expect(apiBaseUrl('https://api-na.myconnectwise.net', 'v2025_1/')).toBe(
      'https://api-na.myconnectwise.net/v2025_1/apis/3.0',
    );
    expect(apiBaseUrl('https://cw.example.com', 'v4_6_release')).toBe(
      'https://cw.example.com/v4_6_release/apis/3.0',
    );
  });
});
