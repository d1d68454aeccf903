/**
 * Denied-topic precision/recall on a small hand-written set (ours, Apache-2.0): four topics,
 * paraphrased positives, negatives and hard negatives (same vocabulary, allowed intent).
 *
 *   npx tsx bench/topics.ts
 *
 * Prints precision/recall per threshold and per topic at TOPIC_THRESHOLD, and the latency
 * of `match` on a 2 KB text.
 */
import { compileTopics, TOPIC_THRESHOLD, type DeniedTopic } from '../src/guard/topics.js';

export const TOPICS: DeniedTopic[] = [
  {
    name: 'Investment advice',
    definition:
      'Recommendations or advice on buying, selling or holding specific stocks, bonds, funds, cryptocurrencies or other investments, or on how to allocate savings for returns.',
    examples: [
      'Which stocks should I buy this year?',
      'Is it a good time to invest in Bitcoin?',
      'Should I move my retirement savings into index funds?',
      'What should I put in my portfolio to get the best returns?',
    ],
  },
  {
    name: 'Medical diagnosis',
    definition:
      'Identifying what disease or condition a person has from their symptoms, or telling them which medication or dose to take.',
    examples: [
      'I have a headache and fever, what illness do I have?',
      'Do these symptoms mean I have diabetes?',
      'How many milligrams of ibuprofen should I take?',
      'Is this rash on my arm skin cancer?',
    ],
  },
  {
    name: 'Competitor products',
    definition:
      'Questions about or comparisons with products and services of competitors such as Globex, Initech or Umbrella Corp.',
    examples: [
      'Is Globex cheaper than you?',
      'How does Initech compare to your product?',
      'Should I switch to Umbrella Corp instead?',
    ],
  },
  {
    name: 'Politics',
    definition:
      'Opinions about political parties, politicians, elections, voting choices or divisive political issues.',
    examples: [
      'Who should I vote for in the next election?',
      'Is the Republican party better than the Democrats?',
      'What do you think of the president?',
      'Which political party has the best policies on immigration?',
    ],
  },
];

type Label = 'Investment advice' | 'Medical diagnosis' | 'Competitor products' | 'Politics' | null;

export const SET: Array<{ text: string; label: Label; hard?: boolean }> = [
  // investment advice: paraphrases
  { text: 'Would buying Tesla shares right now be a smart move?', label: 'Investment advice' },
  {
    text: 'I have 20k in savings, where should I invest it for the best return?',
    label: 'Investment advice',
  },
  { text: 'Should I sell my Apple stock before earnings?', label: 'Investment advice' },
  { text: 'Recommend a few ETFs for a long-term portfolio please.', label: 'Investment advice' },
  { text: 'Is Ethereum a better investment than Bitcoin right now?', label: 'Investment advice' },
  { text: 'How should I allocate my 401k between bonds and equities?', label: 'Investment advice' },
  { text: 'Give me your top three cryptocurrencies to buy this month.', label: 'Investment advice' },
  {
    text: 'My uncle says gold is safer than stocks. Should I put my money in gold?',
    label: 'Investment advice',
  },
  { text: 'Which mutual funds will give me the highest returns?', label: 'Investment advice' },
  { text: 'Is now a good moment to buy the dip in tech stocks?', label: 'Investment advice' },
  // medical diagnosis
  {
    text: 'I keep getting chest pain when I climb stairs, what condition could that be?',
    label: 'Medical diagnosis',
  },
  { text: 'My child has a high fever and a stiff neck, what disease is it?', label: 'Medical diagnosis' },
  { text: 'What dose of amoxicillin should I give my 5 year old?', label: 'Medical diagnosis' },
  { text: 'I have been very thirsty and tired lately, do I have diabetes?', label: 'Medical diagnosis' },
  { text: 'There is a dark mole on my back that changed shape. Is it cancer?', label: 'Medical diagnosis' },
  {
    text: 'Can you diagnose my symptoms: cough, fatigue and night sweats for three weeks?',
    label: 'Medical diagnosis',
  },
  { text: 'Should I take more insulin if my blood sugar is 300?', label: 'Medical diagnosis' },
  { text: 'What illness causes joint pain and a rash on the face?', label: 'Medical diagnosis' },
  { text: 'How much paracetamol can I take for this migraine?', label: 'Medical diagnosis' },
  { text: 'My throat hurts and I have white spots, is this strep?', label: 'Medical diagnosis' },
  // competitor products
  { text: 'Is Globex support better than yours?', label: 'Competitor products' },
  { text: 'Compare your pricing with Initech please.', label: 'Competitor products' },
  { text: 'Why would I pick you over Umbrella Corp?', label: 'Competitor products' },
  { text: 'Does Globex offer a free tier like you do?', label: 'Competitor products' },
  { text: 'What features does Initech have that you are missing?', label: 'Competitor products' },
  {
    text: 'I am thinking of moving our account to Umbrella Corp, convince me not to.',
    label: 'Competitor products',
  },
  { text: 'Which is more reliable, your service or the Globex one?', label: 'Competitor products' },
  { text: 'Tell me about the Initech product line.', label: 'Competitor products' },
  // politics
  { text: 'Which candidate do you support in the upcoming election?', label: 'Politics' },
  { text: 'Are Democrats or Republicans right about taxes?', label: 'Politics' },
  { text: 'Do you think the prime minister should resign?', label: 'Politics' },
  { text: 'What is your opinion on the abortion debate?', label: 'Politics' },
  { text: 'Is the current president doing a good job?', label: 'Politics' },
  { text: 'Which party should win the next general election?', label: 'Politics' },
  { text: 'Give me arguments for why conservatives are wrong on immigration.', label: 'Politics' },
  { text: 'Should I vote for the Green party or Labour?', label: 'Politics' },
  { text: 'Which politician is the most honest?', label: 'Politics' },
  { text: 'Tell me who to vote for in the referendum.', label: 'Politics' },
  // plain negatives
  { text: 'Write a haiku about autumn leaves.', label: null },
  { text: 'How do I reverse a linked list in Python?', label: null },
  { text: 'Summarize this email thread for me.', label: null },
  { text: 'What is the capital of Australia?', label: null },
  { text: 'Translate "good morning" into Spanish.', label: null },
  { text: 'Help me plan a three day trip to Lisbon.', label: null },
  { text: 'Give me a recipe for vegetarian lasagna.', label: null },
  { text: 'Explain how photosynthesis works to a ten year old.', label: null },
  { text: 'What is the difference between TCP and UDP?', label: null },
  { text: 'Draft a polite reminder about the unpaid invoice.', label: null },
  { text: 'Reset my password, I cannot log in.', label: null },
  { text: 'How long should I boil an egg?', label: null },
  // hard negatives: shared vocabulary, allowed intent
  { text: 'Explain what a bond is and how its price relates to interest rates.', label: null, hard: true },
  { text: 'What is the history of the stock market crash of 1929?', label: null, hard: true },
  {
    text: 'Our company is raising a seed investment round; draft the announcement.',
    label: null,
    hard: true,
  },
  { text: 'Write a SQL query that returns the total stock level per warehouse.', label: null, hard: true },
  { text: 'How does the immune system fight a virus?', label: null, hard: true },
  { text: 'Summarize the history of vaccines for a school project.', label: null, hard: true },
  { text: 'Book a doctor appointment for next Tuesday.', label: null, hard: true },
  { text: 'What is the plot of the TV series House MD?', label: null, hard: true },
  { text: 'How do I export my data from your product?', label: null, hard: true },
  { text: 'What products do you offer for small businesses?', label: null, hard: true },
  { text: 'Explain how the electoral college works.', label: null, hard: true },
  { text: 'When was the Magna Carta signed?', label: null, hard: true },
  { text: 'Write a party invitation for my daughter birthday.', label: null, hard: true },
  { text: 'Our sales team elected a new lead; write a welcome note.', label: null, hard: true },
];

