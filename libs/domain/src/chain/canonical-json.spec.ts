import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, u: undefined })).toBe(
      '{"a":{"c":true,"d":[1,"x",null]},"b":1}',
    );
  });

  it('is independent of insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('escapes strings as JSON does, keeping Chinese text intact', () => {
    expect(canonicalJson({ 名称: '立案"审批"' })).toBe('{"名称":"立案\\"审批\\""}');
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow('non-finite');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('cannot encode function');
  });

  it('refuses a Date, a Map, a Set or a Buffer instead of hashing it as {} (what the chain proves would change unseen)', () => {
    expect(() => canonicalJson({ at: new Date('2026-01-01T00:00:00Z') })).toThrow('cannot encode a Date');
    expect(() => canonicalJson({ m: new Map([['a', 1]]) })).toThrow('cannot encode a Map');
    expect(() => canonicalJson([new Set([1])])).toThrow('cannot encode a Set');
    expect(() => canonicalJson({ b: Buffer.from('x') })).toThrow('cannot encode a Buffer');
    class Dto {
      constructor(readonly b = 2, readonly a = 1) {}
    }
    expect(() => canonicalJson({ dto: new Dto() })).toThrow('cannot encode a Dto');
    // Plain objects, with or without a prototype, are what it encodes.
    expect(canonicalJson(Object.assign(Object.create(null) as object, { b: 2, a: 1 }))).toBe('{"a":1,"b":2}');
  });

  it('refuses an undefined array element (JSON would write null) but leaves out an undefined member', () => {
    expect(() => canonicalJson({ list: [1, undefined, 3] })).toThrow('cannot encode undefined at index 1');
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does: an astral character (a surrogate pair) before U+FFFF', () => {
    const [astral, last] = ['\u{1f600}', '\uffff'];
    expect(canonicalJson({ [last]: 1, [astral]: 2, a: 3 })).toBe(`{"a":3,${JSON.stringify(astral)}:2,${JSON.stringify(last)}:1}`);
  });
});
