/** What the API clients share: the HTTP client set-up, the retry policy, an abortable sleep. */
export { abortableSleep } from './abortableSleep';
export { defaultRetryPolicy, parseRetryAfter, type RetryPolicy, retryDelayMs } from './retryPolicy';
export { createTextHttpClient } from './textHttpClient';
