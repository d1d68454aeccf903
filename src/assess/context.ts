import type { Catalog, Scope } from '../catalog/index.js';
import type { GuardPolicy } from '../guard/policy/index.js';
import type { ScanReport } from '../scan/index.js';
import type { LoadedManifest } from './load.js';
import type { Manifest, ManifestDataset } from './manifest.js';
import type { ModelCardFacts } from './model-cards.js';
import type { EuAiActTier, Regulation } from './types.js';

/** Everything the applicability, governance and runtime checks look at, computed once per assessment. */
export interface AssessContext {
  catalog: Catalog;
  loaded: LoadedManifest;
  manifest: Manifest;
  scope: Scope;
  regulations: ReadonlySet<Regulation>;
  euAiActTier: EuAiActTier;
  gpai: boolean;
  generative: boolean;
  /** The scanned infrastructure holds a Bedrock agent or AgentCore runtime. */
  agents: boolean;
  /** The scanned infrastructure holds a knowledge base or vector store. */
  rag: boolean;
  /** The scanned infrastructure exposes an HTTP entry point (API Gateway, load balancer, function URL, CloudFront). */
  publicEndpoint: boolean;
  /** Datasets some model is trained or tuned on. */
  trainingDatasets: ManifestDataset[];
  cards: ReadonlyMap<string, ModelCardFacts>;
  policy?: GuardPolicy;
  policyFile?: string;
  /** Absent when the manifest names no infrastructure. */
  scan?: ScanReport;
  now: Date;
}
