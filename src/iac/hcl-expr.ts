/**
 * A small parser and evaluator for the HCL2 expressions hcl2json leaves as `${...}` strings.
 * It covers what security-relevant attributes use: literals, templates, references, function calls
 * from a safe subset, objects, tuples, conditionals and operators. Anything else (for expressions,
 * template directives, unsupported functions) evaluates to Unknown with the reason.
 * Recursive descent with a depth limit, so every input is parsed in linear time.
 */
import { isResourceRef, isUnknown, PartlyKnownString, ResourceRef, Unknown } from '../resources/types.js';

export type Step = { attr: string } | { index: Node } | { splat: true };

export type Node =
  | { k: 'lit'; v: unknown }
  | { k: 'tmpl'; parts: Array<string | Node> }
  | { k: 'trav'; root: string; steps: Step[] }
  | { k: 'post'; target: Node; steps: Step[] }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'tuple'; items: Node[] }
  | { k: 'object'; entries: Array<[Node, Node]> }
  | { k: 'cond'; c: Node; t: Node; f: Node }
  | { k: 'bin'; op: string; l: Node; r: Node }
  | { k: 'un'; op: string; e: Node }
  | { k: 'unsupported'; what: string };

const MAX_DEPTH = 150;

class ParseFailure extends Error {}

class Parser {
  pos = 0;
  depth = 0;
  constructor(readonly src: string) {}

  fail(msg: string): never {
    throw new ParseFailure(`${msg} at offset ${this.pos}`);
  }

