import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isYuan } from './dto-rules';
import { PenaltyDto } from './penalty.dto';

describe('an amount in yuan to the fen', () => {
  it('takes what two decimals write exactly', () => {
    for (const v of [0, 1, 12.34, 19.99, 3000, 0.01, 1_000_000.5]) expect(isYuan(v)).toBe(true);
  });

  it('refuses fractions of a fen, numbers written with an exponent below a fen, and what is no finite number', () => {
    for (const v of [5e-324, 1e-7, 0.001, 12.345, 0.1 + 0.2, NaN, Infinity, -Infinity, '12.34', null, undefined]) expect(isYuan(v)).toBe(false);
  });

  it('is a field problem of the body, not a thrown error (class-validator threw on 5e-324 before)', () => {
    const errors = validateSync(plainToInstance(PenaltyDto, { kinds: ['FINE'], fineAmount: 5e-324 }));
    expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([['fineAmount', ['isYuan']]]);
  });
});
