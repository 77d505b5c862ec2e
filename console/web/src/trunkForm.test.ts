import { describe, expect, it } from 'vitest';
import { check, EMPTY_TRUNK, fieldOf, formFrom, patternsOf, requestOf, type TrunkFields } from './trunkForm';

const TLS_TRUNK: TrunkFields = {
  id: 'carrier', host: 'sip.carrier.example', port: 5061, transport: 'TLS', username: 'earpiece',
  registerIntervalSeconds: 300, enabled: true, realm: 'carrier.example', callerId: '+15550100', codecs: ['PCMA'],
  allowedSources: ['198.51.100.7'], srtp: 'MANDATORY',
  tls: { serverPin: null, trustedCa: '/etc/earpiece/carrier-ca.pem', clientCertificate: null, clientKey: null },
  routePatterns: ['+1', '0044'], routePriority: 10,
};

describe('trunk form', () => {
  it('starts from the trunk being edited, TLS, encryption and routes included', () => {
    const f = formFrom(TLS_TRUNK);
    expect(f.transport).toBe('tls');
    expect(f.srtp).toBe('mandatory');
    expect(f.patterns).toBe('+1, 0044');
    expect(f.priority).toBe('10');
    expect(f.trustedCa).toBe('/etc/earpiece/carrier-ca.pem');
    expect(f.password).toBe('');
    expect(formFrom(null)).toEqual(EMPTY_TRUNK);
  });

  it('sends what it shows, and on an edit what it does not show as it was', () => {
    const body = requestOf({ ...formFrom(TLS_TRUNK), patterns: '+1 0044,, 0033', clientCertificate: ' ' }, TLS_TRUNK);
    expect(body).toMatchObject({
      id: 'carrier', transport: 'tls', srtp: 'mandatory', routePatterns: ['+1', '0044', '0033'], routePriority: 10,
      password: null, realm: 'carrier.example', callerId: '+15550100', codecs: ['PCMA'], allowedSources: ['198.51.100.7'],
      tls: { serverPin: null, trustedCa: '/etc/earpiece/carrier-ca.pem', clientCertificate: null, clientKey: null },
    });
  });

  it('leaves the TLS settings out unless the transport is TLS (the stored ones are kept)', () => {
    const body = requestOf({ ...formFrom(TLS_TRUNK), transport: 'udp' }, TLS_TRUNK);
    expect(body).not.toHaveProperty('tls');
    expect(requestOf({ ...EMPTY_TRUNK, id: 'x', host: 'h', username: 'u' }, null)).not.toHaveProperty('realm');
  });

  it('splits route patterns on commas and spaces', () => {
    expect(patternsOf(' +1, 0044  00X\n')).toEqual(['+1', '0044', '00X']);
    expect(patternsOf('')).toEqual([]);
  });

  it('marks what is plainly wrong at its field', () => {
    const errors = check({
      ...EMPTY_TRUNK, transport: 'tls', port: '70000', priority: '1001', patterns: '+1, 9-9', interval: '-1',
      serverPin: 'abc', clientCertificate: '/etc/earpiece/client.pem',
    });
    expect(Object.keys(errors).sort()).toEqual(['clientKey', 'interval', 'patterns', 'port', 'priority', 'serverPin']);
    expect(errors.patterns).toContain("'9-9'");
    expect(check({ ...EMPTY_TRUNK, transport: 'tls', serverPin: 'AB:'.repeat(31) })).toHaveProperty('serverPin');
    const pin = 'ab'.repeat(32).match(/../g)!.join(':');
    expect(check({ ...EMPTY_TRUNK, transport: 'tls', serverPin: pin })).toEqual({});
    expect(check(EMPTY_TRUNK)).toEqual({});
  });

  it('ignores TLS-only mistakes on a trunk that is not TLS', () => {
    expect(check({ ...EMPTY_TRUNK, transport: 'tcp', serverPin: 'abc', clientKey: '/k.pem' })).toEqual({});
  });

  it("maps the server's field names onto the form's", () => {
    expect(fieldOf('registerIntervalSeconds')).toBe('interval');
    expect(fieldOf('routePatterns')).toBe('patterns');
    expect(fieldOf('routePriority')).toBe('priority');
    expect(fieldOf('tls.trustedCa')).toBe('trustedCa');
    expect(fieldOf('tls.clientKey')).toBe('clientKey');
    expect(fieldOf('port')).toBe('port');
    expect(fieldOf('codecs')).toBeNull();
    expect(fieldOf(undefined)).toBeNull();
  });
});
