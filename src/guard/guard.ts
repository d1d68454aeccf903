/**
 * The guard pipeline: runs the detectors a policy asks for over a text and turns their matches
 * into one decision (allow, anonymize, block), Bedrock-style per direction.
 */
import { InputError } from '../util/errors.js';
import { anonymize, createSalt, createVault, type Vault } from './anonymize.js';
import { loadInjectionDetector, injectionThreshold, type InjectionDetector } from './injection/index.js';
import { decodeObfuscated, findInvisibleText, MIN_ENCODED_SEGMENT } from './normalize.js';
import { createCanary, detectUnsafeOutput, findCanaries } from './output/index.js';
import { detectPii } from './pii/index.js';
import { loadPolicy, type PolicySource } from './policy/load.js';
import type { BlockingAction, GuardPolicy, MaskingAction, Strength } from './policy/schema.js';
import { detectSecrets } from './secrets/index.js';
import { checkChunks, createGuardStream, type GuardStream, type StreamDecision } from './stream.js';
import { compileTopics, type TopicMatcher } from './topics.js';
import type { Detection, DetectionType, Direction, GuardAction, GuardResult } from './types.js';
import { compileWordFilter, type WordFilter } from './words.js';

/** OWASP Top 10 for LLM Applications 2025 risks each detection type is evidence of. */
export const OWASP_BY_DETECTION: Readonly<Record<DetectionType, readonly string[]>> = {
  prompt_injection: ['LLM01:2025'],
  jailbreak: ['LLM01:2025'],
  pii: ['LLM02:2025'],
  secret: ['LLM02:2025'],
  // Invisible characters are how instructions get smuggled past a reader.
  invisible_text: ['LLM01:2025'],
  url: ['LLM05:2025'],
  html: ['LLM05:2025'],
  canary_leak: ['LLM07:2025'],
  // Denied topics keep a model from advice it must not give (misinformation and overreliance).
  denied_topic: ['LLM09:2025'],
  word: [],
};
/** Values the guard's own vault keeps (per-conversation vaults from session() are not bounded). */
export const GUARD_VAULT_MAX_ENTRIES = 100_000;

/** Indirect injection arrives through retrieved documents and tool results. */
const CONTEXT_INJECTION_OWASP = ['LLM01:2025', 'LLM08:2025'];

/** Link and markup findings scored lower (markup inside code blocks, weak signals) are reported without action. */
export const OUTPUT_ACTION_MIN_SCORE = 0.5;

export const DIRECTIONS: readonly Direction[] = ['input', 'output', 'context'];

/** A detection with the policy's action for it; `contextIndex` marks one found in `context[i]` (offsets into that document). */
export interface GuardDetection extends Detection {
  action: MaskingAction;
  contextIndex?: number;
  /** Why the detector fired (classifier reasons, link reason), when it says. */
  reason?: string;
}

export interface CheckRequest {
  text: string;
  direction?: Direction;
  /** Documents and tool results that go into the model with the text; scanned as direction `context`. */
  context?: readonly string[];
  /** The vault for token-mode anonymization and its restoration (default: the guard's own). */
  vault?: Vault;
}

export interface CheckResult extends GuardResult {
  detections: GuardDetection[];
  direction: Direction;
  /** The policy's blocked messaging when the action is block. */
  blockedMessage?: string;
  /** Why a text was blocked without detections (oversize). */
  reason?: string;
  /** The context documents as they may be passed on (anonymized where the policy says). */
  context?: string[];
}

export interface Plan {
  injection?: { threshold: number; action: BlockingAction };
  pii?: { entities: ReadonlySet<string>; actions: ReadonlyMap<string, MaskingAction> };
  regexes: Array<{ name: string; pattern: string; action: MaskingAction }>;
  secrets?: MaskingAction;
  invisible?: MaskingAction;
  topics?: { matcher: TopicMatcher; actions: ReadonlyMap<string, BlockingAction> };
  words: Array<{ filter: WordFilter; action: BlockingAction }>;
  links?: { allowedDomains: string[]; urlAction: MaskingAction; htmlAction: MaskingAction };
  canary?: BlockingAction;
}

