import { describe, expect, it } from 'vitest';
import { formOf, initialForm, mappingOf, rowId } from '../../../client/src/imports/mappingForm.js';

const preview = {
  columns: ['country', 'number', 'name', 'founded', 'source'],
  rows: [{ country: 'GB', number: '01234567', name: 'Acme Ltd', founded: '1999', source: 'Companies House' }],
  delimiter: ',',
};

describe('the import mapping form', () => {
  it('When a file is first previewed, then the caption, dates and source columns are guessed and the rest typed', () => {
    const form = initialForm(preview);
    expect(form).toMatchObject({ kind: 'nodes', caption: 'name', sourceColumn: 'source', idPart: '' });
    expect(form.properties.founded).toBe('integer');
  });

  it('When the id is made of two columns, then the mapping names both, neither is also a property, and a row gets both values joined with ":"', () => {
    const form = { ...initialForm(preview), labels: 'Company', id: 'country', idPart: 'number' };
    const mapping = mappingOf(form);
    expect(mapping.nodes).toEqual({ labels: ['Company'], id: ['country', 'number'], caption: 'name' });
    expect(Object.keys(mapping.properties)).toEqual(['founded']);
    expect(mapping.source).toEqual({ column: 'source' });
    expect(rowId(form, preview.rows[0]!)).toBe('GB:01234567');
  });

  it('When a saved mapping is shown on the file again, then the form says the same mapping, composite id included', () => {
    const form = { ...initialForm(preview), labels: 'Company, Registered', id: 'country', idPart: 'number' };
    const mapping = mappingOf(form);
    expect(mappingOf(formOf(mapping, preview))).toEqual(mapping);
    const three = { ...mapping, nodes: { ...mapping.nodes!, id: ['country', 'number', 'founded'] } };
    expect(mappingOf(formOf(three, preview)).nodes?.id).toEqual(['country', 'number', 'founded']);
    const single = mappingOf({ ...form, idPart: '' });
    expect(single.nodes?.id).toBe('country');
    expect(formOf(single, preview).idPart).toBe('');
    expect(Object.keys(single.properties)).toEqual(['number', 'founded']);
  });
});
