import { unstorableField } from './storable-text';

describe('text Postgres cannot store', () => {
  it('names the first string, at any depth, holding NUL or an unpaired surrogate', () => {
    expect(unstorableField({ title: 'a\u0000b' })).toBe('title');
    expect(unstorableField({ penalty: { kinds: ['FINE', '\ud800'] } })).toBe('penalty.kinds[1]');
    expect(unstorableField({ text: 'x\udc00' })).toBe('text');
    expect(unstorableField(['ok', { a: '\u0000' }])).toBe('[1].a');
    expect(unstorableField('\u0000')).toBe('');
  });

  it('names a key holding one, the character replaced', () => {
    expect(unstorableField({ 'a\u0000': 1 })).toBe('a?');
  });

  it('accepts any other text: paired surrogates (emoji), CJK, control characters Postgres stores', () => {
    expect(unstorableField({ text: '当事人 😀 \t\n\u0001', n: 1, b: true, x: null, list: [1, 'é'] })).toBeUndefined();
    expect(unstorableField(undefined)).toBeUndefined();
  });
});
