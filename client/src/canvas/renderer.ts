/** Rasterisers that run WebGL on the CPU, where Cytoscape's WebGL renderer is far slower than its canvas. */
const softwareRasteriser = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver/i;

/** From this many nodes on, a hardware GPU draws the graph faster through WebGL than the 2D canvas does. */
export const webglFrom = 2_000;

/** The GPU's name as WebGL 2 reports it, or undefined where there is no WebGL 2. */
export function gpuName(): string | undefined {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return undefined;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

/** Whether to draw with Cytoscape's WebGL renderer: only on a hardware GPU, and only for a large graph. */
export function wantsWebgl(gpu: string | undefined, nodeCount: number): boolean {
  return gpu !== undefined && !softwareRasteriser.test(gpu) && nodeCount >= webglFrom;
}
