import { describe, expect, it } from 'vitest';
import { maxPngSide, pngSize } from '../../../client/src/share/exportFiles.js';

describe('The size of an exported PNG', () => {
  it('When the whole canvas is 16,000 px square (4,456 nodes), then the picture is saved at 4,096 px and says it was reduced', () => {
    expect(pngSize(16_000, 16_000)).toEqual({ width: maxPngSide, height: maxPngSide, reduced: true });
    expect(pngSize(16_000, 4_000)).toEqual({ width: 4096, height: 1024, reduced: true });
  });

  it('When the canvas fits, then it is saved as drawn', () => {
    expect(pngSize(2_400, 1_600)).toEqual({ width: 2400, height: 1600, reduced: false });
    expect(pngSize(4_096, 10)).toEqual({ width: 4096, height: 10, reduced: false });
  });
});
