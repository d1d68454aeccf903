import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTerraformFiles } from '../../src/iac/terraform.js';
import { isUnknown, ResourceRef, type Resource } from '../../src/resources/types.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aigis-tf-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function load(
  files: Record<string, string>,
  root = '.',
): Promise<{ resources: Resource[]; warnings: string[]; errors: string[] }> {
  const dir = tree(files);
  const tf = Object.entries(files)
    .filter(([n]) => n.endsWith('.tf') && join(n, '..') === root)
    .map(([n, text]) => ({ file: join(dir, n), text }));
  const result = await loadTerraformFiles(tf);
  return {
    resources: result.resources,
    warnings: result.warnings.map((w) => w.message),
    errors: (result.errors ?? []).map((e) => `${e.line ?? ''}: ${e.message}`),
  };
}

const byAddress = (rs: Resource[], address: string): Resource => {
  const r = rs.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address} in ${rs.map((x) => x.address).join(', ')}`);
  return r;
};

const MAIN = `variable "env" {
  type    = string
  default = "prod"
}

variable "no_default" {}

locals {
  name   = "\${var.env}-data"
  tags   = { Env = var.env }
  upper  = upper(local.name)
}

resource "aws_kms_key" "k" {
  enable_key_rotation = true
}

resource "aws_s3_bucket" "data" {
  bucket = local.name
  tags   = merge(local.tags, { Team = "ml" })

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        kms_master_key_id = aws_kms_key.k.arn
        sse_algorithm     = "aws:kms"
      }
    }
  }
}

resource "aws_s3_bucket" "disabled" {
  count  = var.env == "prod" ? 0 : 1
  bucket = "off"
}

resource "aws_s3_bucket" "maybe" {
  count  = var.no_default ? 1 : 0
  bucket = "maybe"
}

resource "aws_iam_role_policy" "p" {
  role   = aws_iam_role.r.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "\${aws_s3_bucket.data.arn}/*" }]
  })
  opaque = var.no_default
  name   = local.upper
  joined = join("-", ["a", var.env])
  cond   = var.env == "prod" ? "yes" : "no"
  looped = [for s in ["a"] : s]
}

resource "aws_iam_role" "r" {
  name = "r"
}

resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = [22, 443]
    content {
      from_port   = ingress.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
  dynamic "egress" {
    for_each = var.no_default
    content {
      from_port = egress.value
    }
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["sagemaker.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "from_doc" {
  assume_role_policy = data.aws_iam_policy_document.assume.json
}
`;

describe('Terraform loader', async () => {
  const { resources } = await load({ 'main.tf': MAIN });

  it('addresses resources and finds their declaration lines', () => {
    const data = byAddress(resources, 'aws_s3_bucket.data');
    expect(data.type).toBe('aws_s3_bucket');
    expect(data.name).toBe('data');
    expect(data.source).toBe('terraform');
    expect(data.line).toBe(MAIN.split('\n').indexOf('resource "aws_s3_bucket" "data" {') + 1);
  });

  it('resolves variables, locals and functions', () => {
    const data = byAddress(resources, 'aws_s3_bucket.data');
    expect(data.properties['bucket']).toBe('prod-data');
    expect(data.properties['tags']).toEqual({ Env: 'prod', Team: 'ml' });
    const p = byAddress(resources, 'aws_iam_role_policy.p').properties;
    expect(p['name']).toBe('PROD-DATA');
    expect(p['joined']).toBe('a-prod');
    expect(p['cond']).toBe('yes');
    expect(isUnknown(p['opaque'])).toBe(true);
    expect(isUnknown(p['looped'])).toBe(true);
  });

  it('turns references into ResourceRefs and jsonencode into JSON with placeholders', () => {
    const data = byAddress(resources, 'aws_s3_bucket.data');
    const rule = (
      data.properties['server_side_encryption_configuration'] as Array<Record<string, unknown>>
    )[0]!['rule'] as Array<Record<string, unknown>>;
    const sse = (rule[0]!['apply_server_side_encryption_by_default'] as Array<Record<string, unknown>>)[0]!;
    expect(sse['kms_master_key_id']).toEqual(new ResourceRef('aws_kms_key.k', 'arn'));
    const p = byAddress(resources, 'aws_iam_role_policy.p').properties;
    expect(p['role']).toEqual(new ResourceRef('aws_iam_role.r', 'id'));
    expect(JSON.parse(p['policy'] as string)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '${aws_s3_bucket.data.arn}/*' }],
    });
  });

  it('drops count = 0 resources and marks unknowable counts', () => {
    expect(resources.some((r) => r.address === 'aws_s3_bucket.disabled')).toBe(false);
    expect(isUnknown(byAddress(resources, 'aws_s3_bucket.maybe').condition)).toBe(true);
  });

  it('expands dynamic blocks with a known for_each and marks unknown ones', () => {
    const sg = byAddress(resources, 'aws_security_group.sg').properties;
    expect(sg['ingress']).toEqual([
      { from_port: 22, cidr_blocks: ['0.0.0.0/0'] },
      { from_port: 443, cidr_blocks: ['0.0.0.0/0'] },
    ]);
    expect(isUnknown(sg['egress'])).toBe(true);
  });

  it('renders aws_iam_policy_document data sources as policy JSON', () => {
    const doc = JSON.parse(
      byAddress(resources, 'aws_iam_role.from_doc').properties['assume_role_policy'] as string,
    );
    expect(doc.Statement).toEqual([
      { Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: ['sagemaker.amazonaws.com'] } },
    ]);
  });
});

describe('Terraform modules, tfvars and suppressions', async () => {
  const files = {
    'main.tf': `module "store" {
  source = "./modules/store"
  name   = "\${var.prefix}-store"
}

module "remote" {
  source = "terraform-aws-modules/s3-bucket/aws"
}

variable "prefix" {}

resource "aws_sagemaker_notebook_instance" "nb" {
  # aigis:skip=sagemaker_notebook_root_access_disabled lab machine
  # checkov:skip=CKV_AWS_122
  root_access = "Enabled"
  kms_key_id  = module.store.key_arn
}
`,
    'terraform.tfvars': 'prefix = "acme"\n',
    'modules/store/main.tf': `variable "name" {}
resource "aws_kms_key" "key" {}
resource "aws_s3_bucket" "b" {
  bucket = var.name
}
output "key_arn" {
  value = aws_kms_key.key.arn
}
`,
  };
  const { resources, warnings } = await load(files);

  it('loads local modules with inputs and prefixed addresses', () => {
    const b = byAddress(resources, 'module.store.aws_s3_bucket.b');
    expect(b.properties['bucket']).toBe('acme-store');
    expect(b.module).toBe('module.store');
    expect(b.line).toBe(3);
    expect(b.file.endsWith(join('modules', 'store', 'main.tf'))).toBe(true);
  });

  it('follows module outputs to resources inside the module', () => {
    expect(byAddress(resources, 'aws_sagemaker_notebook_instance.nb').properties['kms_key_id']).toEqual(
      new ResourceRef('module.store.aws_kms_key.key', 'arn'),
    );
  });

  it('reads inline suppressions inside the resource block', () => {
    expect(byAddress(resources, 'aws_sagemaker_notebook_instance.nb').suppressions).toEqual([
      { ruleId: 'sagemaker_notebook_root_access_disabled', reason: 'lab machine', origin: 'aigis' },
      { ruleId: 'CKV_AWS_122', origin: 'checkov' },
    ]);
    expect(warnings).toContain(
      'aws_sagemaker_notebook_instance.nb: suppression of CKV_AWS_122 has no reason',
    );
    expect(byAddress(resources, 'module.store.aws_s3_bucket.b').suppressions).toEqual([]);
  });

  it('skips remote modules without inventing resources', () => {
    expect(resources.filter((r) => r.address.startsWith('module.remote'))).toEqual([]);
  });
});

describe('Terraform parse errors', () => {
  it('reports the file and line and keeps the other files', async () => {
    const { resources, errors } = await load({
      'bad.tf': 'resource "aws_s3_bucket" "a" {\n  bucket = \n}\n',
      'good.tf': 'resource "aws_s3_bucket" "b" {}\n',
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^2: /);
    expect(resources.map((r) => r.address)).toEqual(['aws_s3_bucket.b']);
  });
});

describe('Terraform registry modules downloaded by terraform init', () => {
  it('loads them from .terraform/modules with their inputs', async () => {
    const { resources } = await load({
      'main.tf':
        'module "store" {\n  source  = "terraform-aws-modules/s3-bucket/aws"\n  version = "4.0.0"\n  bucket  = "acme"\n}\n',
      '.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          {
            Key: 'store',
            Source: 'registry.terraform.io/terraform-aws-modules/s3-bucket/aws',
            Version: '4.0.0',
            Dir: '.terraform/modules/store',
          },
        ],
      }),
      '.terraform/modules/store/main.tf':
        'variable "bucket" {}\nresource "aws_s3_bucket" "this" {\n  bucket = var.bucket\n}\n',
    });
    expect(resources.map((r) => [r.address, r.properties['bucket']])).toEqual([
      ['module.store.aws_s3_bucket.this', 'acme'],
    ]);
  });
});

describe('Terraform null attributes', () => {
  it('leaves attributes set to null (directly or through a conditional) out, as Terraform does', async () => {
    const { resources } = await load({
      'main.tf':
        'variable "key" {\n  default = null\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = null\n  policy = var.key == null ? null : "p"\n}\n',
    });
    expect(resources[0]!.properties).toEqual({ bucket: 'x' });
  });
});
