import { describe, expect, it } from 'vitest';
import { addProvisional, addStoredCard, cardPhase, DEFAULT_FADE_SECONDS, fadeSeconds, FADE_OUT_MS, mergeCards, newestCard, nextChangeAt, withdrawProvisional, type LiveCard } from './cards';
import type { CardEvent, CardView, ProvisionalCardEvent } from './types';

const view = (id: number, extra: Partial<CardView> = {}): CardView =>
  ({ id, cardKey: `k${id}`, title: `T${id}`, body: `B${id}`, priority: 2, utterance: id, trigger: null, ...extra });

const card = (id: number, receivedAt: number, extra: Partial<LiveCard> = {}): LiveCard =>
  ({ ...view(id), receivedAt, pinned: false, held: false, releasedAt: null, feedback: null, ...extra });

const FADE = 12_000;

describe('card fade', () => {
  it('is shown, then fading during the last moments, then gone after the configured time', () => {
    const c = card(1, 1000);
    expect(cardPhase(c, 1000, FADE)).toBe('shown');
    expect(cardPhase(c, 1000 + FADE - FADE_OUT_MS - 1, FADE)).toBe('shown');
    expect(cardPhase(c, 1000 + FADE - FADE_OUT_MS + 1, FADE)).toBe('fading');
    expect(cardPhase(c, 1000 + FADE, FADE)).toBe('gone');
  });

  it('never fades while held (hovered or focused) or pinned', () => {
    expect(cardPhase(card(1, 0, { held: true }), 10 * FADE, FADE)).toBe('shown');
    expect(cardPhase(card(1, 0, { pinned: true }), 10 * FADE, FADE)).toBe('shown');
  });

  it('restarts the timer when the pointer leaves', () => {
    const released = card(1, 0, { releasedAt: 20_000 });
    expect(cardPhase(released, 25_000, FADE)).toBe('shown');
    expect(cardPhase(released, 20_000 + FADE, FADE)).toBe('gone');
  });

  it('leaves at once after used or dismissed, even when pinned', () => {
    expect(cardPhase(card(1, 0, { feedback: 'used' }), 0, FADE)).toBe('gone');
    expect(cardPhase(card(1, 0, { feedback: 'dismissed', pinned: true }), 0, FADE)).toBe('gone');
  });

  it('schedules the next change at the earliest fade start or end, ignoring held cards', () => {
    const cs = [card(1, 0), card(2, 5000), card(3, 0, { held: true })];
    expect(nextChangeAt(cs, 100, FADE)).toBe(FADE - FADE_OUT_MS);
    expect(nextChangeAt(cs, FADE - 100, FADE)).toBe(FADE);
    expect(nextChangeAt([card(1, 0, { pinned: true })], 0, FADE)).toBeNull();
  });

  it('works with fade times shorter than the fade-out animation', () => {
    expect(cardPhase(card(1, 0), 100, 500)).toBe('fading');
    expect(cardPhase(card(1, 0), 500, 500)).toBe('gone');
  });
});

describe('cards', () => {
  it('merges by id so a replay after reconnect neither duplicates nor restarts a card', () => {
    const have = [card(1, 1000)];
    const merged = mergeCards(have, [view(1), view(2, { feedback: 'used' })], 9000);
    expect(merged.map((c) => [c.id, c.receivedAt, c.feedback])).toEqual([[1, 1000, null], [2, 9000, 'used']]);
    expect(mergeCards(merged, [view(2)], 10_000)).toBe(merged);
  });

  it('finds the newest card whatever its phase', () => {
    expect(newestCard([card(1, 5), card(3, 9, { feedback: 'dismissed' }), card(2, 7)])?.id).toBe(3);
    expect(newestCard([])).toBeNull();
  });

  it('reads the fade time from ?fade=, then the saved setting, then the default', () => {
    expect(fadeSeconds('?fade=4', '20')).toBe(4);
    expect(fadeSeconds('?fade=abc', '20')).toBe(20);
    expect(fadeSeconds('', null)).toBe(DEFAULT_FADE_SECONDS);
    expect(fadeSeconds('?fade=-1', '0')).toBe(DEFAULT_FADE_SECONDS);
  });
});

describe('provisional cards', () => {
  const provisional = (key: string): ProvisionalCardEvent => ({ type: 'card_provisional', callId: 'c', key,
    cardKey: 'objection-price', title: 'Price', body: 'Ask what they compare with', priority: 1, party: 'customer',
    trigger: 'objection:price' });
  const stored = (id: number, replaces: string | null): CardEvent => ({ type: 'card', callId: 'c', ...view(id),
    cardKey: 'objection-price', replaces });

  it('goes up once, with a negative id and no feedback', () => {
    const once = addProvisional([], provisional('customer/3/objection-price'), 100);
    const twice = addProvisional(once, provisional('customer/3/objection-price'), 200);
    expect(twice).toBe(once);
    expect(once).toHaveLength(1);
    expect(once[0].id).toBeLessThan(0);
    expect(once[0].provisionalKey).toBe('customer/3/objection-price');
  });

  it('is replaced in place by the stored card that confirms it, keeping its timer and pin', () => {
    let cs = addProvisional([card(1, 0)], provisional('customer/3/objection-price'), 100);
    cs = cs.map((c) => (c.provisionalKey ? { ...c, pinned: true } : c));
    cs = addStoredCard(cs, stored(7, 'customer/3/objection-price'), 900);
    expect(cs.map((c) => c.id)).toEqual([1, 7]);
    expect(cs[1]).toMatchObject({ receivedAt: 100, pinned: true, provisionalKey: undefined,
      uiKey: 'customer/3/objection-price' });
  });

  it('is taken down when withdrawn; other cards stay', () => {
    const cs = addProvisional([card(1, 0)], provisional('rep/0/x'), 100);
    expect(withdrawProvisional(cs, 'rep/0/x').map((c) => c.id)).toEqual([1]);
    expect(withdrawProvisional(cs, 'rep/9/none')).toBe(cs);
  });

  it('adds a stored card without a provisional one as before', () => {
    expect(addStoredCard([card(1, 0)], stored(2, null), 50).map((c) => c.id)).toEqual([1, 2]);
    expect(addStoredCard([card(1, 0)], stored(2, 'gone/0/x'), 50).map((c) => c.id)).toEqual([1, 2]);
  });
});
