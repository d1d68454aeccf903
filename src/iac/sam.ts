/**
 * Expands the AWS SAM resources that security rules care about into the CloudFormation resources
 * SAM generates for them, with the logical ids SAM gives them, so `!GetAtt Fn.Arn` and
 * `!Ref FnRole` in the rest of the template resolve to the generated resources.
 * Intrinsics stay unresolved here; the CloudFormation loader resolves them afterwards.
 */

export interface RawResource {
  logicalId: string;
  /** The logical id whose declaration line the resource reports (its SAM parent for generated ones). */
  lineOf: string;
  /**
   * The type in the resource's address when it differs from its CloudFormation type: an expanded SAM
   * resource keeps the address the template author (and Checkov) know, `AWS::Serverless::Function.Fn`.
   */
  addressType?: string;
  body: Record<string, unknown>;
}

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

export function hasSamTransform(transform: unknown): boolean {
  if (transform === SAM_TRANSFORM) return true;
  return Array.isArray(transform) && transform.includes(SAM_TRANSFORM);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function tagList(tags: unknown): unknown {
  if (!isRecord(tags)) return tags;
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

const MANAGED_POLICY_PREFIX = 'arn:aws:iam::aws:policy/';

/** SAM `Policies`: a managed policy name or ARN, a policy document, or a SAM policy template. */
function splitPolicies(policies: unknown): { managed: unknown[]; inline: unknown[] } {
  const managed: unknown[] = [];
  const inline: unknown[] = [];
  const list = Array.isArray(policies) ? policies : policies === undefined ? [] : [policies];
  list.forEach((p, i) => {
    if (typeof p === 'string') managed.push(p.startsWith('arn:') ? p : `${MANAGED_POLICY_PREFIX}${p}`);
    else if (isRecord(p) && 'Statement' in p)
      inline.push({ PolicyName: `SamInlinePolicy${i}`, PolicyDocument: p });
    else if (
      isRecord(p) &&
      Object.keys(p).length === 1 &&
      !Object.keys(p)[0]!.startsWith('Fn::') &&
      Object.keys(p)[0] !== 'Ref'
    ) {
      // A SAM policy template (S3ReadPolicy, ...): kept by name; its statements are expanded by SAM at deploy time.
      inline.push({ PolicyName: Object.keys(p)[0], SamPolicyTemplate: p });
    } else managed.push(p);
  });
  return { managed, inline };
}

const FUNCTION_PASS_THROUGH = [
  'Handler',
  'Runtime',
  'MemorySize',
  'Timeout',
  'Environment',
  'VpcConfig',
  'KmsKeyArn',
  'ReservedConcurrentExecutions',
  'Layers',
  'Architectures',
  'EphemeralStorage',
  'Description',
  'FunctionName',
  'ImageConfig',
  'PackageType',
  'FileSystemConfigs',
  'CodeSigningConfigArn',
  'LoggingConfig',
  'SnapStart',
  'RuntimeManagementConfig',
  'RecursiveLoop',
];

function expandFunction(
  id: string,
  props: Record<string, unknown>,
  resource: Record<string, unknown>,
): RawResource[] {
  const out: RawResource[] = [];
  const fn: Record<string, unknown> = pick(props, FUNCTION_PASS_THROUGH);
  if (props['CodeUri'] !== undefined || props['InlineCode'] !== undefined || props['ImageUri'] !== undefined)
    fn['Code'] = pick(
      { S3Uri: props['CodeUri'], ZipFile: props['InlineCode'], ImageUri: props['ImageUri'] },
      ['S3Uri', 'ZipFile', 'ImageUri'],
    );
  if (props['Tracing'] !== undefined) fn['TracingConfig'] = { Mode: props['Tracing'] };
  if (isRecord(props['DeadLetterQueue']))
    fn['DeadLetterConfig'] = { TargetArn: props['DeadLetterQueue']['TargetArn'] };
  if (props['Tags'] !== undefined) fn['Tags'] = tagList(props['Tags']);
  if (props['Role'] !== undefined) fn['Role'] = props['Role'];
  else {
    const roleId = `${id}Role`;
    const { managed, inline } = splitPolicies(props['Policies']);
    const role: Record<string, unknown> = {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] },
        ],
      },
      ManagedPolicyArns: [
        `${MANAGED_POLICY_PREFIX}service-role/AWSLambdaBasicExecutionRole`,
        ...(props['VpcConfig'] !== undefined
          ? [`${MANAGED_POLICY_PREFIX}service-role/AWSLambdaVPCAccessExecutionRole`]
          : []),
        ...managed,
      ],
    };
    if (inline.length > 0) role['Policies'] = inline;
    if (props['PermissionsBoundary'] !== undefined)
      role['PermissionsBoundary'] = props['PermissionsBoundary'];
    out.push({ logicalId: roleId, lineOf: id, body: { Type: 'AWS::IAM::Role', Properties: role } });
    fn['Role'] = { 'Fn::GetAtt': [roleId, 'Arn'] };
  }
  out.unshift({
    logicalId: id,
    lineOf: id,
    body: { ...resource, Type: 'AWS::Lambda::Function', Properties: fn },
  });
  const url = props['FunctionUrlConfig'];
  if (isRecord(url)) {
    out.push({
      logicalId: `${id}Url`,
      lineOf: id,
      body: {
        Type: 'AWS::Lambda::Url',
        Properties: { ...pick(url, ['AuthType', 'Cors', 'InvokeMode']), TargetFunctionArn: { Ref: id } },
      },
    });
  }
  return out;
}

