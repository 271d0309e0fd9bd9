import axios, { type AxiosInstance } from 'axios';

/**
 * The HTTP client both API clients (ConnectWise, the Platform) send with: every answer comes
 * back as text with its status, whatever the status, so the caller parses and judges it; a
 * redirect is never followed (a POST redirected to http:// must not be re-sent blindly); no
 * proxy from the environment.
 */
export function createTextHttpClient(): AxiosInstance {
  return axios.create({
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    proxy: false,
  });
}
