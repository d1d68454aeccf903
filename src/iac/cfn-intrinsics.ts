import { isResourceRef, isUnknown, PartlyKnownString, ResourceRef, Unknown } from '../resources/types.js';

/** `!Ref AWS::NoValue`: the property or list element is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

const MAX_DEPTH = 100;

/**
 * Pseudo parameters that are specific identifiers of the stack (never wildcards): a `!Sub` that only
 * decorates them (`arn:aws:iam::${AWS::AccountId}:role/x`) still yields a useful string.
 */
const ACCOUNT = new Unknown('AWS::AccountId is only known at deploy time');
const REGION = new Unknown('AWS::Region is only known at deploy time');
const STACK_NAME = new Unknown('AWS::StackName is only known at deploy time');
const STACK_ID = new Unknown('AWS::StackId is only known at deploy time');
const IDENTIFIER_UNKNOWNS = new Set<Unknown>([ACCOUNT, REGION, STACK_NAME, STACK_ID]);

const PSEUDO: Record<string, unknown> = {
  'AWS::AccountId': ACCOUNT,
  'AWS::Region': REGION,
  'AWS::StackName': STACK_NAME,
  'AWS::StackId': STACK_ID,
  'AWS::NotificationARNs': new Unknown('AWS::NotificationARNs is only known at deploy time'),
  // The partition and URL suffix decorate ARNs and hostnames; which commercial partition does not change a check.
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

export interface CfnContext {
  /** Parameter name -> resolved value (default or override) or Unknown. */
  parameters: Map<string, unknown>;
  /** Logical id -> resource address, for every resource kept in the graph (and ones dropped by a false condition). */
  resources: Map<string, string>;
  mappings: Record<string, unknown>;
  conditions: Record<string, unknown>;
  conditionCache: Map<string, boolean | Unknown>;
  conditionsInProgress: Set<string>;
}

export function createContext(init: Partial<CfnContext> = {}): CfnContext {
  return {
    parameters: init.parameters ?? new Map(),
    resources: init.resources ?? new Map(),
    mappings: init.mappings ?? {},
    conditions: init.conditions ?? {},
    conditionCache: new Map(),
    conditionsInProgress: new Set(),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v) && !isResourceRef(v);

/** The single key of an intrinsic function object (`{ "Fn::Join": [...] }`, `{ "Ref": "X" }`), else undefined. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  let name: string | undefined;
  for (const key in value) {
    if (name !== undefined) return undefined;
    name = key;
  }
  if (name === 'Ref' || name?.startsWith('Fn::')) return name;
  return undefined;
}

/**
 * Resolves intrinsics in a template value as far as is statically possible. Plain values are returned
 * as they are (the same object when nothing inside needed resolving, which keeps large templates cheap).
 */
export function resolveValue(value: unknown, ctx: CfnContext, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return new Unknown('value nested too deeply');
  if (isUnknown(value) || isResourceRef(value)) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const resolved = resolveValue(item, ctx, depth + 1);
      if (resolved !== item && out === undefined) out = value.slice(0, i);
      if (out !== undefined && resolved !== NO_VALUE) out.push(resolved);
    }
    return out ?? value;
  }
  const fn = intrinsicName(value);
  if (fn !== undefined) return resolveIntrinsic(fn, (value as Record<string, unknown>)[fn], ctx, depth + 1);
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const resolved = resolveValue(item, ctx, depth + 1);
    if (resolved !== item && out === undefined) {
      out = {};
      for (const k of Object.keys(record)) {
        if (k === key) break;
        out[k] = record[k];
      }
    }
    if (out !== undefined && resolved !== NO_VALUE) out[key] = resolved;
  }
  return out ?? value;
}

function unknownIn(value: unknown): Unknown | undefined {
  return isUnknown(value) ? value : undefined;
}

function resolveRef(name: unknown, ctx: CfnContext): unknown {
  if (typeof name !== 'string') return new Unknown('Ref to a non-string name');
  if (name === 'AWS::NoValue') return NO_VALUE;
  if (name in PSEUDO) return PSEUDO[name];
  if (ctx.parameters.has(name)) return ctx.parameters.get(name);
  const address = ctx.resources.get(name);
  if (address !== undefined) return new ResourceRef(address);
  return new Unknown(`Ref to ${name}, which is not a parameter or resource of this template`);
}

