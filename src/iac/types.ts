import type { Resource } from '../resources/types.js';

/** Something worth telling the user that does not stop the scan (a suppression without a reason, ...). */
export interface LoadWarning {
  file: string;
  line?: number;
  message: string;
}

/** A file that could not be parsed; the rest of the scan goes on and the run exits 2. */
export interface LoadError {
  file: string;
  line?: number;
  message: string;
}

export interface LoadResult {
  /** false when the file is not an IaC document of this format (package.json, a k8s manifest): skip quietly. */
  recognized: boolean;
  resources: Resource[];
  warnings: LoadWarning[];
  /** Files that could not be parsed (loaders that read several files at once report them here). */
  errors?: LoadError[];
}

/** Files over this size are refused without being read whole. */
export const MAX_IAC_FILE_BYTES = 5 * 1024 * 1024;

export const notRecognized = (): LoadResult => ({ recognized: false, resources: [], warnings: [] });
