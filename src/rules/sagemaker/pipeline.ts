import { asArray, getPath, prop } from '../../resources/access.js';
import { isUnknown, Unknown, type Resource } from '../../resources/types.js';
import { fail, notApplicable, pass, unknown, type Outcome } from '../types.js';
import { jsonValue } from './shared.js';

/**
 * Reads the training jobs a SageMaker pipeline definition will start. Templates cannot declare
 * training jobs directly, so a pipeline's Training and Tuning steps are the only static view of them.
 * Step arguments follow the CreateTrainingJob API (PascalCase).
 */

export const PIPELINE_RESOURCE_TYPES = {
  cloudformation: ['AWS::SageMaker::Pipeline'],
  terraform: ['aws_sagemaker_pipeline'],
};

export interface TrainingStep {
  name: string;
  /** The CreateTrainingJob request (for Tuning steps, its TrainingJobDefinition). */
  job: unknown;
}

const MAX_STEP_DEPTH = 8;

export function pipelineTrainingSteps(resource: Resource): TrainingStep[] | Unknown {
  const body = prop(resource, {
    cloudformation: 'PipelineDefinition.PipelineDefinitionBody',
    terraform: 'pipeline_definition',
  });
  if (body === undefined) {
    return new Unknown(
      'the pipeline definition is stored in S3 (PipelineDefinitionS3Location) and cannot be read statically',
    );
  }
  const definition = jsonValue(body, 2 * 1024 * 1024);
  if (isUnknown(definition)) return definition;
  const steps: TrainingStep[] = [];
  collect(getPath(definition, 'Steps'), steps, 0);
  return steps;
}

function collect(value: unknown, out: TrainingStep[], depth: number): void {
  if (depth > MAX_STEP_DEPTH) return;
  for (const step of asArray(value)) {
    if (step === null || typeof step !== 'object' || Array.isArray(step)) continue;
    const s = step as Record<string, unknown>;
    const name = typeof s['Name'] === 'string' ? s['Name'] : '(unnamed)';
    const args = s['Arguments'];
    if (s['Type'] === 'Training') out.push({ name, job: args });
    else if (s['Type'] === 'Tuning') out.push({ name, job: getPath(args, 'TrainingJobDefinition') });
    else if (s['Type'] === 'Condition') {
      collect(getPath(args, 'IfSteps'), out, depth + 1);
      collect(getPath(args, 'ElseSteps'), out, depth + 1);
    }
  }
}

/** A pipeline expression (`{"Get": "Parameters.X"}`, `{"Std:Join": ...}`) is decided only at execution time. */
export function isPipelineExpression(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.keys(value).some((k) => k === 'Get' || k.startsWith('Std:'));
}

export type StepVerdict = { ok: true } | { ok: false; why: string } | Unknown;

/** Runs a per-step judgement over every training step and turns the results into one outcome. */
export function judgeTrainingSteps(
  resource: Resource,
  subject: string,
  judge: (job: unknown) => StepVerdict,
): Outcome {
  const steps = pipelineTrainingSteps(resource);
  if (isUnknown(steps)) return unknown(`${resource.address}: ${steps.reason}`);
  if (steps.length === 0) return notApplicable(`${resource.address} has no training or tuning steps`);
  const failures: string[] = [];
  let undecided: string | undefined;
  for (const step of steps) {
    const verdict = judge(step.job);
    if (verdict instanceof Unknown) undecided ??= `step ${step.name}: ${verdict.reason}`;
    else if (!verdict.ok) failures.push(`step ${step.name} ${verdict.why}`);
  }
  if (failures.length > 0)
    return fail(`${resource.address}: training ${subject} is missing: ${failures.join('; ')}`);
  if (undecided)
    return unknown(`${resource.address}: ${subject} cannot be decided statically for ${undecided}`);
  return pass(`${resource.address}: every training step has ${subject}`);
}

/** Judges a boolean argument of a training job that AWS defaults to false. */
export function requireTrueArgument(job: unknown, key: string): StepVerdict {
  const value = getPath(job, key);
  if (isPipelineExpression(value)) return new Unknown(`${key} is a pipeline parameter or expression`);
  if (value === true || value === 'true') return { ok: true };
  return {
    ok: false,
    why: value === undefined ? `does not set ${key} (defaults to false)` : `sets ${key} to ${String(value)}`,
  };
}
