import { describe, expect, it } from 'vitest';
import {
  detectPii,
  PII_ENTITIES,
  PII_ENTITY_NAMES,
  resolveEntityName,
} from '../../../src/guard/pii/index.js';

function found(text: string, opts?: Parameters<typeof detectPii>[1]): Array<[string, string]> {
  return detectPii(text, opts).map((m) => [m.entity, text.slice(m.start, m.end)]);
}

describe('entity names', () => {
  it('lists the 31 Bedrock types once each', () => {
    expect(PII_ENTITY_NAMES).toHaveLength(31);
    expect(new Set(PII_ENTITY_NAMES).size).toBe(31);
    expect(PII_ENTITY_NAMES).toContain('UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER');
  });

  it('resolves Presidio names and other spellings', () => {
    expect(resolveEntityName('PERSON')).toBe('NAME');
    expect(resolveEntityName('email_address')).toBe('EMAIL');
    expect(resolveEntityName('PHONE_NUMBER')).toBe('PHONE');
    expect(resolveEntityName('CREDIT_CARD')).toBe('CREDIT_DEBIT_CARD_NUMBER');
    expect(resolveEntityName('IBAN_CODE')).toBe('INTERNATIONAL_BANK_ACCOUNT_NUMBER');
    expect(resolveEntityName('US_SSN')).toBe('US_SOCIAL_SECURITY_NUMBER');
    expect(resolveEntityName('LOCATION')).toBe('ADDRESS');
    expect(resolveEntityName('us-driver-license')).toBe('DRIVER_ID');
    expect(resolveEntityName('NOT_A_TYPE')).toBeUndefined();
  });

  it('has no alias shared by two entities', () => {
    const all = PII_ENTITIES.flatMap((e) => [e.name, ...e.aliases]);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('detectPii: structured entities', () => {
  const cases: Array<[string, string, string]> = [
    ['EMAIL', 'write to jane.doe+test@example.co.uk today', 'jane.doe+test@example.co.uk'],
    ['PHONE', 'call me at (202) 555-0143 tomorrow', '(202) 555-0143'],
    ['PHONE', 'my UK mobile is +44 7700 900123', '+44 7700 900123'],
    ['PHONE', 'from abroad dial 0044 20 7946 0958', '0044 20 7946 0958'],
    ['CREDIT_DEBIT_CARD_NUMBER', 'card 4111-1111-1111-1111 was declined', '4111-1111-1111-1111'],
    ['US_SOCIAL_SECURITY_NUMBER', 'SSN: 123-45-6780', '123-45-6780'],
    [
      'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
      'pay into DE89 3704 0044 0532 0130 00 please',
      'DE89 3704 0044 0532 0130 00',
    ],
    ['IP_ADDRESS', 'blocked 203.0.113.42 at the edge', '203.0.113.42'],
    ['IP_ADDRESS', 'host 2001:db8::8a2e:370:7334 answered', '2001:db8::8a2e:370:7334'],
    ['MAC_ADDRESS', 'device 00:1A:2B:3C:4D:5E joined', '00:1A:2B:3C:4D:5E'],
    ['URL', 'see https://example.org/docs?id=3.', 'https://example.org/docs?id=3'],
    ['AWS_ACCESS_KEY', 'key AKIAIOSFODNN7EXAMPLE leaked', 'AKIAIOSFODNN7EXAMPLE'],
    [
      'AWS_SECRET_KEY',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ],
    ['US_BANK_ROUTING_NUMBER', 'routing number 021000021', '021000021'],
    ['US_BANK_ACCOUNT_NUMBER', 'checking account number 000123456789', '000123456789'],
    ['VEHICLE_IDENTIFICATION_NUMBER', 'VIN 1HGCM82633A004352', '1HGCM82633A004352'],
    ['UK_NATIONAL_HEALTH_SERVICE_NUMBER', 'NHS number 943 476 5919', '943 476 5919'],
    ['UK_NATIONAL_INSURANCE_NUMBER', 'my NI number is AB 12 34 56 C', 'AB 12 34 56 C'],
    ['UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER', 'my UTR is 1955839661', '1955839661'],
    ['CA_SOCIAL_INSURANCE_NUMBER', 'SIN 130 692 544', '130 692 544'],
    ['CA_HEALTH_NUMBER', 'OHIP health card 1234-567-890-AB', '1234-567-890-AB'],
    ['US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER', 'ITIN 912-70-1234', '912-70-1234'],
    ['US_PASSPORT_NUMBER', 'passport number 340020013', '340020013'],
    ['DRIVER_ID', "driver's license number is A56319335", 'A56319335'],
    ['LICENSE_PLATE', 'licence plate AB12 CDE', 'AB12 CDE'],
    ['SWIFT_CODE', 'SWIFT code DEUTDEFF500', 'DEUTDEFF500'],
    ['CREDIT_DEBIT_CARD_CVV', 'CVV: 123', '123'],
    ['CREDIT_DEBIT_CARD_EXPIRY', 'expires 09/27', '09/27'],
    ['PIN', 'my PIN is 4821', '4821'],
    ['PASSWORD', 'password: hunter2!', 'hunter2!'],
    ['USERNAME', 'username: jdoe_42', 'jdoe_42'],
    ['AGE', 'he is 42 years old', '42 years'],
  ];
  it.each(cases)('%s in %j', (entity, text, value) => {
    expect(found(text)).toContainEqual([entity, value]);
  });

  it('an IBAN followed by an upper-case word still validates', () => {
    expect(found('IBAN GB82 WEST 1234 5698 7654 32 OK THANKS')).toContainEqual([
      'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
      'GB82 WEST 1234 5698 7654 32',
    ]);
    expect(found('from KZ59 0056 5345 2G91 5007 today')).toContainEqual([
      'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
      'KZ59 0056 5345 2G91 5007',
    ]);
  });

  it('rejects numbers that fail their checksum', () => {
    expect(found('card 4111 1111 1111 1112')).not.toContainEqual([
      'CREDIT_DEBIT_CARD_NUMBER',
      '4111 1111 1111 1112',
    ]);
    expect(found('SSN 666-45-6780').map((m) => m[0])).not.toContain('US_SOCIAL_SECURITY_NUMBER');
    expect(found('IBAN GB82 WEST 1234 5698 7654 33').map((m) => m[0])).not.toContain(
      'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
    );
  });

  it('needs context for numbers that are only PII in context', () => {
    expect(found('the order 021000021 shipped').map((m) => m[0])).not.toContain('US_BANK_ROUTING_NUMBER');
    expect(found('version 12345678 of the file').map((m) => m[0])).not.toContain('US_BANK_ACCOUNT_NUMBER');
    expect(found('the code is 4821').map((m) => m[0])).not.toContain('PIN');
  });

  it('context words raise the score', () => {
    const only = { threshold: 0, entities: new Set(['UK_NATIONAL_HEALTH_SERVICE_NUMBER']) };
    const bare = detectPii('id 943 476 5919', only)[0];
    const withContext = detectPii('NHS number 943 476 5919', only)[0];
    expect(bare).toBeDefined();
    expect(withContext?.score ?? 0).toBeGreaterThan(bare?.score ?? 1);
  });

  it('context words lower the score', () => {
    expect(found('server 10.20.30.40 is down')).toContainEqual(['IP_ADDRESS', '10.20.30.40']);
    expect(found('upgrade to version 10.20.30.40 today').map((m) => m[0])).not.toContain('IP_ADDRESS');
  });

  it('does not report dates, versions or plain prose', () => {
    expect(found('Released on 2024-10-08, version 1.2.3.4 fixes 3 bugs; see section 4.2.')).toEqual([]);
    expect(
      found('The meeting moved to Tuesday at 10:30 because of the holiday.').filter((m) => m[0] !== 'NAME'),
    ).toEqual([]);
  });

  it('reports only the requested entities', () => {
    const text = 'mail jane@example.com or call (202) 555-0143';
    expect(found(text, { entities: new Set(['EMAIL']) })).toEqual([['EMAIL', 'jane@example.com']]);
  });

  it('runs custom patterns in linear time (RE2 syntax)', () => {
    const text = 'ticket EMP-004211 and EMP-9';
    expect(found(text, { custom: [{ name: 'EMPLOYEE_ID', pattern: 'EMP-\\d{6}' }] })).toContainEqual([
      'EMPLOYEE_ID',
      'EMP-004211',
    ]);
    // Offsets stay UTF-16 after astral characters, and custom names are reported whatever `entities` says.
    const astral = '😀😀 ticket EMP-004211';
    expect(
      found(astral, { entities: new Set(), custom: [{ name: 'EMPLOYEE_ID', pattern: 'EMP-\\d{6}' }] }),
    ).toEqual([['EMPLOYEE_ID', 'EMP-004211']]);
  });

  it('refuses text above the size limit', () => {
    expect(() => detectPii('a'.repeat(16 * 1024 * 1024 + 1))).toThrow(RangeError);
  });
});

describe('detectPii: names and addresses', () => {
  it('finds a full name after an introduction', () => {
    expect(found('Hi, my name is Maria Fernandez and I need help.')).toContainEqual([
      'NAME',
      'Maria Fernandez',
    ]);
  });

  it('finds a street address', () => {
    const entities = found('Please send it to 1600 Pennsylvania Avenue, Washington, DC 20500.');
    const address = entities
      .filter((e) => e[0] === 'ADDRESS')
      .map((e) => e[1])
      .join(' ');
    expect(address).toContain('1600 Pennsylvania Avenue');
  });

  it('finds a country as a location', () => {
    expect(found("I'm originally from Portugal")).toContainEqual(['ADDRESS', 'Portugal']);
  });

  it('does not tag titles as part of a name', () => {
    const names = found('Dr. Alice Johnson will see you now.').filter((e) => e[0] === 'NAME');
    expect(names.map((n) => n[1])).toContain('Alice Johnson');
  });

  it('a capitalised word after a title is a name, even an unknown one', () => {
    expect(found('Dear Mr. Qwertyuk, your appointment is confirmed.')).toContainEqual(['NAME', 'Qwertyuk']);
  });

  it('leaves ordinary capitalised words alone', () => {
    const names = found('Please review the Quarterly Report before the Board meeting on Monday.').filter(
      (e) => e[0] === 'NAME',
    );
    expect(names).toEqual([]);
  });
});
