import { describe, expect, it } from 'vitest';
import { loadCloudFormation } from '../../src/iac/cloudformation.js';
import { isResourceRef, isUnknown, ResourceRef, type Resource } from '../../src/resources/types.js';
import { InputError } from '../../src/util/errors.js';

function load(text: string, file = 't.yaml', parameters?: Record<string, string>): Resource[] {
  const result = loadCloudFormation(text, file, parameters ? { parameters } : {});
  expect(result.recognized).toBe(true);
  return result.resources;
}
const byName = (rs: Resource[], name: string): Resource => {
  const r = rs.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name}`);
  return r;
};

const YAML_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
    Default: prod
  Secret:
    Type: String
  Subnets:
    Type: CommaDelimitedList
    Default: "a, b,c"
Mappings:
  RegionMap:
    prod:
      Size: large
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  HasSecret: !Equals [!Ref Secret, ""]
  ProdOrSecret: !Or [!Condition IsProd, !Condition HasSecret]
  DevAndSecret: !And [!Condition IsDev, !Condition HasSecret]
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      Description: !Sub 'key for \${Env} in \${AWS::Region}'
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Join ['-', [data, !Ref Env, !Select [1, !Ref Subnets]]]
      Size: !FindInMap [RegionMap, !Ref Env, Size]
      Key: !GetAtt Key.Arn
      KeyList: !GetAtt [Key, KeyId]
      KeyRef: !Ref Key
      Imported: !ImportValue shared-key
      Azs: !GetAZs ''
      Split: !Split [',', 'x,y']
      Encoded: !Base64 'hello'
      Cidr: !Cidr ['10.0.0.0/16', 2, 8]
      Choice: !If [IsProd, yes-prod, no-prod]
      Gone: !If [IsProd, !Ref AWS::NoValue, kept]
      List: [a, !Ref AWS::NoValue, b]
      Unknowable: !If [HasSecret, a, b]
      Arn: !Sub 'arn:\${AWS::Partition}:s3:::\${Data}/*'
      Whole: !Sub '\${Key.Arn}'
      WithVars: !Sub
        - 'prefix-\${Name}'
        - Name: !Ref Env
      Escaped: !Sub 'literal \${!NotAVar}'
      SecretSub: !Sub 'x-\${Secret}'
  DevOnly:
    Type: AWS::SNS::Topic
    Condition: IsDev
  MaybeSecret:
    Type: AWS::SQS::Queue
    Condition: HasSecret
  ProdTopic:
    Type: AWS::SNS::Topic
    Condition: ProdOrSecret
  DevSecretTopic:
    Type: AWS::SNS::Topic
    Condition: DevAndSecret
`;

