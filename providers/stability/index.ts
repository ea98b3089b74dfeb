/**
 * Stable Diffusion: Stability AI's hosted API (`createStability`) and a
 * self-hosted AUTOMATIC1111 WebUI (`createAutomatic1111`).
 * @module
 */
export { createStability, stability, type StabilityProvider, type StabilityProviderSettings } from './stability-provider.js';
export { StabilityImageModel, type StabilityImageModelId } from './stability-image-model.js';
export type { StabilityImageOptions } from './stability-image-options.js';
export type { StabilityConfig } from './stability-config.js';
export { automatic1111, createAutomatic1111, type Automatic1111Provider, type Automatic1111ProviderSettings } from './automatic1111-provider.js';
export { Automatic1111ImageModel } from './automatic1111-image-model.js';
export type { Automatic1111ImageOptions } from './automatic1111-image-options.js';
export type { Automatic1111Config } from './automatic1111-config.js';