function resolveGetAtt(args: unknown, ctx: CfnContext, depth: number): unknown {
  let logicalId: unknown;
  let attribute: unknown;
  if (typeof args === 'string') {
    const dot = args.indexOf('.');
    if (dot === -1) return new Unknown(`Fn::GetAtt ${args} has no attribute`);
    logicalId = args.slice(0, dot);
    attribute = args.slice(dot + 1);
  } else if (Array.isArray(args) && args.length === 2) {
    logicalId = args[0];
    attribute = resolveValue(args[1], ctx, depth);
  } else return new Unknown('malformed Fn::GetAtt');
  if (typeof logicalId !== 'string') return new Unknown('Fn::GetAtt of a non-string name');
  const address = ctx.resources.get(logicalId);
  if (address === undefined)
    return new Unknown(`Fn::GetAtt of ${logicalId}, which is not a resource of this template`);
  if (typeof attribute !== 'string')
    return new Unknown(`Fn::GetAtt ${logicalId} with an attribute that cannot be known`);
  return new ResourceRef(address, attribute);
}

/** `${Data.Arn}` for a reference inside a string we build, so the string stays readable and never looks like a wildcard. */
function placeholder(ref: ResourceRef): string {
  const logicalId = ref.address.slice(ref.address.lastIndexOf('.') + 1);
  return `\${${ref.attribute ? `${logicalId}.${ref.attribute}` : logicalId}}`;
}

/**
 * A piece of a string being built (Fn::Sub, Fn::Join). References to resources and stack identifiers
 * are specific names, so they become placeholders; any other unknown makes the whole string unknown.
 */
function stringPart(value: unknown, original: string | undefined): string | Unknown {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isResourceRef(value)) return original ?? placeholder(value);
  if (isUnknown(value))
    return IDENTIFIER_UNKNOWNS.has(value) ? (original ?? `\${${value.reason.split(' ')[0]}}`) : value;
  if (value === NO_VALUE) return '';
  return new Unknown('a list or object used inside a string');
}

function resolveSub(args: unknown, ctx: CfnContext, depth: number): unknown {
  let template: unknown;
  let vars: Record<string, unknown> = {};
  if (typeof args === 'string') template = args;
  else if (Array.isArray(args) && args.length >= 1) {
    template = args[0];
    if (args.length > 1) {
      if (!isRecord(args[1])) return new Unknown('Fn::Sub variables are not a map');
      vars = args[1];
    }
  } else return new Unknown('malformed Fn::Sub');
  if (typeof template !== 'string') return new Unknown('Fn::Sub template is not a string');
  const parts: Array<{ text: string } | { name: string; original: string }> = [];
  let pos = 0;
  while (pos < template.length) {
    const start = template.indexOf('${', pos);
    if (start === -1) {
      parts.push({ text: template.slice(pos) });
      break;
    }
    const end = template.indexOf('}', start + 2);
    if (end === -1) {
      parts.push({ text: template.slice(pos) });
      break;
    }
    if (start > pos) parts.push({ text: template.slice(pos, start) });
    const name = template.slice(start + 2, end).trim();
    if (name.startsWith('!')) parts.push({ text: `\${${name.slice(1)}}` });
    else parts.push({ name, original: template.slice(start, end + 1) });
    pos = end + 1;
  }
  const resolveName = (name: string): unknown => {
    if (Object.prototype.hasOwnProperty.call(vars, name)) return resolveValue(vars[name], ctx, depth);
    const dot = name.indexOf('.');
    if (dot !== -1 && !name.startsWith('AWS::')) return resolveGetAtt(name, ctx, depth);
    return resolveRef(name, ctx);
  };
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && 'name' in only) {
    // `!Sub '${Bucket.Arn}'` is the value itself, reference included.
    const value = resolveName(only.name);
    return value === NO_VALUE ? '' : value;
  }
  let out = '';
  let firstUnknown: Unknown | undefined;
  const literalParts: string[] = [];
  for (const part of parts) {
    if ('text' in part) {
      out += part.text;
      continue;
    }
    const piece = stringPart(resolveName(part.name), part.original);
    if (isUnknown(piece)) {
      firstUnknown ??= piece;
      literalParts.push(out);
      out = '';
      continue;
    }
    out += piece;
  }
  if (firstUnknown) {
    literalParts.push(out);
    return new PartlyKnownString(`Fn::Sub '${template.slice(0, 200)}': ${firstUnknown.reason}`, literalParts);
  }
  return out;
}

