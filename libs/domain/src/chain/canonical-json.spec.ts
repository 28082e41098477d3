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
});