describe('CloudFormation YAML loader', () => {
  const resources = load(YAML_TEMPLATE);
  const data = byName(resources, 'Data');
  const p = data.properties;

  it('addresses resources like Checkov and reports the logical id line', () => {
    expect(data.address).toBe('AWS::S3::Bucket.Data');
    expect(data.type).toBe('AWS::S3::Bucket');
    expect(data.line).toBe(YAML_TEMPLATE.split('\n').indexOf('  Data:') + 1);
    expect(byName(resources, 'Key').line).toBe(YAML_TEMPLATE.split('\n').indexOf('  Key:') + 1);
    expect(data.source).toBe('cloudformation');
  });

  it('resolves parameters, pseudo parameters, mappings, join, select, split', () => {
    expect(p['BucketName']).toBe('data-prod-b');
    expect(p['Size']).toBe('large');
    expect(p['Split']).toEqual(['x', 'y']);
    expect(p['Encoded']).toBe('hello');
    expect(p['WithVars']).toBe('prefix-prod');
    expect(p['Escaped']).toBe('literal ${NotAVar}');
    expect(byName(resources, 'Key').properties['Description']).toBe('key for prod in ${AWS::Region}');
  });

  it('turns Ref and GetAtt of resources into ResourceRefs', () => {
    expect(p['Key']).toEqual(new ResourceRef('AWS::KMS::Key.Key', 'Arn'));
    expect(p['KeyList']).toEqual(new ResourceRef('AWS::KMS::Key.Key', 'KeyId'));
    expect(p['KeyRef']).toEqual(new ResourceRef('AWS::KMS::Key.Key'));
    expect(p['Whole']).toEqual(new ResourceRef('AWS::KMS::Key.Key', 'Arn'));
    expect(p['Arn']).toBe('arn:aws:s3:::${Data}/*');
  });

  it('gives Unknown for deploy-time values and unknown parameters', () => {
    for (const key of ['Imported', 'Azs', 'Cidr', 'Unknowable', 'SecretSub'])
      expect(isUnknown(p[key]), key).toBe(true);
  });

  it('evaluates conditions: If picks a branch, NoValue removes, false conditions drop resources', () => {
    expect(p['Choice']).toBe('yes-prod');
    expect('Gone' in p).toBe(false);
    expect(p['List']).toEqual(['a', 'b']);
    expect(resources.some((r) => r.name === 'DevOnly')).toBe(false);
    expect(isUnknown(byName(resources, 'MaybeSecret').condition)).toBe(true);
    expect(byName(resources, 'ProdTopic').condition).toBeUndefined();
    // And with a false operand is false even when the other operand is unknown.
    expect(resources.some((r) => r.name === 'DevSecretTopic')).toBe(false);
  });

  it('applies parameter overrides', () => {
    const rs = load(YAML_TEMPLATE, 't.yaml', { Env: 'dev', Secret: '' });
    expect(byName(rs, 'Data').properties['Choice']).toBe('no-prod');
    expect(rs.some((r) => r.name === 'DevOnly')).toBe(true);
    expect(byName(rs, 'MaybeSecret').condition).toBeUndefined();
  });
});

describe('CloudFormation JSON loader', () => {
  const json = JSON.stringify(
    {
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: { Path: '/' } },
        Notebook: {
          Type: 'AWS::SageMaker::NotebookInstance',
          Properties: {
            RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] },
            Name: { 'Fn::Join': ['', ['nb-', { Ref: 'AWS::StackName' }]] },
            KmsKeyId: { 'Fn::ImportValue': 'key' },
          },
          Metadata: { checkov: { skip: [{ id: 'CKV_AWS_122', comment: 'root needed for lab' }] } },
        },
      },
    },
    null,
    2,
  );
  const resources = load(json, 't.json');

  it('reads long-form intrinsics and lines of logical ids', () => {
    const nb = byName(resources, 'Notebook');
    expect(nb.properties['RoleArn']).toEqual(new ResourceRef('AWS::IAM::Role.Role', 'Arn'));
    expect(nb.properties['Name']).toBe('nb-${AWS::StackName}');
    expect(isUnknown(nb.properties['KmsKeyId'])).toBe(true);
    expect(nb.line).toBe(json.split('\n').findIndex((l) => l.includes('"Notebook"')) + 1);
    expect(byName(resources, 'Role').line).toBe(
      json.split('\n').findIndex((l) => l.includes('"Role": {')) + 1,
    );
  });

  it('reads Checkov metadata suppressions', () => {
    expect(byName(resources, 'Notebook').suppressions).toEqual([
      { ruleId: 'CKV_AWS_122', reason: 'root needed for lab', origin: 'checkov' },
    ]);
  });
});