function resolveJoin(args: unknown, ctx: CfnContext, depth: number): unknown {
  if (!Array.isArray(args) || args.length !== 2) return new Unknown('malformed Fn::Join');
  const delimiter = resolveValue(args[0], ctx, depth);
  const list = resolveValue(args[1], ctx, depth);
  if (typeof delimiter !== 'string')
    return unknownIn(delimiter) ?? new Unknown('Fn::Join delimiter is not a string');
  if (!Array.isArray(list)) return unknownIn(list) ?? new Unknown('Fn::Join of a value that is not a list');
  const pieces: string[] = [];
  let firstUnknown: Unknown | undefined;
  const literalParts: string[] = [];
  for (const item of list) {
    const piece = stringPart(item, undefined);
    if (isUnknown(piece)) {
      firstUnknown ??= piece;
      literalParts.push(pieces.join(delimiter));
      pieces.length = 0;
      continue;
    }
    pieces.push(piece);
  }
  if (firstUnknown) {
    literalParts.push(pieces.join(delimiter));
    return new PartlyKnownString(`Fn::Join: ${firstUnknown.reason}`, literalParts);
  }
  return pieces.join(delimiter);
}

function toIndex(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,9}$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

function resolveFindInMap(args: unknown, ctx: CfnContext, depth: number): unknown {
  if (!Array.isArray(args) || args.length < 3) return new Unknown('malformed Fn::FindInMap');
  const keys = args.slice(0, 3).map((k) => resolveValue(k, ctx, depth));
  const defaultValue = isRecord(args[3]) ? args[3]['DefaultValue'] : undefined;
  const fallback = (reason: string): unknown =>
    defaultValue !== undefined ? resolveValue(defaultValue, ctx, depth) : new Unknown(reason);
  for (const key of keys) {
    if (typeof key !== 'string' && typeof key !== 'number')
      return unknownIn(key) ?? new Unknown('Fn::FindInMap key is not a string');
  }
  const [mapName, top, second] = keys.map(String) as [string, string, string];
  const map = ctx.mappings[mapName];
  if (!isRecord(map)) return fallback(`mapping ${mapName} does not exist`);
  const level = map[top];
  if (!isRecord(level)) return fallback(`mapping ${mapName} has no key ${top}`);
  if (!Object.prototype.hasOwnProperty.call(level, second))
    return fallback(`mapping ${mapName}.${top} has no key ${second}`);
  return resolveValue(level[second], ctx, depth);
}

function resolveIntrinsic(fn: string, args: unknown, ctx: CfnContext, depth: number): unknown {
  switch (fn) {
    case 'Ref':
      return resolveRef(args, ctx);
    case 'Fn::GetAtt':
      return resolveGetAtt(args, ctx, depth);
    case 'Fn::Sub':
      return resolveSub(args, ctx, depth);
    case 'Fn::Join':
      return resolveJoin(args, ctx, depth);
    case 'Fn::If': {
      if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== 'string')
        return new Unknown('malformed Fn::If');
      const condition = evaluateCondition(args[0], ctx);
      if (isUnknown(condition)) return new Unknown(`depends on condition ${args[0]}: ${condition.reason}`);
      return resolveValue(condition ? args[1] : args[2], ctx, depth);
    }
    case 'Fn::Select': {
      if (!Array.isArray(args) || args.length !== 2) return new Unknown('malformed Fn::Select');
      const index = resolveValue(args[0], ctx, depth);
      const list = resolveValue(args[1], ctx, depth);
      if (isUnknown(index)) return index;
      if (!Array.isArray(list))
        return unknownIn(list) ?? new Unknown('Fn::Select from a value that is not a list');
      const i = toIndex(index);
      if (i === undefined || i >= list.length) return new Unknown('Fn::Select index out of range');
      return list[i];
    }
    case 'Fn::Split': {
      if (!Array.isArray(args) || args.length !== 2) return new Unknown('malformed Fn::Split');
      const delimiter = resolveValue(args[0], ctx, depth);
      const source = resolveValue(args[1], ctx, depth);
      if (typeof delimiter !== 'string' || delimiter === '')
        return new Unknown('Fn::Split delimiter is not a string');
      if (typeof source !== 'string')
        return unknownIn(source) ?? new Unknown('Fn::Split of a value that is not a string');
      return source.split(delimiter);
    }
    case 'Fn::FindInMap':
      return resolveFindInMap(args, ctx, depth);
    case 'Fn::Base64':
      // Kept decoded: rules read user data as text (secrets in UserData), not as base64.
      return resolveValue(args, ctx, depth);
    case 'Fn::ImportValue':
      return new Unknown('Fn::ImportValue is resolved from another stack at deploy time');
    case 'Fn::GetAZs':
      return new Unknown('Fn::GetAZs depends on the account and region');
    case 'Fn::Cidr':
      return new Unknown('Fn::Cidr is computed at deploy time');
    case 'Fn::Transform':
      return new Unknown('Fn::Transform runs a macro at deploy time');
    case 'Fn::Length': {
      const list = resolveValue(args, ctx, depth);
      return Array.isArray(list)
        ? list.length
        : (unknownIn(list) ?? new Unknown('Fn::Length of a value that is not a list'));
    }
    case 'Fn::ToJsonString': {
      const inner = resolveValue(args, ctx, depth);
      return containsOpaque(inner, 0)
        ? new Unknown('Fn::ToJsonString of a value with unknown parts')
        : JSON.stringify(inner);
    }
    case 'Fn::Equals':
    case 'Fn::And':
    case 'Fn::Or':
    case 'Fn::Not':
      return evaluateConditionExpression({ [fn]: args }, ctx, depth);
    default:
      return new Unknown(`${fn} is not supported`);
  }
}

