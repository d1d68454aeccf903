import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Unknown } from '../../../src/resources/types.js';
import {
  describePorts,
  isWebOnly,
  opensToWorld,
  type IngressPermission,
} from '../../../src/rules/ec2/security-group-ingress.js';

const permission = (over: Partial<IngressPermission>): IngressPermission => ({
  origin: 'sg',
  protocol: 'tcp',
  fromPort: 443,
  toPort: 443,
  cidrs: ['0.0.0.0/0'],
  ...over,
});

describe('security group ingress helpers', () => {
  it('only exact tcp/80 or tcp/443 counts as web traffic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }), (from, to) => {
        const web = isWebOnly(permission({ fromPort: from, toPort: to }));
        expect(web).toBe(from === to && (from === 80 || from === 443));
      }),
    );
    expect(isWebOnly(permission({ protocol: '-1' }))).toBe(false);
    expect(isWebOnly(permission({ protocol: 'udp' }))).toBe(false);
  });

  it('finds the internet among other CIDRs and reports unresolved ones as unknown', () => {
    expect(opensToWorld(permission({ cidrs: ['10.0.0.0/8', ' ::/0 '] }))).toBe(true);
    expect(opensToWorld(permission({ cidrs: ['10.0.0.0/8', '192.168.0.0/16'] }))).toBe(false);
    expect(opensToWorld(permission({ cidrs: [new Unknown('var.cidr')] }))).toBeInstanceOf(Unknown);
    // A definite internet CIDR decides even when another entry is unresolved.
    expect(opensToWorld(permission({ cidrs: [new Unknown('var.cidr'), '0.0.0.0/0'] }))).toBe(true);
  });

  it('describes port ranges for messages', () => {
    expect(describePorts(permission({ protocol: '-1', fromPort: 0, toPort: 0 }))).toBe('all ports');
    expect(describePorts(permission({ fromPort: 22, toPort: 22 }))).toBe('tcp/22');
    expect(describePorts(permission({ fromPort: 8000, toPort: 8080 }))).toBe('tcp/8000-8080');
  });
});
