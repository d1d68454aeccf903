import {
  asArray,
  getPath,
  isResourceRef,
  isUnknown,
  Unknown,
  type Resource,
  type ResourceGraph,
} from '../../resources/index.js';

/** One ingress permission, from a security group's inline rules or a separate rule resource. */
export interface IngressPermission {
  /** Where it is written: the group itself or the separate rule resource's address. */
  origin: string;
  protocol: string | Unknown;
  fromPort: number | Unknown | undefined;
  toPort: number | Unknown | undefined;
  cidrs: Array<string | Unknown>;
}

export const SECURITY_GROUP_TYPES = {
  cloudformation: ['AWS::EC2::SecurityGroup'],
  terraform: ['aws_security_group'],
};
/** Ingress rules declared apart from their security group. */
export const STANDALONE_INGRESS_TYPES = {
  cloudformation: ['AWS::EC2::SecurityGroupIngress'],
  terraform: ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'],
};

const WORLD = new Set(['0.0.0.0/0', '::/0']);

function port(value: unknown): number | Unknown | undefined {
  if (isUnknown(value)) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  if (value === undefined || value === null) return undefined;
  return new Unknown('port is not a number');
}

function texts(value: unknown): Array<string | Unknown> {
  if (isUnknown(value)) return [value];
  // A reference (a VPC's or subnet's CIDR block) names a specific network, never the whole internet.
  return asArray(value).map((v) =>
    typeof v === 'string'
      ? v
      : isUnknown(v)
        ? v
        : isResourceRef(v)
          ? `ref:${v.address}`
          : new Unknown('CIDR is not a string'),
  );
}

function protocolOf(value: unknown): string | Unknown {
  if (isUnknown(value)) return value;
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value.toLowerCase() : '-1';
}

function fromCloudFormation(origin: string, rule: unknown): IngressPermission {
  return {
    origin,
    protocol: protocolOf(getPath(rule, 'IpProtocol')),
    fromPort: port(getPath(rule, 'FromPort')),
    toPort: port(getPath(rule, 'ToPort')),
    cidrs: [...texts(getPath(rule, 'CidrIp')), ...texts(getPath(rule, 'CidrIpv6'))],
  };
}

function fromTerraform(origin: string, rule: unknown): IngressPermission {
  return {
    origin,
    protocol: protocolOf(getPath(rule, 'protocol') ?? getPath(rule, 'ip_protocol')),
    fromPort: port(getPath(rule, 'from_port')),
    toPort: port(getPath(rule, 'to_port')),
    cidrs: [
      ...texts(getPath(rule, 'cidr_blocks')),
      ...texts(getPath(rule, 'ipv6_cidr_blocks')),
      ...texts(getPath(rule, 'cidr_ipv4')),
      ...texts(getPath(rule, 'cidr_ipv6')),
    ],
  };
}

function pointsAt(value: unknown, group: Resource): boolean {
  return isResourceRef(value) && value.address === group.address;
}

/** Every ingress permission of a security group: inline and from separate rule resources that reference it. */
export function ingressPermissions(group: Resource, graph: ResourceGraph): IngressPermission[] {
  const cfn = group.source === 'cloudformation' || group.source === 'cdk';
  const permissions: IngressPermission[] = [];
  if (cfn) {
    const inline = group.properties['SecurityGroupIngress'];
    if (isUnknown(inline))
      permissions.push({
        origin: group.address,
        protocol: inline,
        fromPort: inline,
        toPort: inline,
        cidrs: [inline],
      });
    else for (const rule of asArray(inline)) permissions.push(fromCloudFormation(group.address, rule));
  } else {
    for (const rule of asArray(group.properties['ingress']))
      permissions.push(fromTerraform(group.address, rule));
  }
  for (const r of graph.referrers(group)) {
    if (r.type === 'AWS::EC2::SecurityGroupIngress' && pointsAt(r.properties['GroupId'], group)) {
      permissions.push(fromCloudFormation(r.address, r.properties));
    } else if (
      r.type === 'aws_security_group_rule' &&
      r.properties['type'] === 'ingress' &&
      pointsAt(r.properties['security_group_id'], group)
    ) {
      permissions.push(fromTerraform(r.address, r.properties));
    } else if (
      r.type === 'aws_vpc_security_group_ingress_rule' &&
      pointsAt(r.properties['security_group_id'], group)
    ) {
      permissions.push(fromTerraform(r.address, r.properties));
    }
  }
  return permissions;
}

/**
 * A standalone ingress rule on its own: undefined when it is not ingress, and `group` set when its
 * security group is scanned (the rule is then judged with the group).
 */
export function standalonePermission(
  rule: Resource,
  graph: ResourceGraph,
): { permission?: IngressPermission; group?: Resource } {
  if (rule.type === 'aws_security_group_rule' && rule.properties['type'] !== 'ingress') return {};
  const groupValue = rule.properties['GroupId'] ?? rule.properties['security_group_id'];
  const group = graph.deref(groupValue);
  if (
    group &&
    (SECURITY_GROUP_TYPES.cloudformation.includes(group.type) ||
      SECURITY_GROUP_TYPES.terraform.includes(group.type))
  )
    return { group };
  const cfn = rule.source === 'cloudformation' || rule.source === 'cdk';
  return {
    permission: cfn
      ? fromCloudFormation(rule.address, rule.properties)
      : fromTerraform(rule.address, rule.properties),
  };
}

/** true when the permission admits the whole internet; Unknown when a CIDR cannot be resolved. */
export function opensToWorld(permission: IngressPermission): boolean | Unknown {
  let undecided: Unknown | undefined;
  for (const cidr of permission.cidrs) {
    if (isUnknown(cidr)) undecided ??= cidr;
    else if (WORLD.has(cidr.trim())) return true;
  }
  return undecided ?? false;
}

/** A readable port range: `all ports`, `tcp/22`, `tcp/8000-8080`. */
export function describePorts(permission: IngressPermission): string {
  const { protocol, fromPort, toPort } = permission;
  if (isUnknown(protocol)) return 'unresolved protocol';
  if (protocol === '-1' || protocol === 'all') return 'all ports';
  const from = isUnknown(fromPort) ? '?' : fromPort;
  const to = isUnknown(toPort) ? '?' : toPort;
  if (from === undefined && to === undefined) return `${protocol}/all`;
  return from === to ? `${protocol}/${String(from)}` : `${protocol}/${String(from)}-${String(to)}`;
}

/** true when the permission's ports are exactly 80 or exactly 443 over TCP (web traffic a public endpoint may take). */
export function isWebOnly(permission: IngressPermission): boolean | Unknown {
  const { protocol, fromPort, toPort } = permission;
  if (isUnknown(protocol)) return protocol;
  if (protocol !== 'tcp' && protocol !== '6') return false;
  if (isUnknown(fromPort)) return fromPort;
  if (isUnknown(toPort)) return toPort;
  return fromPort === toPort && (fromPort === 80 || fromPort === 443);
}

export function isIcmp(permission: IngressPermission): boolean {
  return (
    permission.protocol === 'icmp' ||
    permission.protocol === '1' ||
    permission.protocol === 'icmpv6' ||
    permission.protocol === '58'
  );
}
