import { describe, expect, it } from 'vitest';
import {
  abaRoutingValid,
  cardIssuerKnown,
  ibanValid,
  ipv4Valid,
  ipv6Valid,
  itinValid,
  luhnValid,
  nhsValid,
  ninoValid,
  sinValid,
  ssnValid,
  swiftValid,
  utrValid,
  vinCheckDigitValid,
} from '../../../src/guard/pii/validators.js';

describe('checksums', () => {
  it('Luhn accepts test card numbers and rejects a changed digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('knows issuer prefixes and lengths', () => {
    expect(cardIssuerKnown('4111111111111111')).toBe(true);
    expect(cardIssuerKnown('5555555555554444')).toBe(true);
    expect(cardIssuerKnown('378282246310005')).toBe(true);
    expect(cardIssuerKnown('9111111111111111')).toBe(false);
    expect(cardIssuerKnown('37828224631000')).toBe(false);
  });

  it('IBAN: mod-97 and the country length', () => {
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false);
    // Right checksum arithmetic is not enough: DE IBANs have 22 characters.
    expect(ibanValid('DE8937040044053201300')).toBe(false);
    expect(ibanValid('XX82WEST12345698765432')).toBe(false);
  });

  it('SSN: area, group and serial rules', () => {
    expect(ssnValid('123456780')).toBe(true);
    expect(ssnValid('000456780')).toBe(false);
    expect(ssnValid('666456780')).toBe(false);
    expect(ssnValid('912456780')).toBe(false);
    expect(ssnValid('123006780')).toBe(false);
    expect(ssnValid('123450000')).toBe(false);
    expect(ssnValid('078051120')).toBe(false);
  });

  it('ITIN: 9XX and the allowed group ranges', () => {
    expect(itinValid('912701234')).toBe(true);
    expect(itinValid('912931234')).toBe(false);
    expect(itinValid('812701234')).toBe(false);
  });

  it('ABA routing checksum', () => {
    expect(abaRoutingValid('021000021')).toBe(true);
    expect(abaRoutingValid('011000015')).toBe(true);
    expect(abaRoutingValid('021000022')).toBe(false);
    expect(abaRoutingValid('991000021')).toBe(false);
  });

  it('VIN check digit', () => {
    expect(vinCheckDigitValid('1HGCM82633A004352')).toBe(true);
    expect(vinCheckDigitValid('1M8GDM9AXKP042788')).toBe(true);
    expect(vinCheckDigitValid('1HGCM82634A004352')).toBe(false);
    expect(vinCheckDigitValid('1HGCM82633A00435I')).toBe(false);
  });

  it('NHS mod-11', () => {
    expect(nhsValid('9434765919')).toBe(true);
    expect(nhsValid('9434765918')).toBe(false);
    expect(nhsValid('1111111111')).toBe(false);
  });

  it('Canadian SIN: Luhn, not starting with 0 or 8', () => {
    expect(sinValid('046454286')).toBe(false);
    expect(sinValid('130692544')).toBe(true);
    expect(sinValid('130692545')).toBe(false);
  });

  it('UK UTR check digit', () => {
    expect(utrValid('1955839661')).toBe(true);
    expect(utrValid('2955839661')).toBe(false);
  });

  it('NINO prefixes and suffix letter', () => {
    expect(ninoValid('AB123456C')).toBe(true);
    expect(ninoValid('ab 12 34 56 c')).toBe(true);
    expect(ninoValid('GB123456C')).toBe(false);
    expect(ninoValid('DA123456C')).toBe(false);
    expect(ninoValid('AB123456E')).toBe(false);
  });

  it('SWIFT needs a real country code', () => {
    expect(swiftValid('DEUTDEFF')).toBe(true);
    expect(swiftValid('DEUTDEFF500')).toBe(true);
    expect(swiftValid('PASSWORD')).toBe(false);
  });

  it('IP addresses', () => {
    expect(ipv4Valid('192.168.1.20')).toBe(true);
    expect(ipv4Valid('256.1.1.1')).toBe(false);
    expect(ipv4Valid('01.02.03.04')).toBe(false);
    expect(ipv6Valid('fe80::1ff:fe23:4567:890a')).toBe(true);
    expect(ipv6Valid('12:30:45')).toBe(false);
  });
});
