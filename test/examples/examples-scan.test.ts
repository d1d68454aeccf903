import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { scan } from '../../src/scan/index.js';
import { packageRoot } from '../../src/util/paths.js';

/**
 * The bundled examples are the demo and the documentation of what the scanner finds: the hardened variants
 * must scan clean, and the insecure ones must fail exactly the rules a reviewer would expect. When a rule is
 * added or changed, this pinned list is the place to decide whether the examples should change too.
 */
const examples = join(packageRoot(), 'examples');

async function failingRules(dir: string): Promise<{ failed: string[]; unknown: string[]; errors: number }> {
  const report = await scan([join(examples, dir)], { root: examples });
  const failed = [...new Set(report.results.filter((r) => r.status === 'fail').map((r) => r.ruleId))].sort();
  const unknown = [...new Set(report.results.filter((r) => r.status === 'unknown').map((r) => r.ruleId))].sort();
  return { failed, unknown, errors: report.errors?.length ?? 0 };
}

const HARDENED = [
  'bedrock-rag-chatbot/hardened/cloudformation',
  'bedrock-rag-chatbot/hardened/terraform',
  'sagemaker-pipeline/hardened/cloudformation',
  'sagemaker-pipeline/hardened/terraform',
];

describe('hardened examples', () => {
  for (const dir of HARDENED) {
    it(`${dir} scans clean`, async () => {
      const { failed, errors } = await failingRules(dir);
      expect(errors).toBe(0);
      expect(failed).toEqual([]);
    });
  }
});

