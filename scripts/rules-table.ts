/**
 * Prints a Markdown table of every rule aigis ships (id, severity, title, equivalents), for the README.
 *
 *   npx tsx scripts/rules-table.ts            # all rules
 *   npx tsx scripts/rules-table.ts bedrock_   # rules whose id starts with a prefix
 */
import { allRules } from '../src/rules/index.js';
import type { Rule } from '../src/rules/types.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** AwsSolutions ids in full; the compliance-pack ids (HIPAA, NIST, PCI) of the same check are counted. */
function cdkNag(ids: readonly string[]): string {
  const solutions = ids.filter((c) => c.startsWith('AwsSolutions-'));
  const packs = ids.length - solutions.length;
  const rule = ids.find((c) => !c.startsWith('AwsSolutions-'))?.replace(/^.*-/, '');
  const packText = packs ? `${rule} in ${packs} compliance packs` : '';
  return [solutions.join(', '), packText].filter(Boolean).join(' + ');
}

function equivalents(rule: Rule): string {
  const { checkov, prowler, securityhub, cdknag } = rule.equivalents;
  const parts = [
    checkov.length ? `Checkov ${checkov.join(', ')}` : '',
    prowler.length ? `Prowler ${prowler.map((p) => `\`${p}\``).join(', ')}` : '',
    securityhub.length ? `Security Hub ${securityhub.join(', ')}` : '',
    cdknag.length ? `cdk-nag ${cdkNag(cdknag)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : '— (new)';
}

export function rulesTable(rules: readonly Rule[]): string {
  const lines = ['| id | severity | title | equivalents |', '| --- | --- | --- | --- |'];
  for (const rule of rules) {
    lines.push(`| \`${rule.id}\` | ${rule.severity} | ${cell(rule.title)} | ${cell(equivalents(rule))} |`);
  }
  return lines.join('\n');
}

const prefixes = process.argv.slice(2);
const selected = prefixes.length
  ? allRules.filter((r) => prefixes.some((p) => r.id.startsWith(p)))
  : allRules;
process.stdout.write(`${rulesTable(selected)}\n`);