  /** Skips spaces, newlines and comments. */
  ws(): void {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '#' || (c === '/' && s[this.pos + 1] === '/')) {
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl === -1 ? s.length : nl + 1;
      } else if (c === '/' && s[this.pos + 1] === '*') {
        const end = s.indexOf('*/', this.pos + 2);
        this.pos = end === -1 ? s.length : end + 2;
      } else return;
    }
  }

  peek(token: string): boolean {
    this.ws();
    return this.src.startsWith(token, this.pos);
  }

  eat(token: string): boolean {
    if (this.peek(token)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  expect(token: string): void {
    if (!this.eat(token)) this.fail(`expected '${token}'`);
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail('expression nested too deeply');
  }

  expr(): Node {
    this.enter();
    const c = this.or();
    let out = c;
    if (this.eat('?')) {
      const t = this.expr();
      this.expect(':');
      const f = this.expr();
      out = { k: 'cond', c, t, f };
    }
    this.depth--;
    return out;
  }

  binary(ops: string[], next: () => Node): Node {
    let l = next();
    for (;;) {
      this.ws();
      // Longer operators come first in `ops`; a one-character operator followed by '=' is another operator.
      const op = ops.find(
        (o) => this.src.startsWith(o, this.pos) && !(o.length === 1 && this.src[this.pos + 1] === '='),
      );
      if (!op) return l;
      this.pos += op.length;
      l = { k: 'bin', op, l, r: next() };
    }
  }

  or = (): Node => this.binary(['||'], this.and);
  and = (): Node => this.binary(['&&'], this.eq);
  eq = (): Node => this.binary(['==', '!='], this.cmp);
  cmp = (): Node => this.binary(['<=', '>=', '<', '>'], this.add);
  add = (): Node => this.binary(['+', '-'], this.mul);
  mul = (): Node => this.binary(['*', '/', '%'], this.unary);

  unary = (): Node => {
    this.ws();
    const c = this.src[this.pos];
    if (c === '!' && this.src[this.pos + 1] !== '=') {
      this.pos++;
      this.enter();
      const e = this.unary();
      this.depth--;
      return { k: 'un', op: '!', e };
    }
    if (c === '-') {
      this.pos++;
      this.enter();
      const e = this.unary();
      this.depth--;
      return { k: 'un', op: '-', e };
    }
    return this.postfix();
  };

  steps(): Step[] {
    const steps: Step[] = [];
    for (;;) {
      this.ws();
      const c = this.src[this.pos];
      if (c === '.' && this.src[this.pos + 1] !== '.') {
        this.pos++;
        this.ws();
        if (this.src[this.pos] === '*') {
          this.pos++;
          steps.push({ splat: true });
          continue;
        }
        const name = this.ident() ?? this.number();
        if (name === undefined) this.fail('expected attribute name');
        steps.push(typeof name === 'number' ? { index: { k: 'lit', v: name } } : { attr: name });
      } else if (c === '[') {
        this.pos++;
        if (this.eat('*')) {
          this.expect(']');
          steps.push({ splat: true });
          continue;
        }
        const index = this.expr();
        this.expect(']');
        steps.push({ index });
      } else return steps;
    }
  }

  postfix(): Node {
    const primary = this.primary();
    const steps = this.steps();
    if (steps.length === 0) return primary;
    if (primary.k === 'trav') return { k: 'trav', root: primary.root, steps: [...primary.steps, ...steps] };
    return { k: 'post', target: primary, steps };
  }

  ident(): string | undefined {
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos, this.pos + 256));
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  number(): number | undefined {
    const m = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.src.slice(this.pos, this.pos + 64));
    if (!m) return undefined;
    this.pos += m[0].length;
    return Number(m[0]);
  }

  primary(): Node {
    this.ws();
    const c = this.src[this.pos];
    if (c === undefined) this.fail('unexpected end of expression');
    if (c === '"') return this.quoted();
    if (c === '(') {
      this.pos++;
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (c === '[') return this.tuple();
    if (c === '{') return this.object();
    if (c === '<' && this.src[this.pos + 1] === '<') return this.heredoc();
    if (c >= '0' && c <= '9') return { k: 'lit', v: this.number() };
    const name = this.ident();
    if (name === undefined) this.fail(`unexpected '${c}'`);
    if (name === 'true' || name === 'false') return { k: 'lit', v: name === 'true' };
    if (name === 'null') return { k: 'lit', v: null };
    this.ws();
    if (this.src[this.pos] === '(') return this.call(name);
    if (this.src[this.pos] === ':' && this.src[this.pos + 1] === ':') {
      // provider::name::fn(...) provider-defined functions
      this.pos += 2;
      const rest = this.ident();
      this.eat('::');
      const fn = this.ident();
      if (fn && this.peek('(')) return this.call(`${name}::${rest}::${fn}`);
      this.fail('bad provider function');
    }
    return { k: 'trav', root: name, steps: [] };
  }

  call(name: string): Node {
    this.expect('(');
    this.enter();
    const args: Node[] = [];
    while (!this.eat(')')) {
      args.push(this.expr());
      this.eat('...');
      if (!this.eat(',')) {
        this.expect(')');
        break;
      }
    }
    this.depth--;
    return { k: 'call', name, args };
  }

  tuple(): Node {
    this.expect('[');
    this.enter();
    this.ws();
    if (/^for\s/.test(this.src.slice(this.pos, this.pos + 4))) return this.skipFor(']');
    const items: Node[] = [];
    while (!this.eat(']')) {
      items.push(this.expr());
      if (!this.eat(',')) {
        this.expect(']');
        break;
      }
    }
    this.depth--;
    return { k: 'tuple', items };
  }

  object(): Node {
    this.expect('{');
    this.enter();
    this.ws();
    if (/^for\s/.test(this.src.slice(this.pos, this.pos + 4))) return this.skipFor('}');
    const entries: Array<[Node, Node]> = [];
    while (!this.eat('}')) {
      this.ws();
      let key: Node;
      const save = this.pos;
      const bare = this.ident();
      this.ws();
      if (
        bare !== undefined &&
        (this.src[this.pos] === '=' || this.src[this.pos] === ':') &&
        this.src[this.pos + 1] !== '='
      )
        key = { k: 'lit', v: bare };
      else {
        this.pos = save;
        key = this.expr();
      }
      if (!this.eat('=') && !this.eat(':')) this.fail("expected '=' in object");
      entries.push([key, this.expr()]);
      this.eat(',');
    }
    this.depth--;
    return { k: 'object', entries };
  }

  /** `[for x in xs : f(x)]`: kept as unsupported; only its extent is found, bracket-balanced. */
  skipFor(close: string): Node {
    let level = 1;
    while (this.pos < this.src.length && level > 0) {
      const c = this.src[this.pos]!;
      if (c === '"') {
        this.quoted();
        continue;
      }
      if (c === '[' || c === '{' || c === '(') level++;
      else if (c === ']' || c === '}' || c === ')') level--;
      this.pos++;
    }
    if (level !== 0 || this.src[this.pos - 1] !== close) this.fail('unterminated for expression');
    this.depth--;
    return { k: 'unsupported', what: 'a for expression' };
  }

  heredoc(): Node {
    const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(this.src.slice(this.pos, this.pos + 260));
    if (!m) this.fail('bad heredoc');
    const start = this.pos + m[0].length;
    const marker = m[1]!;
    const re = new RegExp(`^[ \\t]*${marker}[ \\t]*$`, 'm');
    const endMatch = re.exec(this.src.slice(start));
    if (!endMatch) this.fail('unterminated heredoc');
    const body = this.src.slice(start, start + endMatch.index);
    this.pos = start + endMatch.index + endMatch[0].length;
    return parseTemplate(body);
  }

  /** A quoted template: "text ${expr} more". */
  quoted(): Node {
    this.expect('"');
    const parts: Array<string | Node> = [];
    let text = '';
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === '"') {
        this.pos++;
        if (text) parts.push(text);
        return simplifyTemplate(parts);
      }
      if (c === '\\') {
        const n = s[this.pos + 1];
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.pos + 2, this.pos + 6))) {
          text += String.fromCharCode(parseInt(s.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
          continue;
        }
        text += n !== undefined && map[n] !== undefined ? map[n] : (n ?? '');
        this.pos += 2;
        continue;
      }
      if ((c === '$' || c === '%') && s[this.pos + 1] === c && s[this.pos + 2] === '{') {
        text += `${c}{`;
        this.pos += 3;
        continue;
      }
      if (c === '$' && s[this.pos + 1] === '{') {
        if (text) parts.push(text);
        text = '';
        this.pos += 2;
        this.eat('~');
        parts.push(this.expr());
        this.eat('~');
        this.expect('}');
        continue;
      }
      if (c === '%' && s[this.pos + 1] === '{') {
        this.fail('template directive');
      }
      text += c;
      this.pos++;
    }
    this.fail('unterminated string');
  }
}

