import type { Rule } from '../types.js';
import { sagemakerModelPackageGroupNotPublic } from '../sagemaker/sagemaker_model_package_group_not_public.js';
import { bedrockAgentcoreGatewayAuthorizer } from '../bedrock/bedrock_agentcore_gateway_authorizer.js';
import { sagemakerInferenceExperimentDataKmsCmk } from '../sagemaker/sagemaker_inference_experiment_data_kms_cmk.js';
import { sagemakerInferenceExperimentVolumeKmsCmk } from '../sagemaker/sagemaker_inference_experiment_volume_kms_cmk.js';
import { sagemakerExecutionRoleLeastPrivilege } from '../sagemaker/sagemaker_execution_role_least_privilege.js';
import { bedrockServiceRoleLeastPrivilege } from '../bedrock/bedrock_service_role_least_privilege.js';
import { bedrockAgentCmk } from '../bedrock/bedrock_agent_cmk.js';
import { bedrockAgentGuardrail } from '../bedrock/bedrock_agent_guardrail.js';
import { bedrockAgentGuardrailVersionPinned } from '../bedrock/bedrock_agent_guardrail_version_pinned.js';
import { bedrockAgentRoleLeastPrivilege } from '../bedrock/bedrock_agent_role_least_privilege.js';
import { bedrockAgentRoleNotShared } from '../bedrock/bedrock_agent_role_not_shared.js';
import { bedrockLambdaPermissionSourceScoped } from '../bedrock/bedrock_lambda_permission_source_scoped.js';
import { bedrockGuardrailsConfigured } from '../bedrock/bedrock_guardrails_configured.js';
import { bedrockGuardrailPromptAttackHigh } from '../bedrock/bedrock_guardrail_prompt_attack_high.js';
import { bedrockGuardrailHarmfulContentFilters } from '../bedrock/bedrock_guardrail_harmful_content_filters.js';
import { bedrockGuardrailSensitiveInformationFilter } from '../bedrock/bedrock_guardrail_sensitive_information_filter.js';
import { bedrockGuardrailContextualGrounding } from '../bedrock/bedrock_guardrail_contextual_grounding.js';
import { bedrockGuardrailDeniedTopics } from '../bedrock/bedrock_guardrail_denied_topics.js';
import { bedrockGuardrailCmk } from '../bedrock/bedrock_guardrail_cmk.js';
import { bedrockKnowledgeBaseVectorStoreCmk } from '../bedrock/bedrock_knowledge_base_vector_store_cmk.js';
import { bedrockDataSourceCmk } from '../bedrock/bedrock_data_source_cmk.js';
import { bedrockPromptCmk } from '../bedrock/bedrock_prompt_cmk.js';
import { bedrockFlowCmk } from '../bedrock/bedrock_flow_cmk.js';
import { bedrockCustomModelCmk } from '../bedrock/bedrock_custom_model_cmk.js';
import { bedrockCustomModelTrainingVpc } from '../bedrock/bedrock_custom_model_training_vpc.js';
import { bedrockModelInvocationLoggingEnabled } from '../bedrock/bedrock_model_invocation_logging_enabled.js';
import { bedrockModelInvocationLogsCmk } from '../bedrock/bedrock_model_invocation_logs_cmk.js';
import { bedrockVpcInterfaceEndpoints } from '../bedrock/bedrock_vpc_interface_endpoints.js';
import { bedrockVpcEndpointPrivateDns } from '../bedrock/bedrock_vpc_endpoint_private_dns.js';
import { bedrockFullAccessPolicyNotAttached } from '../bedrock/bedrock_full_access_policy_not_attached.js';
import { bedrockAgentcoreRuntimeVpc } from '../bedrock/bedrock_agentcore_runtime_vpc.js';
import { bedrockAgentcoreCodeInterpreterPrivate } from '../bedrock/bedrock_agentcore_code_interpreter_private.js';
import { bedrockAgentcoreBrowserPrivate } from '../bedrock/bedrock_agentcore_browser_private.js';
import { bedrockAgentcoreMemoryCmk } from '../bedrock/bedrock_agentcore_memory_cmk.js';
import { bedrockAgentcoreGatewayCmk } from '../bedrock/bedrock_agentcore_gateway_cmk.js';
import { sagemakerNotebookKmsCmk } from '../sagemaker/sagemaker_notebook_kms_cmk.js';
import { sagemakerNotebookDirectInternetAccessDisabled } from '../sagemaker/sagemaker_notebook_direct_internet_access_disabled.js';
import { sagemakerNotebookInVpc } from '../sagemaker/sagemaker_notebook_in_vpc.js';
import { sagemakerNotebookRootAccessDisabled } from '../sagemaker/sagemaker_notebook_root_access_disabled.js';
import { sagemakerNotebookImdsv2Only } from '../sagemaker/sagemaker_notebook_imdsv2_only.js';
import { sagemakerNotebookRoleLeastPrivilege } from '../sagemaker/sagemaker_notebook_role_least_privilege.js';
import { sagemakerNotebookSupportedPlatform } from '../sagemaker/sagemaker_notebook_supported_platform.js';
import { sagemakerDomainKmsCmk } from '../sagemaker/sagemaker_domain_kms_cmk.js';
import { sagemakerDomainVpcOnly } from '../sagemaker/sagemaker_domain_vpc_only.js';
import { sagemakerDomainSsoAuth } from '../sagemaker/sagemaker_domain_sso_auth.js';
import { sagemakerEndpointConfigKmsCmk } from '../sagemaker/sagemaker_endpoint_config_kms_cmk.js';
import { sagemakerEndpointConfigMultiInstance } from '../sagemaker/sagemaker_endpoint_config_multi_instance.js';
import { sagemakerEndpointConfigDataCaptureEnabled } from '../sagemaker/sagemaker_endpoint_config_data_capture_enabled.js';
import { sagemakerEndpointConfigDataCaptureKmsCmk } from '../sagemaker/sagemaker_endpoint_config_data_capture_kms_cmk.js';
import { sagemakerEndpointConfigAsyncOutputKmsCmk } from '../sagemaker/sagemaker_endpoint_config_async_output_kms_cmk.js';
import { sagemakerModelNetworkIsolation } from '../sagemaker/sagemaker_model_network_isolation.js';
import { sagemakerModelVpcConfig } from '../sagemaker/sagemaker_model_vpc_config.js';
import { sagemakerMonitoringJobOutputKmsCmk } from '../sagemaker/sagemaker_monitoring_job_output_kms_cmk.js';
import { sagemakerMonitoringJobVolumeKmsCmk } from '../sagemaker/sagemaker_monitoring_job_volume_kms_cmk.js';
import { sagemakerMonitoringJobInterContainerEncryption } from '../sagemaker/sagemaker_monitoring_job_inter_container_encryption.js';
import { sagemakerMonitoringJobNetworkIsolation } from '../sagemaker/sagemaker_monitoring_job_network_isolation.js';
import { sagemakerFeatureGroupOfflineStoreKmsCmk } from '../sagemaker/sagemaker_feature_group_offline_store_kms_cmk.js';
import { sagemakerFeatureGroupOnlineStoreKmsCmk } from '../sagemaker/sagemaker_feature_group_online_store_kms_cmk.js';
import { sagemakerFlowDefinitionOutputKmsCmk } from '../sagemaker/sagemaker_flow_definition_output_kms_cmk.js';
import { sagemakerPipelineTrainingNetworkIsolation } from '../sagemaker/sagemaker_pipeline_training_network_isolation.js';
import { sagemakerPipelineTrainingInterContainerEncryption } from '../sagemaker/sagemaker_pipeline_training_inter_container_encryption.js';
import { sagemakerPipelineTrainingKms } from '../sagemaker/sagemaker_pipeline_training_kms.js';
import { sagemakerPipelineTrainingVpc } from '../sagemaker/sagemaker_pipeline_training_vpc.js';
import { sagemakerFullAccessPolicyNotAttached } from '../sagemaker/sagemaker_full_access_policy_not_attached.js';
import { sagemakerNotebookLifecycleNoSecrets } from '../sagemaker/sagemaker_notebook_lifecycle_no_secrets.js';
import { sagemakerModelEnvironmentNoSecrets } from '../sagemaker/sagemaker_model_environment_no_secrets.js';
import { bedrockAgentcoreRuntimeEnvironmentNoSecrets } from '../bedrock/bedrock_agentcore_runtime_environment_no_secrets.js';
import { opensearchServerlessCollectionCmk } from '../opensearch/opensearch_serverless_collection_cmk.js';
import { opensearchServerlessCollectionNotPublic } from '../opensearch/opensearch_serverless_collection_not_public.js';
import { opensearchServerlessAccessPolicyNoWildcards } from '../opensearch/opensearch_serverless_access_policy_no_wildcards.js';

