/**
 * Scan throughput: generates synthetic CloudFormation JSON, CloudFormation YAML and Terraform trees
 * (100 resources per file, at two sizes to show how cost grows), scans each in a fresh process with
 * every shipped rule, and prints resources per second and peak RSS.
 *
 *   npx tsx bench/scan.ts            # 10,000 and 20,000 resources per format
 *   npx tsx bench/scan.ts 2000 4000  # other sizes
 *   npx tsx bench/scan.ts --generate cloudformation-json 20000  # keep a tree for profiling
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';

const PER_FILE = 100;
type Format = 'cloudformation-json' | 'cloudformation-yaml' | 'terraform';
const FORMATS: Format[] = ['cloudformation-json', 'cloudformation-yaml', 'terraform'];

/** One template of PER_FILE resources: buckets with keys and policies, roles, notebooks that reference them. */
function cfnTemplate(fileIndex: number): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  for (let i = 0; i < PER_FILE / 5; i++) {
    resources[`Key${i}`] = {
      Type: 'AWS::KMS::Key',
      Properties: { EnableKeyRotation: i % 2 === 0, Description: { 'Fn::Sub': 'key ${AWS::Region}' } },
    };
    resources[`Bucket${i}`] = {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketName: { 'Fn::Join': ['-', ['data', String(fileIndex), String(i)]] },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: { 'Fn::GetAtt': [`Key${i}`, 'Arn'] },
              },
            },
          ],
        },
        VersioningConfiguration: { Status: i % 3 === 0 ? 'Suspended' : 'Enabled' },
        Tags: [{ Key: 'team', Value: 'ml' }],
      },
    };
    resources[`Policy${i}`] = {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: `Bucket${i}` },
        PolicyDocument: {
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: { 'Fn::Sub': '${Bucket' + i + '.Arn}/*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      },
    };
    resources[`Role${i}`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        Policies: [
          {
            PolicyName: 'p',
            PolicyDocument: {
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['s3:GetObject'],
                  Resource: { 'Fn::Sub': '${Bucket' + i + '.Arn}/*' },
                },
              ],
            },
          },
        ],
      },
    };
    resources[`Notebook${i}`] = {
      Type: 'AWS::SageMaker::NotebookInstance',
      Properties: {
        InstanceType: 'ml.t3.medium',
        RoleArn: { 'Fn::GetAtt': [`Role${i}`, 'Arn'] },
        KmsKeyId: { Ref: `Key${i}` },
        DirectInternetAccess: 'Disabled',
        RootAccess: 'Disabled',
      },
    };
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
}

function tfModule(fileIndex: number): string {
  const blocks: string[] = ['variable "env" {\n  default = "prod"\n}\n'];
  for (let i = 0; i < PER_FILE / 5; i++) {
    blocks.push(`resource "aws_kms_key" "key${i}" {
  enable_key_rotation = ${i % 2 === 0}
}

resource "aws_s3_bucket" "bucket${i}" {
  bucket = "data-\${var.env}-${fileIndex}-${i}"
  tags   = { team = "ml" }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "sse${i}" {
  bucket = aws_s3_bucket.bucket${i}.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.key${i}.arn
    }
  }
}

resource "aws_iam_role" "role${i}" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { Service = "sagemaker.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_sagemaker_notebook_instance" "nb${i}" {
  name                   = "nb-${fileIndex}-${i}"
  instance_type          = "ml.t3.medium"
  role_arn               = aws_iam_role.role${i}.arn
  kms_key_id             = aws_kms_key.key${i}.arn
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
}
`);
  }
  return blocks.join('\n');
}

function generate(format: Format, resources: number): string {
  const dir = mkdtempSync(join(tmpdir(), `aigis-bench-${format}-`));
  const files = Math.ceil(resources / PER_FILE);
  for (let f = 0; f < files; f++) {
    if (format === 'terraform') {
      // A directory per root module, as Terraform projects lay them out.
      mkdirSync(join(dir, `stack${f}`));
      writeFileSync(join(dir, `stack${f}`, 'main.tf'), tfModule(f));
    } else if (format === 'cloudformation-json')
      writeFileSync(join(dir, `stack${f}.json`), JSON.stringify(cfnTemplate(f), null, 2));
    else writeFileSync(join(dir, `stack${f}.yaml`), stringify(cfnTemplate(f)));
  }
  return dir;
}

interface Measurement {
  format: Format;
  resources: number;
  files: number;
  results: number;
  seconds: number;
  /** User + system CPU time of the scan: what it costs on one core, whatever else the machine runs. */
  cpuSeconds: number;
  peakRssMb: number;
}

/** Child process: scan one tree and print the measurement as JSON. */
async function measure(format: Format, dir: string): Promise<void> {
  const { scan } = await import('../src/scan/index.js');
  let peak = process.memoryUsage().rss;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 20);
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const report = await scan([dir], { root: dir, onProgress: sample });
  const cpu = process.cpuUsage(cpuStart);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(timer);
  sample();
  const m: Measurement = {
    format,
    resources: report.summary.resources,
    files: report.summary.files,
    results: report.results.length,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: peak / 1024 / 1024,
  };
  process.stdout.write(JSON.stringify(m));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') return measure(args[1] as Format, args[2]!);
  if (args[0] === '--generate') {
    // Leaves a tree on disk for profiling: npx tsx bench/scan.ts --generate cloudformation-json 20000
    console.log(generate(args[1] as Format, Number(args[2])));
    return;
  }
  const sizes = args.length > 0 ? args.map(Number) : [10_000, 20_000];
  const loader = pathToFileURL(
    join(import.meta.dirname, '..', 'node_modules', 'tsx', 'dist', 'loader.mjs'),
  ).href;
  const rows: Measurement[] = [];
  for (const format of FORMATS) {
    for (const size of sizes) {
      const dir = generate(format, size);
      const child = spawnSync(
        process.execPath,
        ['--import', loader, import.meta.filename, '--measure', format, dir],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      rmSync(dir, { recursive: true, force: true });
      if (child.status !== 0) throw new Error(`measure ${format} ${size} failed:\n${child.stderr}`);
      rows.push(JSON.parse(child.stdout) as Measurement);
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const header =
    '| format | files | resources | (rule, resource) results | CPU s | resources per CPU s | wall s | peak RSS (MB) |';
  console.log(header);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const rate = (n: number, s: number): string => Math.round(n / s).toLocaleString('en-US');
  for (const r of rows) {
    console.log(
      `| ${r.format} | ${r.files} | ${r.resources.toLocaleString('en-US')} | ${r.results.toLocaleString('en-US')} | ${r.cpuSeconds.toFixed(2)} | ${rate(r.resources, r.cpuSeconds)} | ${r.seconds.toFixed(2)} | ${Math.round(r.peakRssMb)} |`,
    );
  }
  const { loadavg, cpus } = await import('node:os');
  console.log(
    `\nnode ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the end; ${PER_FILE} resources per file; every shipped rule; one fresh process per row.`,
  );
  console.log(
    'CPU s is user+system time of the scan (single-threaded), so it is the cost on one core; wall s also counts waiting for a busy machine.',
  );
}

await main();
