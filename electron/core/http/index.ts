/** What the API clients share: the HTTP client set-up, the retry policy, an abortable sleep. */
export { abortableSleep } from './abortableSleep';
export { redactBody, redactText } from './redaction';
export { defaultRetryPolicy, parseRetryAfter, type RetryPolicy, retryDelayMs } from './retryPolicy';
export { createTextHttpClient } from './textHttpClient';
