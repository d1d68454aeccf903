import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { resolveTerraformGuardrails } from '../../src/cli/terraform-guardrails.js';
import { importBedrockFile } from '../../src/guard/policy/bedrock-formats.js';

// Real guardrails are written with variables and dynamic blocks; the CLI resolves them with the scanner's
// Terraform loader before the guard converts the guardrail.
const MAIN_TF = `
resource "aws_bedrock_guardrail" "chat" {
  name                      = "\${var.name}-guardrail"
  blocked_input_messaging   = "Sorry."
  blocked_outputs_messaging = "Sorry."
  kms_key_arn               = aws_kms_key.k.arn

  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = var.prompt_attack_strength
      output_strength = "NONE"
    }
  }

  sensitive_information_policy_config {
    dynamic "pii_entities_config" {
      for_each = local.masked
      content {
        type   = pii_entities_config.value
        action = "ANONYMIZE"
      }
    }
  }
}

resource "aws_kms_key" "k" {}

locals {
  masked = ["EMAIL", "PHONE"]
}
`;
const VARIABLES_TF = `
variable "name" {
  default = "support"
}
variable "prompt_attack_strength" {
  default = "HIGH"
}
`;

function module(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aigis-guard-tf-'));
  writeFileSync(join(dir, 'main.tf'), MAIN_TF);
  writeFileSync(join(dir, 'variables.tf'), VARIABLES_TF);
  return join(dir, 'main.tf');
}

describe('guard policy import from Terraform with variables and dynamic blocks', () => {
  it('fails without resolution: a variable where aigis needs a literal', async () => {
    await expect(importBedrockFile(module())).rejects.toThrow(/input_strength: a Terraform expression/);
  });

  it('imports once the module is resolved', async () => {
    const file = module();
    const { policy, warnings } = await importBedrockFile(file, {
      resolveTerraform: resolveTerraformGuardrails,
    });
    const plain = parseYaml(JSON.stringify(policy)) as {
      name: string;
      contentPolicy: { filters: Array<{ type: string; inputStrength: string }> };
      sensitiveInformationPolicy: { piiEntities: Array<{ type: string; action: string }> };
    };
    expect(plain.name).toBe('support-guardrail');
    expect(plain.contentPolicy.filters).toEqual([
      expect.objectContaining({ type: 'PROMPT_ATTACK', inputStrength: 'HIGH' }),
    ]);
    expect(plain.sensitiveInformationPolicy.piiEntities.map((e) => [e.type, e.action])).toEqual([
      ['EMAIL', 'ANONYMIZE'],
      ['PHONE', 'ANONYMIZE'],
    ]);
    expect(warnings.join('\n')).toMatch(/kms_key_arn/);
  });
});
