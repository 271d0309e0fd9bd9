/**
 * The renderer's Content Security Policy, sent by both shells (Electron's app:// protocol and the
 * preview host). Scripts only from the app itself; inline styles are allowed because Mantine
 * sets style attributes and injects its CSS variables at run time.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
