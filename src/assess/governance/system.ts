import { ageDays, at, durationDays, fail, pass, unknown, type GovernanceCheck } from './types.js';

export const aiSystemOwner: GovernanceCheck = {
  control: 'ai-system-owner-assigned',
  checks: 'aigis.yaml names the accountable owner',
  evaluate: (ctx) => [pass(`owner: ${ctx.manifest.owner}`, at(ctx, ['owner']))],
};

export const aiSystemInventory: GovernanceCheck = {
  control: 'ai-system-inventory',
  checks: 'aigis.yaml describes the system and lists its models',
  evaluate: (ctx) => {
    const m = ctx.manifest;
    if (!m.description) return [fail('no description of the system', at(ctx, ['name']))];
    if (m.models.length === 0) return [fail('no models listed', at(ctx, ['name']))];
    return [
      pass(
        `inventoried: ${m.name} with ${m.models.length} model(s) and ${m.datasets.length} dataset(s)`,
        at(ctx, ['name']),
      ),
    ];
  },
};

export const regulatedWorkloadDetermination: GovernanceCheck = {
  control: 'regulated-workload-determination',
  checks:
    'aigis.yaml declares the data subjects and the classification of the data, so the regulations can be determined',
  evaluate: (ctx) => {
    const declaredSubjects = ctx.loaded.declared.has('dataSubjects');
    if (!declaredSubjects && ctx.manifest.datasets.length === 0)
      return [unknown('declare dataSubjects and datasets so the applicable regulations can be determined')];
    const regs = [...ctx.regulations];
    return [
      pass(
        `determined from dataSubjects and dataset classifications: ${regs.length ? regs.join(', ') : 'none apply'}`,
        at(ctx, ['dataSubjects']),
      ),
    ];
  },
};

export const euAiActClassification: GovernanceCheck = {
  control: 'eu-ai-act-classification',
  checks: 'aigis.yaml declares the use case, so the EU AI Act tier can be determined',
  evaluate: (ctx) =>
    ctx.loaded.declared.has('useCase')
      ? [pass(`EU AI Act tier determined from useCase: ${ctx.euAiActTier}`, at(ctx, ['useCase']))]
      : [
          fail(
            'declare useCase (domain, interactions, prohibited practices) to classify the system',
            at(ctx, []),
          ),
        ],
};

export const humanOversightDefined: GovernanceCheck = {
  control: 'human-oversight-defined',
  checks: 'humanOversight names reviewers who can override or stop the system',
  evaluate: (ctx) => {
    const h = ctx.manifest.humanOversight;
    if (!h || h.reviewers.length === 0)
      return [
        fail('no human overseers named (humanOversight.reviewers)', at(ctx, h ? ['humanOversight'] : [])),
      ];
    if (!h.canOverride)
      return [
        fail(
          'overseers cannot override or stop the system (humanOversight.canOverride)',
          at(ctx, ['humanOversight']),
        ),
      ];
    return [pass(`overseen by ${h.reviewers.join(', ')}`, at(ctx, ['humanOversight', 'reviewers']))];
  },
};

export const humanApprovalForRiskyActions: GovernanceCheck = {
  control: 'human-approval-for-risky-actions',
  checks: 'humanOversight.gatedActions lists the actions that need a person to approve them',
  evaluate: (ctx) => {
    const gated = ctx.manifest.humanOversight?.gatedActions ?? [];
    return gated.length > 0
      ? [
          pass(
            `actions gated on human approval: ${gated.join(', ')}`,
            at(ctx, ['humanOversight', 'gatedActions']),
          ),
        ]
      : [
          fail(
            'no actions gated on human approval (humanOversight.gatedActions)',
            at(ctx, ctx.manifest.humanOversight ? ['humanOversight'] : []),
          ),
        ];
  },
};

export const complianceAssessedRegularly: GovernanceCheck = {
  control: 'ai-compliance-assessed-regularly',
  checks: 'review.lastReviewed lies within review.cadence',
  evaluate: (ctx) => {
    const { cadence, lastReviewed } = ctx.manifest.review;
    if (!lastReviewed) return [fail('no review date (review.lastReviewed)', at(ctx, ['review']))];
    const age = ageDays(lastReviewed, ctx.now);
    return age > durationDays(cadence)
      ? [
          fail(
            `last reviewed ${lastReviewed} (${age} days ago), older than the cadence ${cadence}`,
            at(ctx, ['review', 'lastReviewed']),
          ),
        ]
      : [
          pass(
            `reviewed ${lastReviewed}, within the cadence ${cadence}`,
            at(ctx, ['review', 'lastReviewed']),
          ),
        ];
  },
};

export const systemChecks: readonly GovernanceCheck[] = [
  aiSystemOwner,
  aiSystemInventory,
  regulatedWorkloadDetermination,
  euAiActClassification,
  humanOversightDefined,
  humanApprovalForRiskyActions,
  complianceAssessedRegularly,
];
