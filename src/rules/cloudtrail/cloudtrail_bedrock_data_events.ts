import { asArray, getPath, isUnknown, type Resource, type Unknown } from '../../resources/index.js';
import { fail, pass, unknown, type GraphRule } from '../types.js';

const RECORDER_TYPES = [
  'AWS::CloudTrail::Trail',
  'aws_cloudtrail',
  'AWS::CloudTrail::EventDataStore',
  'aws_cloudtrail_event_data_store',
];

function isBedrockResource(r: Resource): boolean {
  return (
    r.type.startsWith('AWS::Bedrock::') ||
    r.type.startsWith('AWS::BedrockAgentCore::') ||
    r.type.startsWith('aws_bedrock')
  );
}

/** true when an advanced event selector records Bedrock data events; Unknown when a selector cannot be read. */
function recordsBedrockData(recorder: Resource): boolean | Unknown {
  const cfn = recorder.source === 'cloudformation' || recorder.source === 'cdk';
  const selectors = recorder.properties[cfn ? 'AdvancedEventSelectors' : 'advanced_event_selector'];
  if (isUnknown(selectors)) return selectors;
  for (const selector of asArray(selectors)) {
    const fields = asArray(getPath(selector, cfn ? 'FieldSelectors' : 'field_selector'));
    let dataCategory = false;
    let bedrockType = false;
    for (const field of fields) {
      const name = getPath(field, cfn ? 'Field' : 'field');
      const equals = getPath(field, cfn ? 'Equals' : 'equals');
      const starts = getPath(field, cfn ? 'StartsWith' : 'starts_with');
      if (isUnknown(equals)) return equals;
      const values = [...asArray(equals), ...asArray(starts)].filter(
        (v): v is string => typeof v === 'string',
      );
      if (name === 'eventCategory' && values.includes('Data')) dataCategory = true;
      if (name === 'resources.type' && values.some((v) => v.startsWith('AWS::Bedrock'))) bedrockType = true;
    }
    if (dataCategory && bedrockType) return true;
  }
  return false;
}

export const cloudtrailBedrockDataEvents: GraphRule = {
  kind: 'graph',
  id: 'cloudtrail_bedrock_data_events',
  title: 'When Bedrock is used, a trail or event data store records Bedrock data events',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::CloudTrail::Trail', 'AWS::CloudTrail::EventDataStore'],
    terraform: ['aws_cloudtrail', 'aws_cloudtrail_event_data_store'],
  },
  rationale:
    'Management events do not show agent invocations, knowledge-base retrievals, guardrail applications or tool calls; those are data events, recorded only when an advanced event selector asks for them. Without them, misuse of an agent or knowledge base leaves no audit trail. The rule applies when the scanned code declares Bedrock resources and at least one trail.',
  remediation: {
    text: 'Add an advanced event selector for data events on the Bedrock resource types you use (agent aliases, knowledge bases, guardrails, flows, models).',
    cloudformation: `AdvancedEventSelectors:
  - Name: Bedrock data events
    FieldSelectors:
      - Field: eventCategory
        Equals: [Data]
      - Field: resources.type
        Equals: [AWS::Bedrock::AgentAlias, AWS::Bedrock::KnowledgeBase, AWS::Bedrock::Guardrail]`,
    terraform: `advanced_event_selector {
  name = "Bedrock data events"
  field_selector {
    field  = "eventCategory"
    equals = ["Data"]
  }
  field_selector {
    field  = "resources.type"
    equals = ["AWS::Bedrock::AgentAlias", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::Guardrail"]
  }
}`,
  },
  controls: ['cloudtrail-ai-data-events'],
  equivalents: { checkov: [], prowler: ['cloudtrail_bedrock_logging_enabled'], securityhub: [], cdknag: [] },
  evaluateGraph(ctx) {
    if (!ctx.graph.resources.some(isBedrockResource)) return [];
    const recorders = ctx.graph.byType(...RECORDER_TYPES);
    const verdicts = recorders.map((r) => ({ recorder: r, records: recordsBedrockData(r) }));
    const recording = verdicts.find((v) => v.records === true);
    if (recording)
      return [
        {
          resource: recording.recorder,
          ...pass(`${recording.recorder.address}: records Bedrock data events`),
        },
      ];
    return verdicts.map(({ recorder, records }) =>
      isUnknown(records)
        ? {
            resource: recorder,
            ...unknown(`${recorder.address}: cannot be decided statically: ${records.reason}`),
          }
        : {
            resource: recorder,
            ...fail(
              `${recorder.address}: records no Bedrock data events although the scanned code uses Bedrock`,
            ),
          },
    );
  },
};
