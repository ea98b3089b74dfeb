/**
 * Midjourney through a midjourney-proxy deployment: imagine, blend,
 * upscale/variation/reroll actions, describe, progress and resume.
 * @module
 */
export { createMidjourney, midjourney, type MidjourneyProvider, type MidjourneyProviderSettings } from './midjourney-provider.js';
export { MidjourneyImageModel, type MidjourneyImageModelId } from './midjourney-image-model.js';
export type { MidjourneyBlendDimensions, MidjourneyImageOptions } from './midjourney-image-options.js';
export type { MidjourneyDescribeOptions, MidjourneyDescribeResult } from './midjourney-describe.js';
export type { MidjourneyParameters } from './midjourney-prompt.js';
export type { MidjourneyApi, MidjourneyConfig } from './midjourney-config.js';