function simplifyTemplate(parts: Array<string | Node>): Node {
  if (parts.length === 0) return { k: 'lit', v: '' };
  if (parts.length === 1 && typeof parts[0] === 'string') return { k: 'lit', v: parts[0] };
  // "${expr}" alone is the expression's own value (Terraform converts types where needed).
  if (parts.length === 1) return parts[0] as Node;
  return { k: 'tmpl', parts };
}

/**
 * Parses a string as hcl2json gives it: plain text with `${expr}` interpolations (a whole-string
 * `${expr}` is that expression's value) and `%{...}` directives (unsupported).
 */
export function parseTemplate(text: string): Node {
  if (!text.includes('${') && !text.includes('%{')) return { k: 'lit', v: text };
  const parts: Array<string | Node> = [];
  let lit = '';
  let pos = 0;
  while (pos < text.length) {
    const c = text[pos]!;
    if ((c === '$' || c === '%') && text[pos + 1] === c && text[pos + 2] === '{') {
      lit += `${c}{`;
      pos += 3;
      continue;
    }
    if (c === '%' && text[pos + 1] === '{') return { k: 'unsupported', what: 'a template directive' };
    if (c === '$' && text[pos + 1] === '{') {
      if (lit) parts.push(lit);
      lit = '';
      const p = new Parser(text);
      p.pos = pos + 2;
      try {
        p.eat('~');
        parts.push(p.expr());
        p.eat('~');
        p.expect('}');
      } catch (err) {
        if (err instanceof ParseFailure)
          return { k: 'unsupported', what: `an expression that cannot be parsed (${err.message})` };
        if (err instanceof RangeError) return { k: 'unsupported', what: 'an expression nested too deeply' };
        throw err;
      }
      pos = p.pos;
      continue;
    }
    lit += c;
    pos++;
  }
  if (lit) parts.push(lit);
  return simplifyTemplate(parts);
}

