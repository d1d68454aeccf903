// IaC loaders: text in, Resources out. `scan()` in src/scan walks files and picks the loader.
export * from './types.js';
export { loadCloudFormation, mightBeCloudFormation, type CloudFormationOptions } from './cloudformation.js';
export {
  resolveValue as resolveCfnValue,
  evaluateCondition as evaluateCfnCondition,
  createContext as createCfnContext,
  NO_VALUE as CFN_NO_VALUE,
  type CfnContext,
} from './cfn-intrinsics.js';
export { suppressionsFromComments, suppressionsFromMetadata } from './suppressions.js';
export {
  loadTerraformFiles,
  parseTerraformFile,
  encodeJson as terraformJsonEncode,
  type TerraformFile,
  type TerraformOptions,
} from './terraform.js';
export { loadTerraformPlan, isTerraformPlan } from './terraform-plan.js';
export { loadCdkAssembly, isCdkManifest, cdkTemplateFiles } from './cdk.js';
