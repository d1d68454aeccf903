export * from './types.js';
export { loadCloudFormation, mightBeCloudFormation, type CloudFormationOptions } from './cloudformation.js';
export {
  resolveValue,
  evaluateCondition,
  createContext,
  NO_VALUE,
  type CfnContext,
} from './cfn-intrinsics.js';
export { suppressionsFromComments, suppressionsFromMetadata } from './suppressions.js';
export {
  loadTerraformFiles,
  parseTerraformFile,
  encodeJson,
  type TerraformFile,
  type TerraformOptions,
} from './terraform.js';
export { loadTerraformPlan, isTerraformPlan } from './terraform-plan.js';
export { loadCdkAssembly, isCdkManifest, cdkTemplateFiles } from './cdk.js';
