/**
 * The 31 PII entity types of Amazon Bedrock Guardrails, named exactly as Bedrock names them, with
 * the names other tools use (Presidio, OpenAI Guardrails, LLM Guard) accepted as aliases.
 */
export interface PiiEntityDefinition {
  /** Bedrock name, also the tag written when anonymizing (`{EMAIL}`). */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
}

export const PII_ENTITIES: readonly PiiEntityDefinition[] = [
  {
    name: 'ADDRESS',
    aliases: ['LOCATION', 'STREET_ADDRESS', 'US_ADDRESS', 'UK_POSTCODE', 'POSTCODE', 'ZIP_CODE', 'GPE'],
    description: 'Physical address or its parts: street, building, unit, city, state, country, postcode.',
  },
  { name: 'AGE', aliases: [], description: "An individual's age with its unit, e.g. '40 years'." },
  { name: 'AWS_ACCESS_KEY', aliases: ['AWS_ACCESS_KEY_ID'], description: 'AWS access key id (AKIA…/ASIA…).' },
  {
    name: 'AWS_SECRET_KEY',
    aliases: ['AWS_SECRET_ACCESS_KEY'],
    description: 'AWS secret access key (40 characters, base64 alphabet).',
  },
  {
    name: 'CA_HEALTH_NUMBER',
    aliases: ['CA_HEALTH_CARD'],
    description: 'Canadian provincial health card number.',
  },
  {
    name: 'CA_SOCIAL_INSURANCE_NUMBER',
    aliases: ['CA_SIN'],
    description: 'Canadian social insurance number (Luhn-checked).',
  },
  { name: 'CREDIT_DEBIT_CARD_CVV', aliases: ['CVV', 'CVC'], description: 'Card verification value.' },
  {
    name: 'CREDIT_DEBIT_CARD_EXPIRY',
    aliases: ['CARD_EXPIRY', 'CREDIT_CARD_EXPIRY'],
    description: 'Card expiry date.',
  },
  {
    name: 'CREDIT_DEBIT_CARD_NUMBER',
    aliases: ['CREDIT_CARD', 'CREDIT_CARD_NUMBER', 'CREDIT_CARD_RE', 'DEBIT_CARD'],
    description: 'Payment card number (Luhn-checked, known issuer prefix).',
  },
  {
    name: 'DRIVER_ID',
    aliases: ['US_DRIVER_LICENSE', 'UK_DRIVING_LICENCE', 'DRIVER_LICENSE', 'DRIVERS_LICENSE'],
    description: "Driver's licence number.",
  },
  { name: 'EMAIL', aliases: ['EMAIL_ADDRESS', 'EMAIL_ADDRESS_RE'], description: 'E-mail address.' },
  {
    name: 'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
    aliases: ['IBAN_CODE', 'IBAN'],
    description: 'IBAN (mod-97 and per-country length checked).',
  },
  { name: 'IP_ADDRESS', aliases: ['IP', 'IPV4', 'IPV6'], description: 'IPv4 or IPv6 address.' },
  {
    name: 'LICENSE_PLATE',
    aliases: ['UK_VEHICLE_REGISTRATION', 'VEHICLE_REGISTRATION', 'LICENCE_PLATE'],
    description: 'Vehicle licence plate.',
  },
  { name: 'MAC_ADDRESS', aliases: ['MAC'], description: 'Media access control address.' },
  {
    name: 'NAME',
    aliases: ['PERSON', 'PER', 'PERSON_NAME', 'FULL_NAME'],
    description: "A person's name (not titles such as Mr. or Dr.).",
  },
  { name: 'PASSWORD', aliases: ['PASSWD'], description: 'A password given in the text.' },
  {
    name: 'PHONE',
    aliases: ['PHONE_NUMBER', 'TELEPHONE'],
    description: 'Telephone number (validated with libphonenumber).',
  },
  { name: 'PIN', aliases: ['PIN_CODE'], description: 'Personal identification number.' },
  { name: 'SWIFT_CODE', aliases: ['BIC', 'BIC_SWIFT', 'SWIFT'], description: 'SWIFT/BIC bank code.' },
  {
    name: 'UK_NATIONAL_HEALTH_SERVICE_NUMBER',
    aliases: ['UK_NHS', 'NHS'],
    description: 'UK NHS number (mod-11 checked).',
  },
  {
    name: 'UK_NATIONAL_INSURANCE_NUMBER',
    aliases: ['UK_NINO', 'NINO'],
    description: 'UK national insurance number.',
  },
  {
    name: 'UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER',
    aliases: ['UK_UTR', 'UTR'],
    description: 'UK unique taxpayer reference (check digit verified).',
  },
  { name: 'URL', aliases: ['DOMAIN_NAME', 'URI'], description: 'Web address.' },
  { name: 'USERNAME', aliases: ['USER_NAME', 'LOGIN'], description: 'Account user name, login or handle.' },
  {
    name: 'US_BANK_ACCOUNT_NUMBER',
    aliases: ['US_BANK_NUMBER'],
    description: 'US bank account number (needs context).',
  },
  {
    name: 'US_BANK_ROUTING_NUMBER',
    aliases: ['ABA_ROUTING_NUMBER', 'US_ROUTING_NUMBER'],
    description: 'ABA routing number (checksum verified).',
  },
  {
    name: 'US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER',
    aliases: ['US_ITIN', 'ITIN'],
    description: 'US ITIN (9XX-[50-65|70-88|90-92|94-99]-XXXX).',
  },
  {
    name: 'US_PASSPORT_NUMBER',
    aliases: ['US_PASSPORT'],
    description: 'US passport number (needs context).',
  },
  {
    name: 'US_SOCIAL_SECURITY_NUMBER',
    aliases: ['US_SSN', 'SSN', 'US_SSN_RE'],
    description: 'US social security number (area/group/serial rules).',
  },
  {
    name: 'VEHICLE_IDENTIFICATION_NUMBER',
    aliases: ['VIN'],
    description: 'Vehicle identification number (check digit verified).',
  },
];

export const PII_ENTITY_NAMES: readonly string[] = PII_ENTITIES.map((entity) => entity.name);

const nameByKey = new Map<string, string>();
for (const entity of PII_ENTITIES) {
  nameByKey.set(entity.name, entity.name);
  for (const alias of entity.aliases) nameByKey.set(alias, entity.name);
}

/** The Bedrock name for a Bedrock name or alias (case- and separator-insensitive), or undefined. */
export function resolveEntityName(nameOrAlias: string): string | undefined {
  const key = nameOrAlias
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return nameByKey.get(key);
}
