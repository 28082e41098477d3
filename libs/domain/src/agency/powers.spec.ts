import { testPolicy } from '../testing/test-policy';

const TEST_POLICY = testPolicy();
import { outsidePowers, powersProblems, withLegalBases } from './powers';

describe("an agency's list of powers (APL 17, 18)", () => {
  it('an agency with no list configured registers every code; one with a list only its own', () => {
    expect(outsidePowers(null, 'FOOD-UNLICENSED', 'A')).toBeNull();
    const list = [{ violationCode: 'FOOD-UNLICENSED', legalBasis: '《食品安全法》第122条' }];
    expect(outsidePowers(list, 'FOOD-UNLICENSED', 'A')).toBeNull();
    expect(outsidePowers(list, 'TRAFFIC-RULE', 'A')?.zh).toContain('权责清单');
    expect(outsidePowers([], 'FOOD-UNLICENSED', 'A')).not.toBeNull();
  });

  it('names a code outside the catalogue, a code listed twice and an empty legal basis', () => {
    const problems = powersProblems(
      [
        { violationCode: 'FOOD-UNLICENSED', legalBasis: 'x' },
        { violationCode: 'NO-SUCH', legalBasis: 'x' },
        { violationCode: 'FOOD-UNLICENSED', legalBasis: 'x' },
        { violationCode: 'TRAFFIC-RULE', legalBasis: ' ' },
      ],
      TEST_POLICY,
    );
    expect(problems.map((p) => p.field)).toEqual(['powers[1].violationCode', 'powers[2].violationCode', 'powers[3].legalBasis']);
  });

  it("fills a missing legal basis with the provision's", () => {
    const [p] = withLegalBases([{ violationCode: 'FOOD-UNLICENSED' }], TEST_POLICY);
    expect(p.legalBasis).toBe(TEST_POLICY.violations.find((v) => v.code === 'FOOD-UNLICENSED')!.legalBasis);
  });
});
