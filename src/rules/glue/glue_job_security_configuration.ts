import { isUnknown, prop, type Resource, type ResourceGraph } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { SECURITY_CONFIGURATION_TYPES, missingEncryption } from './security-configuration.js';
import { describeValue } from '../cloudtrail/references.js';

/** The security configuration a job names, by reference or by its literal Name. */
function resolveConfiguration(value: unknown, graph: ResourceGraph): Resource | undefined {
  const target = graph.deref(value);
  if (target) return target;
  if (typeof value !== 'string') return undefined;
  return graph
    .byType(...SECURITY_CONFIGURATION_TYPES.cloudformation, ...SECURITY_CONFIGURATION_TYPES.terraform)
    .find((c) => (c.properties['Name'] ?? c.properties['name']) === value);
}

export const glueJobSecurityConfiguration: ResourceRule = {
  kind: 'resource',
  id: 'glue_job_security_configuration',
  title:
    'Glue jobs, crawlers and development endpoints use a security configuration that encrypts everything',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::Glue::Job', 'AWS::Glue::Crawler', 'AWS::Glue::DevEndpoint'],
    terraform: ['aws_glue_job', 'aws_glue_crawler', 'aws_glue_dev_endpoint'],
  },
  rationale:
    'Without a security configuration a Glue job that prepares training data writes unencrypted output, logs and bookmarks. The configuration it names must encrypt all three.',
  remediation: {
    text: 'Name a security configuration that enables S3, CloudWatch and job bookmark encryption.',
    cloudformation: `SecurityConfiguration: !Ref GlueSecurityConfiguration`,
    terraform: `security_configuration = aws_glue_security_configuration.main.name`,
  },
  controls: ['training-data-cmk-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_195'],
    prowler: [
      'glue_etl_jobs_amazon_s3_encryption_enabled',
      'glue_etl_jobs_cloudwatch_logs_encryption_enabled',
      'glue_etl_jobs_job_bookmark_encryption_enabled',
    ],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const name =
      resource.type === 'AWS::Glue::Crawler'
        ? prop(resource, { cloudformation: 'CrawlerSecurityConfiguration' })
        : prop(resource, { cloudformation: 'SecurityConfiguration', terraform: 'security_configuration' });
    if (isUnknown(name)) return unknown(`${resource.address}: cannot be decided statically: ${name.reason}`);
    if (name === undefined || name === '')
      return fail(
        `${resource.address}: names no security configuration, so nothing it writes is encrypted by Glue`,
      );
    const config = resolveConfiguration(name, ctx.graph);
    // A configuration declared elsewhere is judged where it is declared (glue_security_configuration_encrypted).
    if (!config)
      return pass(
        `${resource.address}: names security configuration ${describeValue(name)}, which is not in the scanned files`,
      );
    const missing = missingEncryption(config);
    if (isUnknown(missing))
      return unknown(`${resource.address}: cannot be decided statically: ${missing.reason}`);
    if (missing.length > 0)
      return fail(
        `${resource.address}: its security configuration ${config.address} leaves ${missing.join(', ')} off`,
      );
    return pass(`${resource.address}: uses ${config.address}, which encrypts S3 output, logs and bookmarks`);
  },
};