function expandApi(
  id: string,
  props: Record<string, unknown>,
  resource: Record<string, unknown>,
): RawResource[] {
  const api: Record<string, unknown> = pick(props, [
    'Name',
    'Description',
    'EndpointConfiguration',
    'Policy',
    'BinaryMediaTypes',
    'MinimumCompressionSize',
    'DisableExecuteApiEndpoint',
  ]);
  if (props['DefinitionBody'] !== undefined) api['Body'] = props['DefinitionBody'];
  if (props['DefinitionUri'] !== undefined) api['BodyS3Location'] = props['DefinitionUri'];
  if (isRecord(props['Auth']) && props['Auth']['ResourcePolicy'] !== undefined)
    api['Policy'] = props['Auth']['ResourcePolicy'];
  if (props['Tags'] !== undefined) api['Tags'] = tagList(props['Tags']);
  const out: RawResource[] = [
    { logicalId: id, lineOf: id, body: { ...resource, Type: 'AWS::ApiGateway::RestApi', Properties: api } },
  ];
  const stageName = props['StageName'];
  const stageSuffix = typeof stageName === 'string' ? stageName.replace(/[^A-Za-z0-9]/g, '') : 'Default';
  out.push({
    logicalId: `${id}${stageSuffix}Stage`,
    lineOf: id,
    body: {
      Type: 'AWS::ApiGateway::Stage',
      Properties: {
        ...pick(props, [
          'StageName',
          'TracingEnabled',
          'MethodSettings',
          'AccessLogSetting',
          'CacheClusterEnabled',
          'CacheClusterSize',
          'Variables',
          'CanarySetting',
        ]),
        RestApiId: { Ref: id },
      },
    },
  });
  const auth = props['Auth'];
  if (isRecord(auth) && isRecord(auth['Authorizers'])) {
    for (const [name, def] of Object.entries(auth['Authorizers'])) {
      if (!isRecord(def)) continue;
      const isCognito = def['UserPoolArn'] !== undefined;
      out.push({
        logicalId: `${id}${name}Authorizer`,
        lineOf: id,
        body: {
          Type: 'AWS::ApiGateway::Authorizer',
          Properties: {
            Name: name,
            RestApiId: { Ref: id },
            Type: isCognito
              ? 'COGNITO_USER_POOLS'
              : isRecord(def['Identity']) && def['Identity']['Headers'] === undefined
                ? 'REQUEST'
                : 'TOKEN',
            ...(isCognito
              ? {
                  ProviderARNs: Array.isArray(def['UserPoolArn']) ? def['UserPoolArn'] : [def['UserPoolArn']],
                }
              : {}),
            ...(def['FunctionArn'] !== undefined ? { AuthorizerUri: def['FunctionArn'] } : {}),
            DefaultAuthorizer: auth['DefaultAuthorizer'] === name,
          },
        },
      });
    }
  }
  return out;
}

function expandHttpApi(
  id: string,
  props: Record<string, unknown>,
  resource: Record<string, unknown>,
): RawResource[] {
  const api: Record<string, unknown> = {
    ...pick(props, ['Name', 'Description', 'CorsConfiguration', 'DisableExecuteApiEndpoint']),
    ProtocolType: 'HTTP',
  };
  if (props['DefinitionBody'] !== undefined) api['Body'] = props['DefinitionBody'];
  if (props['Tags'] !== undefined) api['Tags'] = props['Tags'];
  const stage: Record<string, unknown> = {
    ApiId: { Ref: id },
    StageName: props['StageName'] ?? '$default',
    AutoDeploy: true,
    ...pick(props, ['AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings', 'StageVariables']),
  };
  return [
    { logicalId: id, lineOf: id, body: { ...resource, Type: 'AWS::ApiGatewayV2::Api', Properties: api } },
    {
      logicalId: `${id}ApiGatewayDefaultStage`,
      lineOf: id,
      body: { Type: 'AWS::ApiGatewayV2::Stage', Properties: stage },
    },
  ];
}

