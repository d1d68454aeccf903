/**
 * Test helpers for rule writers: load IaC text and run a rule on it the way `aigis scan` does.
 *
 *   const outcomes = await evaluateRuleOn(myRule, yamlText, 'cloudformation');
 *   expect(outcomes).toEqual([{ address: 'AWS::S3::Bucket.Data', status: 'fail', message: expect.any(String) }]);
 */
import { loadCloudFormation } from '../../src/iac/cloudformation.js';
import { buildGraph } from '../../src/resources/graph.js';
import type { ResourceGraph } from '../../src/resources/types.js';
import type { Rule, RuleContext, RuleStatus } from '../../src/rules/types.js';
import { evaluateRule } from '../../src/scan/evaluate.js';

export type IacTextFormat = 'cloudformation' | 'terraform';

const DEFAULT_FILE: Record<IacTextFormat, string> = { cloudformation: 'template.yaml', terraform: 'main.tf' };

/** Loads one template / .tf text into a graph. Throws on parse errors and on text that is not IaC of that format. */
export async function loadText(
  source: string,
  format: IacTextFormat,
  file = DEFAULT_FILE[format],
): Promise<ResourceGraph> {
  let result;
  if (format === 'cloudformation') result = loadCloudFormation(source, file);
  else {
    const { loadTerraformFiles } = await import('../../src/iac/terraform.js');
    // The text is not on disk: nothing is read from the directory the test runs in.
    result = await loadTerraformFiles([{ file, text: source }], {
      readTfvars: false,
      readModuleDir: () => [],
    });
  }
  if (!result.recognized) throw new Error(`${file}: not a ${format} document`);
  return buildGraph(result.resources);
}

/** Runs `rule` on the text (on resources of its types, or the whole graph for graph rules); rule errors are thrown. */
export async function evaluateRuleOn(
  rule: Rule,
  source: string,
  format: IacTextFormat,
  file?: string,
  workload?: RuleContext['workload'],
): Promise<Array<{ address: string; status: RuleStatus; message: string }>> {
  const graph = await loadText(source, format, file);
  const ctx: RuleContext = workload ? { graph, workload } : { graph };
  return evaluateRule(rule, graph, ctx, { rethrow: true }).map(({ resource, status, message }) => ({
    address: resource.address,
    status,
    message,
  }));
}
