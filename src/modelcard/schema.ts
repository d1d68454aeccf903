import { z } from 'zod';

/**
 * The Amazon SageMaker Model Card content JSON (the `Content` of CreateModelCard), with the limits the
 * SageMaker JSON schema, the SageMaker Python SDK's schema_constraints and CloudFormation document.
 * Known sections are strict objects so a misspelt field is an error, not silently dropped; the free-form
 * parts (`custom_details`, evaluation `metadata`, `model_package_details`) stay open.
 */

export const MODEL_CARD_RISK_RATINGS = ['High', 'Medium', 'Low', 'Unknown'] as const;
export type ModelCardRiskRating = (typeof MODEL_CARD_RISK_RATINGS)[number];
export const MODEL_CARD_METRIC_TYPES = [
  'number',
  'string',
  'boolean',
  'linear_graph',
  'bar_chart',
  'matrix',
] as const;
export const MODEL_CARD_STATUSES = ['Draft', 'PendingReview', 'Approved', 'Archived'] as const;
/** CreateModelCard's `Content` is a string of at most this many characters. */
export const MAX_CONTENT_CHARS = 100_000;

const str = (max: number) => z.string().max(max);
const text1024 = str(1024).optional();
const text2048 = str(2048).optional();
const containerImages = z.array(str(1024)).max(15);

const modelOverview = z.strictObject({
  model_description: text1024,
  model_creator: text1024,
  model_artifact: z.array(str(1024)).max(15).optional(),
  algorithm_type: text1024,
  problem_type: text1024,
  model_owner: text1024,
  model_id: text1024,
  model_arn: text1024,
  model_name: text1024,
  model_version: z.number().min(1).optional(),
  inference_environment: z.strictObject({ container_image: containerImages.optional() }).optional(),
});

const intendedUses = z.strictObject({
  purpose_of_model: text2048,
  intended_uses: text2048,
  factors_affecting_model_efficiency: text2048,
  risk_rating: z.enum(MODEL_CARD_RISK_RATINGS).optional(),
  explanations_for_risk_rating: text2048,
});

const businessDetails = z.strictObject({
  business_problem: text2048,
  business_stakeholders: text2048,
  line_of_business: text2048,
});

const trainingMetric = z.strictObject({ name: str(255), notes: text1024, value: z.number() });
const hyperParameter = z.strictObject({ name: str(255), value: str(255) });

const trainingDetails = z.strictObject({
  objective_function: z
    .strictObject({
      function: z
        .strictObject({
          function: z.enum(['Maximize', 'Minimize']).optional(),
          facet: z.enum(['Loss', 'Accuracy', 'RMSE', 'MAE', 'AUC']).optional(),
          condition: str(63).optional(),
        })
        .optional(),
      notes: text1024,
    })
    .optional(),
  training_observations: text1024,
  training_job_details: z
    .strictObject({
      training_arn: text1024,
      training_datasets: z.array(str(1024)).max(15).optional(),
      training_environment: z.strictObject({ container_image: containerImages.optional() }).optional(),
      training_metrics: z.array(trainingMetric).max(50).optional(),
      user_provided_training_metrics: z.array(trainingMetric).max(50).optional(),
      hyper_parameters: z.array(hyperParameter).max(100).optional(),
      user_provided_hyper_parameters: z.array(hyperParameter).max(100).optional(),
    })
    .optional(),
});

const metricValue = z.union([z.number(), z.string().max(1024), z.boolean(), z.array(z.unknown()).max(1000)]);
const metric = z.strictObject({
  name: str(255),
  notes: text1024,
  type: z.enum(MODEL_CARD_METRIC_TYPES),
  value: metricValue,
  x_axis_name: z.union([str(255), z.array(str(255))]).optional(),
  y_axis_name: z.union([str(255), z.array(str(255))]).optional(),
});

const evaluationJob = z.strictObject({
  name: str(63).min(1),
  evaluation_observation: str(2096).optional(),
  evaluation_job_arn: text1024,
  datasets: z.array(str(1024)).max(10).optional(),
  metadata: z.record(str(1024), str(1024)).optional(),
  metric_groups: z.array(z.strictObject({ name: str(63), metric_data: z.array(metric) })).optional(),
});

/** Values are strings in SageMaker; YAML numbers and booleans (`scope: 3`) become their string form. */
const customDetails = z.record(str(1024), z.union([str(1024), z.number(), z.boolean()]).transform(String));

const additionalInformation = z.strictObject({
  ethical_considerations: text2048,
  caveats_and_recommendations: text2048,
  custom_details: customDetails.optional(),
});

export const modelCardContentSchema = z.strictObject({
  model_overview: modelOverview.optional(),
  intended_uses: intendedUses.optional(),
  business_details: businessDetails.optional(),
  training_details: trainingDetails.optional(),
  evaluation_details: z.array(evaluationJob).max(100).optional(),
  additional_information: additionalInformation.optional(),
  model_package_details: z.looseObject({}).optional(),
});

export type ModelCardContent = z.infer<typeof modelCardContentSchema>;
export type ModelCardEvaluationJob = z.infer<typeof evaluationJob>;
export type ModelCardMetric = z.infer<typeof metric>;

/** The sections of the content, in the order SageMaker documents them (and aigis writes them). */
export const MODEL_CARD_SECTIONS = [
  'model_overview',
  'intended_uses',
  'business_details',
  'training_details',
  'evaluation_details',
  'additional_information',
  'model_package_details',
] as const;
