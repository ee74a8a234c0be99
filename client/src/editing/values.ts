import type { PropertyValue } from './editingApi';

/**
 * A property value as a form shows it (text), and the text read back as a value of the same kind: a tagged
 * value keeps its type, a number stays a number, a list of text stays a list (one item a line). Undefined:
 * the text is not a value of that kind.
 */
export function valueText(value: PropertyValue): string {
  if (Array.isArray(value)) return value.map((item) => valueText(item)).join('\n');
  if (typeof value === 'object') return typeof value.value === 'string' ? value.value : JSON.stringify(value.value);
  return String(value);
}

export function readValue(text: string, like: PropertyValue): PropertyValue | undefined {
  if (Array.isArray(like)) {
    const items = text.split('\n').filter((line) => line.trim() !== '');
    const first = like[0] ?? '';
    const read = items.map((item) => readValue(item, first));
    return read.every((item) => item !== undefined && !Array.isArray(item)) ? (read as PropertyValue) : undefined;
  }
  if (typeof like === 'number') {
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? number : undefined;
  }
  if (typeof like === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  if (typeof like === 'object') {
    if (like.type === 'point') return undefined;
    return text.trim() ? { type: like.type, value: text.trim() } : undefined;
  }
  return text;
}

/** Whether a key is one the form offers: Entente's bookkeeping, the evidence and the id are not edited here. */
export function editableKey(key: string): boolean {
  return !key.startsWith('_entente') && !['claim', 'sources', 'id'].includes(key);
}

/** Neo4j's kinds (`valueType`) as a form reads text: one of the tagged types, a number, a list, or text. */
export function valueOfKind(text: string, kind: string): PropertyValue | undefined {
  const trimmed = text.trim();
  const bare = kind.replace(/ NOT NULL/g, '');
  const list = /^LIST<(.+)>$/.exec(bare);
  if (list) {
    const items = text.split('\n').filter((line) => line.trim() !== '');
    const read = items.map((item) => valueOfKind(item, list[1]!));
    return read.every((item) => item !== undefined && !Array.isArray(item)) ? (read as PropertyValue) : undefined;
  }
  switch (bare) {
    case 'INTEGER':
      if (!/^-?\d{1,19}$/.test(trimmed)) return undefined;
      return Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : { type: 'integer', value: trimmed };
    case 'FLOAT':
      return trimmed !== '' && Number.isFinite(Number(trimmed)) ? { type: 'float', value: trimmed } : undefined;
    case 'BOOLEAN':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : undefined;
    case 'DATE':
      return trimmed ? { type: 'date', value: trimmed } : undefined;
    case 'ZONED DATETIME':
      return trimmed ? { type: 'datetime', value: trimmed } : undefined;
    case 'LOCAL DATETIME':
      return trimmed ? { type: 'localdatetime', value: trimmed } : undefined;
    case 'DURATION':
      return trimmed ? { type: 'duration', value: trimmed } : undefined;
    default:
      return text;
  }
}

/** What a field of this kind asks for. */
export function kindHint(kind: string): string {
  const bare = kind.replace(/ NOT NULL/g, '');
  if (bare.startsWith('LIST<')) return 'one per line';
  const hints: Record<string, string> = {
    INTEGER: 'whole number',
    FLOAT: 'number',
    BOOLEAN: 'true or false',
    DATE: 'YYYY-MM-DD',
    'ZONED DATETIME': 'YYYY-MM-DDThh:mm:ssZ',
    DURATION: 'P1Y2M',
  };
  return hints[bare] ?? 'text';
}
