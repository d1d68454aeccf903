import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { allRules } from '../../src/rules/index.js';
import { aiWorkloadRules } from '../../src/rules/packs/ai-workload.js';
import { buildGraph } from '../../src/resources/graph.js';
import { ResourceRef, Unknown, type Resource } from '../../src/resources/types.js';
import { SEVERITIES, type RuleStatus } from '../../src/rules/types.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const reference = join(repo, '..', 'shared', 'reference');
const haveReference =
  existsSync(join(reference, 'checkov-aws-checks.tsv')) &&
  existsSync(join(reference, 'prowler-aws-checks.tsv'));

/** Ids in a column of a reference TSV (comment and header lines skipped). */
function tsvColumn(file: string, column: number): Set<string> {
  const ids = new Set<string>();
  for (const line of readFileSync(join(reference, file), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const id = line.split('\t')[column];
    if (id) ids.add(id);
  }
  return ids;
}

/** Rules the brief names explicitly: the pack must keep them. */
const REQUIRED_IDS = [
  'bedrock_agent_cmk',
  'bedrock_agent_guardrail',
  'bedrock_guardrail_prompt_attack_high',
  'bedrock_guardrail_sensitive_information_filter',
  'bedrock_guardrail_contextual_grounding',
  'bedrock_guardrail_cmk',
  'bedrock_knowledge_base_vector_store_cmk',
  'bedrock_data_source_cmk',
  'bedrock_model_invocation_logging_enabled',
  'bedrock_model_invocation_logs_cmk',
  'bedrock_custom_model_cmk',
  'bedrock_prompt_cmk',
  'bedrock_flow_cmk',
  'bedrock_vpc_interface_endpoints',
  'bedrock_full_access_policy_not_attached',
  'sagemaker_notebook_kms_cmk',
  'sagemaker_notebook_direct_internet_access_disabled',
  'sagemaker_notebook_in_vpc',
  'sagemaker_notebook_root_access_disabled',
  'sagemaker_notebook_imdsv2_only',
  'sagemaker_notebook_role_least_privilege',
  'sagemaker_domain_kms_cmk',
  'sagemaker_domain_vpc_only',
  'sagemaker_endpoint_config_kms_cmk',
  'sagemaker_endpoint_config_multi_instance',
  'sagemaker_endpoint_config_data_capture_kms_cmk',
  'sagemaker_model_network_isolation',
  'sagemaker_model_vpc_config',
  'sagemaker_monitoring_job_output_kms_cmk',
  'sagemaker_monitoring_job_volume_kms_cmk',
  'sagemaker_monitoring_job_inter_container_encryption',
  'sagemaker_monitoring_job_network_isolation',
  'sagemaker_feature_group_offline_store_kms_cmk',
  'sagemaker_feature_group_online_store_kms_cmk',
  'sagemaker_flow_definition_output_kms_cmk',
  'opensearch_serverless_collection_cmk',
  'opensearch_serverless_collection_not_public',
  'opensearch_serverless_access_policy_no_wildcards',
];

describe('AI-workload rule pack', () => {
  const ids = aiWorkloadRules.map((r) => r.id);

  it('holds at least 35 rules, every required one, per service', () => {
    expect(aiWorkloadRules.length).toBeGreaterThanOrEqual(35);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED_IDS));
    const byService = (prefix: string) => ids.filter((id) => id.startsWith(prefix)).length;
    expect(byService('bedrock_')).toBeGreaterThanOrEqual(15);
    expect(byService('sagemaker_')).toBeGreaterThanOrEqual(20);
    expect(byService('opensearch_serverless_')).toBeGreaterThanOrEqual(3);
    expect(byService('bedrock_') + byService('sagemaker_') + byService('opensearch_serverless_')).toBe(
      ids.length,
    );
  });

  it('registers every rule file of the Bedrock, SageMaker and OpenSearch folders exactly once', () => {
    const files = ['bedrock', 'sagemaker', 'opensearch'].flatMap((dir) =>
      readdirSync(join(repo, 'src', 'rules', dir))
        .filter((f) => /^(bedrock|sagemaker|opensearch)_[a-z0-9_]+\.ts$/.test(f))
        .map((f) => f.replace(/\.ts$/, '')),
    );
    expect([...ids].sort()).toEqual([...files].sort());
  });

  it('has unique snake_case ids that no other pack reuses', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/);
    const elsewhere = allRules.filter((r) => !aiWorkloadRules.includes(r)).map((r) => r.id);
    expect(ids.filter((id) => elsewhere.includes(id))).toEqual([]);
  });

  it('gives every rule a title, rationale, severity, resource types and remediation snippets for each format it reads', () => {
    for (const rule of aiWorkloadRules) {
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(40);
      expect(SEVERITIES, rule.id).toContain(rule.severity);
      expect(
        rule.resourceTypes.cloudformation.length + rule.resourceTypes.terraform.length,
        rule.id,
      ).toBeGreaterThan(0);
      expect(rule.remediation.text.length, rule.id).toBeGreaterThan(10);
      if (rule.resourceTypes.cloudformation.length > 0)
        expect(rule.remediation.cloudformation, `${rule.id} CloudFormation snippet`).toBeTruthy();
      if (rule.resourceTypes.terraform.length > 0)
        expect(rule.remediation.terraform, `${rule.id} Terraform snippet`).toBeTruthy();
      for (const type of rule.resourceTypes.cloudformation)
        expect(type, rule.id).toMatch(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
      for (const type of rule.resourceTypes.terraform) expect(type, rule.id).toMatch(/^aws_[a-z0-9_]+$/);
    }
  });

  it('names only controls that exist in the catalog, at least one per rule', () => {
    const catalog = loadCatalog();
    for (const rule of aiWorkloadRules) {
      expect(rule.controls.length, rule.id).toBeGreaterThan(0);
      for (const control of rule.controls)
        expect(catalog.control(control), `${rule.id} -> ${control}`).toBeDefined();
    }
  });

  it('uses well-formed Security Hub and cdk-nag ids', () => {
    for (const rule of aiWorkloadRules) {
      for (const id of rule.equivalents.securityhub) expect(id, rule.id).toMatch(/^[A-Za-z]+\.\d+$/);
      for (const id of rule.equivalents.cdknag) {
        expect(id, rule.id).toMatch(
          /^(AwsSolutions-[A-Z]+\d+|(HIPAA\.Security|NIST\.800\.53\.R[45]|PCI\.DSS\.321)-[A-Za-z0-9]+)$/,
        );
      }
    }
  });

  it.skipIf(!haveReference)(
    'names only Checkov, Prowler and Security Hub ids that exist in the shared reference',
    () => {
      const checkov = tsvColumn('checkov-aws-checks.tsv', 1);
      const prowler = tsvColumn('prowler-aws-checks.tsv', 0);
      // Checkov graph checks (CKV2_*) are not in the resource-check TSV; the anchors list the AI ones.
      const anchors = readFileSync(join(reference, 'posture-anchors.md'), 'utf8');
      let named = 0;
      for (const rule of aiWorkloadRules) {
        for (const id of rule.equivalents.checkov) {
          named++;
          if (id.startsWith('CKV2_')) expect(anchors, `${rule.id} -> ${id}`).toContain(`| ${id} `);
          else expect(checkov.has(id), `${rule.id} -> ${id}`).toBe(true);
        }
        for (const id of rule.equivalents.prowler) {
          named++;
          expect(prowler.has(id), `${rule.id} -> ${id}`).toBe(true);
        }
        for (const id of rule.equivalents.securityhub) {
          if (/^(SageMaker|Bedrock|BedrockAgentCore)\./.test(id))
            expect(anchors, `${rule.id} -> ${id}`).toContain(`| ${id} |`);
        }
      }
      expect(named).toBeGreaterThan(30);
    },
  );

  it('maps every Checkov and Prowler SageMaker/Bedrock check that a template can decide', () => {
    const mapped = new Set(
      aiWorkloadRules.flatMap((r) => [
        ...r.equivalents.checkov,
        ...r.equivalents.prowler,
        ...r.equivalents.securityhub,
      ]),
    );
    const decidable = [
      'CKV_AWS_22',
      'CKV_AWS_98',
      'CKV_AWS_122',
      'CKV_AWS_187',
      'CKV_AWS_306',
      'CKV_AWS_307',
      'CKV_AWS_367',
      'CKV_AWS_368',
      'CKV_AWS_369',
      'CKV_AWS_370',
      'CKV_AWS_371',
      'CKV_AWS_372',
      'CKV2_AWS_68',
      'CKV_AWS_373',
      'CKV_AWS_383',
      'bedrock_agent_guardrail_enabled',
      'bedrock_agent_role_least_privilege',
      'bedrock_agent_role_not_shared_across_agents',
      'bedrock_custom_model_encrypted_with_cmk',
      'bedrock_full_access_policy_attached',
      'bedrock_guardrail_contextual_grounding_filter_enabled',
      'bedrock_guardrail_prompt_attack_filter_enabled',
      'bedrock_guardrail_sensitive_information_filter_enabled',
      'bedrock_guardrails_configured',
      'bedrock_knowledge_base_encrypted_with_cmk',
      'bedrock_model_invocation_logging_enabled',
      'bedrock_model_invocation_logs_encryption_enabled',
      'bedrock_prompt_encrypted_with_cmk',
      'bedrock_vpc_endpoints_configured',
      'sagemaker_domain_sso_configured',
      'sagemaker_endpoint_config_kms_encryption_enabled',
      'sagemaker_endpoint_config_prod_variant_instances',
      'sagemaker_models_network_isolation_enabled',
      'sagemaker_models_vpc_settings_configured',
      'sagemaker_notebook_instance_encryption_enabled',
      'sagemaker_notebook_instance_root_access_disabled',
      'sagemaker_notebook_instance_vpc_settings_configured',
      'sagemaker_notebook_instance_without_direct_internet_access_configured',
      'sagemaker_training_jobs_intercontainer_encryption_enabled',
      'sagemaker_training_jobs_network_isolation_enabled',
      'sagemaker_training_jobs_volume_and_output_encryption_enabled',
      'sagemaker_training_jobs_vpc_settings_configured',
      'SageMaker.1',
      'SageMaker.2',
      'SageMaker.3',
      'SageMaker.4',
      'SageMaker.5',
      'SageMaker.8',
      'SageMaker.9',
      'SageMaker.10',
      'SageMaker.11',
      'SageMaker.12',
      'SageMaker.13',
      'SageMaker.14',
      'SageMaker.15',
      'SageMaker.17',
      'SageMaker.18',
      'SageMaker.20',
      'SageMaker.21',
      'SageMaker.22',
      'SageMaker.25',
      'Bedrock.1',
    ];
    expect(decidable.filter((id) => !mapped.has(id))).toEqual([]);
  });
});

