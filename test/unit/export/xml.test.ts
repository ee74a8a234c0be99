import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { attributeText, csvCell } from '../../../server/export/formats.js';
import { escapeXml } from '../../../server/export/xml.js';

const hostile = [
  '<script>alert(1)</script>',
  'Tom & "Jerry" \'quoted\'',
  ']]> <![CDATA[ x ]]>',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  '&amp; already escaped &#60; &lt;',
  'tab\tnewline\ncarriage\rreturn\r\n',
  'nul\u0000 bell\u0007 escape\u001b vertical\u000b',
  'lone high \ud83d and lone low \ude00 and a pair 🦀',
  'non-characters \ufffe\uffff',
  'accents é ü 漢字',
  '',
];

/** What Python's XML parser reads back from an element's attribute and text holding the escaped value. */
function readBack(values: string[]): { attribute: string; text: string }[] {
  const xml = `<root>${values.map((value) => `<v a="${escapeXml(value)}">${escapeXml(value)}</v>`).join('')}</root>`;
  const script =
    'import sys, json, xml.etree.ElementTree as ET\n' +
    'root = ET.fromstring(sys.stdin.read())\n' +
    'print(json.dumps([{"attribute": v.get("a"), "text": v.text or ""} for v in root]))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: xml, encoding: 'utf8' })) as {
    attribute: string;
    text: string;
  }[];
}

/** The string as XML can hold it: characters XML 1.0 forbids become U+FFFD. */
function expected(value: string): string {
  return [...value]
    .map((character) => {
      const code = character.codePointAt(0)!;
      const allowed =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        code >= 0x10000;
      return allowed ? character : '\ufffd';
    })
    .join('');
}

describe('escapeXml', () => {
  it('When hostile strings are escaped, then an XML parser reads each back as written, in attributes and text', () => {
    const read = readBack(hostile);
    hostile.forEach((value, index) => {
      expect(read[index]!.attribute).toBe(expected(value));
      // Element text keeps \r only as a character reference, which escapeXml writes.
      expect(read[index]!.text).toBe(expected(value));
    });
  });

  it('When a string has no special character, then it is returned as it is', () => {
    const plain = 'Microsoft invested in OpenAI (2019)';
    expect(escapeXml(plain)).toBe(plain);
  });
});

describe('attribute and CSV cells', () => {
  it('When a double is not finite, then it is written as XML Schema spells it', () => {
    expect(['Infinity', '-Infinity', 'NaN', 1.5].map((value) => attributeText(value, 'double'))).toEqual([
      'INF',
      '-INF',
      'NaN',
      '1.5',
    ]);
    expect(attributeText(['a', 1], 'string')).toBe('["a",1]');
    expect(attributeText(null, 'string')).toBeUndefined();
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+33 1 23', "'+33 1 23"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=x', "'\t=x"],
    ['\r=x', "'\r=x"],
    ['plain', 'plain'],
  ])('When a text cell is %j, then it is written %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('When a cell is a number or a boolean, then it stays one (a negative number is no formula)', () => {
    expect([csvCell(-2), csvCell(true), csvCell(null), csvCell({ a: '=x' })]).toEqual(['-2', 'true', '', '{"a":"=x"}']);
  });
});
