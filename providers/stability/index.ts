/**
 * Stable Diffusion: Stability AI's hosted API (`createStability`) and a
 * self-hosted AUTOMATIC1111 WebUI (`createAutomatic1111`).
 * @module
 */
export { createStability, stability, type StabilityProvider, type StabilityProviderSettings } from './stability-provider.js';
export { StabilityImageModel, type StabilityImageModelId } from './stability-image-model.js';
export type { StabilityImageOptions } from './stability-image-options.js';
export type { StabilityConfig } from './stability-config.js';
