/**
 * Shared shapes of the runtime guard. Detectors are pure functions over text; the pipeline
 * (createGuard) applies a policy to their matches.
 */
export type Direction = 'input' | 'output' | 'context';

export type DetectionType =
  | 'prompt_injection'
  | 'jailbreak'
  | 'pii'
  | 'secret'
  | 'denied_topic'
  | 'word'
  | 'invisible_text'
  | 'url'
  | 'html'
  | 'canary_leak';

export interface Detection {
  type: DetectionType;
  /** PII: the Bedrock entity name (EMAIL, US_SOCIAL_SECURITY_NUMBER, ...); secret: the rule id; topic: its name. */
  entity?: string;
  /** JavaScript string offsets (UTF-16 code units) into the checked text, end-exclusive. */
  start?: number;
  end?: number;
  /** 0..1 */
  score: number;
  /** Which detector produced it, e.g. `pii.regex`, `secrets.gitleaks`, `injection.classifier`. */
  detector: string;
  /** OWASP LLM 2025 ids, e.g. LLM01:2025. */
  owasp: string[];
}

export type GuardAction = 'allow' | 'block' | 'anonymize';

export interface GuardResult {
  action: GuardAction;
  /** The text as it may be passed on: masked when anonymized, the input otherwise. */
  text: string;
  detections: Detection[];
  latencyMs: number;
}

/** A span found by a detector before policy is applied. */
export interface Span {
  start: number;
  end: number;
  score: number;
}

export interface PiiMatch extends Span {
  /** Bedrock entity name. */
  entity: string;
  /** The name of the recognizer (e.g. `regex+luhn`, `gazetteer`). */
  recognizer: string;
}

export interface SecretMatch extends Span {
  /** gitleaks rule id, e.g. `aws-access-token`. */
  ruleId: string;
  description: string;
}

export interface InjectionScore {
  /** Calibrated probability that the text is an attack. */
  score: number;
  kind: 'prompt_injection' | 'jailbreak';
  /** Short human-readable reasons (heuristics that fired, decoded layers). */
  reasons: string[];
}
