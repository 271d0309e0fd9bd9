import axios, { type AxiosInstance, type InternalAxiosRequestConfig, isAxiosError } from 'axios';

/** The largest answer either API may send: a page of 1,000 records is a few megabytes. */
export const maxResponseBytes = 64 * 1024 * 1024;

/**
 * The HTTP client both API clients (ConnectWise, the Platform) send with: every answer comes
 * back as text with its status, whatever the status, so the caller parses and judges it; a
 * redirect is never followed (a POST redirected to http:// must not be re-sent blindly); no
 * proxy from the environment; answers over `maxResponseBytes` are refused.
 *
 * `timeout` is a deadline for the whole exchange, not only for a silent socket: a server that
 * trickles one byte a second ends with ETIMEDOUT like one that says nothing.
 */
export function createTextHttpClient(): AxiosInstance {
  const client = axios.create({
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    proxy: false,
    maxContentLength: maxResponseBytes,
  });
  const deadlines = new WeakMap<InternalAxiosRequestConfig, AbortSignal>();
  client.interceptors.request.use((config) => {
    if (!config.timeout) return config;
    const deadline = AbortSignal.timeout(config.timeout);
    const caller = config.signal as AbortSignal | undefined;
    config.signal = caller ? AbortSignal.any([caller, deadline]) : deadline;
    deadlines.set(config, deadline);
    return config;
  });
  client.interceptors.response.use(undefined, (error: unknown) => {
    if (isAxiosError(error) && error.config && deadlines.get(error.config)?.aborted) {
      error.code = 'ETIMEDOUT';
      error.message = `No complete answer within ${error.config.timeout} ms`;
    }
    throw error;
  });
  return client;
}