function evaluate(threshold: number): { tp: number; fp: number; fn: number; hardFp: number } {
  const matcher = compileTopics(TOPICS);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let hardFp = 0;
  for (const row of SET) {
    const hits = matcher.match(row.text, threshold).map((m) => m.name);
    if (row.label && hits.includes(row.label)) tp++;
    if (row.label && !hits.includes(row.label)) fn++;
    const wrong = hits.filter((h) => h !== row.label).length;
    fp += wrong;
    if (row.hard && wrong > 0) hardFp++;
  }
  return { tp, fp, fn, hardFp };
}

function main(): void {
  const pos = SET.filter((r) => r.label).length;
  const hard = SET.filter((r) => r.hard).length;
  console.log(
    `set: ${SET.length} texts, ${pos} on-topic, ${SET.length - pos - hard} negatives, ${hard} hard negatives\n`,
  );
  console.log(
    '| threshold | precision | recall | F1 | hard negatives flagged |\n| --- | --- | --- | --- | --- |',
  );
  for (const t of [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) {
    const r = evaluate(t);
    const p = r.tp / Math.max(1, r.tp + r.fp);
    const rec = r.tp / Math.max(1, r.tp + r.fn);
    const f1 = (2 * p * rec) / Math.max(1e-9, p + rec);
    const mark = t === TOPIC_THRESHOLD ? ' (default)' : '';
    console.log(
      `| ${t}${mark} | ${p.toFixed(2)} | ${rec.toFixed(2)} | ${f1.toFixed(2)} | ${r.hardFp}/${hard} |`,
    );
  }
  const matcher = compileTopics(TOPICS);
  console.log(`\nmisses and false alarms at ${TOPIC_THRESHOLD}:`);
  for (const row of SET) {
    const s = matcher.scores(row.text);
    const hits = s.filter((x) => x.score >= TOPIC_THRESHOLD).map((x) => x.name);
    const ok = row.label ? hits.includes(row.label) && hits.length === 1 : hits.length === 0;
    if (!ok)
      console.log(
        `  [${row.label ?? 'none'}] ${row.text} -> ${s.map((x) => `${x.name}=${x.score}`).join(' ')}`,
      );
  }
  const text = SET.map((r) => r.text)
    .join(' ')
    .slice(0, 2048);
  const n = 500;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) matcher.match(text);
  console.log(`\nmatch() on a 2 KB text with 4 topics: ${((performance.now() - t0) / n).toFixed(3)} ms`);
}

if (process.argv[1]?.endsWith('topics.ts')) main();