/** Bedrock, SageMaker and vector-store rules, in a stable order (service, then resource). */
export const aiWorkloadRules: readonly Rule[] = [
  bedrockAgentCmk,
  bedrockAgentGuardrail,
  bedrockAgentGuardrailVersionPinned,
  bedrockAgentRoleLeastPrivilege,
  bedrockAgentRoleNotShared,
  bedrockServiceRoleLeastPrivilege,
  bedrockLambdaPermissionSourceScoped,
  bedrockGuardrailsConfigured,
  bedrockGuardrailPromptAttackHigh,
  bedrockGuardrailHarmfulContentFilters,
  bedrockGuardrailSensitiveInformationFilter,
  bedrockGuardrailContextualGrounding,
  bedrockGuardrailDeniedTopics,
  bedrockGuardrailCmk,
  bedrockKnowledgeBaseVectorStoreCmk,
  bedrockDataSourceCmk,
  bedrockPromptCmk,
  bedrockFlowCmk,
  bedrockCustomModelCmk,
  bedrockCustomModelTrainingVpc,
  bedrockModelInvocationLoggingEnabled,
  bedrockModelInvocationLogsCmk,
  bedrockVpcInterfaceEndpoints,
  bedrockVpcEndpointPrivateDns,
  bedrockFullAccessPolicyNotAttached,
  bedrockAgentcoreRuntimeVpc,
  bedrockAgentcoreCodeInterpreterPrivate,
  bedrockAgentcoreBrowserPrivate,
  bedrockAgentcoreMemoryCmk,
  bedrockAgentcoreGatewayCmk,
  bedrockAgentcoreGatewayAuthorizer,
  sagemakerNotebookKmsCmk,
  sagemakerNotebookDirectInternetAccessDisabled,
  sagemakerNotebookInVpc,
  sagemakerNotebookRootAccessDisabled,
  sagemakerNotebookImdsv2Only,
  sagemakerNotebookRoleLeastPrivilege,
  sagemakerNotebookSupportedPlatform,
  sagemakerNotebookLifecycleNoSecrets,
  sagemakerExecutionRoleLeastPrivilege,
  sagemakerDomainKmsCmk,
  sagemakerDomainVpcOnly,
  sagemakerDomainSsoAuth,
  sagemakerEndpointConfigKmsCmk,
  sagemakerEndpointConfigMultiInstance,
  sagemakerEndpointConfigDataCaptureEnabled,
  sagemakerEndpointConfigDataCaptureKmsCmk,
  sagemakerEndpointConfigAsyncOutputKmsCmk,
  sagemakerInferenceExperimentVolumeKmsCmk,
  sagemakerInferenceExperimentDataKmsCmk,
  sagemakerModelNetworkIsolation,
  sagemakerModelVpcConfig,
  sagemakerModelEnvironmentNoSecrets,
  bedrockAgentcoreRuntimeEnvironmentNoSecrets,
  sagemakerModelPackageGroupNotPublic,
  sagemakerMonitoringJobOutputKmsCmk,
  sagemakerMonitoringJobVolumeKmsCmk,
  sagemakerMonitoringJobInterContainerEncryption,
  sagemakerMonitoringJobNetworkIsolation,
  sagemakerFeatureGroupOfflineStoreKmsCmk,
  sagemakerFeatureGroupOnlineStoreKmsCmk,
  sagemakerFlowDefinitionOutputKmsCmk,
  sagemakerPipelineTrainingNetworkIsolation,
  sagemakerPipelineTrainingInterContainerEncryption,
  sagemakerPipelineTrainingKms,
  sagemakerPipelineTrainingVpc,
  sagemakerFullAccessPolicyNotAttached,
  opensearchServerlessCollectionCmk,
  opensearchServerlessCollectionNotPublic,
  opensearchServerlessAccessPolicyNoWildcards,
];