interface Directional<A> {
  action?: A;
  inputAction?: A;
  outputAction?: A;
  inputEnabled?: boolean;
  outputEnabled?: boolean;
}

/** Bedrock's rule: a disabled direction is not evaluated; `inputAction`/`outputAction` override `action`. Context is model input. */
export function directionalAction<A extends string>(
  cfg: Directional<A>,
  direction: Direction,
  fallback: A,
): A | undefined {
  const isOutput = direction === 'output';
  if ((isOutput ? cfg.outputEnabled : cfg.inputEnabled) === false) return undefined;
  return (isOutput ? cfg.outputAction : cfg.inputAction) ?? cfg.action ?? fallback;
}

function strengthFor(
  filter: { inputStrength: Strength; outputStrength: Strength; contextStrength?: Strength | undefined },
  direction: Direction,
): Strength {
  if (direction === 'output') return filter.outputStrength;
  if (direction === 'context') return filter.contextStrength ?? filter.inputStrength;
  return filter.inputStrength;
}

/** Compiled word filters and topic matchers shared by the three directions' plans. */
type CompileCache = Map<string, WordFilter | TopicMatcher>;

function cached<T extends WordFilter | TopicMatcher>(cache: CompileCache, key: string, build: () => T): T {
  const hit = cache.get(key) as T | undefined;
  if (hit) return hit;
  const built = build();
  cache.set(key, built);
  return built;
}

function buildPlan(policy: GuardPolicy, direction: Direction, cache: CompileCache = new Map()): Plan {
  const plan: Plan = { regexes: [], words: [] };
  const promptAttack = policy.contentPolicy?.filters.find((f) => f.type === 'PROMPT_ATTACK');
  if (promptAttack) {
    const strength = strengthFor(promptAttack, direction);
    const action = directionalAction<BlockingAction>(promptAttack, direction, 'BLOCK');
    if (strength !== 'NONE' && action)
      plan.injection = { threshold: injectionThreshold(strength, direction), action };
  }
  const sip = policy.sensitiveInformationPolicy;
  if (sip) {
    const actions = new Map<string, MaskingAction>();
    for (const entity of sip.piiEntities) {
      const action = directionalAction(entity, direction, 'NONE');
      if (action) actions.set(entity.type, action);
    }
    if (actions.size > 0) plan.pii = { entities: new Set(actions.keys()), actions };
    for (const regex of sip.regexes) {
      const action = directionalAction(regex, direction, 'NONE');
      if (action) plan.regexes.push({ name: regex.name, pattern: regex.pattern, action });
    }
  }
  if (policy.secrets) plan.secrets = directionalAction(policy.secrets, direction, 'BLOCK');
  if (policy.invisibleText) plan.invisible = directionalAction(policy.invisibleText, direction, 'ANONYMIZE');
  const topics = policy.topicPolicy?.topics ?? [];
  const topicActions = new Map<string, BlockingAction>();
  for (const topic of topics) {
    const action = directionalAction<BlockingAction>(topic, direction, 'BLOCK');
    if (action) topicActions.set(topic.name, action);
  }
  if (topicActions.size > 0) {
    const enabled = topics.filter((t) => topicActions.has(t.name));
    plan.topics = {
      matcher: cached(cache, `topics:${JSON.stringify(enabled)}`, () => compileTopics(enabled)),
      actions: topicActions,
    };
  }
  if (policy.wordPolicy) {
    // One filter per distinct action so that per-word Bedrock actions keep their meaning.
    const groups = new Map<string, { words: string[]; managedProfanity: boolean; action: BlockingAction }>();
    const add = (action: BlockingAction | undefined, word?: string, profanity = false): void => {
      if (!action) return;
      const key = action;
      const group = groups.get(key) ?? { words: [], managedProfanity: false, action };
      if (word !== undefined) group.words.push(word);
      group.managedProfanity ||= profanity;
      groups.set(key, group);
    };
    for (const word of policy.wordPolicy.words) {
      if (typeof word === 'string') add(directionalAction<BlockingAction>({}, direction, 'BLOCK'), word);
      else add(directionalAction<BlockingAction>(word, direction, 'BLOCK'), word.text);
    }
    for (const list of policy.wordPolicy.managedWordLists) {
      add(
        directionalAction<BlockingAction>(typeof list === 'string' ? {} : list, direction, 'BLOCK'),
        undefined,
        true,
      );
    }
    for (const group of groups.values()) {
      const options = { words: group.words, managedProfanity: group.managedProfanity };
      plan.words.push({
        filter: cached(cache, `words:${JSON.stringify(options)}`, () => compileWordFilter(options)),
        action: group.action,
      });
    }
  }
  if (direction === 'output') {
    if (policy.output)
      plan.links = {
        allowedDomains: policy.output.allowedDomains,
        urlAction: policy.output.urlAction,
        htmlAction: policy.output.htmlAction,
      };
    if (policy.canary) plan.canary = policy.canary.action;
  }
  return plan;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

export function detection(
  type: DetectionType,
  fields: Omit<GuardDetection, 'type' | 'owasp'> & { owasp?: string[] },
): GuardDetection {
  // Keys are added in one fixed order (cheap hidden-class transitions, stable JSON); adversarial
  // inputs can produce hundreds of thousands of detections.
  const d = { type } as GuardDetection;
  if (fields.entity !== undefined) d.entity = fields.entity;
  if (fields.start !== undefined) {
    d.start = fields.start;
    d.end = fields.end;
  }
  d.score = round(fields.score);
  d.detector = fields.detector;
  d.owasp = fields.owasp ?? OWASP_BY_DETECTION[type].slice();
  d.action = fields.action;
  if (fields.reason !== undefined) d.reason = fields.reason;
  return d;
}

/** Lone surrogates break tokenizers and JSON; they count as invisible text (U+FFFD keeps offsets). */
export function loneSurrogates(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else spans.push({ start: i, end: i + 1 });
    } else if (c >= 0xdc00 && c <= 0xdfff) spans.push({ start: i, end: i + 1 });
  }
  return spans;
}

