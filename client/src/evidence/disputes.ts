/** Whether an element is a version of a disagreement: any `disputes` value (a key may be a number too). */
export function isDisputed(properties: Record<string, unknown>): boolean {
  const value = properties.disputes;
  return value !== undefined && value !== null && value !== '';
}
