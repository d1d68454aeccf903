/**
 * Fake credentials in the formats gitleaks recognises, assembled at run time so the repository
 * itself holds no string a secret scanner would report.
 */
export const AWS_ACCESS_KEY_ID = ['AKIA', 'J3KX6LQ2', 'ZP7TQW4N'].join('');
export const GITHUB_TOKEN = ['ghp_', '1234567890abcdefghij', 'ABCDEFGHIJ123456'].join('');
export const HF_TOKEN = ['hf_', 'ujzPdeIgxLdGncfBAe', 'pfJBdKhoOOLdKLzd'].join('');
/** Not a format: caught by the credential-named variable check. */
export const DB_PASSWORD = ['S3cr3t', 'P4ss!', '2024x'].join('');

/** Every fake secret: no rule message may contain one. */
export const ALL_SECRETS = [AWS_ACCESS_KEY_ID, GITHUB_TOKEN, HF_TOKEN, DB_PASSWORD];

export const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
