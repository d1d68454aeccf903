/**
 * Synthetic labelled PII text for training the name/address classifier and for the held-out
 * benchmark. Slots in templates are filled with @faker-js/faker values; the spans are recorded in
 * Bedrock entity names. TRAIN_TEMPLATES and HELDOUT_TEMPLATES are disjoint and written separately;
 * the Presidio templates are split by line number (even: train, odd: held out).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allFakers, type Faker } from '@faker-js/faker';
import { packageRoot } from '../src/util/paths.js';

/** Locales whose names are kept out of the gazetteer, to measure names it has never seen. */
export const HELD_OUT_NAME_LOCALES = ['nl', 'nl_BE', 'pl', 'tr'];

export interface LabelledSpan {
  start: number;
  end: number;
  entity: string;
}
export interface LabelledText {
  text: string;
  spans: LabelledSpan[];
}

export function sharedDataDir(): string {
  return process.env.AIGIS_SHARED_DIR ?? join(packageRoot(), '..', 'shared');
}

export const TRAIN_TEMPLATES: readonly string[] = [
  'Hi, my name is {{person}} and I live at {{address}}.',
  'Please ship the order to {{person}}, {{address}}',
  'Dear {{first_name}},\nThank you for contacting {{company}}. Your ticket has been assigned to {{person}}.',
  'Customer: {{person}}\nAddress: {{address}}\nPhone: {{phone}}\nEmail: {{email}}',
  'Name: {{person}}\nStreet: {{street_address}}\nCity: {{city}}\nPostcode: {{zip}}\nCountry: {{country}}',
  '{{person}} moved from {{city}} to {{country}} last year.',
  'I spoke with {{first_name}} from {{company}} about the invoice.',
  'Can you update the billing address for {{person}} to {{address}}?',
  'Best regards,\n{{person}}\n{{company}}\n{{street_address}}\n{{city}}, {{state}} {{zip}}',
  'Meeting with {{person}} at our {{city}} office on Monday.',
  'The package for {{last_name}} was delivered to {{street_address}} instead of {{street_address}}.',
  'Our new colleague {{person}} starts next week in {{city}}.',
  'Patient {{person}}, born in {{city}}, was admitted yesterday.',
  'hey its {{first_name_lower}}, can u send it to {{address_lower}}',
  'Send the contract to {{person}} ({{email}}) before Friday.',
  'My husband {{first_name}} and I are flying to {{city}}, {{country}} in June.',
  'Ask {{first_name}} {{last_name}} whether the {{city}} branch is open on Saturday.',
  'Ms. {{last_name}} asked us to call her back at {{phone}}.',
  'Dr. {{person}} will see you at {{street_address}}, Suite {{number}}.',
  'The warehouse is located at {{address}}.',
  'Return address: {{person}}, {{street_address}}, {{city}} {{zip}}, {{country}}',
  'I was born in {{country}} but grew up in {{city}}.',
  'Transfer the funds to {{person}}, IBAN {{iban}}.',
  '{{person}} paid with card {{card}} and asked for a receipt.',
  'According to {{person}}, the server at {{ip}} went down at noon.',
  'Employee {{person}} (SSN {{ssn}}) updated their address to {{address}}.',
  'Thanks {{first_name}}! See you in {{city}}.',
  'The report was written by {{person}} and reviewed by {{person}}.',
  'Visit our store at {{street_address}} in downtown {{city}}.',
  'Could {{first_name}} please confirm the delivery to {{street_address}}?',
  'Contact person: {{person}}, tel. {{phone}}',
  'We are shipping from {{city}}, {{state}}.',
  'Apple and Microsoft reported strong quarterly results on Tuesday.',
  'The quarterly report from {{company}} is attached.',
  'Please reset the password for the finance team by Monday morning.',
  'How do I change my billing date and the address on my account?',
  'The Eiffel Tower and the Louvre are the most visited sites in Paris.',
  'Summer sale: 20% off all shoes until the end of August.',
  'Will the May release include the new dashboard?',
  'Mark the ticket as resolved and notify the Customer Success team.',
  'The Python SDK and the Java client both support streaming.',
  'Our CEO presented the Annual Report at the General Assembly.',
  'Rose, Lily and Daisy are flowers that grow well in spring.',
  'My landlord {{person}} owns the building at {{street_address}}.',
  'Regards, {{first_name}}',
  '{{first_name}} {{last_name}} <{{email}}>',
  'Attn: {{person}}, Accounts Payable, {{company}}, {{address}}',
  'FROM: {{person_upper}}\nTO: {{person_upper}}\nRE: invoice',
  'Deliver to: {{address_multiline}}',
  '{{person}}\n{{address_multiline}}',
  'Is {{city}} far from {{city}}?',
  'The tenant at {{street_address}}, {{person}}, reported a leak.',
  'The new manager, {{first_name}}, prefers email over phone calls.',
  'Ping {{first_name}} on Slack if the build fails again.',
  'Our offices in {{country}} and {{country}} will be closed on Friday.',
  'I need a taxi from {{street_address}} to the airport.',
  'Can {{person}} sign for the parcel if I am not at home?',
  'The team: {{first_name}}, {{first_name}}, {{first_name}} and {{first_name}}.',
  'Invited guests are {{person}}, {{person}} and {{person}}.',
  '{{first_name}} and {{first_name}} went to the market with {{first_name}}.',
  'User: {{person}}\nAgent: How can I help?',
  'Signed, {{person}}',
  'A tribute to {{person}}, who founded the club.',
  'In the {{last_name}} case, the court ruled quickly.',
  'Kids: {{first_name}} (7), {{first_name}} (5) and {{first_name}} (2).',
  'cc: {{person}}; {{person}}',
  '{{first_name}}: "Where are you?"\n{{first_name}}: "At home."',
  'Winners were announced: {{last_name}}, {{last_name}} and {{last_name}}.',
  'I had lunch with {{first_name_lower}} and {{first_name_lower}} today',
  '{{person}} wrote the book, and {{person}} directed the film.',
  'It takes {{number}} minutes to get there by bus.',
  'We sold {{number}} units last quarter and expect {{number}} more.',
  'The file is {{number}} MB and the upload limit is {{number}} GB.',
  '{{first_name}} has {{number}} apples and gives {{number}} to her brother.',
  'A train leaves at {{number}} and travels {{number}} miles per hour.',
  'Chapter {{number}} explains the results on page {{number}}.',
  'Room {{number}} is booked for the training session.',
  'The recipe needs {{number}} grams of flour and {{number}} eggs.',
  'Error {{number}}: the request timed out after {{number}} seconds.',
  '{{first_name}} decides to buy {{number}} tickets for the concert.',
  'Then {{first_name}} sells {{number}} cookies at the school fair.',
  'Normally the store opens at 9 and closes at {{number}}.',
  'Write a poem about the sea, the sky and a cup of tea.',
  'Explain how water boils at 100 degrees at sea level.',
  'List {{number}} ways to improve customer service in a small shop.',
  'What are the best tips for growing tomatoes in a small garden?',
];

