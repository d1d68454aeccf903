import { describe, expect, it } from 'vitest';
import {
  bucketSettings,
  kmsKeyKind,
  policiesOfRole,
  roleOf,
  typeOfAddress,
} from '../../src/resources/index.js';
import { isUnknown, ResourceRef } from '../../src/resources/types.js';
import { loadText } from '../helpers/evaluate.js';

describe('policiesOfRole', () => {
  it('gathers CloudFormation inline, managed and attached policies', async () => {
    const graph = await loadText(
      `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: nb-role
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonSageMakerFullAccess
        - !Ref Custom
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Statement:
              Effect: Allow
              Action: s3:GetObject
              Resource: !Sub '\${Bucket.Arn}/*'
  Custom:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{ Effect: Allow, Action: ['kms:Decrypt'], Resource: '*' }]
  Extra:
    Type: AWS::IAM::Policy
    Properties:
      Roles: [!Ref Role]
      PolicyDocument:
        Statement: [{ Effect: Allow, Action: 'bedrock:*', Resource: '*' }]
  Unrelated:
    Type: AWS::IAM::Policy
    Properties:
      Roles: [other-role]
      PolicyDocument:
        Statement: [{ Effect: Allow, Action: '*', Resource: '*' }]
  Bucket:
    Type: AWS::S3::Bucket
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      RoleArn: !GetAtt Role.Arn
`,
      'cloudformation',
    );
    const role = roleOf(
      graph.byAddress('AWS::SageMaker::NotebookInstance.Notebook')!.properties['RoleArn'],
      graph,
    )!;
    expect(role.address).toBe('AWS::IAM::Role.Role');
    const policies = policiesOfRole(role, graph);
    expect(policies.map((p) => [p.kind, p.name])).toEqual([
      ['inline', 'inline'],
      ['aws-managed', 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess'],
      ['customer-managed', 'AWS::IAM::ManagedPolicy.Custom'],
      ['inline', 'AWS::IAM::Policy.Extra'],
    ]);
    expect(policies[0]!.document).toEqual({
      Version: undefined,
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['${Bucket.Arn}/*'] }],
    });
    expect(policies[3]!.document).toMatchObject({ Statement: [{ Action: ['bedrock:*'], Resource: ['*'] }] });
  });

  it('gathers Terraform role policies, attachments and policy documents', async () => {
    const graph = await loadText(
      `resource "aws_iam_role" "r" {
  name = "r"
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}
resource "aws_iam_role_policy" "inline" {
  role   = aws_iam_role.r.id
  policy = data.aws_iam_policy_document.d.json
}
data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:*"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "p" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "kms:*", Resource = var.unknown_arn }] })
}
variable "unknown_arn" {}
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.r.name
  policy_arn = aws_iam_policy.p.arn
}
`,
      'terraform',
    );
    const policies = policiesOfRole(graph.byAddress('aws_iam_role.r')!, graph);
    expect(policies.map((p) => [p.kind, p.name])).toEqual([
      ['aws-managed', 'arn:aws:iam::aws:policy/AdministratorAccess'],
      ['inline', 'aws_iam_role_policy.inline'],
      ['customer-managed', 'aws_iam_policy.p'],
    ]);
    expect(policies[1]!.document).toMatchObject({
      Statement: [{ Effect: 'Allow', Action: ['s3:*'], Resource: ['*'] }],
    });
    const custom = policies[2]!.document as { Statement: Array<{ Resource: unknown[] }> };
    expect(custom.Statement[0]!.Resource).toHaveLength(1);
    expect(isUnknown(custom.Statement[0]!.Resource[0])).toBe(true);
  });
});

describe('bucketSettings', () => {
  it('reads CloudFormation bucket settings and bucket policies', async () => {
    const graph = await loadText(
      `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: Enabled }
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: !Ref K }
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }
  K:
    Type: AWS::KMS::Key
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Statement: [{ Effect: Deny, Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false } } }]
`,
      'cloudformation',
    );
    const s = bucketSettings(graph.byAddress('AWS::S3::Bucket.B')!, graph);
    expect(s.versioning?.value).toBe('Enabled');
    expect(s.encryption?.value).toEqual({
      algorithm: 'aws:kms',
      kmsKeyId: new ResourceRef('AWS::KMS::Key.K'),
      bucketKeyEnabled: undefined,
    });
    expect(s.publicAccessBlock?.value.blockPublicPolicy).toBe(true);
    expect(s.policies).toHaveLength(1);
    expect(s.policies[0]!.from.address).toBe('AWS::S3::BucketPolicy.P');
  });

  it('joins Terraform v4 split resources by reference and by name', async () => {
    const graph = await loadText(
      `resource "aws_s3_bucket" "b" { bucket = "logs" }
resource "aws_s3_bucket_versioning" "v" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
  bucket = "logs"
  rule {
    apply_server_side_encryption_by_default { sse_algorithm = "AES256" }
  }
}
resource "aws_s3_bucket_logging" "l" {
  bucket        = aws_s3_bucket.b.id
  target_bucket = "elsewhere"
}
resource "aws_s3_bucket_public_access_block" "other" {
  bucket            = var.other
  block_public_acls = true
}
variable "other" {}
`,
      'terraform',
    );
    const s = bucketSettings(graph.byAddress('aws_s3_bucket.b')!, graph);
    expect(s.versioning).toMatchObject({ value: 'Enabled', from: { address: 'aws_s3_bucket_versioning.v' } });
    expect(s.encryption?.value.algorithm).toBe('AES256');
    expect(s.logging?.value.targetBucket).toBe('elsewhere');
    expect(s.publicAccessBlock).toBeUndefined();
    expect(s.undecided.map((r) => r.address)).toEqual(['aws_s3_bucket_public_access_block.other']);
  });
});

describe('references to resources outside the scanned files', () => {
  it('stay references, so their type still tells a customer key from anything else', async () => {
    const graph = await loadText(
      `resource "aws_sagemaker_notebook_instance" "nb" {
  kms_key_id = aws_kms_key.shared.arn
  role_arn   = aws_iam_role.shared.arn
  subnet_id  = not_a_resource.x
}
`,
      'terraform',
    );
    const nb = graph.byAddress('aws_sagemaker_notebook_instance.nb')!;
    expect(nb.properties['kms_key_id']).toEqual(new ResourceRef('aws_kms_key.shared', 'arn'));
    expect(graph.deref(nb.properties['kms_key_id'])).toBeUndefined();
    expect(kmsKeyKind(nb.properties['kms_key_id'], graph)).toBe('customer-managed');
    expect(isUnknown(kmsKeyKind(nb.properties['role_arn'], graph))).toBe(true);
    expect(isUnknown(nb.properties['subnet_id'])).toBe(true);
  });

  it('typeOfAddress reads the type from CloudFormation and Terraform addresses', () => {
    expect(typeOfAddress('AWS::KMS::Key.Key1')).toBe('AWS::KMS::Key');
    expect(typeOfAddress('module.a.module.b.aws_kms_key.k')).toBe('aws_kms_key');
    expect(typeOfAddress('aws_kms_key.k[0]')).toBe('aws_kms_key');
  });
});
