import { asBoolean, kmsKeyKind, prop } from '../../resources/access.js';
import { isUnknown, type Resource } from '../../resources/types.js';
import { fail, pass, unknown, type Outcome, type ResourceRule, type RuleContext } from '../types.js';
import { collectionEncryption } from '../opensearch/policies.js';
import { asText, follow } from '../sagemaker/shared.js';
import { KNOWLEDGE_BASE_TYPES } from './shared.js';

const THIRD_PARTY_STORES = new Set(['PINECONE', 'REDIS_ENTERPRISE_CLOUD', 'MONGO_DB_ATLAS']);

function viaKey(
  kb: Resource,
  store: Resource,
  encrypted: unknown,
  key: unknown,
  ctx: RuleContext,
  defaultEncrypted: boolean,
): Outcome {
  const on = encrypted === undefined ? defaultEncrypted : asBoolean(encrypted);
  if (isUnknown(on))
    return unknown(
      `${kb.address}: encryption of vector store ${store.address} cannot be decided statically: ${on.reason}`,
    );
  if (on !== true)
    return fail(`${kb.address} stores vectors in ${store.address}, which is not encrypted at rest`);
  const kind = kmsKeyKind(key, ctx.graph);
  if (isUnknown(kind))
    return unknown(
      `${kb.address}: key of vector store ${store.address} cannot be decided statically: ${kind.reason}`,
    );
  if (kind === 'customer-managed')
    return pass(`${kb.address} stores vectors in ${store.address}, encrypted with a customer managed key`);
  return fail(
    `${kb.address} stores vectors in ${store.address}, which is not encrypted with a customer managed key`,
  );
}

export const bedrockKnowledgeBaseVectorStoreCmk: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_knowledge_base_vector_store_cmk',
  title: 'Bedrock knowledge bases keep their vectors in a store encrypted with a customer managed KMS key',
  severity: 'high',
  resourceTypes: KNOWLEDGE_BASE_TYPES,
  rationale:
    "A knowledge base has no key of its own: its chunks and embeddings live in the vector store it points to. The rule follows the storage configuration to the OpenSearch Serverless collection (through its encryption policy), Aurora cluster or OpenSearch domain and checks that store's key.",
  remediation: {
    text: 'Encrypt the vector store with a customer managed key: an OpenSearch Serverless encryption policy with AWSOwnedKey false and KmsARN, or StorageEncrypted with KmsKeyId on the Aurora cluster.',
    cloudformation:
      'EncryptionPolicy:\n  Type: AWS::OpenSearchServerless::SecurityPolicy\n  Properties:\n    Type: encryption\n    Name: kb-encryption\n    Policy: !Sub \'{"Rules":[{"ResourceType":"collection","Resource":["collection/kb-vectors"]}],"AWSOwnedKey":false,"KmsARN":"${VectorKey.Arn}"}\'',
    terraform:
      'resource "aws_opensearchserverless_security_policy" "enc" {\n  type = "encryption"\n  name = "kb-encryption"\n  policy = jsonencode({\n    Rules       = [{ ResourceType = "collection", Resource = ["collection/kb-vectors"] }]\n    AWSOwnedKey = false\n    KmsARN      = aws_kms_key.vectors.arn\n  })\n}',
  },
  controls: ['knowledge-base-cmk-encryption', 'vector-store-cmk-encryption'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    const type = asText(
      prop(resource, {
        cloudformation: 'StorageConfiguration.Type',
        terraform: 'storage_configuration.type',
      }),
    );
    if (isUnknown(type))
      return unknown(`${resource.address}: storage type cannot be decided statically: ${type.reason}`);
    const storeType = (type ?? '').toUpperCase();
    if (storeType === 'OPENSEARCH_SERVERLESS') {
      const arn = prop(resource, {
        cloudformation: 'StorageConfiguration.OpensearchServerlessConfiguration.CollectionArn',
        terraform: 'storage_configuration.opensearch_serverless_configuration.collection_arn',
      });
      const collection = follow(ctx, arn);
      if (!collection)
        return unknown(
          `${resource.address}: its OpenSearch Serverless collection is not defined in the scanned files`,
        );
      const result = collectionEncryption(collection, ctx.graph);
      const message = `${resource.address} stores vectors in ${collection.address}: ${result.detail}`;
      return result.status === 'pass'
        ? pass(message)
        : result.status === 'fail'
          ? fail(message)
          : unknown(message);
    }
    if (storeType === 'RDS') {
      const cluster = follow(
        ctx,
        prop(resource, {
          cloudformation: 'StorageConfiguration.RdsConfiguration.ResourceArn',
          terraform: 'storage_configuration.rds_configuration.resource_arn',
        }),
      );
      if (!cluster)
        return unknown(`${resource.address}: its Aurora cluster is not defined in the scanned files`);
      return viaKey(
        resource,
        cluster,
        prop(cluster, { cloudformation: 'StorageEncrypted', terraform: 'storage_encrypted' }),
        prop(cluster, { cloudformation: 'KmsKeyId', terraform: 'kms_key_id' }),
        ctx,
        false,
      );
    }
    if (storeType === 'OPENSEARCH_MANAGED_CLUSTER') {
      const domain = follow(
        ctx,
        prop(resource, {
          cloudformation: 'StorageConfiguration.OpensearchManagedClusterConfiguration.DomainArn',
          terraform: 'storage_configuration.opensearch_managed_cluster_configuration.domain_arn',
        }),
      );
      if (!domain)
        return unknown(`${resource.address}: its OpenSearch domain is not defined in the scanned files`);
      return viaKey(
        resource,
        domain,
        prop(domain, {
          cloudformation: 'EncryptionAtRestOptions.Enabled',
          terraform: 'encrypt_at_rest.enabled',
        }),
        prop(domain, {
          cloudformation: 'EncryptionAtRestOptions.KmsKeyId',
          terraform: 'encrypt_at_rest.kms_key_id',
        }),
        ctx,
        false,
      );
    }
    if (THIRD_PARTY_STORES.has(storeType)) {
      return unknown(
        `${resource.address} stores vectors in ${storeType}, a store outside AWS whose encryption a template cannot show`,
      );
    }
    return unknown(
      `${resource.address}: vector store type ${type ?? '(unset)'} is not followed by this rule`,
    );
  },
};