export const HELDOUT_TEMPLATES: readonly string[] = [
  'Good morning, this is {{person}} calling about my order; please send the refund to my card {{card}}.',
  'New lead: {{person}} from {{company}}. Reach them at {{email}} or {{phone}}.',
  'Shipping label\n{{person}}\n{{address_multiline}}',
  'The suspect, {{person}}, was last seen near {{street_address}} in {{city}}.',
  'Could you change the delivery address to {{address}}? Thanks, {{first_name}}',
  'I, {{person}}, authorise the transfer from {{iban}} to my new account.',
  'Our tenant {{person}} has lived at {{address}} since 2019.',
  'Please confirm the reservation for {{person}} and {{person}}, arriving from {{country}}.',
  'Dear Mr. {{last_name}}, your appointment at {{street_address}} is confirmed.',
  'The login attempt came from {{ip}} and used the account of {{person}}.',
  'My SSN is {{ssn}} and my date of birth is in the file.',
  'Hey {{first_name}}, can you forward me the invoice? My email is {{email}}.',
  'Emergency contact: {{person}}, {{phone}}',
  'Card holder: {{person_upper}}, card number {{card}}',
  '{{first_name}} told me she moved to {{city}} after the wedding.',
  'The conference will be held in {{city}}, {{country}}, and {{person}} will give the keynote.',
  'Invoice #{{number}} for {{company}}, {{address}}',
  'ok so {{first_name_lower}} said the party is at {{street_address_lower}} tonight',
  'Mail the documents to {{address}} to the attention of {{person}}.',
  'Our records show {{person}} as the owner of IBAN {{iban}}.',
  'Ich heiße {{person}} und wohne in {{city}}.',
  'Je m’appelle {{person}}, j’habite au {{street_address}}.',
  'The user {{person}} connected from {{ip}} at 09:14.',
  'Hello support, {{person}} here. My phone number changed to {{phone}}.',
  'Please pay {{person}} using the account {{iban}} by the end of the month.',
  'Social security number on file for {{person}}: {{ssn}}',
  'Our customer {{person}} complained about a charge on card {{card}}.',
  'Visitors from {{country}} need a visa to enter {{country}}.',
  'The contractor, {{person}}, will inspect {{street_address}} on Thursday.',
  'Send a reminder to {{email}} and copy {{person}}.',
  'Nothing personal here: the quarterly numbers look good and the team in Marketing agrees.',
  'Please review the attached slides before the Board meeting next Tuesday.',
  'Spring is the best season to visit the national parks.',
  'The API returns 404 when the resource does not exist.',
  'Ask the Help Desk to reset the VPN token.',
  'The Red Cross and the United Nations coordinated the relief effort.',
  'Server logs show requests from {{ip}} and {{ip}} during the outage.',
  '{{person}} ({{email}}) reported the bug; assign it to {{first_name}}.',
  'Where can I find the nearest branch to {{address}}?',
  'Notify {{person}} that the payment with card {{card}} failed.',
];

