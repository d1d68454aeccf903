import type { ScanReport, ScanResult } from '../scan/types.js';

/**
 * JUnit XML for CI test tabs: one testsuite per rule, one testcase per evaluated resource.
 * A failure is a <failure>, an undecidable check or a suppression is <skipped> with the reason.
 */

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry are dropped; the five specials are escaped.
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attr = (name: string, value: string | number): string => `${name}="${escapeXml(String(value))}"`;

function testcase(r: ScanResult): string {
  const head = `    <testcase ${attr('name', r.resource.address)} ${attr('classname', r.ruleId)} ${attr('file', r.resource.file)} ${attr('line', r.resource.line)}`;
  switch (r.status) {
    case 'pass':
      return `${head}/>`;
    case 'fail':
      return `${head}>\n      <failure ${attr('message', r.message)} ${attr('type', r.severity)}>${escapeXml(`${r.resource.file}:${r.resource.line}: ${r.resource.address}: ${r.message}`)}</failure>\n    </testcase>`;
    case 'unknown':
      return `${head}>\n      <skipped ${attr('message', `cannot be decided statically: ${r.message}`)}/>\n    </testcase>`;
    case 'suppressed':
      return `${head}>\n      <skipped ${attr('message', `suppressed (${r.suppression?.origin ?? 'unknown'}): ${r.suppression?.reason ?? 'no reason given'}`)}/>\n    </testcase>`;
  }
}

export function toJunit(report: ScanReport): string {
  const byRule = new Map<string, ScanResult[]>();
  for (const r of report.results) {
    const list = byRule.get(r.ruleId);
    if (list) list.push(r);
    else byRule.set(r.ruleId, [r]);
  }
  const suites = [...byRule.entries()].map(([ruleId, results]) => {
    const failures = results.filter((r) => r.status === 'fail').length;
    const skipped = results.filter((r) => r.status === 'unknown' || r.status === 'suppressed').length;
    const title = results[0]?.title ?? ruleId;
    return [
      `  <testsuite ${attr('name', ruleId)} ${attr('tests', results.length)} ${attr('failures', failures)} ${attr('errors', 0)} ${attr('skipped', skipped)}>`,
      `    <properties><property ${attr('name', 'title')} ${attr('value', title)}/><property ${attr('name', 'severity')} ${attr('value', results[0]?.severity ?? '')}/></properties>`,
      ...results.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  const errorSuite = report.errors.length
    ? [
        `  <testsuite ${attr('name', 'aigis-parse')} ${attr('tests', report.errors.length)} ${attr('failures', 0)} ${attr('errors', report.errors.length)}>`,
        ...report.errors.map(
          (e) =>
            `    <testcase ${attr('name', e.file)} ${attr('classname', 'parse')}>\n      <error ${attr('message', `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`)}/>\n    </testcase>`,
        ),
        '  </testsuite>',
      ]
    : [];
  const s = report.summary;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attr('name', 'aigis scan')} ${attr('tests', s.evaluated)} ${attr('failures', s.fail)} ${attr('errors', report.errors.length)} ${attr('skipped', s.unknown + s.suppressed)}>`,
    ...suites,
    ...errorSuite,
    '</testsuites>',
    '',
  ].join('\n');
}
