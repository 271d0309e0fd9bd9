import { describe, expect, it } from 'vitest';
import { createExternalLinks, isOnConnectWiseSite } from './connectWiseLinks';

const site = 'https://na.myconnectwise.net';

describe('opening ConnectWise in the browser', () => {
  it.each([
    ['https://na.myconnectwise.net/v4_6_release/services/system_io/router/openrecord.rails', true],
    ['https://NA.myconnectwise.net/', true],
    ['http://na.myconnectwise.net/', false],
    ['https://na.myconnectwise.net.evil.test/', false],
    ['https://evil.test/?https://na.myconnectwise.net', false],
    ['https://user:pw@na.myconnectwise.net/', false],
    ['https://na.myconnectwise.net:8443/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isOnConnectWiseSite(url, site)).toBe(allowed);
  });

  it('allows plain http only for a loopback site (the simulator)', () => {
    expect(isOnConnectWiseSite('http://127.0.0.1:8080/agreements', 'http://127.0.0.1:8080')).toBe(
      true,
    );
    expect(isOnConnectWiseSite('http://127.0.0.1:9999/', 'http://127.0.0.1:8080')).toBe(false);
  });

  it('opens an allowed page and refuses the rest with a reason', async () => {
    const opened: string[] = [];
    let siteUrl: string | null = null;
    const links = createExternalLinks({
      siteUrl: () => siteUrl,
      openExternal: async (url) => {
        opened.push(url);
      },
    });
    await expect(links.open(`${site}/`)).rejects.toMatchObject({ kind: 'Not Allowed' });
    siteUrl = site;
    await expect(links.open('https://evil.test/')).rejects.toThrow(
      /Only pages of your ConnectWise site/,
    );
    await links.open(`${site}/agreements`);
    expect(opened).toEqual([`${site}/agreements`]);
  });
});
