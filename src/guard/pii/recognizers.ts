/**
 * Pattern recognizers: a linear-time regular expression (every quantifier bounded, no nested
 * ambiguity) finds candidates, a validator scores them, and context words move the score.
 */
import type { ContextRule } from './context.js';
import {
  abaRoutingValid,
  cardIssuerKnown,
  digitsOf,
  ibanValid,
  ipv4Valid,
  ipv6Valid,
  itinValid,
  luhnValid,
  nhsValid,
  ninoValid,
  shannonEntropy,
  sinValid,
  ssnValid,
  swiftValid,
  utrValid,
  vinCheckDigitValid,
} from './validators.js';

export interface PatternRecognizer {
  readonly entity: string;
  /** Reported as PiiMatch.recognizer. */
  readonly name: string;
  /** Global regex; with the `d` flag when `valueGroup` is set. */
  readonly pattern: RegExp;
  /** Capture group holding the value when the pattern also matches a lead-in such as "password:". */
  readonly valueGroup?: number;
  /** Base score of a candidate before context, or undefined to drop it. */
  readonly score: (value: string) => number | undefined;
  readonly context?: ContextRule;
  /** Words that make the candidate unlikely ("version" before 1.2.3.4); their `boost` is negative. */
  readonly negativeContext?: ContextRule;
  /**
   * Lower-case keywords that lead the pattern ("password", "cvv"): the regex only runs in a short
   * window after each occurrence, so its cost follows the keywords, not the text length.
   */
  readonly anchors?: readonly string[];
  /** No candidate reaches the default threshold without a context word: scan only near them. */
  readonly contextRequired?: boolean;
  /** Every match contains a digit: scan only the regions around digits. */
  readonly needsDigit?: boolean;
  /** When the value fails validation, retry without its last separated group ("DE89 … 00 AB"). */
  readonly shrinkToValid?: boolean;
  /** Sentence punctuation stripped from the end of the value. */
  readonly trimTrailing?: RegExp;
}

const hasLetterAndDigit = (value: string): boolean => /[A-Za-z]/.test(value) && /\d/.test(value);
const separatorsOf = (value: string): string => value.replace(/[0-9A-Za-z]/g, '');

const CARD_WORDS = [
  'card',
  'credit',
  'debit',
  'visa',
  'mastercard',
  'amex',
  'american express',
  'discover',
  'cc',
  'card number',
  'pan',
];

