import { describe, expect, it } from 'vitest';
import { listQueryString, parseLinkHeader } from './paging';

describe('paging helpers', () => {
  it('reads next and last from a Link header', () => {
    const header =
      '<https://api-na.myconnectwise.net/v2025_1/apis/3.0/company/companies?pageSize=1000&pageId=1000>; rel="next", <https://api-na.myconnectwise.net/v2025_1/apis/3.0/company/companies?page=20>; rel="last"';
    expect(parseLinkHeader(header)).toEqual({
      next: 'https://api-na.myconnectwise.net/v2025_1/apis/3.0/company/companies?pageSize=1000&pageId=1000',
      last: 'https://api-na.myconnectwise.net/v2025_1/apis/3.0/company/companies?page=20',
    });
    expect(parseLinkHeader(undefined)).toEqual({});
  });

  it('percent-encodes every query value', () => {
    expect(
      listQueryString({ conditions: 'name = "A & B"', fields: ['id', 'name'], pageSize: 1000 }),
    ).toBe('?conditions=name%20%3D%20%22A%20%26%20B%22&fields=id%2Cname&pageSize=1000');
    expect(listQueryString({})).toBe('');
  });
});
