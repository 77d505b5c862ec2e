import { describe, expect, it } from 'vitest';
import { dialBody, dialState } from './meeting';

const empty = { number: '', pin: '', pinDelaySeconds: '', rep: '', title: '' };

describe('dialBody', () => {
  it('sends the typed fields as JSON, the PIN delay in milliseconds', () => {
    expect(dialBody({ ...empty, number: ' +1 555 010 2000 ', pin: '482193#', pinDelaySeconds: '4.5', title: 'Review' }, null))
      .toEqual({ kind: 'json', body: { number: '+1 555 010 2000', pin: '482193#', pinDelay: 4500, title: 'Review' } });
  });

  it('needs a number or an invitation', () => {
    expect(dialBody(empty, null)).toEqual({ error: 'Enter the dial-in number, or choose the invitation (.ics)' });
  });

  it('refuses a PIN delay outside 0-120 s', () => {
    expect(dialBody({ ...empty, number: '5550100', pinDelaySeconds: '121' }, null)).toEqual({ error: 'PIN delay must be 0-120 seconds' });
    expect(dialBody({ ...empty, number: '5550100', pinDelaySeconds: 'soon' }, null)).toHaveProperty('error');
  });

  it('sends an invitation as a multipart form with the fields that override it', () => {
    const invite = new File(['BEGIN:VCALENDAR'], 'meeting.ics', { type: 'text/calendar' });
    const b = dialBody({ ...empty, rep: 'otto' }, invite);
    expect(b).toHaveProperty('kind', 'form');
    const form = (b as { form: FormData }).form;
    expect((form.get('invite') as File).name).toBe('meeting.ics');
    expect(form.get('rep')).toBe('otto');
    expect(form.get('number')).toBeNull();
  });
});

describe('dialState', () => {
  it('says each state in words', () => {
    expect(dialState('JOINED')).toBe('In the meeting, transcribing');
    expect(dialState('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});
