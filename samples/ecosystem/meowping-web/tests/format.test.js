const { formatScore } = require('../src/utils/format');

describe('formatScore', () => {
  it('pads to four digits', () => {
    expect(formatScore(7)).toBe('0007');
  });

  // Focused while debugging and never removed: the other tests in this file silently stop running.
  it.only('keeps long scores whole', () => {
    expect(formatScore(123456)).toBe('123456');
  });

  it.skip('formats negative scores', () => {
    expect(formatScore(-1)).toBe('-001');
  });

  test.todo('formats scores with thousands separators');

  // it.only('commented out: Muster does not count this', () => {});
});
