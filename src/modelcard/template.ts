import type { ModelCard } from './read.js';
import { LAST_REVIEWED_KEY } from './validate.js';

const TODO = (what: string): string => `TODO: ${what}`;

/**
 * A card with every section and a TODO in each field a person must fill. `aigis modelcard validate`
 * reports each TODO left, so a template never passes as complete.
 */
export function modelCardTemplate(modelId = 'my-model', today: Date = new Date()): ModelCard {
  return {
    content: {
      model_overview: {
        model_id: modelId,
        model_name: modelId,
        model_description: TODO('what the model does, its inputs and outputs'),
        model_owner: TODO('team or person accountable for the model'),
        model_creator: TODO('who built or trained it (or the provider of a foundation model)'),
        problem_type: TODO('e.g. text generation, binary classification'),
        algorithm_type: TODO('e.g. transformer LLM, gradient-boosted trees'),
        model_artifact: [TODO('s3:// URI of the model artifact, or the Bedrock model id')],
      },
      intended_uses: {
        purpose_of_model: TODO('the business purpose'),
        intended_uses: TODO('who uses it, for what, and what is out of scope'),
        factors_affecting_model_efficiency: TODO('data drift, input languages, prompt length...'),
        risk_rating: 'Unknown',
        explanations_for_risk_rating: TODO('why this rating: affected people, decisions, autonomy'),
      },
      business_details: {
        business_problem: TODO('the problem it solves'),
        business_stakeholders: TODO('who is affected and who signs off'),
        line_of_business: TODO('business unit'),
      },
      training_details: {
        training_observations: TODO(
          'how it was trained or fine-tuned; "provider-managed" for a foundation model',
        ),
        training_job_details: {
          training_datasets: [TODO('s3:// URI or name of each training dataset')],
        },
      },
      evaluation_details: [
        {
          name: 'evaluation',
          evaluation_observation: TODO('what the evaluation found, including bias and robustness'),
          datasets: [TODO('s3:// URI or name of the evaluation dataset')],
          metric_groups: [
            {
              name: 'quality',
              metric_data: [{ name: TODO('metric name, e.g. accuracy'), type: 'number', value: 0 }],
            },
          ],
        },
      ],
      additional_information: {
        ethical_considerations: TODO('fairness, privacy, misuse'),
        caveats_and_recommendations: TODO('known limitations and how to use it safely'),
        custom_details: { [LAST_REVIEWED_KEY]: today.toISOString().slice(0, 10) },
      },
    },
  };
}
