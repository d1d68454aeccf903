import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';

/** Short-form tag -> long-form key. `!Condition` only appears inside condition functions. */
const SHORT_FORMS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  GetAtt: 'Fn::GetAtt',
  Sub: 'Fn::Sub',
  Join: 'Fn::Join',
  If: 'Fn::If',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  FindInMap: 'Fn::FindInMap',
  ImportValue: 'Fn::ImportValue',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  GetAZs: 'Fn::GetAZs',
  Equals: 'Fn::Equals',
  And: 'Fn::And',
  Or: 'Fn::Or',
  Not: 'Fn::Not',
  Transform: 'Fn::Transform',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
};

function scalarValue(long: string, value: string): unknown {
  if (long === 'Fn::GetAtt') {
    // `!GetAtt A.B.C` is logical id A, attribute B.C.
    const dot = value.indexOf('.');
    return dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
  }
  return value;
}

/** yaml customTags for every CloudFormation short form, in scalar, sequence and mapping shapes. */
export const CLOUDFORMATION_TAGS: Array<ScalarTag | CollectionTag> = Object.entries(SHORT_FORMS).flatMap(
  ([short, long]): Array<ScalarTag | CollectionTag> => [
    { tag: `!${short}`, resolve: (value: string) => ({ [long]: scalarValue(long, value) }) },
    {
      tag: `!${short}`,
      collection: 'seq',
      resolve: (seq) => ({ [long]: (seq as YAMLSeq).toJSON() as unknown }) as never,
    },
    {
      tag: `!${short}`,
      collection: 'map',
      resolve: (map) => ({ [long]: (map as YAMLMap).toJSON() as unknown }) as never,
    },
  ],
);
