export { generateImage } from './generate-image.js';
export type { GenerateImageResult } from './generate-image-result.js';
export type { GenerateImageOptions, ImagePrompt, ImagePromptInput } from './prepare-image-call.js';