function containsOpaque(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return true;
  if (isUnknown(value) || isResourceRef(value) || value === NO_VALUE) return true;
  if (Array.isArray(value)) return value.some((v) => containsOpaque(v, depth + 1));
  if (isRecord(value)) return Object.values(value).some((v) => containsOpaque(v, depth + 1));
  return false;
}

/** Evaluates a named condition of the template: true, false or Unknown (with why). Cycles give Unknown. */
export function evaluateCondition(name: string, ctx: CfnContext): boolean | Unknown {
  const cached = ctx.conditionCache.get(name);
  if (cached !== undefined) return cached;
  if (ctx.conditionsInProgress.has(name)) return new Unknown(`condition ${name} refers to itself`);
  if (!Object.prototype.hasOwnProperty.call(ctx.conditions, name))
    return new Unknown(`condition ${name} is not defined`);
  ctx.conditionsInProgress.add(name);
  const result = evaluateConditionExpression(ctx.conditions[name], ctx, 0);
  ctx.conditionsInProgress.delete(name);
  ctx.conditionCache.set(name, result);
  return result;
}

function scalarForCompare(value: unknown): string | Unknown {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isUnknown(value)) return value;
  if (value === NO_VALUE) return '';
  if (isResourceRef(value)) return new Unknown('compares a resource attribute known only at deploy time');
  try {
    if (containsOpaque(value, 0)) return new Unknown('compares a value with unknown parts');
    return JSON.stringify(value);
  } catch {
    return new Unknown('compares a value that cannot be serialized');
  }
}

function evaluateConditionExpression(expr: unknown, ctx: CfnContext, depth: number): boolean | Unknown {
  if (depth > MAX_DEPTH) return new Unknown('condition nested too deeply');
  if (typeof expr === 'boolean') return expr;
  if (typeof expr === 'string' && (expr === 'true' || expr === 'false')) return expr === 'true';
  if (!isRecord(expr)) return new Unknown('malformed condition');
  const keys = Object.keys(expr);
  if (keys.length !== 1) return new Unknown('malformed condition');
  const fn = keys[0]!;
  const args = expr[fn];
  if (fn === 'Condition')
    return typeof args === 'string' ? evaluateCondition(args, ctx) : new Unknown('malformed Condition');
  if (fn === 'Fn::Equals') {
    if (!Array.isArray(args) || args.length !== 2) return new Unknown('malformed Fn::Equals');
    const a = scalarForCompare(resolveValue(args[0], ctx, depth + 1));
    const b = scalarForCompare(resolveValue(args[1], ctx, depth + 1));
    if (isUnknown(a)) return a;
    if (isUnknown(b)) return b;
    return a === b;
  }
  if (fn === 'Fn::Not') {
    const inner =
      Array.isArray(args) && args.length === 1
        ? evaluateConditionExpression(args[0], ctx, depth + 1)
        : undefined;
    if (inner === undefined) return new Unknown('malformed Fn::Not');
    return isUnknown(inner) ? inner : !inner;
  }
  if (fn === 'Fn::And' || fn === 'Fn::Or') {
    if (!Array.isArray(args) || args.length === 0) return new Unknown(`malformed ${fn}`);
    // Three-valued logic: a false operand decides And, a true one decides Or, even beside unknowns.
    const decisive = fn === 'Fn::Or';
    let firstUnknown: Unknown | undefined;
    for (const arg of args) {
      const v = evaluateConditionExpression(arg, ctx, depth + 1);
      if (isUnknown(v)) firstUnknown ??= v;
      else if (v === decisive) return decisive;
    }
    return firstUnknown ?? !decisive;
  }
  const value = resolveValue(expr, ctx, depth + 1);
  if (typeof value === 'boolean') return value;
  return unknownIn(value) ?? new Unknown(`${fn} is not a condition function`);
}
