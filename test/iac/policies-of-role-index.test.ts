import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  designatesResource,
  policiesOfRole,
  ResourceRef,
  type Resource,
  type ResourceGraph,
} from '../../src/resources/index.js';

/** Role-policy types whose policies name the attachment itself as their source, in the order iam.ts lists them. */
const ATTACHMENT_TYPES = [
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'aws_iam_role_policy',
];

const resource = (type: string, name: string, properties: Record<string, unknown>): Resource => ({
  address: `${type}.${name}`,
  type,
  name,
  source: type.startsWith('AWS::') ? 'cloudformation' : 'terraform',
  file: 'main',
  line: 1,
  properties,
  suppressions: [],
});

/** The attachments policiesOfRole reported before it was indexed: every role-policy resource tried against the role. */
function attachmentsByScan(role: Resource, graph: ResourceGraph): string[] {
  const p = role.properties;
  const names = [p['RoleName'], p['name'], role.name];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of [...graph.referrers(role), ...graph.byType(...ATTACHMENT_TYPES)]) {
    if (seen.has(a.address) || !ATTACHMENT_TYPES.includes(a.type)) continue;
    seen.add(a.address);
    const fields = [a.properties['Roles'], a.properties['RoleName'], a.properties['role']].flatMap((v) =>
      v === undefined ? [] : Array.isArray(v) ? v : [v],
    );
    if (fields.some((v) => designatesResource(v, role, names))) out.push(a.address);
  }
  return out;
}

const attachmentsOf = (role: Resource, graph: ResourceGraph): string[] =>
  policiesOfRole(role, graph)
    .filter((p) => p.source !== role)
    .map((p) => p.source.address);

const ROLE_NAMES = ['a', 'b', 'svc/b', 'c'];

/** Role fields as templates write them: a reference, a name, an ARN with a path, or something else. */
const roleField = fc.oneof(
  fc.integer({ min: 0, max: 3 }).map((i) => new ResourceRef(`AWS::IAM::Role.R${i}`)),
  fc.constantFrom(...ROLE_NAMES),
  fc.constantFrom(...ROLE_NAMES).map((n) => `arn:aws:iam::123456789012:role/path/${n}`),
  fc.constantFrom('', 'other', 'x/', '/'),
);

const graphArb = fc
  .tuple(
    fc.array(fc.constantFrom(...ROLE_NAMES, undefined), { minLength: 1, maxLength: 4 }),
    fc.array(
      fc.record({
        type: fc.constantFrom(...ATTACHMENT_TYPES),
        field: fc.constantFrom('Roles', 'RoleName', 'role'),
        values: fc.array(roleField, { minLength: 1, maxLength: 3 }),
      }),
      { maxLength: 8 },
    ),
  )
  .map(([roleNames, attachments]) => {
    const roles = roleNames.map((n, i) =>
      resource('AWS::IAM::Role', `R${i}`, n === undefined ? {} : { RoleName: n }),
    );
    const policies = attachments.map((a, i) =>
      resource(a.type, `P${i}`, { [a.field]: a.field === 'Roles' ? a.values : a.values[0] }),
    );
    // Interleaved so the order of referrers (graph order) and of byType (type order) differ.
    return { roles, graph: buildGraph([...policies.slice(0, 3), ...roles, ...policies.slice(3)]) };
  });

describe('policiesOfRole attachment index', () => {
  it('finds the same attachments, in the same order, as trying every role-policy resource', () => {
    fc.assert(
      fc.property(graphArb, ({ roles, graph }) => {
        for (const role of roles) expect(attachmentsOf(role, graph)).toEqual(attachmentsByScan(role, graph));
      }),
      { numRuns: 300 },
    );
  });

  it('matches roles by reference, name and ARN among many roles', () => {
    const roles = Array.from({ length: 200 }, (_, i) =>
      resource('aws_iam_role', `r${i}`, { name: `role-${i}` }),
    );
    const policies = roles.flatMap((r, i) => [
      resource('aws_iam_role_policy', `byref${i}`, { role: new ResourceRef(r.address) }),
      resource('AWS::IAM::Policy', `byarn${i}`, {
        Roles: [`arn:aws:iam::123456789012:role/team/role-${i}`],
      }),
    ]);
    const graph = buildGraph([...roles, ...policies]);
    expect(attachmentsOf(roles[17]!, graph)).toEqual([
      'aws_iam_role_policy.byref17',
      'AWS::IAM::Policy.byarn17',
    ]);
    // `role-1` must not pick up `role-17` or `role-100`: names match whole segments.
    expect(attachmentsOf(roles[1]!, graph)).toEqual([
      'aws_iam_role_policy.byref1',
      'AWS::IAM::Policy.byarn1',
    ]);
  });
});