/** Parses one bare expression (no `${}`), e.g. from a .tfvars value or a plan's expression. */
export function parseExpression(text: string): Node {
  const p = new Parser(text);
  try {
    const node = p.expr();
    p.ws();
    if (p.pos !== text.length) p.fail('trailing text');
    return node;
  } catch (err) {
    if (err instanceof ParseFailure)
      return { k: 'unsupported', what: `an expression that cannot be parsed (${err.message})` };
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export interface Scope {
  /** Resolves a traversal root with its steps (var.x, local.y, aws_s3_bucket.b.arn, module.m.out, ...). */
  traverse(root: string, steps: Step[], evalIndex: (n: Node) => unknown): unknown;
}

/**
 * Unknowns that stand for a specific identifier (a data source's attribute, the account id): inside a
 * string they become a `${...}` placeholder instead of making the whole string unknown.
 */
export class IdentifierUnknown extends Unknown {
  constructor(
    reason: string,
    readonly expression: string,
  ) {
    super(reason);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v) && !isResourceRef(v);

function placeholderOf(value: unknown): string | undefined {
  if (isResourceRef(value)) return `\${${value.address}${value.attribute ? `.${value.attribute}` : ''}}`;
  if (value instanceof IdentifierUnknown) return `\${${value.expression}}`;
  return undefined;
}

export function toTemplateString(value: unknown): string | Unknown {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  const ph = placeholderOf(value);
  if (ph !== undefined) return ph;
  if (isUnknown(value)) return value;
  return new Unknown('a list or object used inside a string');
}

function hasOpaque(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  if (isUnknown(value) && !(value instanceof IdentifierUnknown)) return true;
  if (Array.isArray(value)) return value.some((v) => hasOpaque(v, depth + 1));
  if (isRecord(value)) return Object.values(value).some((v) => hasOpaque(v, depth + 1));
  return false;
}

function jsonWithPlaceholders(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => placeholderOf(v) ?? v);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b) && !hasOpaque(a) && !hasOpaque(b);
  } catch {
    return false;
  }
}

function firstOpaque(values: unknown[]): Unknown | undefined {
  for (const v of values) {
    if (isUnknown(v)) return v;
    if (isResourceRef(v))
      return new Unknown(
        `depends on ${v.address}${v.attribute ? `.${v.attribute}` : ''}, known only after apply`,
      );
  }
  return undefined;
}

type Fn = (args: unknown[]) => unknown;

const str = (v: unknown): v is string => typeof v === 'string';

