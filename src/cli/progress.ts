/**
 * Runs `run` with a progress bar on stderr when `enabled` (a TTY, not CI). The bar appears only once the
 * work is large enough to be worth watching: small trees finish before a bar would help.
 */
export async function withProgress<T>(
  enabled: boolean,
  label: string,
  run: (onProgress?: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  if (!enabled) return run();
  const { default: cliProgress } = await import('cli-progress');
  let bar: InstanceType<typeof cliProgress.SingleBar> | undefined;
  try {
    return await run((done, total) => {
      if (!bar && total >= 50) {
        bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: `${label} [{bar}] {value}/{total} units`, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar?.update(done);
    });
  } finally {
    bar?.stop();
  }
}