/** The text with lone surrogates replaced by U+FFFD (String#toWellFormed is ES2024). */
export function wellFormed(text: string, surrogates = loneSurrogates(text)): string {
  if (surrogates.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const s of surrogates) {
    out += text.slice(cursor, s.start) + '\uFFFD';
    cursor = s.end;
  }
  return out + text.slice(cursor);
}

/** Detectors whose matches have offsets: safe to run on a window of a stream. */
export function positionalDetections(plan: Plan, raw: string, canaries: readonly string[]): GuardDetection[] {
  const out: GuardDetection[] = [];
  const surrogates = loneSurrogates(raw);
  // U+FFFD is one code unit like the surrogate it replaces, so offsets stay valid.
  const text = wellFormed(raw, surrogates);
  if (plan.invisible) {
    for (const span of findInvisibleText(text))
      out.push(
        detection('invisible_text', {
          start: span.start,
          end: span.end,
          score: span.score,
          detector: 'normalize.invisible',
          action: plan.invisible,
        }),
      );
    for (const span of surrogates)
      out.push(
        detection('invisible_text', {
          start: span.start,
          end: span.end,
          score: 1,
          detector: 'guard.lone_surrogate',
          action: plan.invisible,
        }),
      );
  }
  if (plan.pii || plan.regexes.length > 0) {
    const regexActions = new Map(plan.regexes.map((r) => [r.name, r.action]));
    const matches = detectPii(text, {
      entities: plan.pii?.entities ?? new Set<string>(),
      custom: plan.regexes.map((r) => ({ name: r.name, pattern: r.pattern })),
    });
    for (const m of matches) {
      const action =
        m.recognizer === 'custom-regex' ? regexActions.get(m.entity) : plan.pii?.actions.get(m.entity);
      if (!action) continue;
      out.push(
        detection('pii', {
          entity: m.entity,
          start: m.start,
          end: m.end,
          score: m.score,
          detector: `pii.${m.recognizer}`,
          action,
        }),
      );
    }
  }
  if (plan.secrets) {
    for (const s of detectSecrets(text))
      out.push(
        detection('secret', {
          entity: s.ruleId,
          start: s.start,
          end: s.end,
          score: s.score,
          detector: 'secrets.gitleaks',
          action: plan.secrets,
          reason: s.description,
        }),
      );
  }
  for (const { filter, action } of plan.words) {
    for (const w of filter.find(text))
      out.push(
        detection('word', {
          entity: w.word,
          start: w.start,
          end: w.end,
          score: 1,
          detector: 'words',
          action,
        }),
      );
  }
  if (plan.links) {
    for (const f of detectUnsafeOutput(text, { allowedDomains: plan.links.allowedDomains })) {
      const configured = f.type === 'url' ? plan.links.urlAction : plan.links.htmlAction;
      const action = f.score >= OUTPUT_ACTION_MIN_SCORE ? configured : 'NONE';
      out.push(
        detection(f.type, {
          start: f.start,
          end: f.end,
          score: f.score,
          detector: 'output',
          action,
          reason: f.reason,
        }),
      );
    }
  }
  if (plan.canary && canaries.length > 0) {
    for (const span of findCanaries(text, [...canaries]))
      out.push(detection('canary_leak', { ...span, detector: 'canary', action: plan.canary }));
  }
  return out;
}

