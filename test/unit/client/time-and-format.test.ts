import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDeadline,
  formatProperty,
  formatUntil,
  formatUsd,
} from '../../../client/src/inspect/format.js';
import {
  addDays,
  changeBetween,
  dateSpan,
  daysBetween,
  histogram,
  nextPeriod,
  validOn,
} from '../../../client/src/time/time.js';

describe('validOn', () => {
  const seat = { since: '2023-11-01', until: '2024-07-01' };
  it.each([
    ['2023-10-31', false],
    ['2023-11-01', true],
    ['2024-06-30', true],
    ['2024-07-01', false],
  ])('When the date is %s, then the seat is valid: %s', (asOf, valid) => {
    expect(validOn(seat, asOf)).toBe(valid);
  });

  it('When a bound is missing, then it is open', () => {
    expect(validOn({ since: '2020-01-01' }, '2099-01-01')).toBe(true);
    expect(validOn({}, '1900-01-01')).toBe(true);
  });
});

describe('changeBetween', () => {
  it('When something began or ended between two dates, then it is new or gone', () => {
    expect(changeBetween({ since: '2024-03-01' }, '2024-01-01', '2024-12-31')).toBe('new');
    expect(changeBetween({ since: '2020-01-01', until: '2024-07-01' }, '2024-01-01', '2024-12-31')).toBe('gone');
    expect(changeBetween({ since: '2020-01-01' }, '2024-01-01', '2024-12-31')).toBe('same');
  });
});

describe('date span and slider days', () => {
  it('When items carry dates, then the span runs from the first to the last and days convert both ways', () => {
    const span = dateSpan([{ since: '2019-07-01' }, { until: '2030-01-01' }, { since: 'not a date' }]);
    expect(span).toEqual({ first: '2019-07-01', last: '2030-01-01' });
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
});

describe('formatting for people', () => {
  it('When amounts are shown, then they read in millions and billions', () => {
    expect(formatUsd(13e9)).toBe('$13 billion');
    expect(formatUsd(493.8e6)).toBe('$493.8 million');
    expect(formatUsd(8.65e9)).toBe('$8.65 billion');
    expect(formatUsd(2500)).toBe('$2,500');
  });

  it('When dates are shown, then they keep the precision they are known to', () => {
    expect(formatDate('2019-07-01', 'month')).toBe('July 2019');
    expect(formatDate('2019-01-01', 'year')).toBe('2019');
    expect(formatDate('2025-06-22')).toBe('22 June 2025');
  });

  it('When properties are shown, then money, percentages and dates are recognised by their keys', () => {
    const properties = { since: '2023-01-01', sincePrecision: 'month', percent: 49, capUsd: 1.2e11 };
    expect(formatProperty('since', properties.since, properties)).toBe('January 2023');
    expect(formatProperty('percent', 49, properties)).toBe('49 %');
    expect(formatProperty('capUsd', 1.2e11, properties)).toBe('$120 billion');
  });

  it('When a date is known as the end of a year, then it reads "late" that year', () => {
    expect(formatDate('2022-01-01', 'late-year')).toBe('late 2022');
  });

  it('When an exclusive end is shown, then it reads as the last period the fact held', () => {
    expect(formatUntil('2024-08-01', 'month')).toBe('July 2024');
    expect(formatUntil('2031-01-01', 'year')).toBe('2030');
    expect(formatUntil('2024-01-01', 'month')).toBe('December 2023');
    expect(formatUntil('2024-03-01')).toBe('29 February 2024');
    const seat = { until: '2024-08-01', untilPrecision: 'month' };
    expect(formatProperty('until', seat.until, seat)).toBe('July 2024');
  });

  it('When a deadline or a status date is shown, then it keeps its own precision', () => {
    expect(formatDeadline('2026-01-01', 'year')).toBe('by the end of 2025');
    const chips = {
      deadline: '2026-01-01',
      deadlinePrecision: 'year',
      statusAsOf: '2025-06-01',
      statusAsOfPrecision: 'month',
    };
    expect(formatProperty('deadline', chips.deadline, chips)).toBe('by the end of 2025');
    expect(formatProperty('statusAsOf', chips.statusAsOf, chips)).toBe('June 2025');
    expect(formatProperty('statusAsOf', '2022-01-01', { statusAsOfPrecision: 'late-year' })).toBe('late 2022');
  });

  it('When a number is a year, then it has no thousands separator; other numbers keep theirs', () => {
    expect(formatProperty('released', 1999, {})).toBe('1999');
    expect(formatProperty('foundedYear', 12_000, {})).toBe('12000');
    expect(formatProperty('year', 2024, {})).toBe('2024');
    expect(formatProperty('employees', 12_000, {})).toBe('12,000');
  });

  it('When a fact comes from outside the documents or is disputed, then the panel says so', () => {
    expect(formatProperty('outsideKnowledge', true, {})).toMatch(/not from the documents/);
    expect(formatProperty('disputes', 'microsoft-total-investment', {})).toMatch(/sources give other figures/);
  });
});

describe('the As-of scale', () => {
  it('When things began and ended over a few years, then each month counts them, empty months included', () => {
    const items = [{ since: '2023-11-01', until: '2024-08-01' }, { since: '2023-11-20' }, { since: 2024 }];
    const { unit, bins } = histogram(items, { first: '2023-11-01', last: '2024-08-01' });
    expect(unit).toBe('month');
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ start: '2023-11-01', began: 2, ended: 0 });
    expect(bins[2]).toEqual({ start: '2024-01-01', began: 1, ended: 0 });
    expect(bins.at(-1)).toEqual({ start: '2024-08-01', began: 0, ended: 1 });
  });

  it('When the span is long, then it counts by year, and playing steps one period at a time', () => {
    const { unit, bins } = histogram([{ since: 1999 }, { since: '2020-05-05' }], {
      first: '1999-01-01',
      last: '2020-05-05',
    });
    expect(unit).toBe('year');
    expect(bins).toHaveLength(22);
    expect(nextPeriod('2024-01-15', 'month')).toBe('2024-02-01');
    expect(nextPeriod('2024-12-15', 'month')).toBe('2025-01-01');
    expect(nextPeriod('2024-06-15', 'year')).toBe('2025-01-01');
  });
});