function expandSimpleTable(
  id: string,
  props: Record<string, unknown>,
  resource: Record<string, unknown>,
): RawResource[] {
  const primary = isRecord(props['PrimaryKey']) ? props['PrimaryKey'] : { Name: 'id', Type: 'String' };
  const attrType = (t: unknown): unknown =>
    t === 'Number' ? 'N' : t === 'Binary' ? 'B' : t === 'String' ? 'S' : t;
  const table: Record<string, unknown> = {
    ...pick(props, ['TableName', 'SSESpecification', 'PointInTimeRecoverySpecification']),
    AttributeDefinitions: [{ AttributeName: primary['Name'], AttributeType: attrType(primary['Type']) }],
    KeySchema: [{ AttributeName: primary['Name'], KeyType: 'HASH' }],
  };
  if (props['ProvisionedThroughput'] !== undefined)
    table['ProvisionedThroughput'] = props['ProvisionedThroughput'];
  else table['BillingMode'] = 'PAY_PER_REQUEST';
  if (props['Tags'] !== undefined) table['Tags'] = tagList(props['Tags']);
  return [
    { logicalId: id, lineOf: id, body: { ...resource, Type: 'AWS::DynamoDB::Table', Properties: table } },
  ];
}

function expandLayer(
  id: string,
  props: Record<string, unknown>,
  resource: Record<string, unknown>,
): RawResource[] {
  const layer = pick(props, [
    'LayerName',
    'Description',
    'CompatibleRuntimes',
    'CompatibleArchitectures',
    'LicenseInfo',
  ]);
  if (props['ContentUri'] !== undefined) layer['Content'] = props['ContentUri'];
  return [
    {
      logicalId: id,
      lineOf: id,
      body: { ...resource, Type: 'AWS::Lambda::LayerVersion', Properties: layer },
    },
  ];
}

/** Globals.Function / Globals.Api values apply to every such resource unless it sets them itself. */
function withGlobals(props: Record<string, unknown>, globals: unknown): Record<string, unknown> {
  if (!isRecord(globals)) return props;
  const merged: Record<string, unknown> = { ...globals, ...props };
  if (isRecord(globals['Tags']) && isRecord(props['Tags']))
    merged['Tags'] = { ...globals['Tags'], ...props['Tags'] };
  if (isRecord(globals['Environment']) && isRecord(props['Environment'])) {
    const g = globals['Environment']['Variables'];
    const p = props['Environment']['Variables'];
    if (isRecord(g) && isRecord(p)) merged['Environment'] = { Variables: { ...g, ...p } };
  }
  return merged;
}

/** Expands one resource; CloudFormation resources and SAM types not modelled come back unchanged. */
export function expandSamResource(
  id: string,
  resource: Record<string, unknown>,
  globals: Record<string, unknown>,
): RawResource[] {
  const expanded = expandByType(id, resource, globals);
  const samType = resource['Type'];
  if (typeof samType === 'string' && samType.startsWith('AWS::Serverless::')) {
    for (const r of expanded) if (r.logicalId === id) r.addressType = samType;
  }
  return expanded;
}

function expandByType(
  id: string,
  resource: Record<string, unknown>,
  globals: Record<string, unknown>,
): RawResource[] {
  const props = isRecord(resource['Properties']) ? resource['Properties'] : {};
  switch (resource['Type']) {
    case 'AWS::Serverless::Function':
      return expandFunction(id, withGlobals(props, globals['Function']), resource);
    case 'AWS::Serverless::Api':
      return expandApi(id, withGlobals(props, globals['Api']), resource);
    case 'AWS::Serverless::HttpApi':
      return expandHttpApi(id, withGlobals(props, globals['HttpApi']), resource);
    case 'AWS::Serverless::SimpleTable':
      return expandSimpleTable(id, withGlobals(props, globals['SimpleTable']), resource);
    case 'AWS::Serverless::LayerVersion':
      return expandLayer(id, props, resource);
    default:
      return [{ logicalId: id, lineOf: id, body: resource }];
  }
}

/**
 * Functions with `Api` events that name no RestApiId share the API SAM creates implicitly,
 * `ServerlessRestApi` with its `Prod` stage, configured by Globals.Api.
 */
export function implicitApi(
  resources: Record<string, unknown>,
  globals: Record<string, unknown>,
): RawResource[] {
  const caller = Object.entries(resources).find(([, r]) => {
    if (!isRecord(r) || r['Type'] !== 'AWS::Serverless::Function' || !isRecord(r['Properties'])) return false;
    const events = r['Properties']['Events'];
    return (
      isRecord(events) &&
      Object.values(events).some(
        (e) =>
          isRecord(e) &&
          e['Type'] === 'Api' &&
          !(isRecord(e['Properties']) && e['Properties']['RestApiId'] !== undefined),
      )
    );
  });
  if (!caller || 'ServerlessRestApi' in resources) return [];
  const props = withGlobals({ StageName: 'Prod' }, globals['Api']);
  props['StageName'] = 'Prod';
  return expandApi('ServerlessRestApi', props, { Type: 'AWS::Serverless::Api' }).map((r) => ({
    ...r,
    lineOf: caller[0],
  }));
}
