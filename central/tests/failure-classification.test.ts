import { describe, expect, it } from 'vitest';
import { centralErrors, CENTRAL_ERROR_CODES } from '../../shared/central-api/errors';
import { classifyCentralFailure, explainMissingAnswer } from '../../shared/central-api/failure-classification';
import type { CentralDiagnosis } from '../../shared/central-api/transport-diagnosis';
import { translate } from '../../shared/i18n/translate';
import { cannedResponses } from '../../tests/support/fault-proxy';

describe('classifyCentralFailure', () => {
  it.each(CENTRAL_ERROR_CODES)('trusts the service body for %s', (code) => {
    const failure = classifyCentralFailure({ status: centralErrors[code].status, body: JSON.stringify({ code, message: 'x' }) });
    expect(failure).toMatchObject({ code, action: centralErrors[code].action, messageKey: `central.error.${code}` });
    // Every code has a message in both languages.
    expect(translate('it', failure.messageKey)).not.toBe(failure.messageKey);
    expect(translate('en', failure.messageKey)).not.toBe(failure.messageKey);
  });

  it.each([
    ['no response (network, TLS)', null, 'retry', 'central.transport.unreachable'],
    ['HTML 502 from a proxy', { status: 502, body: String(cannedResponses.badGatewayHtml.body) }, 'retry', 'central.transport.serverError'],
    ['plain 503', { status: 503, body: 'Service Unavailable' }, 'retry', 'central.transport.serverError'],
    ['HTML 413 from a proxy', { status: 413, body: String(cannedResponses.tooLargeHtml.body) }, 'quarantine', 'central.transport.tooLarge'],
    ['200 captive portal page', { status: 200, body: String(cannedResponses.okHtml.body) }, 'retry', 'central.transport.notService'],
    ['201 truncated JSON', { status: 201, body: '{"caseId":"6f1c2d3e-4a5b' }, 'retry', 'central.transport.notService'],
    ['500 garbage bytes', { status: 500, body: '\u00ff\u0000{' }, 'retry', 'central.transport.serverError'],
    ['401 from a proxy', { status: 401, body: '<html>login</html>' }, 'enroll', 'central.transport.unauthorized'],
    ['404 HTML (wrong address)', { status: 404, body: '<html>Not Found</html>' }, 'check-configuration', 'central.transport.unexpected'],
    ['JSON with an unknown code', { status: 400, body: '{"code":"SOMETHING","message":"x"}' }, 'check-configuration', 'central.transport.unexpected'],
  ])('%s', (_name, response, action, messageKey) => {
    const failure = classifyCentralFailure(response);
    expect(failure).toMatchObject({ code: null, action, messageKey });
    expect(translate('it', failure.messageKey, failure.messageParams)).toMatch(/\S/);
  });
});

describe('explainMissingAnswer: no readable answer in the renderer, explained by what main found', () => {
  it.each<[string, CentralDiagnosis | null, string, RegExp]>([
    ['no diagnosis (plain browser, main unreachable)', null, 'central.transport.unreachable', /apparato di rete intermedio.*assistenza informatica/],
    ['no URL configured', { kind: 'unconfigured' }, 'central.transport.unreachable', /Nessuna risposta leggibile/],
    ['nothing listening', { kind: 'no-answer', error: 'ECONNREFUSED' }, 'central.transport.noAnswer', /non raggiungibile.*ECONNREFUSED/],
    ['a proxy page without CORS headers', { kind: 'answered', status: 502, byService: false, html: true }, 'central.transport.middlebox', /apparato di rete intermedio.*\(stato 502\).*assistenza informatica/],
    ['the service answers main but not the renderer', { kind: 'answered', status: 401, byService: true, html: false }, 'central.transport.blocked', /risponde, ma.*assistenza informatica/],
    ['a refused certificate', { kind: 'certificate', error: 'ERR_CERT_AUTHORITY_INVALID' }, 'central.transport.certificate', /certificato.*ERR_CERT_AUTHORITY_INVALID.*assistenza informatica/],
  ])('%s', (_name, diagnosis, messageKey, italian) => {
    const failure = explainMissingAnswer(diagnosis);
    // The outbox's behaviour stays that of no answer: status 0, retried later.
    expect(failure).toMatchObject({ status: 0, code: null, action: 'retry', messageKey });
    expect(translate('it', failure.messageKey, failure.messageParams)).toMatch(italian);
    expect(translate('en', failure.messageKey, failure.messageParams)).not.toMatch(/\{\w+\}/);
  });
});
