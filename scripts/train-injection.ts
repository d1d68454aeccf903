/**
 * Trains the prompt-injection classifier and writes data/guard/injection/model.{json,bin}.
 * Usage: npm run train:injection [-- --out DIR]
 * Reads the shared labelled data from AIGIS_SHARED_DATA (default /work/shared/data).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadTrainingCorpus, ownDataDir } from '../src/guard/injection/corpus.js';
import { serializeModel } from '../src/guard/injection/model.js';
import { trainInjectionModel } from '../src/guard/injection/train.js';
import { InputError } from '../src/util/errors.js';

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const outDir = values.out ?? ownDataDir();
  const started = Date.now();
  const samples = loadTrainingCorpus();
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: '{step} [{bar}] {value}/{total}', stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let currentStep = '';
  const { model } = trainInjectionModel(samples, {
    onProgress: (step, done, total) => {
      if (!bar) return;
      if (step !== currentStep) {
        if (currentStep) bar.stop();
        bar.start(total, done, { step });
        currentStep = step;
      } else bar.update(done, { step });
    },
  });
  bar?.stop();
  mkdirSync(outDir, { recursive: true });
  const { json, bin } = serializeModel(model);
  writeFileSync(join(outDir, 'model.json'), json);
  writeFileSync(join(outDir, 'model.bin'), bin);
  const t = model.meta.training;
  console.log(
    `trained on ${String(t.samples)} texts (${String(t.attacks)} attacks, ${String(t.benign)} benign) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `thresholds ${JSON.stringify(model.meta.thresholds)}; context thresholds ${JSON.stringify(model.meta.contextThresholds)}; out-of-fold recall ${JSON.stringify(t.validationRecall)}`,
  );
  console.log(`wrote ${join(outDir, 'model.json')} and model.bin (${(bin.byteLength / 1e6).toFixed(1)} MB)`);
}

try {
  main();
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(e.exitCode);
  }
  throw e;
}
