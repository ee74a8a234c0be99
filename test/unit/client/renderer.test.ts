import { describe, expect, it } from 'vitest';
import { wantsWebgl, webglFrom } from '../../../client/src/canvas/renderer.js';

describe('choosing the renderer', () => {
  const hardware = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';

  it('When the GPU is hardware and the graph is large, then WebGL draws it', () => {
    expect(wantsWebgl(hardware, webglFrom)).toBe(true);
    expect(wantsWebgl('Apple M2', 10_000)).toBe(true);
  });

  it('When the graph is small, then the canvas draws it, whatever the GPU', () => {
    expect(wantsWebgl(hardware, webglFrom - 1)).toBe(false);
  });

  it('When WebGL runs on a software rasteriser or is missing, then the canvas draws even a large graph', () => {
    for (const software of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
    ]) {
      expect(wantsWebgl(software, 10_000)).toBe(false);
    }
    expect(wantsWebgl(undefined, 10_000)).toBe(false);
  });
});
