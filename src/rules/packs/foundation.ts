import type { Rule } from '../types.js';
import { s3AuditLogBucketObjectLock } from '../s3/s3_audit_log_bucket_object_lock.js';
import { s3BucketAccessLoggingEnabled } from '../s3/s3_bucket_access_logging_enabled.js';
import { s3BucketEncryptedWithCmk } from '../s3/s3_bucket_encrypted_with_cmk.js';
import { s3BucketNoPublicAcl } from '../s3/s3_bucket_no_public_acl.js';
import { s3BucketPolicyNoPublicPrincipal } from '../s3/s3_bucket_policy_no_public_principal.js';
import { s3BucketPublicAccessBlocked } from '../s3/s3_bucket_public_access_blocked.js';
import { s3BucketTlsOnlyPolicy } from '../s3/s3_bucket_tls_only_policy.js';
import { s3BucketVersioningEnabled } from '../s3/s3_bucket_versioning_enabled.js';
import { kmsKeyPolicyNoPublicPrincipal } from '../kms/kms_key_policy_no_public_principal.js';
import { kmsKeyRotationEnabled } from '../kms/kms_key_rotation_enabled.js';
import { secretsmanagerSecretEncryptedWithCmk } from '../secretsmanager/secretsmanager_secret_encrypted_with_cmk.js';
import { secretsmanagerSecretPolicyNotPublic } from '../secretsmanager/secretsmanager_secret_policy_not_public.js';
import { secretsmanagerSecretRotationEnabled } from '../secretsmanager/secretsmanager_secret_rotation_enabled.js';
import { dynamodbTableDeletionProtection } from '../dynamodb/dynamodb_table_deletion_protection.js';
import { dynamodbTableEncryptedWithCmk } from '../dynamodb/dynamodb_table_encrypted_with_cmk.js';
import { dynamodbTablePointInTimeRecovery } from '../dynamodb/dynamodb_table_point_in_time_recovery.js';
import { iamNoLongTermAccessKeys } from '../iam/iam_no_long_term_access_keys.js';
import { iamPolicyNoAdministratorAccess } from '../iam/iam_policy_no_administrator_access.js';
import { iamPolicyNoAiServiceWildcard } from '../iam/iam_policy_no_ai_service_wildcard.js';
import { iamPolicyNoPassroleWildcard } from '../iam/iam_policy_no_passrole_wildcard.js';
import { iamRoleTrustNotPublic } from '../iam/iam_role_trust_not_public.js';
import { iamUserNoPolicies } from '../iam/iam_user_no_policies.js';
import { ec2EbsEncryptionByDefault } from '../ec2/ec2_ebs_encryption_by_default.js';
import { ec2EbsVolumeEncrypted } from '../ec2/ec2_ebs_volume_encrypted.js';
import { ec2EbsVolumeEncryptedWithCmk } from '../ec2/ec2_ebs_volume_encrypted_with_cmk.js';
import { ec2InstanceImdsv2Required } from '../ec2/ec2_instance_imdsv2_required.js';
import { ec2InstanceNoPublicIp } from '../ec2/ec2_instance_no_public_ip.js';
import { ec2LaunchTemplateImdsv2Required } from '../ec2/ec2_launch_template_imdsv2_required.js';
import { ec2SecurityGroupInferencePathPrivate } from '../ec2/ec2_security_group_inference_path_private.js';
import { ec2SecurityGroupNoPublicIngress } from '../ec2/ec2_security_group_no_public_ingress.js';
import { ec2VpcFlowLogsEnabled } from '../ec2/ec2_vpc_flow_logs_enabled.js';
import { lambdaEnvironmentEncryptedWithCmk } from '../lambda/lambda_environment_encrypted_with_cmk.js';
import { lambdaFunctionInVpc } from '../lambda/lambda_function_in_vpc.js';
import { lambdaFunctionReservedConcurrency } from '../lambda/lambda_function_reserved_concurrency.js';
import { lambdaFunctionTracingEnabled } from '../lambda/lambda_function_tracing_enabled.js';
import { lambdaFunctionUrlAuthRequired } from '../lambda/lambda_function_url_auth_required.js';
import { lambdaPermissionRestricted } from '../lambda/lambda_permission_restricted.js';
import { apigatewayDomainTls12 } from '../apigateway/apigateway_domain_tls12.js';
import { apigatewayMethodAuthorized } from '../apigateway/apigateway_method_authorized.js';
import { apigatewayStageAccessLogging } from '../apigateway/apigateway_stage_access_logging.js';
import { apigatewayStageCacheEncrypted } from '../apigateway/apigateway_stage_cache_encrypted.js';
import { apigatewayStageClientCertificate } from '../apigateway/apigateway_stage_client_certificate.js';
import { apigatewayStageDataTraceDisabled } from '../apigateway/apigateway_stage_data_trace_disabled.js';
import { apigatewayStageThrottlingConfigured } from '../apigateway/apigateway_stage_throttling_configured.js';
import { apigatewayStageTracingEnabled } from '../apigateway/apigateway_stage_tracing_enabled.js';
import { elbAlbDropsInvalidHeaders } from '../elb/elb_alb_drops_invalid_headers.js';
import { elbAlbListenerHttps } from '../elb/elb_alb_listener_https.js';
import { elbListenerTls12Policy } from '../elb/elb_listener_tls12_policy.js';
import { elbLoadBalancerAccessLogging } from '../elb/elb_load_balancer_access_logging.js';
import { wafv2EntrypointProtected } from '../wafv2/wafv2_entrypoint_protected.js';
import { wafv2WebAclLogging } from '../wafv2/wafv2_web_acl_logging.js';
import { wafv2WebAclManagedRuleSets } from '../wafv2/wafv2_web_acl_managed_rule_sets.js';
import { cloudtrailAiBucketDataEvents } from '../cloudtrail/cloudtrail_ai_bucket_data_events.js';
import { cloudtrailBedrockDataEvents } from '../cloudtrail/cloudtrail_bedrock_data_events.js';
import { cloudtrailCloudwatchLogs } from '../cloudtrail/cloudtrail_cloudwatch_logs.js';
import { cloudtrailEnabled } from '../cloudtrail/cloudtrail_enabled.js';
import { cloudtrailKmsEncrypted } from '../cloudtrail/cloudtrail_kms_encrypted.js';
import { cloudtrailLogFileValidation } from '../cloudtrail/cloudtrail_log_file_validation.js';
import { cloudtrailMultiRegion } from '../cloudtrail/cloudtrail_multi_region.js';
import { guarddutyDetectorEnabled } from '../guardduty/guardduty_detector_enabled.js';
import { guarddutyFindingsRoutedToResponder } from '../guardduty/guardduty_findings_routed_to_responder.js';
import { guarddutyRuntimeMonitoringEnabled } from '../guardduty/guardduty_runtime_monitoring_enabled.js';
import { guarddutyS3ProtectionEnabled } from '../guardduty/guardduty_s3_protection_enabled.js';
import { securityhubEnabled } from '../securityhub/securityhub_enabled.js';
import { macieEnabled } from '../macie/macie_enabled.js';
import { logsGroupEncryptedWithKms } from '../logs/logs_group_encrypted_with_kms.js';
import { logsGroupRetentionSet } from '../logs/logs_group_retention_set.js';
import { logsInvocationLogGroupDataProtection } from '../logs/logs_invocation_log_group_data_protection.js';
import { kinesisStreamEncrypted } from '../kinesis/kinesis_stream_encrypted.js';
import { kinesisStreamEncryptedWithCmk } from '../kinesis/kinesis_stream_encrypted_with_cmk.js';
import { firehoseDeliveryStreamEncrypted } from '../firehose/firehose_delivery_stream_encrypted.js';
import { firehoseDeliveryStreamEncryptedWithCmk } from '../firehose/firehose_delivery_stream_encrypted_with_cmk.js';
import { glueJobSecurityConfiguration } from '../glue/glue_job_security_configuration.js';
import { glueSecurityConfigurationEncrypted } from '../glue/glue_security_configuration_encrypted.js';
import { lambdaEnvironmentNoSecrets } from '../lambda/lambda_environment_no_secrets.js';
import { lambdaInlineCodeNoSecrets } from '../lambda/lambda_inline_code_no_secrets.js';
import { ec2UserDataNoSecrets } from '../ec2/ec2_user_data_no_secrets.js';
import { ecsTaskDefinitionNoSecrets } from '../ecs/ecs_task_definition_no_secrets.js';
import { ssmParameterNoHardcodedSecrets } from '../ssm/ssm_parameter_no_hardcoded_secrets.js';

