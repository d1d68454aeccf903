/**
 * Output detectors: data-exfiltration URLs, active HTML and script, canary-token leaks.
 */
import { detectActiveHtml } from './html.js';
import { detectExfiltrationUrls, type OutputFinding } from './urls.js';

export { createCanary, findCanaries, MAX_CANARY_SCAN_LENGTH } from './canary.js';
export { detectActiveHtml, isScriptUrl } from './html.js';
export {
  detectExfiltrationUrls,
  hostAllowed,
  urlPayload,
  type OutputFinding,
  type UrlContext,
} from './urls.js';

/** Longer answers are refused: callers chunk. */
export const MAX_OUTPUT_SCAN_LENGTH = 4 * 1024 * 1024;

/**
 * URLs that exfiltrate data to hosts outside `allowedDomains` (a domain allows its subdomains;
 * `*.example.com` is the same as `example.com`) and active HTML/script, sorted by position.
 */
export function detectUnsafeOutput(text: string, opts: { allowedDomains: string[] }): OutputFinding[] {
  if (text.length > MAX_OUTPUT_SCAN_LENGTH) {
    throw new RangeError(
      `detectUnsafeOutput: text of ${text.length} characters exceeds the limit of ${MAX_OUTPUT_SCAN_LENGTH}`,
    );
  }
  return [...detectExfiltrationUrls(text, opts.allowedDomains), ...detectActiveHtml(text)].sort(
    (a, b) => a.start - b.start || b.score - a.score,
  );
}