describe('AI-workload rules on arbitrary input', () => {
  /** Property values as loaders produce them: JSON-like data mixed with Unknowns and references. */
  const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        'Enabled',
        'Disabled',
        'HIGH',
        'NONE',
        'PROMPT_ATTACK',
        'GROUNDING',
        'OPENSEARCH_SERVERLESS',
        'Interface',
        'alias/aws/s3',
        '*',
        'aoss:*',
        'Training',
        'collection/kb-*',
      ),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(new Unknown('fuzz')),
      fc.constant(new ResourceRef('aws_kms_key.k', 'arn')),
      fc.constant(new ResourceRef('AWS::IAM::Role.Missing', 'Arn')),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(
        fc.constantFrom(
          'Type',
          'type',
          'KmsKeyId',
          'kms_key_id',
          'Policy',
          'policy',
          'Rules',
          'Resource',
          'Steps',
          'Name',
          'name',
          'FiltersConfig',
          'filters_config',
          'NetworkConfig',
          'StorageConfiguration',
          'ProductionVariants',
        ),
        tie('v'),
        { maxKeys: 4 },
      ),
    ),
  })).v;
  const properties = fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 4 });

  it('returns a valid status and a message naming the resource, whatever the properties hold', () => {
    const statuses: RuleStatus[] = ['pass', 'fail', 'unknown', 'not_applicable'];
    const typed = aiWorkloadRules.flatMap((rule) => [
      ...rule.resourceTypes.cloudformation.map((t) => ({ rule, type: t, source: 'cloudformation' as const })),
      ...rule.resourceTypes.terraform.map((t) => ({ rule, type: t, source: 'terraform' as const })),
    ]);
    fc.assert(
      fc.property(
        fc.constantFrom(...typed),
        properties,
        properties,
        ({ rule, type, source }, props, otherProps) => {
          // The rule's own paths with random values, plus random keys, so both shapes get exercised.
          const resource: Resource = {
            address: `${type}.Fuzz`,
            type,
            name: 'Fuzz',
            source,
            file: 'f',
            line: 1,
            properties: { ...otherProps, ...props },
            suppressions: [],
          };
          const key: Resource = {
            address: 'aws_kms_key.k',
            type: 'aws_kms_key',
            name: 'k',
            source: 'terraform',
            file: 'f',
            line: 1,
            properties: {},
            suppressions: [],
          };
          const graph = buildGraph([resource, key]);
          const outcomes =
            rule.kind === 'resource'
              ? [{ ...rule.evaluate(resource, { graph }), resource }]
              : rule.evaluateGraph({ graph });
          for (const outcome of outcomes) {
            expect(statuses).toContain(outcome.status);
            expect(outcome.message).toContain(outcome.resource.address);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