/** Pinned: the rules each insecure example fails. */
const INSECURE: Record<string, string[]> = {
'bedrock-rag-chatbot/insecure/cloudformation': ["apigateway_method_authorized","apigateway_stage_access_logging","apigateway_stage_client_certificate","apigateway_stage_throttling_configured","apigateway_stage_tracing_enabled","bedrock_agent_cmk","bedrock_agent_guardrail","bedrock_agent_role_least_privilege","bedrock_data_source_cmk","bedrock_full_access_policy_not_attached","bedrock_guardrail_cmk","bedrock_guardrail_contextual_grounding","bedrock_guardrail_denied_topics","bedrock_guardrail_harmful_content_filters","bedrock_guardrail_prompt_attack_high","bedrock_guardrail_sensitive_information_filter","bedrock_knowledge_base_vector_store_cmk","bedrock_service_role_least_privilege","cloudtrail_enabled","ec2_security_group_no_public_ingress","guardduty_detector_enabled","iam_policy_no_administrator_access","iam_policy_no_ai_service_wildcard","iam_policy_no_passrole_wildcard","lambda_environment_encrypted_with_cmk","lambda_function_in_vpc","lambda_function_reserved_concurrency","lambda_function_tracing_enabled","lambda_function_url_auth_required","logs_group_encrypted_with_kms","logs_group_retention_set","macie_enabled","opensearch_serverless_access_policy_no_wildcards","opensearch_serverless_collection_cmk","opensearch_serverless_collection_not_public","s3_bucket_access_logging_enabled","s3_bucket_encrypted_with_cmk","s3_bucket_public_access_blocked","s3_bucket_tls_only_policy","s3_bucket_versioning_enabled","securityhub_enabled","wafv2_entrypoint_protected"],
'bedrock-rag-chatbot/insecure/terraform': ["apigateway_method_authorized","apigateway_stage_access_logging","apigateway_stage_client_certificate","apigateway_stage_throttling_configured","apigateway_stage_tracing_enabled","bedrock_agent_cmk","bedrock_agent_guardrail","bedrock_agent_role_least_privilege","bedrock_data_source_cmk","bedrock_full_access_policy_not_attached","bedrock_guardrail_cmk","bedrock_guardrail_contextual_grounding","bedrock_guardrail_denied_topics","bedrock_guardrail_harmful_content_filters","bedrock_guardrail_prompt_attack_high","bedrock_guardrail_sensitive_information_filter","bedrock_knowledge_base_vector_store_cmk","bedrock_model_invocation_logging_enabled","bedrock_service_role_least_privilege","cloudtrail_enabled","ec2_security_group_no_public_ingress","guardduty_detector_enabled","iam_policy_no_administrator_access","iam_policy_no_ai_service_wildcard","iam_policy_no_passrole_wildcard","lambda_environment_encrypted_with_cmk","lambda_function_in_vpc","lambda_function_reserved_concurrency","lambda_function_tracing_enabled","lambda_function_url_auth_required","logs_group_encrypted_with_kms","logs_group_retention_set","macie_enabled","opensearch_serverless_access_policy_no_wildcards","opensearch_serverless_collection_cmk","opensearch_serverless_collection_not_public","s3_bucket_access_logging_enabled","s3_bucket_encrypted_with_cmk","s3_bucket_public_access_blocked","s3_bucket_tls_only_policy","s3_bucket_versioning_enabled","securityhub_enabled","wafv2_entrypoint_protected"],
'sagemaker-pipeline/insecure/cloudformation': ["cloudtrail_enabled","guardduty_detector_enabled","iam_policy_no_administrator_access","iam_policy_no_ai_service_wildcard","macie_enabled","s3_bucket_access_logging_enabled","s3_bucket_encrypted_with_cmk","s3_bucket_public_access_blocked","s3_bucket_tls_only_policy","s3_bucket_versioning_enabled","sagemaker_domain_kms_cmk","sagemaker_domain_sso_auth","sagemaker_domain_vpc_only","sagemaker_endpoint_config_data_capture_enabled","sagemaker_endpoint_config_kms_cmk","sagemaker_endpoint_config_multi_instance","sagemaker_execution_role_least_privilege","sagemaker_feature_group_offline_store_kms_cmk","sagemaker_feature_group_online_store_kms_cmk","sagemaker_full_access_policy_not_attached","sagemaker_model_network_isolation","sagemaker_model_vpc_config","sagemaker_monitoring_job_inter_container_encryption","sagemaker_monitoring_job_network_isolation","sagemaker_monitoring_job_output_kms_cmk","sagemaker_monitoring_job_volume_kms_cmk","sagemaker_notebook_direct_internet_access_disabled","sagemaker_notebook_imdsv2_only","sagemaker_notebook_in_vpc","sagemaker_notebook_kms_cmk","sagemaker_notebook_role_least_privilege","sagemaker_notebook_root_access_disabled","securityhub_enabled"],
'sagemaker-pipeline/insecure/terraform': ["cloudtrail_enabled","guardduty_detector_enabled","iam_policy_no_ai_service_wildcard","macie_enabled","s3_bucket_access_logging_enabled","s3_bucket_encrypted_with_cmk","s3_bucket_public_access_blocked","s3_bucket_tls_only_policy","s3_bucket_versioning_enabled","sagemaker_domain_kms_cmk","sagemaker_domain_sso_auth","sagemaker_domain_vpc_only","sagemaker_endpoint_config_data_capture_enabled","sagemaker_endpoint_config_kms_cmk","sagemaker_endpoint_config_multi_instance","sagemaker_execution_role_least_privilege","sagemaker_feature_group_offline_store_kms_cmk","sagemaker_feature_group_online_store_kms_cmk","sagemaker_full_access_policy_not_attached","sagemaker_model_network_isolation","sagemaker_model_vpc_config","sagemaker_monitoring_job_inter_container_encryption","sagemaker_monitoring_job_network_isolation","sagemaker_monitoring_job_output_kms_cmk","sagemaker_monitoring_job_volume_kms_cmk","sagemaker_notebook_direct_internet_access_disabled","sagemaker_notebook_imdsv2_only","sagemaker_notebook_in_vpc","sagemaker_notebook_kms_cmk","sagemaker_notebook_role_least_privilege","sagemaker_notebook_root_access_disabled","securityhub_enabled"],
};

describe('insecure examples', () => {
  for (const [dir, expected] of Object.entries(INSECURE)) {
    it(`${dir} fails the pinned rules`, async () => {
      const { failed, errors } = await failingRules(dir);
      expect(errors).toBe(0);
      expect(failed).toEqual(expected);
    });
  }
});