/** Detectors that judge the text as a whole (classifier, topics). */
export function wholeTextDetections(
  plan: Plan,
  text: string,
  injection: () => InjectionDetector,
  fromContext: boolean,
): GuardDetection[] {
  const out: GuardDetection[] = [];
  if (plan.injection) {
    const s = injection().score(text, { segments: fromContext });
    if (s.score >= plan.injection.threshold)
      out.push(
        detection(s.kind, {
          score: s.score,
          detector: 'injection.classifier',
          action: plan.injection.action,
          ...(s.reasons.length > 0 ? { reason: s.reasons.join('; ') } : {}),
          ...(fromContext ? { owasp: [...CONTEXT_INJECTION_OWASP] } : {}),
        }),
      );
  }
  out.push(...decodedDetections(plan, text));
  if (plan.topics) {
    for (const t of plan.topics.matcher.match(text)) {
      const action = plan.topics.actions.get(t.name);
      if (action)
        out.push(detection('denied_topic', { entity: t.name, score: t.score, detector: 'topics', action }));
    }
  }
  return out;
}

/**
 * A cheap linear pre-check: is there a run of encoding characters long enough to hold a secret? Besides
 * base64/hex/URL-encoded runs it counts space-separated hex or binary bytes (digits and spaces) and Unicode
 * tag characters, which the decoder also reads but which ordinary prose never contains.
 */
export function hasEncodedRun(text: string): boolean {
  let run = 0;
  let spacedRun = 0;
  let spacedDigits = 0;
  let tagRun = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const hexLetter = (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
    const encodingChar =
      digit ||
      (c >= 65 && c <= 90) || // A-Z
      (c >= 97 && c <= 122) || // a-z
      c === 43 ||
      c === 47 ||
      c === 61 ||
      c === 37 ||
      c === 45 ||
      c === 95; // + / = % - _
    run = encodingChar ? run + 1 : 0;
    if (digit || hexLetter || c === 32) {
      spacedRun++;
      if (digit) spacedDigits++;
    } else {
      spacedRun = 0;
      spacedDigits = 0;
    }
    // U+E0000-E007F are written as the high surrogate 0xDB40 and a low surrogate.
    if (c === 0xdb40) tagRun++;
    else if (c < 0xdc00 || c > 0xdfff) tagRun = 0;
    if (run >= MIN_ENCODED_SEGMENT || tagRun >= MIN_ENCODED_SEGMENT / 2) return true;
    if (spacedRun >= 2 * MIN_ENCODED_SEGMENT && spacedDigits >= MIN_ENCODED_SEGMENT) return true;
  }
  return false;
}

/**
 * Secrets and PII hidden in base64, hex, URL-encoding or rot13 (a model asked to "encode the key
 * first"). They have no offsets in the text, so they can block but not be masked: a decoded match
 * whose action is ANONYMIZE is reported with action NONE.
 */