describe('suppressions', () => {
  const text = `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    # aigis:skip=s3_bucket_versioning_enabled logs are immutable elsewhere
    # checkov:skip=CKV_AWS_18:access logs go to CloudTrail
    Metadata:
      aigis:
        skip:
          - id: s3_bucket_encrypted
            reason: encrypted by default
      cdk_nag:
        rules_to_suppress:
          - id: AwsSolutions-S1
            reason: no logs needed
          - id: AwsSolutions-IAM5[Action::s3:*]
    Properties:
      BucketName: "# aigis:skip=not_a_comment_inside_string"
  Other:
    Type: AWS::S3::Bucket
`;
  const result = loadCloudFormation(text, 's.yaml');
  const bucket = result.resources.find((r) => r.name === 'Bucket')!;

  it('reads metadata and inline comment suppressions of every form', () => {
    expect(bucket.suppressions).toEqual(
      expect.arrayContaining([
        { ruleId: 's3_bucket_versioning_enabled', reason: 'logs are immutable elsewhere', origin: 'aigis' },
        { ruleId: 'CKV_AWS_18', reason: 'access logs go to CloudTrail', origin: 'checkov' },
        { ruleId: 's3_bucket_encrypted', reason: 'encrypted by default', origin: 'aigis' },
        { ruleId: 'AwsSolutions-S1', reason: 'no logs needed', origin: 'cdk-nag' },
        { ruleId: 'AwsSolutions-IAM5', origin: 'cdk-nag' },
      ]),
    );
    expect(bucket.suppressions).toHaveLength(5);
    expect(result.resources.find((r) => r.name === 'Other')!.suppressions).toEqual([]);
  });

  it('warns about a suppression without a reason', () => {
    expect(result.warnings.map((w) => w.message)).toEqual([
      'AWS::S3::Bucket.Bucket: suppression of AwsSolutions-IAM5 has no reason',
    ]);
  });
});

