/** Characters that need attention in XML: markup, whitespace an attribute would normalise, anything invalid. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const special = /[&<>"'\t\n\r\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

/**
 * Characters XML 1.0 cannot hold at all (C0 controls other than tab, newline and return; U+FFFE, U+FFFF;
 * surrogates that are not part of a pair): written as U+FFFD, the replacement character.
 */
const invalid =
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Written as references so that attribute-value normalisation keeps them as they are.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text safe inside an XML attribute value (either quote) or element content, as readers will read it back. */
export function escapeXml(text: string): string {
  if (!special.test(text)) return text;
  return text.replace(invalid, '\ufffd').replace(/[&<>"'\t\n\r]/g, (character) => entities[character]!);
}