export function decodedDetections(plan: Plan, text: string): GuardDetection[] {
  const wantsSecrets = plan.secrets !== undefined && plan.secrets !== 'NONE';
  const blockingPii = plan.pii ? [...plan.pii.actions].filter(([, a]) => a === 'BLOCK').map(([e]) => e) : [];
  if ((!wantsSecrets && blockingPii.length === 0) || !hasEncodedRun(text)) return [];
  const layers = decodeObfuscated(text);
  if (layers.length === 0) return [];
  const out: GuardDetection[] = [];
  const seen = new Set<string>();
  const decodedAction = (a: MaskingAction): MaskingAction => (a === 'BLOCK' ? 'BLOCK' : 'NONE');
  for (const layer of layers) {
    if (wantsSecrets)
      for (const s of detectSecrets(layer)) {
        const key = `secret:${s.ruleId}:${layer.slice(s.start, s.end)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          detection('secret', {
            entity: s.ruleId,
            score: s.score,
            detector: 'secrets.gitleaks+decoded',
            action: decodedAction(plan.secrets!),
            reason: `in encoded text: ${s.description}`,
          }),
        );
      }
    if (blockingPii.length > 0)
      for (const m of detectPii(layer, { entities: new Set(blockingPii) })) {
        const key = `pii:${m.entity}:${layer.slice(m.start, m.end)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          detection('pii', {
            entity: m.entity,
            score: m.score,
            detector: `pii.${m.recognizer}+decoded`,
            action: 'BLOCK',
            reason: 'in encoded text',
          }),
        );
      }
  }
  return out;
}

export interface Replacement {
  start: number;
  end: number;
  /** Undefined: remove the span (invisible characters). */
  entity: string | undefined;
}

