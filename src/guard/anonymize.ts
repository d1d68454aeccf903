/**
 * Replaces detected spans: Bedrock-style `{TYPE}` tags, masking, salted hashes, or reversible
 * tokens kept in a per-request vault so that an answer can be restored with `vault.restore()`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { resolveOverlaps } from './pii/overlaps.js';

export type AnonymizeMode = 'tag' | 'mask' | 'hash' | 'token';

export interface AnonymizeSpan {
  start: number;
  end: number;
  entity: string;
  score?: number;
}

export interface Vault {
  /** The token standing for `value` (the same token for the same entity and value). */
  tokenFor(entity: string, value: string, avoid: string): string;
  /** Replaces every token this vault issued by its original value; other text is left alone. */
  restore(text: string): string;
  readonly size: number;
}

export interface AnonymizeOptions {
  /** Salt for `hash` mode; a guard passes its own so hashes are stable per guard. */
  salt?: string;
  /** Mask character for `mask` mode. */
  maskChar?: string;
}

const TOKEN_PATTERN = /\{([A-Z][A-Z0-9_]{0,63})_(\d{1,9})\}/g;

export interface VaultOptions {
  /**
   * Values kept at most; beyond it the oldest are forgotten (their tokens are no longer restored).
   * A long-lived guard's own vault is bounded so a service cannot grow it without limit.
   */
  maxEntries?: number;
}

export function createVault(options: VaultOptions = {}): Vault {
  const maxEntries = options.maxEntries ?? Number.POSITIVE_INFINITY;
  const tokenToValue = new Map<string, string>();
  const keyToToken = new Map<string, string>();
  const counters = new Map<string, number>();
  const forgetOldest = (): void => {
    const oldest = keyToToken.entries().next().value;
    if (!oldest) return;
    keyToToken.delete(oldest[0]);
    tokenToValue.delete(oldest[1]);
  };
  return {
    tokenFor(entity, value, avoid) {
      const tag = tagName(entity);
      const key = `${tag}\u0000${value}`;
      const existing = keyToToken.get(key);
      if (existing) return existing;
      let n = counters.get(tag) ?? 0;
      let token: string;
      // A token must not already occur in the text, or restoring would change that text.
      do {
        n++;
        token = `{${tag}_${n}}`;
      } while (avoid.includes(token) || tokenToValue.has(token));
      counters.set(tag, n);
      tokenToValue.set(token, value);
      keyToToken.set(key, token);
      // Counters keep growing, so a forgotten token is never issued again for another value.
      while (tokenToValue.size > maxEntries) forgetOldest();
      return token;
    },
    restore(text) {
      return text.replace(TOKEN_PATTERN, (token) => tokenToValue.get(token) ?? token);
    },
    get size() {
      return tokenToValue.size;
    },
  };
}

/** Entity names become tag names: upper case, letters, digits and underscores. */
function tagName(entity: string): string {
  const cleaned = entity.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return /^[A-Z]/.test(cleaned) ? cleaned : `X${cleaned}`;
}

const processSalt = randomBytes(16).toString('hex');

/** A fresh random salt, e.g. one per guard instance. */
export function createSalt(): string {
  return randomBytes(16).toString('hex');
}

function maskValue(entity: string, value: string, maskChar: string): string {
  const chars = Array.from(value);
  if (
    entity === 'CREDIT_DEBIT_CARD_NUMBER' ||
    entity === 'INTERNATIONAL_BANK_ACCOUNT_NUMBER' ||
    entity === 'US_BANK_ACCOUNT_NUMBER'
  ) {
    // Keep the last four digits and the separators, as receipts do.
    let keep = 4;
    for (let i = chars.length - 1; i >= 0; i--) {
      const ch = chars[i] ?? '';
      if (/[0-9A-Za-z]/.test(ch)) {
        if (keep > 0) keep--;
        else chars[i] = maskChar;
      }
    }
    return chars.join('');
  }
  // One mask character per UTF-16 unit keeps every later offset valid.
  return maskChar.repeat(value.length);
}

export function anonymize(
  text: string,
  matches: readonly AnonymizeSpan[],
  mode: AnonymizeMode,
  vault?: Vault,
  options: AnonymizeOptions = {},
): string {
  if (mode === 'token' && !vault)
    throw new TypeError("anonymize: mode 'token' needs a vault (createVault())");
  const salt = options.salt ?? processSalt;
  const maskChar = options.maskChar ?? '*';
  let out = '';
  let last = 0;
  const valid = matches.filter(
    (s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length,
  );
  for (const span of resolveOverlaps(valid)) {
    const value = text.slice(span.start, span.end);
    out += text.slice(last, span.start);
    switch (mode) {
      case 'tag':
        out += `{${tagName(span.entity)}}`;
        break;
      case 'mask':
        out += maskValue(span.entity, value, maskChar);
        break;
      case 'hash':
        out += `{${tagName(span.entity)}:${createHash('sha256').update(salt).update('\u0000').update(value).digest('hex').slice(0, 12)}}`;
        break;
      case 'token':
        out += (vault as Vault).tokenFor(span.entity, value, text);
        break;
    }
    last = span.end;
  }
  return out + text.slice(last);
}