/** Data stores, keys, identity, network, compute and detection rules that every AI workload rests on. */
export const foundationRules: readonly Rule[] = [
  s3AuditLogBucketObjectLock,
  s3BucketAccessLoggingEnabled,
  s3BucketEncryptedWithCmk,
  s3BucketNoPublicAcl,
  s3BucketPolicyNoPublicPrincipal,
  s3BucketPublicAccessBlocked,
  s3BucketTlsOnlyPolicy,
  s3BucketVersioningEnabled,
  kmsKeyPolicyNoPublicPrincipal,
  kmsKeyRotationEnabled,
  secretsmanagerSecretEncryptedWithCmk,
  secretsmanagerSecretPolicyNotPublic,
  secretsmanagerSecretRotationEnabled,
  dynamodbTableDeletionProtection,
  dynamodbTableEncryptedWithCmk,
  dynamodbTablePointInTimeRecovery,
  iamNoLongTermAccessKeys,
  iamPolicyNoAdministratorAccess,
  iamPolicyNoAiServiceWildcard,
  iamPolicyNoPassroleWildcard,
  iamRoleTrustNotPublic,
  iamUserNoPolicies,
  ec2EbsEncryptionByDefault,
  ec2EbsVolumeEncrypted,
  ec2EbsVolumeEncryptedWithCmk,
  ec2InstanceImdsv2Required,
  ec2InstanceNoPublicIp,
  ec2LaunchTemplateImdsv2Required,
  ec2SecurityGroupInferencePathPrivate,
  ec2SecurityGroupNoPublicIngress,
  ec2VpcFlowLogsEnabled,
  lambdaEnvironmentEncryptedWithCmk,
  lambdaFunctionInVpc,
  lambdaFunctionReservedConcurrency,
  lambdaFunctionTracingEnabled,
  lambdaFunctionUrlAuthRequired,
  lambdaPermissionRestricted,
  apigatewayDomainTls12,
  apigatewayMethodAuthorized,
  apigatewayStageAccessLogging,
  apigatewayStageCacheEncrypted,
  apigatewayStageClientCertificate,
  apigatewayStageDataTraceDisabled,
  apigatewayStageThrottlingConfigured,
  apigatewayStageTracingEnabled,
  elbAlbDropsInvalidHeaders,
  elbAlbListenerHttps,
  elbListenerTls12Policy,
  elbLoadBalancerAccessLogging,
  wafv2EntrypointProtected,
  wafv2WebAclLogging,
  wafv2WebAclManagedRuleSets,
  cloudtrailAiBucketDataEvents,
  cloudtrailBedrockDataEvents,
  cloudtrailCloudwatchLogs,
  cloudtrailEnabled,
  cloudtrailKmsEncrypted,
  cloudtrailLogFileValidation,
  cloudtrailMultiRegion,
  guarddutyDetectorEnabled,
  guarddutyFindingsRoutedToResponder,
  guarddutyRuntimeMonitoringEnabled,
  guarddutyS3ProtectionEnabled,
  securityhubEnabled,
  macieEnabled,
  logsGroupEncryptedWithKms,
  logsGroupRetentionSet,
  logsInvocationLogGroupDataProtection,
  kinesisStreamEncrypted,
  kinesisStreamEncryptedWithCmk,
  firehoseDeliveryStreamEncrypted,
  firehoseDeliveryStreamEncryptedWithCmk,
  glueJobSecurityConfiguration,
  glueSecurityConfigurationEncrypted,
  lambdaEnvironmentNoSecrets,
  lambdaInlineCodeNoSecrets,
  ec2UserDataNoSecrets,
  ecsTaskDefinitionNoSecrets,
  ssmParameterNoHardcodedSecrets,
];
