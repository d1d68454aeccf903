import {
  asArray,
  getPath,
  isUnknown,
  type Resource,
  type ResourceGraph,
  type Unknown,
} from '../../resources/index.js';
import { fail, pass, unknown, type GraphRule, type Outcome } from '../types.js';

const FINDING_SOURCES: Record<string, string> = {
  'AWS::GuardDuty::Detector': 'aws.guardduty',
  aws_guardduty_detector: 'aws.guardduty',
  'AWS::SecurityHub::Hub': 'aws.securityhub',
  aws_securityhub_account: 'aws.securityhub',
};
const EVENT_RULE_TYPES = ['AWS::Events::Rule', 'aws_cloudwatch_event_rule'];

/** The `source` values an EventBridge pattern matches; Unknown when the pattern cannot be read. */
function patternSources(rule: Resource): string[] | Unknown {
  let pattern = rule.properties['EventPattern'] ?? rule.properties['event_pattern'];
  if (isUnknown(pattern)) return pattern;
  if (typeof pattern === 'string') {
    if (pattern.length > 100_000) return [];
    try {
      pattern = JSON.parse(pattern) as unknown;
    } catch {
      return [];
    }
  }
  const sources = getPath(pattern, 'source');
  if (isUnknown(sources)) return sources;
  return asArray(sources).filter((s): s is string => typeof s === 'string');
}

function targetsOf(rule: Resource, graph: ResourceGraph): string[] {
  if (rule.type === 'AWS::Events::Rule') {
    return asArray(rule.properties['Targets']).map((t) => {
      const target = graph.deref(getPath(t, 'Arn'));
      return target ? target.address : 'a target outside the scanned code';
    });
  }
  return graph
    .referrers(rule)
    .filter((r) => r.type === 'aws_cloudwatch_event_target')
    .map((t) => graph.deref(t.properties['arn'])?.address ?? t.address);
}

function isEnabled(rule: Resource): boolean {
  const state = rule.properties['State'] ?? rule.properties['state'];
  const legacy = rule.properties['is_enabled'];
  return state !== 'DISABLED' && legacy !== false && legacy !== 'false';
}

export const guarddutyFindingsRoutedToResponder: GraphRule = {
  kind: 'graph',
  id: 'guardduty_findings_routed_to_responder',
  title: 'GuardDuty and Security Hub findings are routed by EventBridge to a responder',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::GuardDuty::Detector', 'AWS::SecurityHub::Hub', 'AWS::Events::Rule'],
    terraform: [
      'aws_guardduty_detector',
      'aws_securityhub_account',
      'aws_cloudwatch_event_rule',
      'aws_cloudwatch_event_target',
    ],
  },
  rationale:
    'A finding that nobody sees does not stop an attack. An EventBridge rule on aws.guardduty / aws.securityhub events with a Lambda, SNS, SQS or Step Functions target turns findings about stolen credentials or model abuse into a page or an automatic containment.',
  remediation: {
    text: 'Add an EventBridge rule matching the finding source with a notification or remediation target.',
    cloudformation: `FindingsRule:
  Type: AWS::Events::Rule
  Properties:
    EventPattern:
      source: [aws.guardduty]
      detail-type: [GuardDuty Finding]
    Targets:
      - Id: notify
        Arn: !Ref SecurityTopic`,
    terraform: `resource "aws_cloudwatch_event_rule" "guardduty" {
  event_pattern = jsonencode({ source = ["aws.guardduty"], "detail-type" = ["GuardDuty Finding"] })
}
resource "aws_cloudwatch_event_target" "notify" {
  rule = aws_cloudwatch_event_rule.guardduty.name
  arn  = aws_sns_topic.security.arn
}`,
  },
  controls: ['automated-response-playbooks'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluateGraph(ctx) {
    const producers = ctx.graph.byType(...Object.keys(FINDING_SOURCES));
    if (producers.length === 0) return [];
    const rules = ctx.graph.byType(...EVENT_RULE_TYPES).filter(isEnabled);
    return producers.map((producer) => {
      const source = FINDING_SOURCES[producer.type] ?? '';
      let undecided: Unknown | undefined;
      let matchedWithoutTarget: Resource | undefined;
      for (const rule of rules) {
        const sources = patternSources(rule);
        if (isUnknown(sources)) {
          undecided ??= sources;
          continue;
        }
        if (!sources.includes(source)) continue;
        const targets = targetsOf(rule, ctx.graph);
        if (targets.length > 0) {
          return {
            resource: producer,
            ...pass(
              `${producer.address}: ${source} findings go to ${targets.join(', ')} through ${rule.address}`,
            ),
          };
        }
        matchedWithoutTarget ??= rule;
      }
      let outcome: Outcome;
      if (undecided)
        outcome = unknown(`${producer.address}: cannot be decided statically: ${undecided.reason}`);
      else if (matchedWithoutTarget)
        outcome = fail(
          `${producer.address}: ${matchedWithoutTarget.address} matches ${source} findings but has no target`,
        );
      else
        outcome = fail(`${producer.address}: no EventBridge rule routes ${source} findings to a responder`);
      return { resource: producer, ...outcome };
    });
  },
};