/** Non-overlapping replacements from the ANONYMIZE detections; an overlap takes the union and the longer span's entity. */
export function replacementsFor(detections: readonly GuardDetection[]): Replacement[] {
  const spans = detections
    .filter(
      (d) => d.action === 'ANONYMIZE' && d.start !== undefined && d.end !== undefined && d.end > d.start,
    )
    .map((d) => ({
      start: d.start!,
      end: d.end!,
      entity: entityTag(d),
    }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Replacement[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      const lastLength = last.end - last.start;
      if (span.end > last.end) last.end = span.end;
      if (last.entity === undefined || (span.entity !== undefined && span.end - span.start > lastLength))
        last.entity = span.entity ?? last.entity;
    } else merged.push(span);
  }
  return merged;
}

function entityTag(d: GuardDetection): string | undefined {
  switch (d.type) {
    case 'secret':
      return 'SECRET';
    case 'url':
      return 'URL';
    case 'html':
      return 'HTML';
    case 'invisible_text':
      return undefined;
    default:
      return d.entity ?? d.type.toUpperCase();
  }
}

/**
 * Applies replacements: invisible spans are removed, the rest anonymized by the shared anonymizer.
 * With `restore`, vault tokens in the untouched text are put back (an answer quoting `{EMAIL_1}`
 * from an anonymized prompt), while tokens made by this call stay tokens.
 */
export function applyReplacements(
  text: string,
  replacements: readonly Replacement[],
  mode: GuardPolicy['anonymization']['mode'],
  vault: Vault,
  salt?: string,
  restore = false,
): string {
  const keep = (segment: string): string =>
    restore && segment.includes('{') ? vault.restore(segment) : segment;
  let out = '';
  let cursor = 0;
  for (const r of replacements) {
    out += keep(text.slice(cursor, r.start));
    if (r.entity !== undefined) {
      const value = text.slice(r.start, r.end);
      // token mode: the vault must avoid tokens that already occur anywhere in the text
      out +=
        mode === 'token'
          ? vault.tokenFor(r.entity, value, text)
          : anonymize(
              value,
              [{ start: 0, end: value.length, entity: r.entity }],
              mode,
              vault,
              salt === undefined ? {} : { salt },
            );
    }
    cursor = r.end;
  }
  return out + keep(text.slice(cursor));
}

export interface Guard {
  readonly policy: GuardPolicy;
  check(request: CheckRequest): CheckResult;
  /** A fresh canary token to embed in a system prompt; its appearance in an answer is a `canary_leak`. */
  canary(): string;
  /** Checks a streamed text chunk by chunk; see stream.ts. */
  stream(direction?: Direction, opts?: StreamOptions): GuardStream;
  /** The same over an (async) iterable of chunks: yields each released piece, stops after a block. */
  checkStream(
    chunks: AsyncIterable<string> | Iterable<string>,
    direction?: Direction,
    opts?: StreamOptions,
  ): AsyncGenerator<StreamDecision, void, undefined>;
  /** The guard's own vault (token-mode anonymization). */
  readonly vault: Vault;
  /** The same guard with a vault of its own: one per conversation keeps users' tokens apart. */
  session(): GuardSession;
}

export interface StreamOptions {
  vault?: Vault;
  /** Characters held back at the end (default 256). */
  tailChars?: number;
  /** New characters gathered before the next scan (default 64). */
  scanEveryChars?: number;
}

export interface GuardSession {
  readonly vault: Vault;
  check(request: Omit<CheckRequest, 'vault'>): CheckResult;
  stream(direction?: Direction): GuardStream;
  checkStream(
    chunks: AsyncIterable<string> | Iterable<string>,
    direction?: Direction,
  ): AsyncGenerator<StreamDecision, void, undefined>;
}

/** More context documents than this in one check are blocked unscanned (each is also held to maxInputChars). */
export const MAX_CONTEXT_DOCUMENTS = 1000;

/** The most canaries one guard remembers; older ones fall out first. */
const MAX_CANARIES = 10_000;

export interface GuardInternals {
  policy: GuardPolicy;
  salt: string;
  plans: Readonly<Record<Direction, Plan>>;
  injection: () => InjectionDetector;
  canaries: () => readonly string[];
}

const internals = new WeakMap<Guard, GuardInternals>();
/** For stream.ts: the compiled plans behind a guard. */
export function guardInternals(guard: Guard): GuardInternals {
  const found = internals.get(guard);
  if (!found) throw new Error('not a guard made by createGuard()');
  return found;
}

export function decide(detections: readonly GuardDetection[]): GuardAction {
  let action: GuardAction = 'allow';
  for (const d of detections) {
    if (d.action === 'BLOCK') return 'block';
    if (d.action === 'ANONYMIZE' && d.start !== undefined) action = 'anonymize';
  }
  return action;
}

function assertRequest(request: unknown): asserts request is CheckRequest {
  if (typeof request !== 'object' || request === null)
    throw new InputError('guard.check: expected { text, direction }', { field: 'request' });
  const r = request as Record<string, unknown>;
  if (typeof r.text !== 'string')
    throw new InputError(
      `guard.check: text must be a string, got ${r.text === null ? 'null' : typeof r.text}`,
      {
        field: 'text',
      },
    );
  if (r.direction !== undefined && !DIRECTIONS.includes(r.direction as Direction))
    throw new InputError(
      `guard.check: direction must be one of ${DIRECTIONS.join(', ')}, got ${JSON.stringify(r.direction)}`,
      {
        field: 'direction',
      },
    );
  if (r.context !== undefined && (!Array.isArray(r.context) || r.context.some((c) => typeof c !== 'string')))
    throw new InputError('guard.check: context must be an array of strings', { field: 'context' });
}

/** Builds a guard from a policy object, a policy file path, or a shipped policy name (default: `default`). */
export function createGuard(source?: PolicySource): Guard {
  const policy = loadPolicy(source ?? 'default');
  const canaryTokens: string[] = [...(policy.canary?.tokens ?? [])];
  const compiled: CompileCache = new Map();
  const plans: Record<Direction, Plan> = {
    input: buildPlan(policy, 'input', compiled),
    output: buildPlan(policy, 'output', compiled),
    context: buildPlan(policy, 'context', compiled),
  };
  let detector: InjectionDetector | undefined;
  const injection = (): InjectionDetector => (detector ??= loadInjectionDetector());
  // Load the classifier, the PII models and the secret rules now so the first check does not pay for them.
  if (DIRECTIONS.some((d) => plans[d].injection)) injection();
  if (DIRECTIONS.some((d) => plans[d].pii)) detectPii('Jane Doe lives at 1 Main Street.');
  if (DIRECTIONS.some((d) => plans[d].secrets)) detectSecrets('token = none');
  // Services that never call session() would otherwise grow the guard's vault with every request.
  const ownVault = createVault({ maxEntries: GUARD_VAULT_MAX_ENTRIES });
  // hash mode: the same value hashes the same within one guard, differently across guards
  const salt = createSalt();

  const scan = (text: string, direction: Direction, fromContext: boolean): GuardDetection[] => {
    const plan = plans[direction];
    const detections = positionalDetections(plan, text, canaryTokens);
    const clean = wellFormed(text);
    detections.push(...wholeTextDetections(plan, clean, injection, fromContext));
    return detections;
  };

  const checkOne = (
    text: string,
    direction: Direction,
    vault: Vault,
    fromContext: boolean,
  ): { action: GuardAction; text: string; detections: GuardDetection[]; reason?: string } => {
    if (text.length > policy.maxInputChars)
      return {
        action: 'block',
        text,
        detections: [],
        reason: `text is ${text.length} characters, over the policy's maxInputChars of ${policy.maxInputChars}`,
      };
    const detections = scan(text, direction, fromContext);
    detections.sort((a, b) => (a.start ?? -1) - (b.start ?? -1) || (a.end ?? -1) - (b.end ?? -1));
    const action = decide(detections);
    const restore = direction === 'output' && policy.anonymization.restoreOnOutput;
    let out = text;
    if (action === 'anonymize' || (action === 'allow' && restore))
      out = applyReplacements(
        action === 'anonymize' ? wellFormed(text) : text,
        action === 'anonymize' ? replacementsFor(detections) : [],
        policy.anonymization.mode,
        vault,
        salt,
        restore,
      );
    return { action, text: out, detections };
  };

  const guard: Guard = {
    policy,
    vault: ownVault,
    check(request: CheckRequest): CheckResult {
      const started = performance.now();
      assertRequest(request);
      const direction = request.direction ?? 'input';
      const vault = request.vault ?? ownVault;
      const main = checkOne(request.text, direction, vault, direction === 'context');
      let action = main.action;
      const detections = main.detections;
      let context: string[] | undefined;
      let reason = main.reason;
      if (request.context && request.context.length > MAX_CONTEXT_DOCUMENTS) {
        action = 'block';
        reason = `${request.context.length} context documents, over the limit of ${MAX_CONTEXT_DOCUMENTS}`;
      } else if (request.context && request.context.length > 0) {
        context = [];
        request.context.forEach((doc, index) => {
          const r = checkOne(doc, 'context', vault, true);
          for (const d of r.detections) detections.push({ ...d, contextIndex: index });
          context!.push(r.text);
          if (r.action === 'block') {
            action = 'block';
            reason ??= r.reason ? `context[${index}]: ${r.reason}` : undefined;
          } else if (r.action === 'anonymize' && action === 'allow') action = 'anonymize';
        });
      }
      const result: CheckResult = {
        action,
        text: main.text,
        detections,
        direction,
        latencyMs: round(performance.now() - started),
      };
      if (action === 'block')
        result.blockedMessage =
          direction === 'output' ? policy.blockedOutputsMessaging : policy.blockedInputMessaging;
      if (reason) result.reason = reason;
      if (context) result.context = context;
      return result;
    },
    canary(): string {
      const token = createCanary();
      canaryTokens.push(token);
      if (canaryTokens.length > MAX_CANARIES) canaryTokens.splice(policy.canary?.tokens.length ?? 0, 1);
      return token;
    },
    stream(direction: Direction = 'output', opts: StreamOptions = {}): GuardStream {
      const { vault, ...tuning } = opts;
      return createGuardStream(guard, direction, vault ?? ownVault, tuning);
    },
    checkStream(chunks, direction = 'output', opts = {}) {
      return checkChunks(guard.stream(direction, opts), chunks);
    },
    session(): GuardSession {
      const vault = createVault();
      return {
        vault,
        check: (request) => guard.check({ ...request, vault }),
        stream: (direction = 'output') => guard.stream(direction, { vault }),
        checkStream: (chunks, direction = 'output') => guard.checkStream(chunks, direction, { vault }),
      };
    },
  };
  internals.set(guard, { policy, salt, plans, injection, canaries: () => canaryTokens });
  return guard;
}
