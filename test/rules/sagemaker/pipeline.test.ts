import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sagemakerPipelineTrainingInterContainerEncryption } from '../../../src/rules/sagemaker/sagemaker_pipeline_training_inter_container_encryption.js';
import { sagemakerPipelineTrainingKms } from '../../../src/rules/sagemaker/sagemaker_pipeline_training_kms.js';
import { sagemakerPipelineTrainingNetworkIsolation } from '../../../src/rules/sagemaker/sagemaker_pipeline_training_network_isolation.js';
import { sagemakerPipelineTrainingVpc } from '../../../src/rules/sagemaker/sagemaker_pipeline_training_vpc.js';
import { pipelineTrainingSteps } from '../../../src/rules/sagemaker/pipeline.js';
import { isUnknown, type Resource } from '../../../src/resources/types.js';
import { cfn, runRuleCases } from './cases.js';

const PIPE = 'AWS::SageMaker::Pipeline.Pipe';
const TF_PIPE = 'aws_sagemaker_pipeline.pipe';

const secureJob = {
  AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' },
  EnableNetworkIsolation: true,
  EnableInterContainerTrafficEncryption: true,
  ResourceConfig: {
    InstanceCount: 2,
    InstanceType: 'ml.m5.xlarge',
    VolumeSizeInGB: 30,
    VolumeKmsKeyId: 'arn:aws:kms:us-east-1:1:key/k',
  },
  OutputDataConfig: { S3OutputPath: 's3://b/model', KmsKeyId: 'arn:aws:kms:us-east-1:1:key/k' },
  VpcConfig: { Subnets: ['subnet-1'], SecurityGroupIds: ['sg-1'] },
};
const insecureJob = {
  AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' },
  ResourceConfig: { InstanceCount: 2, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 },
  OutputDataConfig: { S3OutputPath: 's3://b/model', KmsKeyId: 'alias/aws/s3' },
};
const definition = (steps: unknown[]) => JSON.stringify({ Version: '2020-12-01', Steps: steps });
const pipeline = (steps: unknown[]) =>
  cfn({
    Pipe: {
      Type: 'AWS::SageMaker::Pipeline',
      Properties: {
        PipelineName: 'p',
        RoleArn: 'arn:aws:iam::1:role/r',
        PipelineDefinition: { PipelineDefinitionBody: definition(steps) },
      },
    },
  });
const tfPipeline = (steps: unknown[]) => `
resource "aws_sagemaker_pipeline" "pipe" {
  pipeline_name         = "p"
  pipeline_display_name = "p"
  role_arn              = "arn:aws:iam::1:role/r"
  pipeline_definition   = ${JSON.stringify(definition(steps))}
}`;
/** Every setting the four rules read, taken from a pipeline parameter instead of a literal. */
const parameterised = {
  EnableNetworkIsolation: { Get: 'Parameters.Isolate' },
  EnableInterContainerTrafficEncryption: { Get: 'Parameters.Encrypt' },
  ResourceConfig: { ...secureJob.ResourceConfig, VolumeKmsKeyId: { Get: 'Parameters.Key' } },
  VpcConfig: { Subnets: { Get: 'Parameters.Subnets' } },
};
const processing = { Name: 'Prep', Type: 'Processing', Arguments: {} };
const conditional = (inner: unknown) => ({
  Name: 'Gate',
  Type: 'Condition',
  Arguments: { Conditions: [], IfSteps: [inner], ElseSteps: [] },
});

for (const rule of [
  sagemakerPipelineTrainingNetworkIsolation,
  sagemakerPipelineTrainingInterContainerEncryption,
  sagemakerPipelineTrainingKms,
  sagemakerPipelineTrainingVpc,
]) {
  runRuleCases(rule, [
    {
      name: 'secure training step',
      format: 'cloudformation',
      source: pipeline([processing, { Name: 'Train', Type: 'Training', Arguments: secureJob }]),
      expected: { [PIPE]: 'pass' },
    },
    {
      name: 'insecure training step inside a condition',
      format: 'cloudformation',
      source: pipeline([conditional({ Name: 'Train', Type: 'Training', Arguments: insecureJob })]),
      expected: { [PIPE]: 'fail' },
      messageIncludes: 'Train',
    },
    {
      name: 'insecure tuning step',
      format: 'cloudformation',
      source: pipeline([{ Name: 'Tune', Type: 'Tuning', Arguments: { TrainingJobDefinition: insecureJob } }]),
      expected: { [PIPE]: 'fail' },
    },
    {
      name: 'no training steps',
      format: 'cloudformation',
      source: pipeline([processing]),
      expected: { [PIPE]: 'not_applicable' },
    },
    {
      name: 'definition in S3',
      format: 'cloudformation',
      source: cfn({
        Pipe: {
          Type: 'AWS::SageMaker::Pipeline',
          Properties: {
            PipelineName: 'p',
            RoleArn: 'r',
            PipelineDefinition: { PipelineDefinitionS3Location: { Bucket: 'b', Key: 'k' } },
          },
        },
      }),
      expected: { [PIPE]: 'unknown' },
    },
    {
      name: 'secure training step',
      format: 'terraform',
      source: tfPipeline([{ Name: 'Train', Type: 'Training', Arguments: secureJob }]),
      expected: { [TF_PIPE]: 'pass' },
    },
    {
      name: 'insecure training step',
      format: 'terraform',
      source: tfPipeline([{ Name: 'Train', Type: 'Training', Arguments: insecureJob }]),
      expected: { [TF_PIPE]: 'fail' },
    },
    {
      name: 'no training steps',
      format: 'terraform',
      source: tfPipeline([processing]),
      expected: { [TF_PIPE]: 'not_applicable' },
    },
    {
      name: 'setting from a pipeline parameter',
      format: 'cloudformation',
      source: pipeline([{ Name: 'Train', Type: 'Training', Arguments: { ...secureJob, ...parameterised } }]),
      expected: { [PIPE]: 'unknown' },
    },
  ]);
}

describe('pipelineTrainingSteps', () => {
  const resource = (body: unknown): Resource => ({
    address: 'AWS::SageMaker::Pipeline.P',
    type: 'AWS::SageMaker::Pipeline',
    name: 'P',
    source: 'cloudformation',
    file: 't.yaml',
    line: 1,
    properties: { PipelineDefinition: { PipelineDefinitionBody: body } },
    suppressions: [],
  });

  it('never throws on arbitrary JSON or text, and finds each Training step once', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const steps = pipelineTrainingSteps(resource(text));
        expect(isUnknown(steps) || Array.isArray(steps)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Training', 'Processing', 'Tuning'), { maxLength: 20 }),
        (types) => {
          const body = JSON.stringify({
            Steps: types.map((Type, i) => ({
              Name: `s${i}`,
              Type,
              Arguments: { TrainingJobDefinition: {} },
            })),
          });
          const steps = pipelineTrainingSteps(resource(body));
          expect(Array.isArray(steps) && steps.length).toBe(types.filter((t) => t !== 'Processing').length);
        },
      ),
    );
  });

  it('stops at a bounded depth of nested condition steps', () => {
    let step: unknown = { Name: 'Train', Type: 'Training', Arguments: {} };
    for (let i = 0; i < 50; i++) step = conditional(step);
    const steps = pipelineTrainingSteps(resource(JSON.stringify({ Steps: [step] })));
    expect(steps).toEqual([]);
  });
});