const TRAIN_LOCALES = [
  'en_US',
  'en_US',
  'en_US',
  'en_GB',
  'en_AU',
  'en_CA',
  'en_IN',
  'de',
  'fr',
  'es',
  'it',
  'pt_BR',
  'sv',
  'fi',
  'da',
  'nb_NO',
  'cs_CZ',
  'ru',
  'el',
  'ja',
  'ko',
  'vi',
  'ro',
  'hr',
  'he',
  'af_ZA',
  'en_IE',
  'de_AT',
  'fr_CH',
];

interface Filler {
  faker: Faker;
  nameFaker: Faker;
  rand: () => number;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** Some locales lack some location data (no states in Denmark): fall back to English. */
function loc(f: Filler, get: (fk: Faker) => string): string {
  try {
    return get(f.faker);
  } catch {
    return get(allFakers.en);
  }
}

function validSsn(rand: () => number): string {
  let area = 1 + Math.floor(rand() * 898);
  if (area === 666) area = 667;
  const group = 1 + Math.floor(rand() * 98);
  const serial = 1 + Math.floor(rand() * 9998);
  return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}

function person(f: Filler): string {
  const first = f.nameFaker.person.firstName();
  const last = f.nameFaker.person.lastName();
  const r = f.rand();
  if (r < 0.1) return `${first} ${f.nameFaker.person.firstName()} ${last}`;
  if (r < 0.15) return `${first[0]}. ${last}`;
  return `${first} ${last}`;
}

function streetAddress(f: Filler): string {
  const r = f.rand();
  const fk = f.faker;
  if (r < 0.5) return fk.location.streetAddress(f.rand() < 0.3);
  const num = loc(f, (k) => k.location.buildingNumber());
  const street = loc(f, (k) => k.location.street());
  if (r < 0.75) return `${num} ${street}`;
  return `${street} ${num}`;
}

function zip(f: Filler): string {
  return loc(f, (k) => k.location.zipCode());
}

function address(f: Filler): string {
  const r = f.rand();
  if (r < 0.35)
    return `${streetAddress(f)}, ${loc(f, (k) => k.location.city())}, ${loc(f, (k) => k.location.state({ abbreviated: true }))} ${zip(f)}`;
  if (r < 0.55) return `${streetAddress(f)}, ${zip(f)} ${loc(f, (k) => k.location.city())}`;
  if (r < 0.7)
    return `${streetAddress(f)}, ${loc(f, (k) => k.location.city())}, ${loc(f, (k) => k.location.country())}`;
  if (r < 0.85)
    return `${loc(f, (k) => k.location.secondaryAddress())}, ${streetAddress(f)}, ${loc(f, (k) => k.location.city())}`;
  return `${streetAddress(f)}, ${loc(f, (k) => k.location.city())}`;
}

type SlotValue = { value: string; entity?: string };

function fill(slot: string, f: Filler): SlotValue {
  const fk = f.faker;
  switch (slot) {
    case 'person':
    case 'name':
      return { value: person(f), entity: 'NAME' };
    case 'person_upper':
      return { value: person(f).toUpperCase(), entity: 'NAME' };
    case 'first_name':
    case 'first_name_male':
    case 'first_name_female':
    case 'first_name_nonbinary':
      return { value: f.nameFaker.person.firstName(), entity: 'NAME' };
    case 'first_name_lower':
      return { value: f.nameFaker.person.firstName().toLowerCase(), entity: 'NAME' };
    case 'last_name':
    case 'last_name_male':
    case 'last_name_female':
      return { value: f.nameFaker.person.lastName(), entity: 'NAME' };
    case 'name_male':
    case 'name_female':
      return { value: person(f), entity: 'NAME' };
    case 'address':
      return { value: address(f), entity: 'ADDRESS' };
    case 'address_lower':
      return { value: address(f).toLowerCase(), entity: 'ADDRESS' };
    case 'address_multiline':
      return {
        value: `${streetAddress(f)}\n${loc(f, (k) => k.location.city())} ${zip(f)}\n${loc(f, (k) => k.location.country())}`,
        entity: 'ADDRESS',
      };
    case 'street_address':
      return { value: streetAddress(f), entity: 'ADDRESS' };
    case 'street_address_lower':
      return { value: streetAddress(f).toLowerCase(), entity: 'ADDRESS' };
    case 'street_name':
      return { value: loc(f, (k) => k.location.street()), entity: 'ADDRESS' };
    case 'building_number':
      return { value: loc(f, (k) => k.location.buildingNumber()), entity: 'ADDRESS' };
    case 'secondary_address':
      return { value: loc(f, (k) => k.location.secondaryAddress()), entity: 'ADDRESS' };
    case 'city':
      return { value: loc(f, (k) => k.location.city()), entity: 'ADDRESS' };
    case 'country':
      return { value: allFakers.en.location.country(), entity: 'ADDRESS' };
    case 'state':
    case 'state_abbr':
      return {
        value: loc(f, (k) => k.location.state({ abbreviated: slot === 'state_abbr' })),
        entity: 'ADDRESS',
      };
    case 'zip':
    case 'zipcode':
    case 'postcode':
      return { value: zip(f), entity: 'ADDRESS' };
    case 'email':
      return { value: fk.internet.email(), entity: 'EMAIL' };
    case 'phone':
    case 'phone_number':
      return {
        value: fk.phone.number({ style: pick(f.rand, ['national', 'international', 'human'] as const) }),
        entity: 'PHONE',
      };
    case 'card':
    case 'credit_card_number':
      return {
        value: fk.finance.creditCardNumber(pick(f.rand, ['visa', 'mastercard', 'amex', 'discover'])),
        entity: 'CREDIT_DEBIT_CARD_NUMBER',
      };
    case 'iban':
      return {
        value: fk.finance.iban({ formatted: f.rand() < 0.5 }),
        entity: 'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
      };
    case 'ssn':
      return { value: validSsn(f.rand), entity: 'US_SOCIAL_SECURITY_NUMBER' };
    case 'ip':
    case 'ip_address':
      return { value: f.rand() < 0.8 ? fk.internet.ipv4() : fk.internet.ipv6(), entity: 'IP_ADDRESS' };
    case 'url':
      return { value: fk.internet.url(), entity: 'URL' };
    case 'company':
    case 'organization':
      return { value: fk.company.name() };
    case 'number':
      return { value: String(100 + Math.floor(f.rand() * 9900)) };
    case 'age':
      return { value: String(18 + Math.floor(f.rand() * 70)) };
    case 'year':
      return { value: String(1950 + Math.floor(f.rand() * 75)) };
    case 'job':
      return { value: fk.person.jobTitle() };
    case 'nationality':
    case 'nation_woman':
    case 'nation_plural':
      return {
        value: pick(f.rand, [
          'American',
          'German',
          'French',
          'Italian',
          'Spanish',
          'Brazilian',
          'Indian',
          'Japanese',
          'Canadian',
          'Swedish',
        ]),
      };
    case 'prefix':
    case 'prefix_male':
    case 'prefix_female':
      return { value: pick(f.rand, ['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Miss']) };
    case 'date_time':
    case 'date_of_birth':
      return {
        value: fk.date.past({ years: 30, refDate: '2025-06-01T00:00:00Z' }).toLocaleDateString('en-US'),
      };
    case 'day_of_week':
      return { value: fk.date.weekday() };
    case 'us_driver_license':
      return {
        value: `${pick(f.rand, ['A', 'B', 'D', 'S'])}${String(Math.floor(f.rand() * 1e8)).padStart(8, '0')}`,
        entity: 'DRIVER_ID',
      };
    default:
      return { value: fk.lorem.word() };
  }
}

/** Deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fillTemplate(template: string, f: Filler): LabelledText {
  let text = '';
  const spans: LabelledSpan[] = [];
  let last = 0;
  const slot = /\{\{([a-z_0-9]+)\}\}/g;
  for (let m = slot.exec(template); m !== null; m = slot.exec(template)) {
    text += template.slice(last, m.index);
    const { value, entity } = fill(m[1] ?? '', f);
    if (entity) spans.push({ start: text.length, end: text.length + value.length, entity });
    text += value;
    last = m.index + m[0].length;
  }
  text += template.slice(last);
  return { text, spans };
}

export function presidioTemplates(split: 'train' | 'heldout'): string[] {
  const lines = readFileSync(join(sharedDataDir(), 'data', 'pii', 'presidio_templates.txt'), 'utf8').split(
    '\n',
  );
  return lines.filter((line, i) => line.trim() !== '' && (split === 'train' ? i % 2 === 0 : i % 2 === 1));
}

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Fill names from the locales kept out of the gazetteer, half of the time. */
  unseenNames?: boolean;
  /** Share of texts lower-cased / upper-cased, as chat and forms often are. */
  lowerCaseShare?: number;
}

export function generate(templates: readonly string[], opts: GenerateOptions): LabelledText[] {
  const rand = seededRandom(opts.seed);
  const out: LabelledText[] = [];
  for (let i = 0; i < opts.count; i++) {
    const locale = pick(rand, TRAIN_LOCALES);
    const faker = allFakers[locale as keyof typeof allFakers];
    faker.seed(Math.floor(rand() * 2 ** 31));
    let nameFaker = faker;
    if (opts.unseenNames && rand() < 0.5) {
      nameFaker = allFakers[pick(rand, HELD_OUT_NAME_LOCALES) as keyof typeof allFakers];
      nameFaker.seed(Math.floor(rand() * 2 ** 31));
    }
    const sample = fillTemplate(pick(rand, templates), { faker, nameFaker, rand });
    const r = rand();
    const lower = opts.lowerCaseShare ?? 0.12;
    if (r < lower) sample.text = sample.text.toLowerCase();
    else if (r < lower + 0.03) sample.text = sample.text.toUpperCase();
    // Case changes keep UTF-16 lengths for the scripts used here; drop the sample if one did not.
    if (sample.spans.some((s) => s.end > sample.text.length)) continue;
    out.push(sample);
  }
  return out;
}