const FUNCTIONS: Record<string, Fn> = {
  jsonencode: ([v]) => (hasOpaque(v) ? v : jsonWithPlaceholders(v)),
  jsondecode: ([v]) => {
    if (!str(v)) return firstOpaque([v]) ?? new Unknown('jsondecode of a non-string');
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return new Unknown('jsondecode of invalid JSON');
    }
  },
  merge: (args) => {
    const out: Record<string, unknown> = {};
    for (const a of args) {
      if (a === null) continue;
      if (!isRecord(a)) return firstOpaque([a]) ?? new Unknown('merge of a non-object');
      Object.assign(out, a);
    }
    return out;
  },
  concat: (args) => {
    const out: unknown[] = [];
    for (const a of args) {
      if (!Array.isArray(a)) return firstOpaque([a]) ?? new Unknown('concat of a non-list');
      out.push(...(a as unknown[]));
    }
    return out;
  },
  flatten: ([v]) =>
    Array.isArray(v) ? v.flat(Infinity) : (firstOpaque([v]) ?? new Unknown('flatten of a non-list')),
  compact: ([v]) =>
    Array.isArray(v)
      ? v.filter((x) => x !== '' && x !== null)
      : (firstOpaque([v]) ?? new Unknown('compact of a non-list')),
  distinct: ([v]) =>
    Array.isArray(v) && !hasOpaque(v) ? [...new Set(v)] : new Unknown('distinct of an unknown list'),
  tolist: ([v]) => v,
  toset: ([v]) => v,
  tomap: ([v]) => v,
  tostring: ([v]) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v),
  tonumber: ([v]) => (str(v) && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v),
  tobool: ([v]) => (v === 'true' ? true : v === 'false' ? false : v),
  lower: ([v]) => (str(v) ? v.toLowerCase() : (firstOpaque([v]) ?? new Unknown('lower of a non-string'))),
  upper: ([v]) => (str(v) ? v.toUpperCase() : (firstOpaque([v]) ?? new Unknown('upper of a non-string'))),
  trimspace: ([v]) => (str(v) ? v.trim() : (firstOpaque([v]) ?? new Unknown('trimspace of a non-string'))),
  join: ([sep, list]) => {
    if (!str(sep) || !Array.isArray(list))
      return firstOpaque([sep, list]) ?? new Unknown('join of a non-list');
    const parts = list.map(toTemplateString);
    return firstOpaque(parts) ?? parts.join(sep);
  },
  split: ([sep, s]) =>
    str(sep) && str(s) && sep !== ''
      ? s.split(sep)
      : (firstOpaque([sep, s]) ?? new Unknown('split of a non-string')),
  length: ([v]) =>
    Array.isArray(v)
      ? v.length
      : str(v)
        ? v.length
        : isRecord(v)
          ? Object.keys(v).length
          : (firstOpaque([v]) ?? new Unknown('length of a non-collection')),
  element: ([list, i]) =>
    Array.isArray(list) && typeof i === 'number' && list.length > 0
      ? list[Math.floor(i) % list.length]
      : (firstOpaque([list, i]) ?? new Unknown('element out of range')),
  lookup: ([map, key, fallback]) => {
    if (!isRecord(map) || !str(key)) return firstOpaque([map, key]) ?? new Unknown('lookup in a non-map');
    if (Object.prototype.hasOwnProperty.call(map, key)) return map[key];
    return fallback !== undefined ? fallback : new Unknown(`lookup: no key ${key}`);
  },
  coalesce: (args) => {
    for (const a of args) {
      if (isUnknown(a) || isResourceRef(a)) return a;
      if (a !== null && a !== '') return a;
    }
    return new Unknown('coalesce of only empty values');
  },
  format: ([f, ...rest]) => {
    if (!str(f)) return firstOpaque([f]) ?? new Unknown('format of a non-string');
    let i = 0;
    let failed: Unknown | undefined;
    // Flags may hold '0' and the width starts at 1-9, so the pattern has one way to match (linear).
    const out = f.replace(/%%|%[-+# 0]*(?:[1-9]\d*)?(?:\.\d+)?[a-zA-Z]/g, (m) => {
      if (m === '%%') return '%';
      const piece = toTemplateString(rest[i++]);
      if (isUnknown(piece)) failed ??= piece;
      return isUnknown(piece) ? '' : piece;
    });
    return failed ?? out;
  },
  replace: ([s, find, rep]) =>
    str(s) && str(find) && str(rep) && !(find.startsWith('/') && find.endsWith('/'))
      ? s.split(find).join(rep)
      : (firstOpaque([s, find, rep]) ?? new Unknown('replace with a regex')),
  contains: ([list, v]) =>
    Array.isArray(list) && !hasOpaque(list) && !hasOpaque([v])
      ? list.some((x) => deepEqual(x, v))
      : new Unknown('contains on unknown values'),
  keys: ([m]) =>
    isRecord(m) ? Object.keys(m).sort() : (firstOpaque([m]) ?? new Unknown('keys of a non-map')),
  values: ([m]) =>
    isRecord(m)
      ? Object.keys(m)
          .sort()
          .map((k) => m[k])
      : (firstOpaque([m]) ?? new Unknown('values of a non-map')),
  min: (args) =>
    args.every((a) => typeof a === 'number')
      ? Math.min(...(args as number[]))
      : new Unknown('min of unknown values'),
  max: (args) =>
    args.every((a) => typeof a === 'number')
      ? Math.max(...(args as number[]))
      : new Unknown('max of unknown values'),
  base64encode: ([v]) => v,
  // try/can evaluate lazily in evalNode; listed so they count as known functions.
  try: () => undefined,
  can: () => undefined,
};

const UNKNOWABLE_FUNCTIONS = new Set([
  'file',
  'templatefile',
  'filebase64',
  'fileexists',
  'timestamp',
  'uuid',
  'bcrypt',
  'fileset',
  'filemd5',
  'filesha256',
  'abspath',
]);

