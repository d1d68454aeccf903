/**
 * The normalized resource model. Every loader (CloudFormation, Terraform .tf, Terraform plan, CDK,
 * and later live AWS) produces Resources; every rule reads only Resources.
 *
 * Property values keep the native shape of their source (CloudFormation PascalCase objects,
 * Terraform snake_case attributes where nested blocks are arrays of objects) with intrinsics and
 * references already resolved as far as is statically possible. What cannot be known is an `Unknown`;
 * a reference to another resource is a `ResourceRef`.
 */
export type SourceFormat = 'cloudformation' | 'terraform' | 'terraform-plan' | 'cdk' | 'live';

/** A value that cannot be known statically (import, unresolved variable, unevaluated condition). */
export class Unknown {
  constructor(readonly reason: string) {}
  toString(): string {
    return `<unknown: ${this.reason}>`;
  }
}

/**
 * A string built around parts that cannot be known statically (`!Sub 'x=${NoDefaultParam}'`,
 * `"x=${var.unset}"`): unknown as a whole, but its literal text is kept for rules that read text
 * (hard-coded secrets in user data). `literalParts` are the runs of text between the unknown parts.
 */
export class PartlyKnownString extends Unknown {
  constructor(
    reason: string,
    readonly literalParts: readonly string[],
  ) {
    super(reason);
  }
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/**
 * A reference to another resource in the same graph: CloudFormation `!Ref X` / `!GetAtt X.Arn`,
 * Terraform `aws_kms_key.x.arn`. `address` is the target's Resource.address.
 */
export class ResourceRef {
  constructor(
    readonly address: string,
    readonly attribute?: string,
  ) {}
  toString(): string {
    return `<ref ${this.address}${this.attribute ? `.${this.attribute}` : ''}>`;
  }
}

export function isResourceRef(value: unknown): value is ResourceRef {
  return value instanceof ResourceRef;
}

/** A rule skipped on a resource, with where the skip came from. */
export interface Suppression {
  ruleId: string;
  reason?: string;
  /** aigis comment or metadata, checkov:skip, or cdk-nag metadata (matched through a rule's equivalents). */
  origin: 'aigis' | 'checkov' | 'cdk-nag' | 'baseline';
}

export interface Resource {
  /** Checkov-style address: `AWS::S3::Bucket.Data`, `aws_s3_bucket.data`, `module.m.aws_s3_bucket.data`. */
  address: string;
  /** The native type: `AWS::SageMaker::NotebookInstance` or `aws_sagemaker_notebook_instance`. */
  type: string;
  /** Logical id (CloudFormation) or resource name (Terraform). */
  name: string;
  source: SourceFormat;
  file: string;
  /** 1-based line of the resource's declaration in `file`. */
  line: number;
  properties: Record<string, unknown>;
  /** Terraform module path (`module.a.module.b`) or undefined at the root. */
  module?: string;
  suppressions: Suppression[];
  /** Set when the resource is created only under a condition that could not be evaluated. */
  condition?: Unknown;
}

/** All resources loaded from one scan, with lookups the rules need to follow references. */
export interface ResourceGraph {
  readonly resources: readonly Resource[];
  byAddress(address: string): Resource | undefined;
  byType(...types: string[]): Resource[];
  /** Follows a ResourceRef to its target; undefined for anything else or a dangling ref. */
  deref(value: unknown): Resource | undefined;
  /** Resources whose properties reference `target` anywhere (e.g. policies attached to a role). */
  referrers(target: Resource): Resource[];
}