export const PATTERN_RECOGNIZERS: readonly PatternRecognizer[] = [
  {
    entity: 'CREDIT_DEBIT_CARD_NUMBER',
    name: 'regex+luhn',
    pattern: /(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d])/g,
    score: (value) => {
      const digits = digitsOf(value);
      if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return undefined;
      if (new Set(separatorsOf(value)).size > 1) return undefined;
      if (/^(\d)\1+$/.test(digits)) return undefined;
      return cardIssuerKnown(digits) ? 0.9 : 0.45;
    },
    context: { words: CARD_WORDS, boost: 0.15 },
    negativeContext: {
      words: ['isbn', 'tracking', 'order number', 'order no', 'invoice', 'imei', 'serial'],
      boost: -0.5,
      before: 32,
      after: 0,
    },
    needsDigit: true,
  },
  {
    entity: 'US_SOCIAL_SECURITY_NUMBER',
    name: 'regex+ssn-rules',
    pattern: /(?<![\d-])\d{3}([- .]?)\d{2}\1\d{4}(?![\d-])/g,
    score: (value) => {
      if (!ssnValid(digitsOf(value))) return undefined;
      const sep = separatorsOf(value);
      return sep === '--' ? 0.85 : sep === '' ? 0.3 : 0.55;
    },
    context: {
      words: ['ssn', 'social security', 'social sec', 'ss#', 'ss #', 'ssns', 'social-security'],
      boost: 0.5,
    },
    needsDigit: true,
  },
  {
    entity: 'US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER',
    name: 'regex+itin-rules',
    pattern: /(?<![\d-])9\d{2}([- ]?)\d{2}\1\d{4}(?![\d-])/g,
    score: (value) => (itinValid(digitsOf(value)) ? (separatorsOf(value) === '--' ? 0.8 : 0.35) : undefined),
    context: { words: ['itin', 'taxpayer', 'tax id', 'tax identification', 'tin'], boost: 0.4 },
    needsDigit: true,
  },
  {
    entity: 'CA_SOCIAL_INSURANCE_NUMBER',
    name: 'regex+luhn',
    pattern: /(?<![\d-])\d{3}([- ]?)\d{3}\1\d{3}(?![\d-])/g,
    score: (value) => (sinValid(digitsOf(value)) ? (separatorsOf(value) === '' ? 0.25 : 0.45) : undefined),
    context: {
      words: [
        'sin',
        'social insurance',
        'insurance number',
        'nas',
        "numéro d'assurance sociale",
        'assurance sociale',
      ],
      boost: 0.5,
    },
    contextRequired: true,
    needsDigit: true,
  },
  {
    entity: 'UK_NATIONAL_HEALTH_SERVICE_NUMBER',
    name: 'regex+mod11',
    pattern: /(?<![\d-])\d{3}([- ]?)\d{3}\1\d{4}(?![\d-])/g,
    score: (value) => (nhsValid(digitsOf(value)) ? 0.35 : undefined),
    context: {
      words: ['nhs', 'national health', 'health service', 'nhs number', 'patient number'],
      boost: 0.6,
    },
    contextRequired: true,
    needsDigit: true,
  },
  {
    entity: 'UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER',
    name: 'regex+utr-check',
    pattern: /(?<![\d-])\d{5} ?\d{5}K?(?![\dA-Za-z-])/g,
    score: (value) => (utrValid(digitsOf(value)) ? 0.3 : undefined),
    context: {
      words: [
        'utr',
        'unique taxpayer',
        'taxpayer reference',
        'tax reference',
        'self assessment',
        'self-assessment',
        'hmrc',
      ],
      boost: 0.6,
    },
    contextRequired: true,
    needsDigit: true,
  },
  {
    entity: 'US_BANK_ROUTING_NUMBER',
    name: 'regex+aba-checksum',
    pattern: /(?<![\d-])\d{9}(?![\d-])/g,
    score: (value) => (abaRoutingValid(value) ? 0.3 : undefined),
    context: {
      words: ['routing', 'aba', 'rtn', 'routing number', 'transit number', 'bank routing', 'wire'],
      boost: 0.6,
    },
    contextRequired: true,
    needsDigit: true,
  },
  {
    entity: 'US_BANK_ACCOUNT_NUMBER',
    name: 'regex+context',
    pattern: /(?<![\d-])\d{8,17}(?![\d-])/g,
    score: () => 0.05,
    context: {
      words: [
        'account',
        'acct',
        'a/c',
        'checking',
        'savings',
        'bank account',
        'account number',
        'account no',
        'account #',
        'acc',
      ],
      boost: 0.6,
    },
    contextRequired: true,
    needsDigit: true,
  },
  {
    entity: 'US_PASSPORT_NUMBER',
    name: 'regex+context',
    pattern: /(?<![A-Za-z0-9])[A-Z]?\d{8,9}(?![A-Za-z0-9])/g,
    score: (value) => (value.length === 9 ? 0.05 : undefined),
    context: {
      words: ['passport', 'passport number', 'passport no', 'passport #', 'travel document'],
      boost: 0.7,
    },
    contextRequired: true,
    needsDigit: true,
  },
  {
    entity: 'DRIVER_ID',
    name: 'regex+context',
    pattern: /(?<![A-Za-z0-9-])[A-Z0-9](?:[A-Z0-9-]{3,16})[A-Z0-9](?![A-Za-z0-9-])/g,
    score: (value) => (digitsOf(value).length >= 4 ? 0.05 : undefined),
    context: {
      words: [
        "driver's license",
        'drivers license',
        'driver license',
        "driver's licence",
        'driving licence',
        'driving license',
        'driver id',
        'dl#',
        'dl number',
        'dl no',
        'license number',
        'licence number',
        'license no',
        'licence no',
        'license #',
        'dln',
      ],
      boost: 0.7,
      before: 64,
    },
    contextRequired: true,
    needsDigit: true,
  },
  {
    entity: 'LICENSE_PLATE',
    name: 'regex+uk-format',
    pattern: /(?<![A-Za-z0-9])[A-Z]{2}\d{2} ?[A-Z]{3}(?![A-Za-z0-9])/g,
    score: () => 0.4,
    context: {
      words: [
        'plate',
        'plates',
        'registration',
        'reg',
        'number plate',
        'license plate',
        'licence plate',
        'vehicle',
        'car',
      ],
      boost: 0.45,
    },
    contextRequired: true,
    needsDigit: true,
  },
  {
    entity: 'LICENSE_PLATE',
    name: 'regex+context',
    pattern: /(?<![A-Za-z0-9-])[A-Z0-9]{1,4}[- ]?[A-Z0-9]{1,4}(?:[- ][A-Z0-9]{1,3})?(?![A-Za-z0-9-])/g,
    score: (value) => {
      const alnum = value.replace(/[- ]/g, '');
      return alnum.length >= 4 && alnum.length <= 8 && hasLetterAndDigit(alnum) ? 0.05 : undefined;
    },
    context: {
      words: [
        'license plate',
        'licence plate',
        'number plate',
        'plate number',
        'plate no',
        'plate',
        'registration number',
        'reg no',
        'reg number',
        'tag number',
      ],
      boost: 0.7,
      before: 40,
      after: 8,
    },
    contextRequired: true,
    needsDigit: true,
  },
  {
    entity: 'VEHICLE_IDENTIFICATION_NUMBER',
    name: 'regex+vin-check',
    pattern: /[A-HJ-NPR-Z0-9](?<![A-Za-z0-9].)[A-HJ-NPR-Z0-9]{16}(?![A-Za-z0-9])/gi,
    score: (value) => {
      if (!hasLetterAndDigit(value)) return undefined;
      return vinCheckDigitValid(value) ? 0.85 : 0.3;
    },
    context: { words: ['vin', 'vehicle identification', 'chassis', 'vehicle id'], boost: 0.45 },
    needsDigit: true,
  },
  {
    entity: 'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
    name: 'regex+mod97',
    // Upper case only: with /i, "… 5007 today" would swallow the next word and fail the checksum.
    pattern: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g,
    score: (value) => (ibanValid(value) ? 0.95 : undefined),
    shrinkToValid: true,
    context: { words: ['iban', 'bank account', 'account', 'transfer', 'wire'], boost: 0.05 },
    needsDigit: true,
  },
  {
    entity: 'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
    name: 'regex+mod97',
    // All-lower-case text (chat, normalised logs) writes IBANs in lower case too.
    pattern: /(?<![A-Za-z0-9])[a-z]{2}\d{2}(?:[ -]?[a-z0-9]{4}){2,7}(?:[ -]?[a-z0-9]{1,4})?(?![A-Za-z0-9])/g,
    score: (value) => (ibanValid(value) ? 0.9 : undefined),
    shrinkToValid: true,
    needsDigit: true,
  },
  {
    entity: 'SWIFT_CODE',
    name: 'regex+country',
    pattern: /(?<![A-Za-z0-9])[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![A-Za-z0-9])/g,
    score: (value) => (swiftValid(value) ? (/\d/.test(value) || value.length === 11 ? 0.4 : 0.2) : undefined),
    context: { words: ['swift', 'bic', 'swift code', 'bic code', 'bank code', 'swift/bic'], boost: 0.5 },
    contextRequired: true,
  },
  {
    entity: 'IP_ADDRESS',
    name: 'regex+ipv4',
    pattern: /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\d)/g,
    score: (value) => (ipv4Valid(value) ? 0.8 : undefined),
    context: {
      words: ['ip', 'ip address', 'ipv4', 'address', 'host', 'server', 'from', 'connect'],
      boost: 0.15,
    },
    negativeContext: {
      words: ['version', 'ver', 'v', 'release', 'build', 'section', 'chapter', 'oid', 'snmp'],
      boost: -0.5,
      before: 16,
      after: 0,
    },
    needsDigit: true,
  },
  {
    entity: 'IP_ADDRESS',
    name: 'regex+ipv6',
    pattern:
      /(?:[0-9A-Fa-f](?<![0-9A-Za-z:].)[0-9A-Fa-f]{0,3}|:(?<![0-9A-Za-z:]:)):[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){0,6}(?![0-9A-Za-z:])/g,
    score: (value) => (/[0-9A-Fa-f]/.test(value) && ipv6Valid(value) ? 0.8 : undefined),
    context: { words: ['ip', 'ipv6', 'address', 'host'], boost: 0.15 },
    needsDigit: true,
  },
  {
    entity: 'MAC_ADDRESS',
    name: 'regex',
    pattern:
      /[0-9A-Fa-f](?<![0-9A-Za-z:-].)[0-9A-Fa-f]([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![0-9A-Za-z:-])/g,
    score: () => 0.85,
    context: { words: ['mac', 'mac address', 'hardware address', 'ethernet', 'wifi', 'device'], boost: 0.1 },
    needsDigit: true,
  },
  {
    entity: 'MAC_ADDRESS',
    name: 'regex',
    pattern: /[0-9A-Fa-f](?<![0-9A-Za-z.].)[0-9A-Fa-f]{3}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![0-9A-Za-z.])/g,
    score: () => 0.6,
    context: { words: ['mac', 'mac address', 'hardware address'], boost: 0.3 },
    needsDigit: true,
  },
  {
    entity: 'URL',
    name: 'regex',
    pattern: /\b(?:https?|ftp):\/\/[^\s<>"'`{}|\\^]{1,2048}/gi,
    score: () => 0.9,
  },
  {
    entity: 'URL',
    name: 'regex',
    pattern: /\bwww\.[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}(?:\/[^\s<>"'`{}|\\^]{0,2048})?/gi,
    score: () => 0.85,
  },
  {
    entity: 'AWS_ACCESS_KEY',
    name: 'regex',
    pattern: /A(?<![A-Za-z0-9]A)(?:KIA|SIA|BIA|CCA|3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/g,
    score: () => 0.95,
    needsDigit: true,
  },
  {
    entity: 'AWS_SECRET_KEY',
    name: 'regex+entropy',
    pattern: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    score: (value) =>
      /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && shannonEntropy(value) > 4.2
        ? 0.4
        : undefined,
    context: {
      words: [
        'aws',
        'secret',
        'secret key',
        'secret_access_key',
        'aws_secret_access_key',
        'secretaccesskey',
        'akia',
      ],
      boost: 0.5,
      before: 80,
    },
    contextRequired: true,
  },
  {
    entity: 'UK_NATIONAL_INSURANCE_NUMBER',
    name: 'regex+nino-rules',
    pattern: /[A-Za-z](?<![A-Za-z0-9].)[A-Za-z] ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d](?![A-Za-z0-9])/g,
    score: (value) => (ninoValid(value) ? (value === value.toUpperCase() ? 0.75 : 0.4) : undefined),
    context: { words: ['national insurance', 'nino', 'ni number', 'ni no', 'insurance number'], boost: 0.2 },
    needsDigit: true,
  },
  {
    entity: 'CA_HEALTH_NUMBER',
    name: 'regex+context',
    pattern: /(?<![\d-])\d{4}[- ]?\d{3}[- ]?\d{3}(?:[- ]?[A-Z]{2})?(?![\dA-Za-z-])/g,
    score: () => 0.1,
    context: {
      words: [
        'health card',
        'health number',
        'ohip',
        'hcn',
        'health insurance number',
        'carte santé',
        'ramq',
        'phn',
        'personal health number',
        'health card number',
      ],
      boost: 0.7,
    },
    contextRequired: true,
    needsDigit: true,
  },
  {
    entity: 'CA_HEALTH_NUMBER',
    name: 'regex+context',
    pattern: /(?<![A-Za-z0-9])[A-Z]{4} ?\d{4} ?\d{4}(?![A-Za-z0-9])/g,
    score: () => 0.15,
    context: {
      words: ['ramq', 'carte santé', 'health card', 'assurance maladie', 'health number'],
      boost: 0.65,
    },
    contextRequired: true,
    needsDigit: true,
  },
  {
    entity: 'CREDIT_DEBIT_CARD_EXPIRY',
    name: 'regex+context',
    pattern: /(?<![\d/.-])(?:0?[1-9]|1[0-2]) ?[/-] ?(?:\d{2}|20\d{2})(?![\d/.-])/g,
    score: () => 0.35,
    context: {
      words: [
        'exp',
        'expiry',
        'expires',
        'expiration',
        'expiring',
        'valid thru',
        'valid through',
        'good thru',
        'exp date',
        'card',
        'mm/yy',
      ],
      boost: 0.5,
    },
    contextRequired: true,
    needsDigit: true,
  },
  {
    entity: 'CREDIT_DEBIT_CARD_CVV',
    name: 'regex+keyword',
    pattern:
      /\b(?:cvv2?|cvc2?|cid|csc|cv2|security code|card verification (?:value|code)|verification code)\b(?:[^\S\n]{0,3}(?:is|number|code|no\.?|#|:|=)){0,2}[^\S\n]{0,3}(\d{3,4})(?!\d)/dgi,
    valueGroup: 1,
    score: () => 0.85,
    anchors: ['cvv', 'cvc', 'cid', 'csc', 'cv2', 'security code', 'verification'],
  },
  {
    entity: 'PIN',
    name: 'regex+keyword',
    pattern:
      /\bpin(?:[^\S\n]?(?:code|number|no\.?))?\b(?:[^\S\n]{0,3}(?:is|was|:|=|#)){0,2}[^\S\n]{0,3}(\d{4,8})(?!\d)/dgi,
    valueGroup: 1,
    score: () => 0.85,
    anchors: ['pin'],
  },
  {
    entity: 'PASSWORD',
    name: 'regex+keyword',
    pattern:
      /\b(?:password|passwd|passcode|passphrase|pass phrase|pwd|pw)\b[^\S\n]{0,3}(is|[:=]|is:)[^\S\n]{0,3}(["'`]?)([^\s"'`]{4,64})\2/dgi,
    valueGroup: 3,
    trimTrailing: /[.,;)]+$/,
    score: (value) => (/[^A-Za-z]/.test(value) || /[a-z][A-Z]|[A-Z][a-z]*[A-Z]/.test(value) ? 0.85 : 0.55),
    anchors: ['password', 'passwd', 'passcode', 'passphrase', 'pass phrase', 'pwd', 'pw'],
  },
  {
    entity: 'USERNAME',
    name: 'regex+keyword',
    pattern:
      /\b(?:user ?name|user[ _-]?id|login(?: id| name)?|screen ?name|nick ?name|handle|account name)\b[^\S\n]{0,3}(?:is|[:=]|is:)[^\S\n]{0,3}(["'`]?)(@?[A-Za-z0-9._-]{2,64})\1/dgi,
    valueGroup: 2,
    score: () => 0.8,
    anchors: [
      'username',
      'user name',
      'user id',
      'userid',
      'user_id',
      'user-id',
      'login',
      'screen name',
      'screenname',
      'nickname',
      'nick name',
      'handle',
      'account name',
    ],
  },
  {
    entity: 'USERNAME',
    name: 'regex+handle',
    pattern: /(?<![\w@.])@[A-Za-z0-9_]{2,30}(?![\w@])/g,
    score: () => 0.35,
    context: {
      words: [
        'twitter',
        'instagram',
        'handle',
        'follow',
        'tiktok',
        'github',
        'dm',
        'username',
        'telegram',
        'x.com',
      ],
      boost: 0.4,
    },
    contextRequired: true,
  },
  {
    entity: 'AGE',
    name: 'regex+unit',
    pattern: /\b(\d{1,3}[ -](?:years?|yrs?|months?|weeks?|days?))[ -]old\b/dgi,
    valueGroup: 1,
    score: (value) => (Number(digitsOf(value)) <= 130 ? 0.85 : undefined),
    needsDigit: true,
  },
  {
    entity: 'AGE',
    name: 'regex+keyword',
    pattern:
      /\b(?:age|aged|age of)\b[^\S\n]{0,3}(?:is|:)?[^\S\n]{0,3}(\d{1,3}(?:[^\S\n](?:years?|yrs?))?)(?!\d)/dgi,
    valueGroup: 1,
    score: (value) => (Number(value.match(/\d+/)?.[0]) <= 130 ? 0.75 : undefined),
    anchors: ['age'],
  },
  {
    entity: 'AGE',
    name: 'regex+unit',
    pattern: /\b(\d{1,3}[^\S\n](?:years?|yrs?)) of age\b/dgi,
    valueGroup: 1,
    score: (value) => (Number(digitsOf(value)) <= 130 ? 0.85 : undefined),
    anchors: ['of age'],
  },
];