export function evalNode(node: Node, scope: Scope, depth = 0): unknown {
  if (depth > MAX_DEPTH) return new Unknown('expression nested too deeply');
  const ev = (n: Node): unknown => evalNode(n, scope, depth + 1);
  switch (node.k) {
    case 'lit':
      return node.v;
    case 'unsupported':
      return new Unknown(`uses ${node.what}`);
    case 'tmpl': {
      let out = '';
      let firstUnknown: Unknown | undefined;
      const literalParts: string[] = [];
      for (const part of node.parts) {
        if (typeof part === 'string') {
          out += part;
          continue;
        }
        const piece = toTemplateString(ev(part));
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
        // The text around the unknown parts is kept for rules that read it (secrets in user data).
        return literalParts.some((p) => p !== '')
          ? new PartlyKnownString(firstUnknown.reason, literalParts)
          : firstUnknown;
      }
      return out;
    }
    case 'trav':
      return scope.traverse(node.root, node.steps, ev);
    case 'post':
      return applySteps(ev(node.target), node.steps, ev);
    case 'tuple':
      return node.items.map(ev);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [kNode, vNode] of node.entries) {
        // A bare name as key is the name itself; a parenthesised or other expression is evaluated.
        const key = kNode.k === 'trav' && kNode.steps.length === 0 ? kNode.root : ev(kNode);
        if (typeof key !== 'string' && typeof key !== 'number')
          return new Unknown('object key cannot be known');
        out[String(key)] = ev(vNode);
      }
      return out;
    }
    case 'cond': {
      const c = ev(node.c);
      if (c === true || c === false) return ev(c ? node.t : node.f);
      const t = ev(node.t);
      const f = ev(node.f);
      if (deepEqual(t, f)) return t;
      return firstOpaque([c]) ?? new Unknown('condition is not a boolean');
    }
    case 'un': {
      const v = ev(node.e);
      if (node.op === '!')
        return typeof v === 'boolean' ? !v : (firstOpaque([v]) ?? new Unknown('! of a non-boolean'));
      return typeof v === 'number' ? -v : (firstOpaque([v]) ?? new Unknown('- of a non-number'));
    }
    case 'bin':
      return evalBinary(node.op, ev(node.l), () => ev(node.r));
    case 'call': {
      if (node.name === 'try') {
        for (const a of node.args) {
          const v = ev(a);
          if (!isUnknown(v)) return v;
        }
        return new Unknown('try: no argument could be evaluated');
      }
      if (node.name === 'can') return new Unknown('can() depends on evaluation errors');
      if (UNKNOWABLE_FUNCTIONS.has(node.name))
        return new Unknown(`${node.name}() reads files or state outside the configuration`);
      const fn = FUNCTIONS[node.name];
      if (!fn) return new Unknown(`function ${node.name}() is not evaluated`);
      return fn(node.args.map(ev));
    }
  }
}

function evalBinary(op: string, l: unknown, rThunk: () => unknown): unknown {
  if (op === '&&' || op === '||') {
    const decisive = op === '||';
    if (l === decisive) return decisive;
    const r = rThunk();
    if (r === decisive) return decisive;
    if (typeof l === 'boolean' && typeof r === 'boolean') return !decisive;
    return firstOpaque([l, r]) ?? new Unknown(`${op} of non-booleans`);
  }
  const r = rThunk();
  if (op === '==' || op === '!=') {
    if (
      hasOpaque([l, r]) ||
      isResourceRef(l) ||
      isResourceRef(r) ||
      l instanceof IdentifierUnknown ||
      r instanceof IdentifierUnknown
    )
      return firstOpaque([l, r]) ?? new Unknown('comparison of unknown values');
    const eq = deepEqual(l, r);
    return op === '==' ? eq : !eq;
  }
  if (typeof l !== 'number' || typeof r !== 'number')
    return firstOpaque([l, r]) ?? new Unknown(`${op} of non-numbers`);
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return r === 0 ? new Unknown('division by zero') : l / r;
    case '%':
      return r === 0 ? new Unknown('modulo by zero') : l % r;
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    case '>=':
      return l >= r;
    default:
      return new Unknown(`operator ${op}`);
  }
}

/** Applies attribute/index/splat steps to a plain value. A ResourceRef keeps the path as its attribute. */
export function applySteps(value: unknown, steps: Step[], ev: (n: Node) => unknown): unknown {
  let v = value;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (isUnknown(v)) return v;
    if (isResourceRef(v)) {
      const rest = steps
        .slice(i)
        .map((s) => ('attr' in s ? s.attr : 'splat' in s ? '*' : String(ev(s.index))))
        .join('.');
      return new ResourceRef(v.address, v.attribute ? `${v.attribute}.${rest}` : rest);
    }
    if ('splat' in step) {
      if (v === null || v === undefined) return [];
      const list = Array.isArray(v) ? v : [v];
      const rest = steps.slice(i + 1);
      return list.map((item) => applySteps(item, rest, ev));
    }
    const key = 'attr' in step ? step.attr : ev(step.index);
    if (isUnknown(key)) return key;
    if (Array.isArray(v)) {
      if (typeof key !== 'number') return new Unknown(`index ${String(key)} of a list`);
      v = v[key];
      if (v === undefined) return new Unknown(`index ${key} out of range`);
    } else if (isRecord(v)) {
      if (typeof key !== 'string' && typeof key !== 'number') return new Unknown('key cannot be known');
      if (!Object.prototype.hasOwnProperty.call(v, String(key)))
        return new Unknown(`no attribute ${String(key)}`);
      v = v[String(key)];
    } else return new Unknown(`cannot read ${String(key)} of ${v === null ? 'null' : typeof v}`);
  }
  return v;
}
