/** The WebGPU adapter this worker would get, described for people; software adapters flagged. */

type Gpu = { requestAdapter(): Promise<{ info?: Record<string, string | undefined> } | null> };

/**
 * Vendor, architecture and description of the adapter, and whether it is a software one
 * (SwiftShader, llvmpipe): those are slower than the CPU here, so they are measured, never
 * trusted by name. Null when the browser has no WebGPU or no adapter.
 */
export async function webGpuAdapter(): Promise<{ detail: string; software: boolean } | null> {
  const gpu = (navigator as unknown as { gpu?: Gpu }).gpu;
  if (!gpu) return null;
  const adapter = await gpu.requestAdapter();
  if (!adapter) return null;
  const info = adapter.info ?? {};
  const detail =
    [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') ||
    'unknown adapter';
  return { detail, software: /swiftshader|llvmpipe|software/i.test(detail) };
}
