import { InputError } from '../util/errors.js';
import type { LoadResult } from './types.js';

export interface TerraformFile {
  file: string;
  text: string;
}

/** Terraform .tf loading lands in the next commit; until then this says so instead of returning nothing. */
export async function loadTerraformFiles(files: TerraformFile[]): Promise<LoadResult> {
  throw new InputError(`${files[0]?.file ?? 'terraform'}: Terraform loading is not implemented yet`);
}