describe('SAM', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Tracing: Active
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: src/
      Policies:
        - AmazonBedrockFullAccess
        - Statement:
            - Effect: Allow
              Action: s3:GetObject
              Resource: '*'
      FunctionUrlConfig:
        AuthType: NONE
      Events:
        Get:
          Type: Api
          Properties: { Path: /, Method: get }
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      TracingEnabled: true
      Auth:
        DefaultAuthorizer: Cognito
        Authorizers:
          Cognito:
            UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/x
  Http:
    Type: AWS::Serverless::HttpApi
    Properties:
      AccessLogSettings:
        DestinationArn: arn:aws:logs:us-east-1:123456789012:log-group:x
        Format: $context.requestId
  Table:
    Type: AWS::Serverless::SimpleTable
    Properties:
      SSESpecification:
        SSEEnabled: true
  Invoker:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !GetAtt Fn.Arn
`;
  const resources = load(text);

  it('expands functions into function, role and URL', () => {
    const fn = byName(resources, 'Fn');
    expect(fn.type).toBe('AWS::Lambda::Function');
    expect(fn.address).toBe('AWS::Serverless::Function.Fn');
    expect(fn.properties['Runtime']).toBe('python3.12');
    expect(fn.properties['TracingConfig']).toEqual({ Mode: 'Active' });
    expect(fn.properties['Role']).toEqual(new ResourceRef('AWS::IAM::Role.FnRole', 'Arn'));
    const role = byName(resources, 'FnRole');
    expect(role.properties['ManagedPolicyArns']).toContain('arn:aws:iam::aws:policy/AmazonBedrockFullAccess');
    expect(role.properties['Policies']).toHaveLength(1);
    const url = byName(resources, 'FnUrl');
    expect(url.properties['AuthType']).toBe('NONE');
    expect(url.properties['TargetFunctionArn']).toEqual(new ResourceRef('AWS::Serverless::Function.Fn'));
    expect(byName(resources, 'Invoker').properties['FunctionName']).toEqual(
      new ResourceRef('AWS::Serverless::Function.Fn', 'Arn'),
    );
    expect(fn.line).toBe(7);
    expect(role.line).toBe(7);
  });

  it('expands APIs with stage and authorizers, and simple tables', () => {
    expect(byName(resources, 'Api').type).toBe('AWS::ApiGateway::RestApi');
    expect(byName(resources, 'Api').address).toBe('AWS::Serverless::Api.Api');
    expect(byName(resources, 'ApiprodStage').address).toBe('AWS::ApiGateway::Stage.ApiprodStage');
    const stage = byName(resources, 'ApiprodStage');
    expect(stage.properties['TracingEnabled']).toBe(true);
    expect(isResourceRef(stage.properties['RestApiId'])).toBe(true);
    expect(byName(resources, 'ApiCognitoAuthorizer').properties['Type']).toBe('COGNITO_USER_POOLS');
    // The implicit API of Api events, with its Prod stage.
    expect(byName(resources, 'ServerlessRestApi').type).toBe('AWS::ApiGateway::RestApi');
    expect(byName(resources, 'ServerlessRestApiProdStage').properties['StageName']).toBe('Prod');
    expect(byName(resources, 'Http').type).toBe('AWS::ApiGatewayV2::Api');
    const httpStage = byName(resources, 'HttpApiGatewayDefaultStage');
    expect(httpStage.properties['StageName']).toBe('$default');
    expect(httpStage.properties['AccessLogSettings']).toMatchObject({ Format: '$context.requestId' });
    const table = byName(resources, 'Table');
    expect(table.type).toBe('AWS::DynamoDB::Table');
    expect(table.properties['SSESpecification']).toEqual({ SSEEnabled: true });
  });
});

describe('what is and is not a template', () => {
  it('skips non-templates quietly', () => {
    expect(loadCloudFormation('{"name":"pkg","version":"1.0.0"}', 'package.json').recognized).toBe(false);
    expect(
      loadCloudFormation('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n', 'pod.yaml').recognized,
    ).toBe(false);
    expect(loadCloudFormation('Resources:\n  - not a map\n', 'x.yaml').recognized).toBe(false);
    expect(loadCloudFormation('apiVersion: v1\n---\nkind: Resources\n', 'multi.yaml').recognized).toBe(false);
  });

  it('reports malformed templates with file and line', () => {
    const bad =
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: {\n';
    expect(() => loadCloudFormation(bad, 'bad.yaml')).toThrow(InputError);
    expect(() => loadCloudFormation(bad, 'bad.yaml')).toThrow(/^bad\.yaml:\d+: /);
    const badJson = '{\n  "Resources": {\n    "A": { "Type": "AWS::S3::Bucket", }\n  ,\n}';
    expect(() => loadCloudFormation(badJson, 'bad.json')).toThrow(/^bad\.json:\d+: /);
  });

  it('names the field of a resource without a Type', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Properties: {}\n';
    expect(() => loadCloudFormation(text, 'x.yaml')).toThrow(/^x\.yaml:4: Resources\.B\.Type: /);
  });
});

describe('encodings', () => {
  it('accepts a UTF-8 byte order mark before JSON and YAML', () => {
    const json = loadCloudFormation('\uFEFF{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}', 'bom.json');
    expect(json.resources.map((r) => r.address)).toEqual(['AWS::SQS::Queue.Q']);
    const yaml = loadCloudFormation(
      '\uFEFFResources:\r\n  Q:\r\n    Type: AWS::SQS::Queue # aigis:skip=x windows line\r\n',
      'bom.yaml',
    );
    expect(yaml.resources[0]!.suppressions).toEqual([
      { ruleId: 'x', reason: 'windows line', origin: 'aigis' },
    ]);
    expect(yaml.resources[0]!.line).toBe(2);
  });
});

describe('Fn::ForEach (language extensions)', () => {
  it('stamps out resources per collection item, with the loop line', () => {
    const text = `Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
    Default: logs,data
  Other:
    Type: CommaDelimitedList
Resources:
  Fn::ForEach::Buckets:
    - Name
    - !Ref Names
    - \${Name}Bucket:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub 'acme-\${Name}'
          Tags: [{ Key: name, Value: !Ref Name }]
  Fn::ForEach::Unknowable:
    - Name
    - !Ref Other
    - \${Name}Queue:
        Type: AWS::SQS::Queue
`;
    const result = loadCloudFormation(text, 'loop.yaml');
    expect(
      result.resources.map((r) => [r.address, r.line, r.properties['BucketName'], r.properties['Tags']]),
    ).toEqual([
      ['AWS::S3::Bucket.logsBucket', 9, 'acme-logs', [{ Key: 'name', Value: 'logs' }]],
      ['AWS::S3::Bucket.dataBucket', 9, 'acme-data', [{ Key: 'name', Value: 'data' }]],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'Fn::ForEach::Unknowable not expanded: parameter Other has no default',
    ]);
  });
});
