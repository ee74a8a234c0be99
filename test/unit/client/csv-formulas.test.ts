import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../client/src/share/exportFiles.js';

describe('the CSV export and formulas', () => {
  it('When a property starts like a formula (=, +, -, @), then the exported cell is text a spreadsheet will not run', () => {
    const csv = toCsv([
      {
        fixed: { id: 'a' },
        properties: { role: '=HYPERLINK("http://x")', phone: '+44', note: '@admin', minus: '-2+3' },
      },
      { fixed: { id: 'b' }, properties: { role: 'plain', phone: -5, note: 'x', minus: 'y' } },
    ]);
    const [, first, second] = csv.split('\n');
    // Columns: id, then the property keys in order (minus, note, phone, role).
    expect(first).toBe(`a,'-2+3,'@admin,'+44,"'=HYPERLINK(""http://x"")"`);
    expect(second).toBe('b,y,x,-5,plain');
  });
});
